import type { DatasetRow } from '../catalog/staleness.js';
import type { Style } from './color.js';
import { type Column, renderTable } from './table.js';

/** `mls data info` as a table fitted to `width`; a stale as-of date is yellow. */
export function datasetTable(rows: readonly DatasetRow[], style: Style, width: number | undefined): string {
  const columns: Column<DatasetRow>[] = [
    { header: 'Dataset', value: (r) => r.dataset },
    { header: 'As of', value: (r) => r.asOf, style: (t, r) => (r.stale ? style.yellow(t) : t) },
    { header: 'Records', value: (r) => String(r.recordCount) },
    { header: 'Copy', value: (r) => (r.path ? `imported (${r.path})` : r.active) },
    { header: 'Source', value: (r) => r.source, shrink: { order: 1 } },
  ];
  return renderTable(rows, columns, { maxWidth: width, header: (t) => style.dim(t) });
}

export function staleWarnings(rows: readonly DatasetRow[]): string[] {
  return rows
    .filter((r) => r.stale)
    .map((r) => `warning: ${r.dataset} is ${r.monthsOld} months old (as of ${r.asOf}); newer official data may exist`);
}
