import { accreditationVerdict, type VerdictInstitution } from '../../catalog/accreditation.js';
import { type CheckCandidate, type CheckTarget, findCheckTarget } from '../../catalog/check-target.js';
import { INSTITUTION_ALIASES } from '../../catalog/institution-aliases.js';
import { ExitCode, UserError } from '../../errors.js';
import { loadAlaPrograms } from '../../store/bundled.js';
import { DapipStore } from '../../store/dapip.js';
import { activeDapipDir } from '../../store/datasets.js';
import { makeStyle } from '../../ui/color.js';
import { candidateId, candidateLabel, renderVerdict } from '../../ui/verdict.js';
import type { Context } from '../shared/context.js';

const NOT_FOUND_HINT =
  "DAPIP is reported by the accrediting agencies and not audited, so a missing record is not proof either way: check the live database at https://ope.ed.gov/dapip/ and ALA's directory of accredited programs.";

function notFoundMessage(query: string, asOf: string): string {
  return `no institution matches "${query}" in DAPIP (as of ${asOf}) or among ALA-accredited programs`;
}

function candidateJson(c: CheckCandidate) {
  return c.kind === 'outside'
    ? { kind: 'outside-doe', name: c.institution, city: c.city, state: c.region, country: c.country }
    : {
        kind: 'dapip',
        name: c.entry.name,
        city: c.entry.city,
        state: c.entry.state,
        opeId: c.entry.opeId,
        unitIds: c.entry.unitIds,
        dapipId: c.entry.id,
        parentDapipId: c.entry.parent,
      };
}

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
  const ala = loadAlaPrograms();
  const active = activeDapipDir(io.env);
  const store = new DapipStore(active.dir);
  const index = store.index();
  const lookup = { aliases: INSTITUTION_ALIASES, state: opts.state };
  let target: CheckTarget = findCheckTarget(query, index, ala.programs, lookup);
  if (!target.resolved && target.candidates.length === 0) {
    const { fuseSearch } = await import('../../catalog/fuzzy-fuse.js');
    target = findCheckTarget(query, index, ala.programs, { ...lookup, fuzzy: fuseSearch });
  }
  const meta = store.meta();
  let chosen = target.resolved;

  if (!chosen && target.candidates.length > 0) {
    if (opts.input && !opts.json && io.stdinIsTTY && io.stdoutIsTTY) {
      const { chooseOne } = await import('../../ui/prompts.js');
      chosen = await chooseOne(
        `"${query}" matches ${target.candidates.length} institutions. Which one?`,
        target.candidates.map((c) => ({ name: candidateLabel(c), value: c })),
      );
    } else {
      if (opts.json) {
        io.out(
          JSON.stringify(
            { schemaVersion: 1, query, result: 'ambiguous', candidates: target.candidates.map(candidateJson) },
            null,
            2,
          ),
        );
      }
      const list = target.candidates.map((c) => `  ${candidateLabel(c)}`).join('\n');
      const onlyClose = target.candidates.every((c) => c.kind === 'doe' && c.how === 'fuzzy');
      if (onlyClose) {
        throw new UserError(`${notFoundMessage(query, meta.meta.asOf)}. Closest names:\n${list}`, {
          exitCode: ExitCode.notFound,
          hint: NOT_FOUND_HINT,
        });
      }
      throw new UserError(`"${query}" matches ${target.candidates.length} institutions:\n${list}`, {
        exitCode: ExitCode.notFound,
        hint: `run again with an OPEID (for example \`mls check ${candidateId(target.candidates[0] as CheckCandidate)}\`), a fuller name, or --state`,
      });
    }
  }
  if (!chosen) {
    if (opts.json) io.out(JSON.stringify({ schemaVersion: 1, query, result: 'not-found', candidates: [] }, null, 2));
    throw new UserError(notFoundMessage(query, meta.meta.asOf), {
      exitCode: ExitCode.notFound,
      hint: `${NOT_FOUND_HINT}${opts.state ? ' Or drop --state.' : ''}`,
    });
  }

  let institution: VerdictInstitution;
  let details = null;
  let programs: typeof ala.programs = [];
  let country: (typeof ala.programs)[number]['country'] = 'United States';
  if (chosen.kind === 'outside') {
    const name = chosen.institution;
    institution = {
      name,
      city: chosen.city,
      state: chosen.region,
      dapipId: null,
      opeId: null,
      unitIds: [],
      matchedLocation: null,
    };
    programs = ala.programs.filter((p) => p.institution === name);
    country = chosen.country;
  } else {
    let entry = chosen.entry;
    let matchedLocation: VerdictInstitution['matchedLocation'] = null;
    if (entry.parent) {
      const parentLine = index
        .linesWithField(entry.parent)
        .map((i) => index.entry(i))
        .find((e) => e.id === entry.parent);
      if (parentLine) {
        matchedLocation = { name: entry.name, dapipId: entry.id };
        entry = parentLine;
      }
    }
    institution = {
      name: entry.name,
      city: entry.city,
      state: entry.state,
      dapipId: entry.id,
      opeId: entry.opeId,
      unitIds: entry.unitIds,
      matchedLocation,
    };
    details = store.details(entry);
    const dapipId = entry.id;
    programs = ala.programs.filter((p) => p.doe?.dapipId === dapipId);
  }
  const verdict = accreditationVerdict({
    institution,
    country,
    details,
    agencies: meta.agencies,
    programs,
    dapipAsOf: meta.meta.asOf,
    alaAsOf: ala.meta.asOf,
    now,
  });
  const hasAlaProgram = verdict.programs.some((p) => p.accredited);
  ctx.exitCode =
    verdict.outcome === 'not-recognized' || (opts.strict && !hasAlaProgram) ? ExitCode.failure : ExitCode.ok;
  if (opts.json) {
    io.out(
      JSON.stringify({ schemaVersion: 1, query, result: 'found', dataSource: active.origin, ...verdict }, null, 2),
    );
    return;
  }
  io.out(renderVerdict(verdict, await makeStyle(io.stdoutIsTTY, io.env)));
}
