import { Command } from 'commander';
import { isStale, monthsOld } from '../catalog/staleness.js';
import { datasetStatuses } from '../data/datasets.js';
import { makeStyle } from '../ui/color.js';
import type { Column } from '../ui/table.js';
import { type Context, examples } from './context.js';

function infoCommand(ctx: Context): Command {
  return new Command('info')
    .description('List each dataset with its as-of date, record count, source and active copy')
    .option('--json', 'print JSON')
    .addHelpText('after', examples(['mls data info', 'mls data info --json']))
    .action(async (opts: { json?: boolean }) => {
      const { io, now } = ctx;
      const rows = datasetStatuses(io.env).map((s) => ({
        ...s.active.meta,
        file: s.active.file,
        active: s.active.origin,
        path: s.active.origin === 'imported' ? s.active.path : null,
        bundledAsOf: s.bundled.meta.asOf,
        monthsOld: monthsOld(s.active.meta.asOf, now),
        stale: isStale(s.active.meta.asOf, now),
      }));
      if (opts.json) {
        io.out(JSON.stringify({ schemaVersion: 1, datasets: rows }, null, 2));
        return;
      }
      const chalk = await makeStyle(io.stdoutIsTTY, io.env);
      const { renderTable } = await import('../ui/table.js');
      const columns: Column<(typeof rows)[number]>[] = [
        { header: 'Dataset', value: (r) => r.dataset },
        { header: 'As of', value: (r) => r.asOf, style: (t, r) => (r.stale ? chalk.yellow(t) : t) },
        { header: 'Records', value: (r) => String(r.recordCount) },
        { header: 'Copy', value: (r) => r.active },
        { header: 'Source', value: (r) => r.source, shrink: { order: 1 } },
      ];
      io.out(renderTable(rows, columns, { maxWidth: io.columns, header: (t) => chalk.dim(t) }));
      const stale = rows.filter((r) => r.stale);
      const warn = await makeStyle(io.stderrIsTTY, io.env);
      for (const r of stale) {
        io.err(
          warn.yellow(
            `warning: ${r.dataset} is ${r.monthsOld} months old (as of ${r.asOf}); newer official data may exist`,
          ),
        );
      }
    });
}

export function dataCommand(ctx: Context): Command {
  return new Command('data')
    .description('Bundled datasets: where they come from, how old they are, and refreshing them')
    .addHelpText('after', examples(['mls data info']))
    .addCommand(infoCommand(ctx));
}
