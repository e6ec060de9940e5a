/** Renderers for ALA programs: table, TSV, JSON, CSV and the full `show` view. */

import { chargeFor, formatDollars } from '../catalog/cost.js';
import { ALA_DIRECTORY_URL, reviewIsPast, reviewLabel } from '../catalog/programs.js';
import { regionName } from '../catalog/regions.js';
import type { Charge, Program, ProgramStatus } from '../schema/datasets.js';
import type { Style } from './color.js';
import { wrapWords } from './wrap.js';

/** The caveat every cost figure carries. */
export const COST_CAVEAT =
  "institution-wide graduate rates from IPEDS, not this program's price: an online program's own (e-tuition) rate and program fees may differ";
export const NOT_IN_IPEDS = 'not in IPEDS (U.S. institutions only)';

/**
 * "online or on campus" (both formats offered), "mostly online" (campus visits required),
 * "online", "on campus", "unknown". `short` is the table's narrow form.
 */
export function deliveryLabel(program: Program, short = false): string {
  const { online100, mostlyOnline, campus } = program.delivery;
  const online = online100 === 'yes' ? 'online' : mostlyOnline === 'yes' ? 'mostly online' : null;
  if (online && campus === 'yes') return short ? `${online}/campus` : `${online} or on campus`;
  if (online) return online;
  if (campus === 'yes') return 'on campus';
  return 'unknown';
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
  delivery: Program['delivery'] & { label: string };
  costNote: string;
  alaDirectory: string;
}

export function reviewPassed(program: Program, today: Date): boolean {
  return reviewIsPast(program.review, today) && program.review.basis !== 'review-in-progress';
}

export function programJson(program: Program, today: Date): ProgramJson {
  return {
    ...program,
    delivery: { ...program.delivery, label: deliveryLabel(program) },
    nextReview: { label: reviewLabel(program.review), past: reviewPassed(program, today) },
    costNote: program.cost ? COST_CAVEAT : NOT_IN_IPEDS,
    alaDirectory: ALA_DIRECTORY_URL,
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
  'delivery',
  'link',
  'link_kind',
  'summary',
  'specialisations',
  'review_date_passed',
  'cost_year',
  'in_state_tuition_fees',
  'in_state_per_credit',
  'out_of_state_tuition_fees',
  'out_of_state_per_credit',
  'cost_note',
] as const;

const money = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/** One program as a CSV row (the columns of CSV_COLUMNS); `today` decides "review date passed". */
export function programCsvRow(p: Program, today: Date): string[] {
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
    deliveryLabel(p),
    p.link.url,
    p.link.kind,
    p.summary,
    p.specialisations.join('; '),
    reviewPassed(p, today) ? 'yes' : 'no',
    p.cost?.year ?? '',
    money(p.cost?.inState.tuitionAndFees),
    money(p.cost?.inState.perCredit),
    money(p.cost?.outOfState.tuitionAndFees),
    money(p.cost?.outOfState.perCredit),
    p.cost ? COST_CAVEAT : NOT_IN_IPEDS,
  ];
}

function chargeText(charge: Charge): string {
  const year =
    charge.tuitionAndFees === null
      ? 'no yearly tuition reported'
      : `${formatDollars(charge.tuitionAndFees)} a year${charge.fees ? ` (incl. ${formatDollars(charge.fees)} fees)` : ''}`;
  const credit =
    charge.perCredit === null ? 'no per-credit charge reported' : `${formatDollars(charge.perCredit)} per credit`;
  return `${credit}; ${year}`;
}

/** The cost block of `show`: both residencies (and in-district where it differs), with the caveat. */
export function costLines(program: Program, width: number): string[] {
  if (!program.cost) return [`Graduate tuition: ${NOT_IN_IPEDS}`];
  const c = program.cost;
  const lines = [`Graduate tuition and fees at this institution, ${c.year} (IPEDS):`];
  if (c.inDistrict) lines.push(`  in-district   ${chargeText(c.inDistrict)}`);
  lines.push(`  in-state      ${chargeText(chargeFor(program, 'in-state') ?? c.inState)}`);
  lines.push(`  out-of-state  ${chargeText(c.outOfState)}`);
  lines.push(`  ${wrapWords(`Note: ${COST_CAVEAT}.`, width, '  ')}`);
  return lines;
}

export function programDetail(
  program: Program,
  options: { chalk: Style; today: Date; asOf: string; width: number; sources?: boolean },
): string {
  const { chalk, today, width } = options;
  const label = (t: string) => chalk.dim(t.padEnd(13));
  const indent = ' '.repeat(13);
  const wrap = (text: string) => wrapWords(text, width, indent);
  const d = program.delivery;
  const statusText = program.accredited
    ? `${program.status} (ALA-accredited)`
    : `${program.status} (NOT accredited: only seeking ALA accreditation)`;
  const lines = [
    chalk.bold(wrapWords(`${program.institution}: ${program.program} (${program.degree})`, width)),
    `${label('id')}${program.id}`,
  ];
  if (program.school) lines.push(`${label('School')}${wrap(program.school)}`);
  lines.push(
    `${label('Location')}${[program.city, regionName(program.region), program.country].filter(Boolean).join(', ')}`,
    `${label('Status')}${styleStatus(chalk, program.status, statusText)}`,
    `${label('Next review')}${nextReviewLabel(program, today)}`,
    `${indent}${chalk.dim(wrap(`“${program.review.text || 'no date in the sources'}”`))}`,
    `${label('Delivery')}${deliveryLabel(program)}`,
    `${indent}${chalk.dim(wrap(`100% online: ${d.online100} · mostly online: ${d.mostlyOnline} · campus: ${d.campus}`))}`,
    `${label('Link')}${program.link.url}${13 + program.link.url.length + program.link.kind.length + 3 > width ? `\n${indent}` : ' '}${chalk.dim(`(${program.link.kind})`)}`,
    `${label('About')}${wrap(program.summary)}`,
  );
  if (program.specialisations.length > 0) lines.push(`${label('Tracks')}${wrap(program.specialisations.join(', '))}`);
  lines.push('', ...costLines(program, width), '');
  if (options.sources) {
    if (program.website && program.website !== program.link.url) lines.push(`${label('Website')}${program.website}`);
    if (program.notes) lines.push(`${label('Research')}${wrap(program.notes)}`);
    lines.push(label('Sources').trimEnd());
    program.sources.forEach((s, i) => {
      lines.push(`  ${i + 1}. ${s}`);
    });
  } else {
    const hint = wrap(`${program.sources.length} (research notes and every source: mls show ${program.id} --sources)`);
    lines.push(`${label('Sources')}${chalk.dim(hint)}`);
  }
  lines.push(
    `${label('ALA')}${ALA_DIRECTORY_URL}`,
    chalk.dim(
      wrapWords(
        `ALA data as of ${options.asOf}; verify current status with ALA's directory of accredited programs.`,
        width,
      ),
    ),
  );
  return lines.join('\n');
}
