/**
 * Careers and complementary departments: which CIP codes a career wants, and how
 * strong a host university is in them, from IPEDS completions and College Scorecard
 * shares. Pure: the datasets come in as arguments.
 */
import type { Career, CipTaxonomy, HostEvidence } from '../schema/datasets.js';
import { compareText, foldText, matchesAllWords } from './normalize.js';

export interface Department {
  code: string;
  weight: 'primary' | 'secondary';
  reason: string;
}

export type CareerLookup = { career: Career } | { candidates: Career[] };

/** Shortenings people use for words of the seed's career names. */
const SHORTENINGS: Record<string, string> = {
  gis: 'geographic information system',
  av: 'media',
  it: 'information',
  ux: 'web',
};

/** Words that name the same thing in a career name: an archivist does archival work. */
const SYNONYMS: readonly (readonly string[])[] = [
  ['archivist', 'archival', 'archives', 'archive'],
  ['librarian', 'library', 'libraries'],
  ['curator', 'curation'],
  ['director', 'head'],
  ['gis', 'geographic', 'geospatial'],
  ['maps', 'map', 'cartography'],
];

function wordForms(word: string): readonly string[] {
  return SYNONYMS.find((g) => g.includes(word)) ?? [word];
}

/** Every query word (after shortenings) or a synonym starts a word of the name. */
function matchesCareer(query: string, name: string): boolean {
  const expanded = foldText(query)
    .split(' ')
    .filter(Boolean)
    .map((w) => SHORTENINGS[w] ?? w)
    .join(' ');
  const hay = ` ${foldText(name)}`;
  return expanded
    .split(' ')
    .filter((w) => !['a', 'the', 'of', 'and'].includes(w))
    .every((w) => wordForms(w).some((f) => hay.includes(` ${f}`)));
}

export function findCareer(query: string, careers: readonly Career[]): CareerLookup {
  const folded = foldText(query);
  const exact = careers.find((c) => foldText(c.name) === folded);
  if (exact) return { career: exact };
  // Words as typed, or their shortenings and synonyms ("archivist" also finds Archival Consultant).
  let matches = careers.filter((c) => matchesAllWords(query, c.name) || matchesCareer(query, c.name));
  // "GIS" -> Geographic Information System Map Specialist: the query starts the name's initials.
  if (matches.length === 0 && /^[a-z]{2,6}$/.test(folded)) {
    matches = careers.filter((c) =>
      foldText(c.name)
        .split(' ')
        .map((w) => w[0])
        .join('')
        .startsWith(folded),
    );
  }
  if (matches.length === 1 && matches[0]) return { career: matches[0] };
  return { candidates: matches };
}

const SMALL = new Set(['and', 'or', 'of', 'the', 'in', 'for', 'to', 'a']);

/** CIP family titles are in capitals; show them in title case. */
export function cipTitle(code: string, titles: CipTaxonomy['titles']): string {
  const title = titles[code] ?? titles[code.slice(0, 5)] ?? `CIP ${code}`;
  if (title !== title.toUpperCase()) return title;
  return title
    .toLowerCase()
    .split(' ')
    .map((w, i) => (i > 0 && SMALL.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}

/** `--dept`: a CIP code, or words of a family or series title. */
export function resolveDepartments(input: string, titles: CipTaxonomy['titles']): string[] {
  const trimmed = input.trim();
  if (/^\d{2}(\.\d{2}(\d{2})?)?$/.test(trimmed)) return titles[trimmed] || titles[trimmed.slice(0, 5)] ? [trimmed] : [];
  const codes = Object.keys(titles).filter((code) => code.length <= 5 && matchesAllWords(trimmed, titles[code] ?? ''));
  // A title that is the query itself wins ("computer science" is 11.07, not all of family 11).
  const folded = foldText(trimmed);
  const exact = codes.filter((code) => foldText(titles[code] ?? '') === folded);
  if (exact.length > 0) return exact.sort(compareText);
  // Otherwise a family match covers its series: keep the broadest codes.
  return codes
    .filter((code) => !codes.some((other) => other !== code && code.startsWith(`${other}.`)))
    .sort(compareText);
}

export interface DepartmentEvidence {
  code: string;
  title: string;
  weight: Department['weight'];
  reason: string;
  /** Latest-year completions: bachelor's, master's, research doctorates, other awards; null when not covered. */
  latest: { bachelor: number; master: number; doctoral: number; other: number } | null;
  /** All-level totals per award year (null where not covered). */
  trend: (number | null)[];
  /** College Scorecard share of undergraduate awards in the code's family (0..1), when known. */
  undergradShare: number | null;
  lines: string[];
}

export interface HostScore {
  /** null = no evidence for this host at all (outside the U.S., or not in the data). */
  score: number | null;
  departments: DepartmentEvidence[];
}

const WEIGHT = { primary: 1, secondary: 0.5 } as const;

/**
 * Codes under which schools report the same field: computer science is 11.01 at some
 * universities and 11.07 at others. A career naming both counts the field once.
 */
export const SAME_FIELD: readonly (readonly string[])[] = [['11.01', '11.07']];

/**
 * The score explained in one line, printed under every ranking: over the career's departments,
 * the ones given with --dept, or both.
 */
export function scoreLegend(
  by: { career: boolean; departments: boolean } = { career: true, departments: false },
): string {
  const over =
    by.career && by.departments
      ? "the career's departments and the ones asked for"
      : by.career
        ? "the career's departments"
        : 'the departments asked for';
  return `score = sum over ${over} of weight x log2(1 + the host's completions in the latest IPEDS year, all levels); primary 1, secondary 0.5; the LIS degree itself (CIP 25, and master's and certificates in 11.04 Information Science) never counts; 11.01 and 11.07 (computer science) count once together`;
}

/** The legend with a capital and a full stop, as a sentence under a table. */
export const legendSentence = (legend: string): string => `${legend.charAt(0).toUpperCase()}${legend.slice(1)}.`;

/** The LIS program's own CIP family: never evidence of a complementary department. */
const isLibraryScience = (code: string) => code.startsWith('25');
/** 11.04 Information Science: its master's and certificates are the LIS degree itself at an iSchool. */
const isInformationScience = (code: string) => code.startsWith('11.04');

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function ipedsLine(
  title: string,
  code: string,
  latest: NonNullable<DepartmentEvidence['latest']>,
  trend: (number | null)[],
  years: readonly string[],
): string {
  const parts = [
    latest.bachelor ? plural(latest.bachelor, "bachelor's degree") : '',
    latest.master ? plural(latest.master, "master's degree") : '',
    latest.doctoral ? plural(latest.doctoral, 'research doctorate') : '',
    latest.other ? plural(latest.other, 'other award') : '',
  ].filter(Boolean);
  const what = parts.length ? parts.join(', ') : 'reported, no completers';
  const first = trend.findIndex((t) => t !== null);
  const last = trend.at(-1);
  const change =
    first >= 0 && first < trend.length - 1 && last !== null && last !== undefined
      ? `; ${years[first]} ${trend[first]} → ${last}`
      : '';
  const note = isInformationScience(code) ? " (master's and certificates not counted: the LIS degree itself)" : '';
  return `${title} (${code}): ${what}, IPEDS ${years.at(-1)}, first majors${change}${note}`;
}

type Counts = HostEvidence['completions'][string];

function countsOf(evidence: HostEvidence, code: string): Counts | undefined {
  if (isLibraryScience(code)) return undefined;
  const counts = evidence.completions[code] ?? (code.length === 7 ? evidence.completions[code.slice(0, 5)] : undefined);
  if (!counts || !isInformationScience(code)) return counts;
  // Keep bachelor's and doctorates; the master's and other awards are the LIS program. The
  // trend (all levels) would count it again, so it is dropped for this code.
  return [counts[0], 0, counts[2], 0, ...counts.slice(4).map(() => null)] as Counts;
}

function addCounts(a: Counts | undefined, b: Counts | undefined): Counts | undefined {
  if (!a || !b) return a ?? b;
  return a.map((v, i) => {
    const w = b[i];
    return v === null || w === null || w === undefined ? (v ?? w ?? null) : v + w;
  }) as Counts;
}

/** Departments with the codes of one field merged: 11.01 and 11.07 become one "11.01 + 11.07". */
function mergeSameField(departments: readonly Department[]): { codes: string[]; d: Department }[] {
  const out: { codes: string[]; d: Department }[] = [];
  for (const d of departments) {
    const group = SAME_FIELD.find((g) => g.includes(d.code));
    const existing = group && out.find((o) => o.codes.some((c) => group.includes(c)));
    if (existing) {
      existing.codes.push(d.code);
      if (d.weight === 'primary') existing.d = { ...existing.d, weight: 'primary' };
    } else out.push({ codes: [d.code], d });
  }
  return out;
}

export function scoreHost(
  evidence: HostEvidence | undefined,
  departments: readonly Department[],
  titles: CipTaxonomy['titles'],
  years: readonly string[],
): HostScore {
  if (!evidence) return { score: null, departments: [] };
  let score = 0;
  const familiesShown = new Set<string>();
  const out: DepartmentEvidence[] = mergeSameField(departments).map(({ codes, d }) => {
    const counts = codes.map((c) => countsOf(evidence, c)).reduce(addCounts, undefined);
    const code = codes.join(' + ');
    const covered = counts !== undefined || evidence.coverage === 'all-cips';
    const latest = counts
      ? { bachelor: counts[0], master: counts[1], doctoral: counts[2], other: counts[3] }
      : covered
        ? { bachelor: 0, master: 0, doctoral: 0, other: 0 }
        : null;
    const trend = counts ? (counts.slice(4) as (number | null)[]) : years.map(() => null);
    const family = d.code.slice(0, 2);
    const share = isLibraryScience(family) ? null : (evidence.pcip[family] ?? null);
    const total = latest ? latest.bachelor + latest.master + latest.doctoral + latest.other : 0;
    score += WEIGHT[d.weight] * Math.log2(1 + total);
    const title = codes.map((c) => cipTitle(c, titles)).join(' + ');
    const lines: string[] = [];
    if (isLibraryScience(d.code)) lines.push(`${title} (${code}): not counted, it is the LIS program itself`);
    else if (counts && latest) lines.push(ipedsLine(title, code, latest, trend, years));
    else if (covered) lines.push(`${title} (${code}): no completions reported, IPEDS ${years.at(-1)}`);
    if (share !== null && share > 0 && !familiesShown.has(family)) {
      familiesShown.add(family);
      lines.push(
        `${cipTitle(family, titles)} (${family}): ${Math.round(share * 1000) / 10}% of undergraduate awards, College Scorecard`,
      );
    }
    return { code, title, weight: d.weight, reason: d.reason, latest, trend, undergradShare: share, lines };
  });
  return { score: Math.round(score * 10) / 10, departments: out };
}

/** The host's strongest families by latest-year completions (library science excluded). */
export function strongestFamilies(
  evidence: HostEvidence | undefined,
  count: number,
): { code: string; total: number }[] {
  if (!evidence) return [];
  return Object.entries(evidence.completions)
    .filter(([code]) => code.length === 2)
    .map(([code, c]) => ({ code, total: c[0] + c[1] + c[2] + c[3] }))
    .sort((a, b) => b.total - a.total || compareText(a.code, b.code))
    .slice(0, count);
}

/** Every evidence line of a host's score, in department order. */
export function evidenceLines(score: HostScore | undefined): string[] {
  return score?.departments.flatMap((d) => d.lines) ?? [];
}

export interface DepartmentQuery {
  label: string;
  career: string | null;
  departments: Department[];
}

/** Why a `--career`/`--dept` query cannot be answered, for the caller to word as an error. */
export type DepartmentQueryProblem =
  | { kind: 'no-career'; career: string }
  | { kind: 'several-careers'; career: string; candidates: Career[] }
  | { kind: 'no-department'; dept: string };

/**
 * The departments a `--career` name and `--dept` words or codes ask for: the career's own
 * (primary and secondary), then each `--dept` match as primary, each code once.
 */
export function departmentQuery(
  career: string | undefined,
  depts: readonly string[],
  careers: readonly Career[],
  titles: CipTaxonomy['titles'],
): { query: DepartmentQuery } | { problem: DepartmentQueryProblem } {
  const departments: Department[] = [];
  let careerName: string | null = null;
  if (career) {
    const found = findCareer(career, careers);
    if (!('career' in found)) {
      return found.candidates.length === 0
        ? { problem: { kind: 'no-career', career } }
        : { problem: { kind: 'several-careers', career, candidates: found.candidates } };
    }
    careerName = found.career.name;
    departments.push(...found.career.departments);
  }
  for (const d of depts) {
    const codes = resolveDepartments(d, titles);
    if (codes.length === 0) return { problem: { kind: 'no-department', dept: d } };
    for (const code of codes) {
      if (!departments.some((x) => x.code === code)) {
        departments.push({ code, weight: 'primary', reason: `asked for with --dept ${d}` });
      }
    }
  }
  const label = [careerName ? `--career "${careerName}"` : '', ...depts.map((d) => `--dept ${d}`)]
    .filter(Boolean)
    .join(', ');
  return { query: { label, career: careerName, departments } };
}
