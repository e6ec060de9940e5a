/** The terminal table of programs (loaded only on a TTY: string-width is costly to start). */

import { creditCharge, formatDollars, residencyFor } from '../catalog/cost.js';
import type { Region } from '../catalog/regions.js';
import type { Program } from '../schema/datasets.js';
import type { Style } from './color.js';
import { deliveryLabel, locationLabel, nextReviewLabel, styleStatus } from './programs.js';
import { type Column, renderTable } from './table.js';

export interface ProgramTableOptions {
  chalk: Style;
  today: Date;
  /** Terminal width; undefined = every column at full width (`--wide`). */
  maxWidth?: number;
  /** Cost column first in priority (sorting or filtering by cost). */
  costFirst?: boolean;
  resident?: Region;
}

/** The per-credit charge for the table: in-state, or at the resident's rate; `n/a` when not reported, `-` outside IPEDS. */
export function creditCell(p: Program, resident?: Region): string {
  if (!p.cost) return '-';
  const charge = creditCharge(p, residencyFor(p, resident ? 'resident-of' : 'in-state', resident));
  return charge === null ? 'n/a' : formatDollars(charge);
}

/**
 * Columns in the order shown. When the terminal is narrow, Program goes first (the
 * degree says it), then Next review, Location, the cost and Status; names fall back
 * to their short form (U. of ...) before anything is cut, and then only at a word.
 */
export function programsTable(programs: readonly Program[], options: ProgramTableOptions): string {
  const { chalk, today } = options;
  const columns: Column<Program>[] = [
    {
      header: 'Institution',
      value: (p) => [p.institution, p.shortName],
      shrink: { order: 3, min: 18 },
      style: (t) => chalk.bold(t),
    },
    { header: 'Program', value: (p) => p.program, drop: 0 },
    { header: 'Degree', value: (p) => p.degree },
    {
      header: 'Delivery',
      value: (p) => [deliveryLabel(p), deliveryLabel(p, true)],
      style: (t, p) => (p.delivery.online100 === 'yes' ? chalk.green(t) : t.startsWith('unknown') ? chalk.dim(t) : t),
    },
    { header: 'Place', value: (p) => [locationLabel(p), p.region], drop: 2 },
    { header: 'Status', value: (p) => p.status, style: (t, p) => styleStatus(chalk, p.status, t), drop: 4 },
    {
      header: options.resident ? `$/credit ${options.resident.code}` : '$/credit',
      value: (p) => creditCell(p, options.resident),
      drop: options.costFirst ? 5 : 3,
    },
    {
      header: 'Next review',
      value: (p) => nextReviewLabel(p, today),
      style: (t) => (t.endsWith('(past)') ? chalk.yellow(t) : t),
      drop: 1,
    },
  ];
  return renderTable(programs, columns, { maxWidth: options.maxWidth, header: (t) => chalk.dim(t) });
}
