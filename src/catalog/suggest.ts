/** "Did you mean": the closest known values to a mistyped one. Pure. */
import { foldText } from './normalize.js';

/** Optimal string alignment distance (a swap of two letters counts as one edit). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] ?? 0, ((d[i - 2] as number[])[j - 2] ?? 0) + 1);
      }
    }
  }
  return (d[a.length] as number[])[b.length] ?? 0;
}

/**
 * Up to `limit` candidates closest to `value` (accents and case ignored), each within
 * about a third of its length; a candidate whose words start with the value's words also counts.
 */
export function closestMatches(value: string, candidates: readonly string[], limit = 3): string[] {
  const v = foldText(value);
  if (!v) return [];
  const scored = candidates.map((c) => {
    const f = foldText(c);
    // Compare with the whole name and with its first words, so "metdata" finds "Metadata Librarian".
    const head = f.split(' ').slice(0, v.split(' ').length).join(' ');
    return { c, d: Math.min(editDistance(v, f), editDistance(v, head)) };
  });
  const allowed = Math.max(1, Math.floor(v.length / 3));
  const best = Math.min(...scored.map((s) => s.d));
  // Only the closest (and those one edit further): a near miss should not bring far ones along.
  return scored
    .filter((s) => s.d <= allowed && s.d <= best + 1)
    .sort((a, b) => a.d - b.d)
    .slice(0, limit)
    .map((s) => s.c);
}

/** ` (did you mean "X" or "Y"?)`, or nothing. */
export function didYouMean(value: string, candidates: readonly string[]): string {
  const close = [...new Set(closestMatches(value, candidates))];
  if (close.length === 0) return '';
  return ` (did you mean ${close.map((c) => `"${c}"`).join(' or ')}?)`;
}
