/**
 * The institution lookup both `mls check` and `mls show` use: the one resolver in
 * src/catalog/check-target.ts, the same picker on a terminal and the same candidate list
 * (exit 3) elsewhere, and the same usage errors (exit 2) for junk input.
 */
import {
  type CheckCandidate,
  type CheckTarget,
  findCheckTarget,
  MAX_QUERY_LENGTH,
  matchDescription,
  programsAt,
  type QueryProblem,
} from '../../catalog/check-target.js';
import { INSTITUTION_ALIASES } from '../../catalog/institution-aliases.js';
import { findProgramsByName, programsNamedFrom } from '../../catalog/programs.js';
import { ExitCode, UserError } from '../../errors.js';
import type { Program } from '../../schema/datasets.js';
import { loadAlaPrograms } from '../../store/bundled.js';
import { DapipStore } from '../../store/dapip.js';
import { activeDapipDir } from '../../store/datasets.js';
import { candidateId, candidateJson, candidateLabel } from '../../ui/verdict.js';
import type { Context } from './context.js';
import { printJson } from './json.js';

export const NOT_FOUND_HINT =
  "DAPIP is reported by the accrediting agencies and not audited, so a missing record is not proof either way: check the live database at https://ope.ed.gov/dapip/ and ALA's directory of accredited programs.";

function problemError(query: string, problem: QueryProblem): UserError {
  const shown = query.trim();
  switch (problem) {
    case 'empty':
      return new UserError('no institution given', {
        hint: 'type a name ("San Jose State University"), an abbreviation (SJSU) or an id (OPEID 00115500)',
      });
    case 'too-long':
      return new UserError(
        `the institution name is ${shown.length} characters long; the limit is ${MAX_QUERY_LENGTH}`,
        {
          hint: "type the institution's name, an abbreviation or an id",
        },
      );
    case 'no-letters':
      return new UserError(`"${shown}" has no letters or digits to look up`, {
        hint: "type the institution's name, an abbreviation or an id",
      });
    case 'too-general':
      return new UserError(`"${shown}" is too general to look up: it has no word that names an institution`, {
        hint: "type the institution's name, an abbreviation or an id",
      });
    case 'not-an-id':
      return new UserError(`"${shown}" is not an id: an OPEID has 8 digits, an IPEDS UNITID 6, a DAPIP id 6 or 9`, {
        hint: 'type the full id (for example 00115500), or the institution’s name',
      });
  }
}

export interface InstitutionLookup {
  store: DapipStore;
  origin: 'bundled' | 'imported';
  target: CheckTarget;
}

/** Resolves with the active DAPIP copy; spelling (fuse.js) is loaded only when nothing else matched. */
export async function lookUpInstitution(ctx: Context, query: string, state?: string): Promise<InstitutionLookup> {
  const active = activeDapipDir(ctx.io.env);
  const store = new DapipStore(active.dir, active.integrity);
  const programs = loadAlaPrograms().programs;
  const options = { aliases: INSTITUTION_ALIASES, state };
  let target = findCheckTarget(query, store.index(), programs, options);
  if (target.problem) throw problemError(query, target.problem);
  if (!target.resolved && target.candidates.length === 0) {
    const { fuseSearch } = await import('../../catalog/fuzzy-fuse.js');
    target = findCheckTarget(query, store.index(), programs, { ...options, fuzzy: fuseSearch });
  }
  return { store, origin: active.origin, target };
}

/** The one institution meant: resolved, picked on a terminal, or an exit-3 error listing the candidates. */
export async function chooseInstitution(
  ctx: Context,
  query: string,
  lookup: InstitutionLookup,
  opts: { json?: boolean; input: boolean; state?: string; command?: 'check' | 'show' },
): Promise<CheckCandidate> {
  const { io } = ctx;
  const { target } = lookup;
  if (target.resolved) return target.resolved;
  const asOf = lookup.store.meta().meta.asOf;
  const notFound = `no institution matches "${query}" in DAPIP (as of ${asOf}) or among ALA-accredited programs`;
  const { candidates } = target;
  if (candidates.length > 0 && opts.input && !opts.json && io.stdinIsTTY && io.stdoutIsTTY) {
    const { chooseOne } = await import('../../ui/prompts.js');
    return chooseOne(
      `"${query}" matches ${candidates.length === 1 ? '1 institution' : `${candidates.length} institutions`}${target.generic ? ' (too general to pick one)' : ''}. Which one?`,
      candidates.map((c) => ({ name: candidateLabel(c), value: c })),
    );
  }
  const onlyClose = candidates.length > 0 && candidates.every((c) => c.how === 'fuzzy');
  if (opts.json) {
    const result = candidates.length === 0 || onlyClose ? 'not-found' : 'ambiguous';
    printJson(io, { query, result, generic: target.generic, candidates: candidates.map(candidateJson) });
  }
  const list = candidates.map((c) => `  ${candidateLabel(c)}`).join('\n');
  if (candidates.length === 0) {
    throw new UserError(notFound, {
      exitCode: ExitCode.notFound,
      hint: `${NOT_FOUND_HINT}${opts.state ? ' Or drop --state.' : ''}`,
    });
  }
  if (onlyClose) {
    throw new UserError(`${notFound}. Closest names:\n${list}`, { exitCode: ExitCode.notFound, hint: NOT_FOUND_HINT });
  }
  const first = candidates[0] as CheckCandidate;
  const why = target.generic ? ' (too general to pick one)' : '';
  const count = candidates.length === 1 ? '1 institution' : `${candidates.length} institutions`;
  throw new UserError(`"${query}" matches ${count}${why}:\n${list}`, {
    exitCode: ExitCode.notFound,
    hint: `run again with an id (for example \`mls ${opts.command ?? 'check'} ${shellWord(candidateId(first))}\`), a fuller name, a place ("Drexel Philadelphia")${opts.command === 'show' ? '' : ' or --state'}`,
  });
}

/**
 * `mls show <name>`: the programs of the institution the resolver finds (same matching,
 * picker and candidate list as `check`); only when no institution matches at all does it
 * fall back to the words of program names and degrees ("mls show archives").
 */
export async function programsForQuery(
  ctx: Context,
  query: string,
  programs: readonly Program[],
  opts: { json?: boolean },
): Promise<Program[]> {
  const byId = programs.find((p) => p.id === query.trim().toLowerCase());
  if (byId) return [byId];
  const lookup = await lookUpInstitution(ctx, query);
  const { target } = lookup;
  // `show` is about ALA programs: among candidates, a single ALA host is the one meant.
  const hosts = target.candidates.filter((c) => c.alaHost && c.how !== 'fuzzy');
  if (!target.resolved && hosts.length === 1) target.resolved = hosts[0] ?? null;
  // Several ALA hosts: offer only them (the others have no program to show).
  if (!target.resolved && hosts.length > 1) target.candidates = hosts;
  const found = target.resolved !== null || target.candidates.some((c) => c.how !== 'fuzzy');
  if (!found) return findProgramsByName(programs, query);
  const chosen = await chooseInstitution(ctx, query, lookup, { json: opts.json, input: true, command: 'show' });
  const hosted = programsAt(chosen, lookup.store.index(), programs);
  // A short name can be the start of other hosts' names too: "Indiana University" is IU Bloomington,
  // and it begins "Indiana University Indianapolis", whose online MLIS is listed with Bloomington's.
  // The same when the name the query matched has no program ("University of California" is an alias
  // UCSF reports; UCLA's MLIS is named from it), unless the words are too general to narrow it.
  const named = chosen.how === 'id' ? [] : programsNamedFrom(programs, query);
  if (hosted.length > 0 || named.length <= 10) {
    for (const p of named) if (!hosted.includes(p)) hosted.push(p);
  }
  if (hosted.length === 0) {
    const name = chosen.kind === 'outside' ? chosen.institution : chosen.entry.name;
    throw new UserError(`${name} has no ALA-accredited program in the data (matched ${matchDescription(chosen)})`, {
      exitCode: ExitCode.notFound,
      hint: 'list the programs with `mls find`, or check the institution with `mls check`',
    });
  }
  return hosted;
}

/** A value as it can be pasted into a shell: quoted unless it is one plain word. */
function shellWord(value: string): string {
  return /^[\w.@-]+$/.test(value) ? value : `"${value.replace(/(["\\$`])/g, '\\$1')}"`;
}
