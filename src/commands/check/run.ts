import { accreditationVerdict } from '../../catalog/accreditation.js';
import { institutionOf, matchDescription } from '../../catalog/check-target.js';
import { UNITID_SUCCESSORS } from '../../catalog/institution-aliases.js';
import { ExitCode } from '../../errors.js';
import { loadAlaPrograms } from '../../store/bundled.js';
import { hdLookup, recentActionsFor } from '../../store/check-evidence.js';
import { makeStyle } from '../../ui/color.js';
import { renderVerdict } from '../../ui/verdict.js';
import type { Context } from '../shared/context.js';
import { chooseInstitution, lookUpInstitution } from '../shared/institution.js';
import { printJson } from '../shared/json.js';

/** `mls check`: loaded only when the command runs (it pulls in the DAPIP lookup). */
export interface CheckOptions {
  state?: string;
  json?: boolean;
  strict?: boolean;
  input: boolean;
}

export async function runCheck(ctx: Context, words: string[], opts: CheckOptions): Promise<void> {
  const { io, now } = ctx;
  const query = words.join(' ').trim();
  const lookup = await lookUpInstitution(ctx, query, opts.state);
  const chosen = await chooseInstitution(ctx, query, lookup, opts);
  const ala = loadAlaPrograms();
  const meta = lookup.store.meta();
  const match = { how: chosen.how, description: matchDescription(chosen) };

  const common = { agencies: meta.agencies, dapipAsOf: meta.meta.asOf, alaAsOf: ala.meta.asOf, now };
  let verdict: ReturnType<typeof accreditationVerdict>;
  if (chosen.kind === 'outside') {
    verdict = accreditationVerdict({
      ...common,
      institution: {
        name: chosen.institution,
        city: chosen.city,
        state: chosen.region,
        dapipId: null,
        opeId: null,
        unitIds: [],
        matchedLocation: null,
      },
      country: chosen.country,
      details: null,
      programs: ala.programs.filter((p) => p.institution === chosen.institution),
    });
  } else {
    const { entry, matchedLocation } = institutionOf(chosen.entry, lookup.store.index());
    const hd = hdLookup(io.env);
    const record =
      entry.unitIds.map((u) => hd.get(u) ?? hd.get(UNITID_SUCCESSORS[u] ?? '')).find((r) => r !== null) ?? null;
    verdict = accreditationVerdict({
      ...common,
      institution: {
        name: entry.name,
        city: entry.city,
        state: entry.state,
        dapipId: entry.id,
        opeId: entry.opeId,
        unitIds: entry.unitIds,
        matchedLocation,
      },
      country: 'United States',
      details: lookup.store.details(entry),
      programs: ala.programs.filter((p) => p.doe?.dapipId === entry.id),
      later: {
        // Without a UNITID there is nothing to look up in HD: no IPEDS evidence, rather than "not listed".
        ipeds:
          entry.unitIds.length === 0
            ? null
            : {
                year: hd.year ?? 'unknown year',
                record,
                successor: record?.mergedInto ? hd.get(record.mergedInto) : null,
              },
        actions: recentActionsFor(entry.id),
      },
    });
  }
  const hasAlaProgram = verdict.programs.some((p) => p.accredited);
  const failed = verdict.outcome !== 'accredited' && verdict.outcome !== 'outside-doe';
  ctx.exitCode = failed || (opts.strict && !hasAlaProgram) ? ExitCode.failure : ExitCode.ok;
  if (opts.json) {
    printJson(io, { query, result: 'found', match, dataSource: lookup.origin, ...verdict });
    return;
  }
  io.out(renderVerdict(verdict, match.description, await makeStyle(io.stdoutIsTTY, io.env), io.columns));
}
