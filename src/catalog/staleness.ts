import type { DatasetMeta } from '../schema/datasets.js';

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

export interface DatasetCopy {
  meta: DatasetMeta;
  file: string;
  origin: 'bundled' | 'imported';
  path: string;
}

export interface DatasetStatus {
  bundled: DatasetCopy;
  imported: DatasetCopy | null;
  active: DatasetCopy;
}

/** Classifications dated by their edition (CIP 2020 is current until CIP 2030): never "stale". */
const EDITIONS = new Set(['cip']);

/** One row of `mls data info` (text and --json) per dataset: its active copy and its age. */
export function datasetRows(statuses: readonly DatasetStatus[], now: Date) {
  return statuses.map((s) => ({
    ...s.active.meta,
    file: s.active.file,
    active: s.active.origin,
    path: s.active.origin === 'imported' ? s.active.path : null,
    bundledAsOf: s.bundled.meta.asOf,
    monthsOld: monthsOld(s.active.meta.asOf, now),
    stale: isStale(s.active.meta.asOf, now) && !EDITIONS.has(s.active.meta.dataset),
  }));
}

export type DatasetRow = ReturnType<typeof datasetRows>[number];
