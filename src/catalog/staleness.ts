/** Age of a dataset from its as-of date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), in whole months. A bare year counts from its December. */
export function monthsOld(asOf: string, now: Date): number {
  const [year, month = 12] = asOf.split('-').map(Number);
  if (!year || !month) return Number.NaN;
  return (now.getUTCFullYear() - year) * 12 + (now.getUTCMonth() + 1 - month);
}

export const STALE_AFTER_MONTHS = 12;

export function isStale(asOf: string, now: Date): boolean {
  return monthsOld(asOf, now) > STALE_AFTER_MONTHS;
}
