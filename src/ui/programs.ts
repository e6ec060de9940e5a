/** Renderers for ALA programs: table, TSV, JSON, CSV and the full `show` view. */

import { reviewIsPast, reviewLabel } from '../catalog/programs.js';
import { regionName } from '../catalog/regions.js';
import type { Program, ProgramStatus } from '../schema/datasets.js';
import type { Style } from './color.js';

export function deliveryLabel(program: Program): string {
  const { online100, mostlyOnline, campus } = program.delivery;
  const modes: string[] = [];
  if (online100 === 'yes') modes.push('online');
  if (mostlyOnline === 'yes') modes.push('mostly online');
  if (campus === 'yes') modes.push('campus');
  return modes.length > 0 ? modes.join(' + ') : 'unknown';
}

export function locationLabel(program: Program): string {
  return [program.city, program.region].filter(Boolean).join(', ');
}

export function nextReviewLabel(program: Program, today: Date): string {
  const label = reviewLabel(program.review);
  return reviewIsPast(program.review, today) && program.review.basis !== 'review-in-progress'
    ? `${label} (past)`
    : label;
}

export function styleStatus(chalk: Style, status: ProgramStatus, text: string): string {
  switch (status) {
    case 'conditional':
      return chalk.yellow(text);
    case 'candidate':
    case 'precandidate':
      return chalk.red(text);
    case 'unknown':
      return chalk.dim(text);
    default:
      return text;
  }
}

const TSV_COLUMNS = ['id', 'institution', 'program', 'degree', 'delivery', 'location', 'status', 'next review'];

/** Tab-separated, no header, one program a line: for `cut`, `grep`, `sort`. */
export function programsTsv(programs: readonly Program[], today: Date): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  return programs
    .map((p) =>
      [
        p.id,
        p.institution,
        p.program,
        p.degree,
        deliveryLabel(p),
        locationLabel(p),
        p.status,
        nextReviewLabel(p, today),
      ]
        .map(clean)
        .join('\t'),
    )
    .join('\n');
}
export const TSV_HEADER = TSV_COLUMNS;

export interface ProgramJson extends Program {
  nextReview: { label: string; past: boolean };
}

export function programJson(program: Program, today: Date): ProgramJson {
  return {
    ...program,
    nextReview: {
      label: reviewLabel(program.review),
      past: reviewIsPast(program.review, today) && program.review.basis !== 'review-in-progress',
    },
  };
}

export const CSV_COLUMNS = [
  'id',
  'institution',
  'school',
  'program',
  'degree',
  'city',
  'region',
  'country',
  'status',
  'accredited',
  'next_review',
  'review_text',
  'online_100',
  'mostly_online',
  'campus',
  'website',
  'sources',
] as const;

export function programCsvRow(p: Program): string[] {
  return [
    p.id,
    p.institution,
    p.school ?? '',
    p.program,
    p.degree,
    p.city ?? '',
    p.region,
    p.country,
    p.status,
    p.accredited ? 'yes' : 'no',
    reviewLabel(p.review),
    p.review.text,
    p.delivery.online100,
    p.delivery.mostlyOnline,
    p.delivery.campus,
    p.website ?? '',
    p.sources.join(' | '),
  ];
}

export function programDetail(program: Program, options: { chalk: Style; today: Date; asOf: string }): string {
  const { chalk, today } = options;
  const label = (t: string) => chalk.dim(t.padEnd(13));
  const d = program.delivery;
  const statusText = program.accredited
    ? `${program.status} (ALA-accredited)`
    : `${program.status} (NOT accredited: only seeking ALA accreditation)`;
  const lines = [
    chalk.bold(`${program.institution}: ${program.program} (${program.degree})`),
    `${label('id')}${program.id}`,
  ];
  if (program.school) lines.push(`${label('School')}${program.school}`);
  lines.push(
    `${label('Location')}${[program.city, regionName(program.region), program.country].filter(Boolean).join(', ')}`,
    `${label('Status')}${styleStatus(chalk, program.status, statusText)}`,
    `${label('Next review')}${nextReviewLabel(program, today)}`,
    `${label('')}${chalk.dim(`“${program.review.text || 'no date in the sources'}”`)}`,
    `${label('Delivery')}100% online: ${d.online100} · mostly online: ${d.mostlyOnline} · campus: ${d.campus}`,
  );
  if (program.website) lines.push(`${label('Website')}${program.website}`);
  if (program.notes) lines.push(`${label('Notes')}${program.notes}`);
  lines.push(label('Sources').trimEnd());
  program.sources.forEach((s, i) => {
    lines.push(`  ${i + 1}. ${s}`);
  });
  lines.push(
    chalk.dim(`ALA data as of ${options.asOf}; verify current status with ALA's directory of accredited programs.`),
  );
  return lines.join('\n');
}
