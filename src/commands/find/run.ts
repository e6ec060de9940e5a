/** `mls find`: read the bundled programs, filter and sort them (catalog), render (ui). */

import { withImportedCharges } from '../../catalog/cost.js';
import {
  DELIVERY_ALIASES,
  type DeliveryMode,
  filterPrograms,
  normaliseDegree,
  type ProgramFilters,
  placeGuidance,
  sortPrograms,
} from '../../catalog/programs.js';
import { didYouMean } from '../../catalog/suggest.js';
import { ExitCode, UserError } from '../../errors.js';
import { loadAlaPrograms } from '../../store/bundled.js';
import { importedCharges } from '../../store/charges.js';
import { makeStyle } from '../../ui/color.js';
import { findSummary } from '../../ui/find-summary.js';
import { COST_CAVEAT, programsTsv } from '../../ui/programs.js';
import type { Context } from '../shared/context.js';
import { printJson } from '../shared/json.js';
import type { FindOptions } from './options.js';

/** Aliases become their mode, with a note saying how they were read. */
function resolveDelivery(values: FindOptions['delivery']): { modes: DeliveryMode[]; notes: string[] } {
  const modes: DeliveryMode[] = [];
  const notes: string[] = [];
  for (const v of values ?? []) {
    if (!v.startsWith('alias:')) modes.push(v as DeliveryMode);
    else {
      const alias = v.slice(6);
      const mode = DELIVERY_ALIASES[alias] as DeliveryMode;
      modes.push(mode);
      notes.push(
        alias === 'hybrid'
          ? 'Note: --delivery hybrid is read as mostly-online (mainly online, with required campus visits). For programs that offer both an online and an on-campus route, use --delivery online,campus.'
          : `Note: --delivery ${alias} is read as ${mode}.`,
      );
    }
  }
  return { modes: [...new Set(modes)], notes };
}

function checkDegrees(degrees: readonly string[], known: readonly string[]): void {
  const set = new Set(known.map(normaliseDegree));
  for (const d of degrees) {
    if (!set.has(normaliseDegree(d))) {
      throw new UserError(`unknown degree "${d}"${didYouMean(d, [...new Set(known)])}`, {
        exitCode: ExitCode.usage,
        hint: `the degrees in the data: ${[...new Set(known)].sort().join(', ')}`,
      });
    }
  }
}

export async function runFind(ctx: Context, opts: FindOptions): Promise<void> {
  const { io, now } = ctx;
  const formats = [opts.json, opts.csv || opts.excel].filter(Boolean).length;
  if (formats > 1) throw new UserError('--json and --csv cannot be used together', { hint: 'pick one output format' });
  const dataset = loadAlaPrograms();
  const all = withImportedCharges(dataset.programs, importedCharges(io.env));
  if (opts.degree?.length)
    checkDegrees(
      opts.degree,
      dataset.programs.map((p) => p.degree),
    );
  const delivery = resolveDelivery(opts.delivery);
  const filters: ProgramFilters = {
    onlineOnly: opts.onlineOnly,
    delivery: delivery.modes,
    regions: [...(opts.state ?? []), ...(opts.region ?? [])],
    countries: opts.country,
    degrees: opts.degree,
    statuses: opts.status,
    query: opts.query,
    includeCandidates: opts.includeCandidates,
    maxCreditCost: opts.maxCreditCost,
    resident: opts.resident,
  };
  const result = filterPrograms(all, filters);
  let programs = sortPrograms(result.programs, opts.sort ?? 'name', opts.resident);
  const notes = [...delivery.notes];
  let ranking: Awaited<ReturnType<typeof import('./ranking.js').rankPrograms>> | null = null;
  if (opts.career || opts.dept?.length) {
    const { rankPrograms } = await import('./ranking.js');
    ranking = rankPrograms(programs, opts, io.env);
    programs = ranking.programs;
    result.applied.push(ranking.label);
    notes.push(...ranking.notes(opts.onlineOnly === true));
  }
  const table = !opts.json && !opts.csv && !opts.excel && !ranking && io.stdoutIsTTY && programs.length > 0;
  if (table || opts.sort === 'cost' || opts.maxCreditCost !== undefined) {
    const rate = opts.resident ? `the rate a ${opts.resident.code} resident pays` : 'the in-state rate';
    notes.push(`Cost per credit is ${rate}, 2022-23; ${COST_CAVEAT}.`);
  }

  if (opts.json) {
    const { findJson } = await import('./output.js');
    printJson(io, findJson({ dataset, result, programs, ranking, now }));
  } else if (opts.csv || opts.excel) {
    const { findCsv } = await import('./output.js');
    io.out(findCsv(programs, ranking, now, opts.excel === true));
  } else if (ranking && programs.length > 0) {
    io.out(await ranking.render(io));
  } else if (programs.length > 0 && io.stdoutIsTTY) {
    const { programsTable } = await import('../../ui/program-table.js');
    const chalk = await makeStyle(true, io.env);
    const costFirst = opts.sort === 'cost' || opts.maxCreditCost !== undefined;
    const maxWidth = opts.wide ? undefined : io.columns;
    io.out(programsTable(programs, { chalk, today: now, maxWidth, costFirst, resident: opts.resident }));
  } else if (programs.length > 0) {
    io.out(programsTsv(programs, now));
  }

  if (!opts.quiet) {
    const chalk = await makeStyle(io.stderrIsTTY, io.env);
    const guidance = placeGuidance(all, filters);
    const width = io.stderrIsTTY ? io.columns : undefined;
    io.err(chalk.dim(findSummary({ count: programs.length, result, asOf: dataset.meta.asOf, guidance, notes, width })));
  }
}
