/**
 * Finds an institution from what a person types: a name with or without accents,
 * abbreviations (SJSU, UNC Chapel Hill), variants ("St."/"Saint", "&"/"and",
 * "The", campus suffixes), or an OPEID, UNITID or DAPIP id. Pure: the index,
 * the alias table and the fuzzy matcher are passed in.
 */
import type { IndexEntry } from './dapip-index.js';
import { canonicalName } from './institution-names.js';

export interface LookupIndex {
  readonly size: number;
  canonicals(): string[];
  entry(i: number): IndexEntry;
  /** Lines where the value stands as a whole field (or one of a space-separated list). */
  linesWithField(value: string): number[];
}

/** A name people use for an institution, and the OPEID(s) it means. */
export interface Alias {
  alias: string;
  opeIds: readonly string[];
}

export type MatchHow = 'id' | 'alias' | 'exact' | 'acronym' | 'words' | 'fuzzy';

export interface Candidate {
  index: number;
  how: MatchHow;
  /** 0..1, higher is better. */
  score: number;
}

export interface MatchResult {
  candidates: Candidate[];
  /** True when the first candidate is clearly the one meant. */
  confident: boolean;
}

/** Fuzzy search over canonical names; returns indexes with a distance (0 = identical, 1 = nothing alike). */
export type FuzzySearch = (
  names: readonly string[],
  query: string,
  limit: number,
) => { index: number; distance: number }[];

export interface MatchOptions {
  aliases: readonly Alias[];
  /** Two-letter state to keep only institutions there. */
  state?: string;
  fuzzy?: FuzzySearch;
  limit?: number;
}

const IDS = /^\d{6,9}$/;

export const ID_KINDS = ['opeid', 'unitid', 'dapip'] as const;
type IdKind = (typeof ID_KINDS)[number];

/**
 * Ids: 8 digits are an OPEID, 9 a DAPIP additional location. Six digits may be a UNITID,
 * a DAPIP id or a six-digit OPEID, and the ranges overlap (SJSU's UNITID 122755 is another
 * school's DAPIP id), so a bare six-digit number is read in that order; `unitid:`,
 * `dapip:` or `opeid:` in front says which is meant.
 */
function byIds(query: string, kind: IdKind | null, index: LookupIndex): Candidate[] {
  const matching = (value: string, k: IdKind) =>
    index.linesWithField(value).filter((i) => {
      const e = index.entry(i);
      return k === 'dapip' ? e.id === value : k === 'opeid' ? e.opeId === value : e.unitIds.includes(value);
    });
  const order: [string, IdKind][] = kind
    ? [[query, kind], ...(kind === 'opeid' && query.length === 6 ? [[`${query}00`, 'opeid'] as [string, IdKind]] : [])]
    : query.length === 8
      ? [[query, 'opeid']]
      : query.length === 6
        ? [
            [query, 'unitid'],
            [query, 'dapip'],
            [`${query}00`, 'opeid'],
          ]
        : [
            [query, 'dapip'],
            [query, 'unitid'],
          ];
  for (const [value, k] of order) {
    const hits = matching(value, k);
    if (hits.length > 0) return [...new Set(hits)].map((i) => ({ index: i, how: 'id' as const, score: 1 }));
  }
  return [];
}

function byAlias(canonical: string, index: LookupIndex, aliases: readonly Alias[]): Candidate[] {
  const out: Candidate[] = [];
  for (const alias of aliases) {
    if (canonicalName(alias.alias) !== canonical) continue;
    for (const opeId of alias.opeIds) {
      for (const i of index.linesWithField(opeId)) {
        if (index.entry(i).opeId === opeId) out.push({ index: i, how: 'alias', score: 1 });
      }
    }
  }
  return out;
}

function byExactName(canonical: string, names: readonly string[]): Candidate[] {
  const out: Candidate[] = [];
  names.forEach((name, i) => {
    if (name === canonical) out.push({ index: i, how: 'exact', score: 1 });
  });
  return out;
}

function byAcronym(canonical: string, index: LookupIndex): Candidate[] {
  if (!/^[a-z]{2,6}$/.test(canonical)) return [];
  const out: Candidate[] = [];
  for (let i = 0; i < index.size; i += 1) {
    if (index.entry(i).acronym === canonical) out.push({ index: i, how: 'acronym', score: 0.9 });
  }
  return out;
}

/**
 * Every query word starts a word of the name. Score: the share of the name's words the
 * query covers, a whole word counting more than a prefix ("kent" is Kent, not Kentucky).
 */
function byWords(canonical: string, names: readonly string[], index: LookupIndex): Candidate[] {
  const words = canonical.split(' ');
  const out: Candidate[] = [];
  names.forEach((name, i) => {
    const padded = ` ${name} `;
    if (!words.every((w) => padded.includes(` ${w}`))) return;
    const covered = words.reduce((sum, w) => sum + (padded.includes(` ${w} `) ? 1 : 0.6), 0);
    const isMain = index.entry(i).parent === null;
    out.push({ index: i, how: 'words', score: Math.min(1, covered / name.split(' ').length + (isMain ? 0.05 : 0)) });
  });
  return out.sort((a, b) => b.score - a.score);
}

/** Drops repeats, and additional locations whose parent is a candidate too (they resolve to it). */
function unique(candidates: Candidate[], index: LookupIndex): Candidate[] {
  const seen = new Set<number>();
  const list = candidates.filter((c) => {
    if (seen.has(c.index)) return false;
    seen.add(c.index);
    return true;
  });
  const ids = new Set(list.map((c) => index.entry(c.index).id));
  return list.filter((c) => {
    const parent = index.entry(c.index).parent;
    return parent === null || !ids.has(parent);
  });
}

function clearlyFirst(candidates: readonly Candidate[], margin: number): boolean {
  const [first, second] = candidates;
  if (!first) return false;
  return !second || first.score - second.score >= margin;
}

export function matchInstitution(query: string, index: LookupIndex, options: MatchOptions): MatchResult {
  const limit = options.limit ?? 10;
  const inState = (c: Candidate) => !options.state || index.entry(c.index).state === options.state;
  const finish = (candidates: Candidate[], confident: (list: Candidate[]) => boolean): MatchResult => {
    const list = unique(candidates, index).filter(inState);
    return { candidates: list.slice(0, limit), confident: list.length > 0 && confident(list) };
  };

  const prefixed = /^\s*(opeid|unitid|dapip)\s*[:=]?\s*(\d[\d\s-]*)$/i.exec(query);
  const compact = (prefixed?.[2] ?? query).replace(/[\s-]/g, '');
  if (IDS.test(compact)) {
    const kind = (prefixed?.[1]?.toLowerCase() as IdKind | undefined) ?? null;
    return finish(byIds(compact, kind, index), (l) => l.length === 1);
  }

  const canonical = canonicalName(query);
  if (!canonical) return { candidates: [], confident: false };
  const names = index.canonicals();

  const named = [...byAlias(canonical, index, options.aliases), ...byExactName(canonical, names)];
  if (named.filter(inState).length > 0) return finish(named, (l) => l.length === 1);

  const acronyms = byAcronym(canonical, index);
  if (acronyms.filter(inState).length > 0) return finish(acronyms, (l) => l.length === 1);

  const words = byWords(canonical, names, index);
  if (words.filter(inState).length > 0) return finish(words, (l) => clearlyFirst(l, 0.1));

  if (!options.fuzzy) return { candidates: [], confident: false };
  // Fuse's distances are relative: trust the best one only when it stands clear of the rest.
  const found = options.fuzzy(names, canonical, limit * 3);
  const best = found[0]?.distance ?? 1;
  const fuzzy = found
    .filter((r) => r.distance <= best + 0.15)
    .map((r) => ({ index: r.index, how: 'fuzzy' as const, score: 1 - r.distance }));
  return finish(fuzzy, (l) => (l[0]?.score ?? 0) >= 0.65 && clearlyFirst(l, 0.12));
}
