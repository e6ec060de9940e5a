/**
 * Decides which institution `mls check <query>` is about: a DAPIP institution
 * (United States) or an ALA host outside the U.S. that DAPIP does not cover.
 */

import type { Program } from '../schema/datasets.js';
import type { IndexEntry } from './dapip-index.js';
import { type Alias, type FuzzySearch, type LookupIndex, matchInstitution } from './institution-match.js';
import { canonicalName } from './institution-names.js';
import { matchesAllWords } from './normalize.js';

export type CheckCandidate =
  | { kind: 'doe'; entry: IndexEntry; how: string }
  | { kind: 'outside'; institution: string; city: string | null; region: string; country: Program['country'] };

export interface CheckTarget {
  /** Set when the query clearly means one institution. */
  resolved: CheckCandidate | null;
  /** Ranked candidates when it does not (empty = not found). */
  candidates: CheckCandidate[];
}

/** The ALA host names, as aliases for their DAPIP records. */
export function alaHostAliases(programs: readonly Program[]): Alias[] {
  return programs.filter((p) => p.doe).map((p) => ({ alias: p.institution, opeIds: [p.doe?.opeId ?? ''] }));
}

function outsideHosts(programs: readonly Program[]): CheckCandidate[] {
  const seen = new Map<string, CheckCandidate>();
  for (const p of programs) {
    if (p.doe || seen.has(p.institution)) continue;
    seen.set(p.institution, {
      kind: 'outside',
      institution: p.institution,
      city: p.city,
      region: p.region,
      country: p.country,
    });
  }
  return [...seen.values()];
}

export function findCheckTarget(
  query: string,
  index: LookupIndex,
  programs: readonly Program[],
  options: { aliases: readonly Alias[]; state?: string; fuzzy?: FuzzySearch },
): CheckTarget {
  const dapip = matchInstitution(query, index, {
    aliases: [...options.aliases, ...alaHostAliases(programs)],
    state: options.state,
  });
  const doe = dapip.candidates.map((c): CheckCandidate => ({ kind: 'doe', entry: index.entry(c.index), how: c.how }));
  const strong = dapip.candidates[0] && ['id', 'alias', 'exact'].includes(dapip.candidates[0].how);
  if (dapip.confident && strong) return { resolved: doe[0] ?? null, candidates: doe };

  const canonical = canonicalName(query);
  const outside = options.state ? [] : outsideHosts(programs);
  const exactOutside = outside.filter((o) => o.kind === 'outside' && canonicalName(o.institution) === canonical);
  if (exactOutside.length === 1) return { resolved: exactOutside[0] ?? null, candidates: exactOutside };
  const wordsOutside = outside.filter((o) => o.kind === 'outside' && matchesAllWords(query, o.institution));

  if (dapip.confident && wordsOutside.length === 0) return { resolved: doe[0] ?? null, candidates: doe };
  if (dapip.candidates.length === 0 && wordsOutside.length === 0 && options.fuzzy) {
    const fuzzy = matchInstitution(query, index, { aliases: [], state: options.state, fuzzy: options.fuzzy });
    const list = fuzzy.candidates.map(
      (c): CheckCandidate => ({ kind: 'doe', entry: index.entry(c.index), how: c.how }),
    );
    return { resolved: fuzzy.confident ? (list[0] ?? null) : null, candidates: list };
  }
  const all = [...wordsOutside, ...doe];
  return { resolved: all.length === 1 ? (all[0] ?? null) : null, candidates: all };
}
