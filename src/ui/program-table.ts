/** The terminal table of programs (loaded only on a TTY: string-width is costly to start). */

import type { Program } from '../schema/datasets.js';
import type { Style } from './color.js';
import { deliveryLabel, locationLabel, nextReviewLabel, styleStatus } from './programs.js';
import { type Column, renderTable } from './table.js';

export function programsTable(
  programs: readonly Program[],
  options: { chalk: Style; today: Date; maxWidth?: number },
): string {
  const { chalk, today } = options;
  const columns: Column<Program>[] = [
    { header: 'Institution', value: (p) => p.institution, shrink: { order: 3, min: 20 }, style: (t) => chalk.bold(t) },
    { header: 'Program', value: (p) => p.program, shrink: { order: 1, min: 16 } },
    { header: 'Degree', value: (p) => p.degree },
    {
      header: 'Delivery',
      value: deliveryLabel,
      style: (t, p) => (p.delivery.online100 === 'yes' ? chalk.green(t) : t.startsWith('unknown') ? chalk.dim(t) : t),
    },
    { header: 'Location', value: locationLabel, shrink: { order: 2, min: 14 } },
    { header: 'Status', value: (p) => p.status, style: (t, p) => styleStatus(chalk, p.status, t) },
    {
      header: 'Next review',
      value: (p) => nextReviewLabel(p, today),
      style: (t) => (t.endsWith('(past)') ? chalk.yellow(t) : t),
    },
  ];
  return renderTable(programs, columns, { maxWidth: options.maxWidth, header: (t) => chalk.dim(t) });
}
