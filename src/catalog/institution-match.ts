/**
 * Matching primitives over the DAPIP index: ids, exact names, IPEDS names and aliases,
 * initials, words, fuzzy spelling. The rules that decide which match is trusted (and the
 * ALA-host ranking) live in check-target.ts, the one resolver for `check` and `show`.
 * Pure: the index, the alias tables and the fuzzy matcher are passed in.
 */
import type { IndexEntry } from './dapip-index.js';

export interface LookupIndex {
  readonly size: number;
  canonicals(): string[];
  entry(i: number): IndexEntry;
  /** Lines where the value stands as a whole field (or one of a space-separated list). */
  linesWithField(value: string): number[];
  /** Each line's names column: `c:city|n:current name|a:alias…` (canonical forms), or ''. */
  aliasColumn(): string[];
  cities(): Set<string>;
  lineOfId(id: string): number | undefined;
}

/** A name people use for an institution, and the OPEID(s) it means. */
export interface Alias {
  alias: string;
  opeIds: readonly string[];
}

export type MatchHow =
  | 'id'
  | 'alias'
  | 'former-name'
  | 'exact'
  | 'current-name'
  | 'ipeds-alias'
  | 'acronym'
  | 'words'
  | 'fuzzy';

export interface Candidate {
  index: number;
  how: MatchHow;
  /** 0..1, higher is better. */
  score: number;
  /** The name (or id) that matched, as the user should read it. */
  matched: string;
}

/** Fuzzy search over canonical names; returns indexes with a distance (0 = identical, 1 = nothing alike). */
export type FuzzySearch = (
  names: readonly string[],
  query: string,
  limit: number,
) => { index: number; distance: number }[];

export const ID_KINDS = ['opeid', 'unitid', 'dapip'] as const;
export type IdKind = (typeof ID_KINDS)[number];

const IDS = /^\d{6,9}$/;

/** `opeid:00115500`, `dapip 106397`, `122755` -> the digits and the kind asked for; null when not an id query. */
export function parseIdQuery(query: string): { digits: string; kind: IdKind | null } | 'not-an-id' | null {
  const prefixed = /^\s*(opeid|unitid|dapip)\s*[:=]?\s*(\d[\d\s-]*)$/i.exec(query);
  const compact = (prefixed?.[2] ?? query).replace(/[\s-]/g, '');
  if (!/^\d+$/.test(compact)) return null;
  if (!IDS.test(compact)) return 'not-an-id';
  return { digits: compact, kind: (prefixed?.[1]?.toLowerCase() as IdKind | undefined) ?? null };
}

/**
 * Ids: 8 digits are an OPEID, 9 a DAPIP additional location. Six digits may be a UNITID,
 * a DAPIP id or a six-digit OPEID, and the ranges overlap (SJSU's UNITID 122755 is another
 * school's DAPIP id), so a bare six-digit number is read in that order; `unitid:`,
 * `dapip:` or `opeid:` in front says which is meant.
 */
export function byIds(query: string, kind: IdKind | null, index: LookupIndex): Candidate[] {
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
    const label = k === 'opeid' ? 'OPEID' : k === 'unitid' ? 'IPEDS UNITID' : 'DAPIP id';
    if (hits.length > 0)
      return [...new Set(hits)].map((i) => ({ index: i, how: 'id' as const, score: 1, matched: `${label} ${value}` }));
  }
  return [];
}

/** Lines of the main institution (not an additional location) with this OPEID. */
export function mainLinesOfOpeId(opeId: string, index: LookupIndex): number[] {
  return index.linesWithField(opeId).filter((i) => {
    const e = index.entry(i);
    return e.opeId === opeId && e.parent === null;
  });
}

export function byAliasTable(
  canonical: string,
  index: LookupIndex,
  aliases: readonly Alias[],
  how: 'alias' | 'former-name' | 'exact',
  fold: (s: string) => string,
): Candidate[] {
  const out: Candidate[] = [];
  for (const alias of aliases) {
    if (fold(alias.alias) !== canonical) continue;
    for (const opeId of alias.opeIds) {
      for (const i of mainLinesOfOpeId(opeId, index)) out.push({ index: i, how, score: 1, matched: alias.alias });
    }
  }
  return out;
}

export function byExactName(canonical: string, index: LookupIndex): Candidate[] {
  const out: Candidate[] = [];
  index.canonicals().forEach((name, i) => {
    if (name === canonical) out.push({ index: i, how: 'exact', score: 1, matched: index.entry(i).name });
  });
  return out;
}

/** IPEDS HD names joined at build time: the current name (`n:`) or a reported alias (`a:`). */
export function byIpedsName(canonical: string, index: LookupIndex, kind: 'n' | 'a'): Candidate[] {
  const needle = `${kind}:${canonical}`;
  const out: Candidate[] = [];
  index.aliasColumn().forEach((field, i) => {
    if (!field.includes(needle)) return;
    if (!field.split('|').includes(needle)) return;
    out.push({ index: i, how: kind === 'n' ? 'current-name' : 'ipeds-alias', score: 1, matched: canonical });
  });
  return out;
}

export function byAcronym(canonical: string, index: LookupIndex): Candidate[] {
  if (!/^[a-z]{2,6}$/.test(canonical)) return [];
  const out: Candidate[] = [];
  for (let i = 0; i < index.size; i += 1) {
    const e = index.entry(i);
    if (e.acronym === canonical && e.parent === null)
      out.push({ index: i, how: 'acronym', score: 0.9, matched: e.name });
  }
  return out;
}

/**
 * Every query word starts a word of the name. Score: the share of the name's words the
 * query covers, a whole word counting more than a prefix ("kent" is Kent, not Kentucky).
 */
export function wordScore(words: readonly string[], name: string): number | null {
  const padded = ` ${name} `;
  if (!words.every((w) => padded.includes(` ${w}`))) return null;
  const covered = words.reduce((sum, w) => sum + (padded.includes(` ${w} `) ? 1 : 0.6), 0);
  // A name that starts with the query ranks above one that only contains it ("University of Puerto Rico").
  const starts = padded.startsWith(` ${words.join(' ')} `) ? 0.1 : 0;
  return Math.min(1, covered / name.split(' ').length + starts);
}

/** Word matches over DAPIP names and IPEDS current names (additional locations included: the resolver rules on them). */
export function byWords(canonical: string, index: LookupIndex): Candidate[] {
  const words = canonical.split(' ');
  // A cheap substring test on the longest word first: most of 12,000 names fail it.
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
  const aliasColumn = index.aliasColumn();
  const out: Candidate[] = [];
  index.canonicals().forEach((name, i) => {
    const field = aliasColumn[i] ?? '';
    const inName = name.includes(longest);
    if (!inName && !field.includes(longest)) return;
    let best = inName ? wordScore(words, name) : null;
    if (field.includes('n:')) {
      for (const a of field.split('|')) {
        if (!a.startsWith('n:')) continue;
        const s = wordScore(words, a.slice(2));
        if (s !== null && (best === null || s > best)) best = s;
      }
    }
    if (best !== null) out.push({ index: i, how: 'words', score: best, matched: index.entry(i).name });
  });
  return out;
}

export function byFuzzy(canonical: string, index: LookupIndex, fuzzy: FuzzySearch, limit: number): Candidate[] {
  // Fuse's distances are relative: keep the ones near the best.
  const found = fuzzy(index.canonicals(), canonical, limit * 3);
  const best = found[0]?.distance ?? 1;
  return found
    .filter((r) => r.distance <= best + 0.15)
    .map((r) => ({ index: r.index, how: 'fuzzy' as const, score: 1 - r.distance, matched: index.entry(r.index).name }));
}
