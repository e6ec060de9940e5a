/** Filtering, sorting and lookup of ALA programs. Pure: data and "today" come in as arguments. */
import type { Program, ProgramStatus, ReviewInfo, TriState } from '../schema/datasets.js';
import { creditCharge, type Residency, residencyFor } from './cost.js';
import type { Alias } from './institution-match.js';
import { canonicalName } from './institution-names.js';
import { compareText, foldText, matchesAllWords } from './normalize.js';
import type { Region } from './regions.js';

/** ALA's directory of accredited programs (the reference's historical list sits under it). */
export const ALA_DIRECTORY_URL = 'https://www.ala.org/educationcareers/accreditedprograms/directory';

export const DELIVERY_MODES = ['online', 'mostly-online', 'campus'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/** What each `--delivery` value means, for `--help` and the docs. */
export const DELIVERY_HELP: Record<DeliveryMode, string> = {
  online: 'the whole degree can be completed online',
  'mostly-online': 'mainly online, with required campus visits (alias: hybrid)',
  campus: 'an on-campus route exists',
};

/** Words people use for a delivery mode: `hybrid` is what the sources call mostly online. */
export const DELIVERY_ALIASES: Record<string, DeliveryMode> = {
  hybrid: 'mostly-online',
  'on-campus': 'campus',
  'fully-online': 'online',
};

export const SORT_KEYS = ['name', 'region', 'review', 'cost'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface ProgramFilters {
  onlineOnly?: boolean;
  delivery?: DeliveryMode[];
  regions?: Region[];
  countries?: Region['country'][];
  degrees?: string[];
  statuses?: ProgramStatus[];
  query?: string;
  includeCandidates?: boolean;
  /** Highest per-credit charge, in dollars, at the rate that applies to `resident`. */
  maxCreditCost?: number;
  /** The student's state: decides in-state or out-of-state rates. */
  resident?: Region;
}

/** A filter's verdict on one program; `unknown` = it would pass or fail, but its delivery is unknown. */
type Verdict = 'pass' | 'fail' | 'unknown';

interface NamedFilter {
  /** How the filter is shown to the user: `--online-only`, `--state CA`. */
  label: string;
  test(program: Program): Verdict;
}

export interface FilterResult {
  programs: Program[];
  /** Programs that failed only because a delivery filter met an unknown value. */
  unknownDeliveryExcluded: number;
  /** When nothing matched: the filter that alone removed the most programs. */
  mostRemoving: { label: string; removed: number; of: number } | null;
  /** Labels of the filters that were applied, in order. */
  applied: string[];
}

function deliveryValue(program: Program, mode: DeliveryMode): TriState {
  if (mode === 'online') return program.delivery.online100;
  if (mode === 'mostly-online') return program.delivery.mostlyOnline;
  return program.delivery.campus;
}

function anyDelivery(program: Program, modes: readonly DeliveryMode[]): Verdict {
  const values = modes.map((m) => deliveryValue(program, m));
  if (values.includes('yes')) return 'pass';
  return values.includes('unknown') ? 'unknown' : 'fail';
}

const bool = (value: boolean): Verdict => (value ? 'pass' : 'fail');

/** Degree abbreviations compare without dots, spaces or case: `M.L.I.S.` = `MLIS`. */
export function normaliseDegree(degree: string): string {
  return foldText(degree).replace(/ /g, '');
}

function buildFilters(filters: ProgramFilters): NamedFilter[] {
  const list: NamedFilter[] = [];
  const statuses = filters.statuses ?? [];
  const wantsUnaccredited = statuses.includes('candidate') || statuses.includes('precandidate');
  if (!filters.includeCandidates && !wantsUnaccredited) {
    list.push({ label: 'accredited only (add --include-candidates)', test: (p) => bool(p.accredited) });
  }
  if (filters.onlineOnly) {
    list.push({ label: '--online-only', test: (p) => anyDelivery(p, ['online']) });
  }
  const delivery = filters.delivery ?? [];
  if (delivery.length > 0) {
    list.push({ label: `--delivery ${delivery.join(',')}`, test: (p) => anyDelivery(p, delivery) });
  }
  const regions = filters.regions ?? [];
  if (regions.length > 0) {
    const codes = new Set(regions.map((r) => r.code));
    list.push({
      label: `--state ${regions.map((r) => r.code).join(',')}`,
      test: (p) => bool(codes.has(p.region)),
    });
  }
  const countries = filters.countries ?? [];
  if (countries.length > 0) {
    list.push({ label: `--country ${countries.join(',')}`, test: (p) => bool(countries.includes(p.country)) });
  }
  const degrees = (filters.degrees ?? []).map(normaliseDegree);
  if (degrees.length > 0) {
    list.push({
      label: `--degree ${filters.degrees?.join(',')}`,
      test: (p) => bool(degrees.includes(normaliseDegree(p.degree))),
    });
  }
  if (statuses.length > 0) {
    list.push({ label: `--status ${statuses.join(',')}`, test: (p) => bool(statuses.includes(p.status)) });
  }
  const query = filters.query?.trim();
  if (query) {
    list.push({ label: `--query "${query}"`, test: (p) => bool(matchesWholeWords(query, searchText(p))) });
  }
  const max = filters.maxCreditCost;
  if (max !== undefined) {
    const rate: Residency = filters.resident ? 'resident-of' : 'in-state';
    const who = filters.resident ? `for a ${filters.resident.code} resident` : 'in-state rate';
    list.push({
      label: `--max-credit-cost ${max} (${who})`,
      test: (p) => {
        const charge = creditCharge(p, residencyFor(p, rate, filters.resident));
        return bool(charge !== null && charge <= max);
      },
    });
  }
  return list;
}

/** The text `--query` searches: names, degree, place, the short note, the notes and the specialisations. */
export function searchText(program: Program): string {
  return [
    program.institution,
    program.school ?? '',
    program.program,
    program.degree,
    program.city ?? '',
    program.region,
    program.country,
    program.summary,
    program.notes ?? '',
    program.specialisations.join(' '),
    // A school library track is what leads to school librarian licensure or certification.
    program.specialisations.includes('school library') ? 'licensure certification' : '',
  ].join(' ');
}

/** Plural and adjective endings that should not stop a match: archives = archive = archival. */
function stem(word: string): string {
  return word.replace(/(ies|es|s|al|ing|e)$/, '');
}

/** Every query word is a whole word of the text, or the same word with another ending (`GRE` is not `Greenville`). */
export function matchesWholeWords(query: string, text: string): boolean {
  const words = foldText(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const hay = foldText(text).split(' ');
  const whole = new Set(hay);
  const stems = new Set(hay.filter((w) => w.length > 3).map(stem));
  return words.every((w) => whole.has(w) || (w.length > 3 && stems.has(stem(w))));
}

export function filterPrograms(programs: readonly Program[], filters: ProgramFilters): FilterResult {
  const named = buildFilters(filters);
  const matched: Program[] = [];
  let unknownDeliveryExcluded = 0;
  for (const program of programs) {
    const verdicts = named.map((f) => f.test(program));
    if (verdicts.every((v) => v === 'pass')) matched.push(program);
    else if (!verdicts.includes('fail')) unknownDeliveryExcluded += 1;
  }
  let mostRemoving: FilterResult['mostRemoving'] = null;
  if (matched.length === 0 && named.length > 0) {
    for (const filter of named) {
      const removed = programs.filter((p) => filter.test(p) !== 'pass').length;
      if (!mostRemoving || removed > mostRemoving.removed) {
        mostRemoving = { label: filter.label, removed, of: programs.length };
      }
    }
  }
  return { programs: matched, unknownDeliveryExcluded, mostRemoving, applied: named.map((f) => f.label) };
}

const SEASON_ORDER = { winter: 0, spring: 1, summer: 2, fall: 3 } as const;
// Last month of each season, for deciding whether a review date has passed.
const SEASON_END_MONTH = { winter: 2, spring: 6, summer: 8, fall: 12 } as const;

function reviewKey(review: ReviewInfo): number {
  if (review.year === null) return Number.POSITIVE_INFINITY;
  return review.year * 10 + (review.season ? SEASON_ORDER[review.season] : 5);
}

/** Institution, then program, ignoring accents and case. */
function nameKey(p: Program): string {
  return `${foldText(p.institution)}\u0000${foldText(p.program)}`;
}

/** `cost`: by per-credit charge, in-state (or at `resident`'s rate), unknown last. */
export function sortPrograms(programs: readonly Program[], key: SortKey, resident?: Region): Program[] {
  const keyed = programs.map((p) => ({ p, name: nameKey(p) }));
  const byName = (a: (typeof keyed)[number], b: (typeof keyed)[number]) => compareText(a.name, b.name);
  if (key === 'name') keyed.sort(byName);
  else if (key === 'region') {
    keyed.sort((a, b) => compareText(a.p.country, b.p.country) || compareText(a.p.region, b.p.region) || byName(a, b));
  } else if (key === 'cost') {
    const cost = (p: Program) => creditCharge(p, residencyFor(p, resident ? 'resident-of' : 'in-state', resident));
    const value = (p: Program) => cost(p) ?? Number.POSITIVE_INFINITY;
    keyed.sort((a, b) => value(a.p) - value(b.p) || byName(a, b));
  } else keyed.sort((a, b) => reviewKey(a.p.review) - reviewKey(b.p.review) || byName(a, b));
  return keyed.map((k) => k.p);
}

/** The review date has passed (by the end of its season, or of its year when no season is given). */
export function reviewIsPast(review: ReviewInfo, today: Date): boolean {
  if (review.year === null) return false;
  const year = today.getUTCFullYear();
  if (review.year !== year) return review.year < year;
  const endMonth = review.season ? SEASON_END_MONTH[review.season] : 12;
  return today.getUTCMonth() + 1 > endMonth;
}

/** Short label for the next-review column: `fall 2027`, `through 2030`, `in progress`, `unknown`. */
export function reviewLabel(review: ReviewInfo): string {
  const when = review.year === null ? '' : [review.season, review.year].filter(Boolean).join(' ');
  switch (review.basis) {
    case 'next-review':
      return when;
    case 'through':
      return `through ${when}`;
    case 'review-in-progress':
      return when ? `in progress (${when})` : 'in progress';
    default:
      return 'unknown';
  }
}

/** Lookup by exact id, else by every word of the name, else by a known abbreviation (SJSU). */
export function findProgramsByName(
  programs: readonly Program[],
  text: string,
  aliases: readonly Alias[] = [],
): Program[] {
  const exact = programs.find((p) => p.id === text.trim().toLowerCase());
  if (exact) return [exact];
  const byWords = programs.filter((p) => matchesAllWords(text, `${p.institution} ${p.program} ${p.degree} ${p.id}`));
  if (byWords.length > 0) return byWords;
  const canonical = canonicalName(text);
  const opeIds = new Set(aliases.filter((a) => canonicalName(a.alias) === canonical).flatMap((a) => a.opeIds));
  return programs.filter((p) => p.doe && opeIds.has(p.doe.opeId));
}

/** Programs whose institution's name begins with the words of `text` ("Indiana University": Bloomington's and Indianapolis's). */
export function programsNamedFrom(programs: readonly Program[], text: string): Program[] {
  const prefix = canonicalName(text);
  if (!prefix) return [];
  return programs.filter((p) => `${canonicalName(p.institution)} `.startsWith(`${prefix} `));
}

export interface PlaceGuidance {
  /** How many programs match the same filters without the place filters. */
  withoutPlace: number;
  /** Programs in the asked-for places whose delivery is unknown (they might be online). */
  unknownDelivery: Program[];
}

/**
 * `--online-only` with a place filter: online programs take students from anywhere, so
 * say how many there are without the place, and which local programs' delivery is unknown.
 * Null when there is nothing to say (no online filter or no place filter).
 */
export function placeGuidance(programs: readonly Program[], filters: ProgramFilters): PlaceGuidance | null {
  const hasPlace = (filters.regions?.length ?? 0) > 0 || (filters.countries?.length ?? 0) > 0;
  if (!filters.onlineOnly || !hasPlace) return null;
  const withoutPlace = filterPrograms(programs, { ...filters, regions: [], countries: [] }).programs.length;
  const placeOnly = filterPrograms(programs, {
    regions: filters.regions,
    countries: filters.countries,
    includeCandidates: filters.includeCandidates,
  }).programs;
  return { withoutPlace, unknownDelivery: placeOnly.filter((p) => p.delivery.online100 === 'unknown') };
}
