/**
 * The vocabulary behind the resolver's safety rules (src/catalog/check-target.ts): what makes
 * a query junk, which words are generic, which name a library school rather than an
 * institution, and the edit distance used to correct a misspelt word.
 */
import { parseIdQuery } from './institution-match.js';
import { canonicalName } from './institution-names.js';
import { REGIONS } from './regions.js';

export const MAX_QUERY_LENGTH = 200;

export type QueryProblem = 'empty' | 'no-letters' | 'too-long' | 'not-an-id' | 'too-general';

export function queryProblem(query: string): QueryProblem | null {
  const q = query.trim();
  if (!q) return 'empty';
  if (q.length > MAX_QUERY_LENGTH) return 'too-long';
  if (!/[\p{L}\p{N}]/u.test(q)) return 'no-letters';
  if (parseIdQuery(q) === 'not-an-id') return 'not-an-id';
  // Only single letters ("a b c d e f"): no word that could name an institution.
  if (!/[\p{L}\p{N}]{2}/u.test(q)) return 'too-general';
  return null;
}

/** Words that say what kind of place an institution is, not which one. */
export const COMMON_WORDS = new Set(
  (
    'university college state community institute school academy center technical technology of and the for in ' +
    'new north south east west western eastern northern southern central st mount american national international ' +
    'christian baptist beauty barber medical health nursing career careers art arts design law seminary theological ' +
    'bible library information science sciences studies online global city county valley lake river mountain ' +
    'polytechnic graduate professional hospital cosmetology program programs main system'
  ).split(' '),
);

export const REGION_NAMES = new Set(REGIONS.flatMap((r) => [canonicalName(r.name), r.code.toLowerCase()]));

/** The identity-bearing words of a name: "valdosta state university" -> "valdosta". */
export function coreName(canonical: string): string {
  return canonical
    .split(' ')
    .filter((w) => !COMMON_WORDS.has(w))
    .join(' ');
}

export const SCHOOL_WORDS = new Set([
  'ischool',
  'slis',
  'gslis',
  'sils',
  'sois',
  'slais',
  'fims',
  'scils',
  'mlis',
  'mls',
  'msis',
  'msls',
  'mslis',
  'lis',
  'ebsi',
]);

export const KIND_WORDS = new Set(['university', 'college', 'institute', 'school', 'seminary', 'academy']);

/** A name without the word for its kind: "st johns college" and "st johns university" are namesakes. */
export function withoutKind(canonical: string): string {
  return canonical
    .split(' ')
    .filter((w) => !KIND_WORDS.has(w))
    .join(' ');
}

/** Optimal string alignment distance, giving up (returning `max`) once it cannot be under `max`. */
export function editDistance(a: string, b: string, max: number): number {
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin >= max) return max;
    [prev2, prev] = [prev, row];
  }
  return Math.min(prev[b.length] ?? max, max);
}
