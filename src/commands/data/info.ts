import { datasetRows } from '../../catalog/staleness.js';
import { datasetStatuses } from '../../store/datasets.js';
import { makeStyle } from '../../ui/color.js';
import { datasetTable, staleWarnings } from '../../ui/datasets.js';
import { wrapWords } from '../../ui/wrap.js';
import type { Context } from '../shared/context.js';
import { printJson } from '../shared/json.js';

export interface InfoOptions {
  json?: boolean;
}

/** `mls data info`: each dataset with its as-of date, records, source and active copy. */
export async function runInfo(ctx: Context, opts: InfoOptions): Promise<void> {
  const { io } = ctx;
  const rows = datasetRows(datasetStatuses(io.env), ctx.now);
  if (opts.json) {
    printJson(io, { datasets: rows });
    return;
  }
  io.out(datasetTable(rows, await makeStyle(io.stdoutIsTTY, io.env), io.columns));
  const warn = await makeStyle(io.stderrIsTTY, io.env);
  // On a terminal a warning wraps to its width, continuation lines indented under "warning:".
  const width = io.stderrIsTTY ? io.columns : undefined;
  for (const line of staleWarnings(rows)) io.err(warn.yellow(width ? wrapWords(line, width, '  ') : line));
}
