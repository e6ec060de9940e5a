/**
 * The accreditation verdict for one institution: its ALA program(s) and its
 * institutional accreditation by agencies the U.S. Department of Education
 * recognizes. Pure: records, agencies, programs and "now" come in.
 */

import type { AccreditationAction, Agency, Program } from '../schema/datasets.js';
import type { InstitutionDetails } from './dapip-index.js';
import { type HdRecord, type HdStatus, hdStatus, inTitleIV } from './ipeds-hd.js';
import { compareText } from './normalize.js';
import { reviewIsPast, reviewLabel } from './programs.js';
import { type RecentAction, VOLUNTARY_CODES } from './recent-actions.js';
import { isStale } from './staleness.js';

export interface VerdictInstitution {
  name: string;
  city: string | null;
  state: string | null;
  dapipId: string | null;
  opeId: string | null;
  unitIds: string[];
  /** Set when the lookup hit an additional location that resolved to this parent. */
  matchedLocation: { name: string; dapipId: string } | null;
}

export interface VerdictRecord {
  agency: {
    id: string;
    short: string;
    name: string;
    recognizedBy: Agency['recognizedBy'];
    recognitionEnded: string | null;
  };
  status: string;
  since: string | null;
  review: string | null;
  end: string | null;
  inForce: boolean;
  /** Date of a later DAPIP action (after the download) withdrawing or ending it, if the partial file has one. */
  endedLater: string | null;
  /** In force, by an agency the Department of Education recognizes today. */
  recognized: boolean;
}

export interface VerdictProgram {
  id: string;
  program: string;
  degree: string;
  status: Program['status'];
  accredited: boolean;
  nextReview: string;
  reviewPast: boolean;
}

export interface VerdictAction extends AccreditationAction {
  agencyShort: string;
  /** A later action by the same agency removed it (warning removed, reinstated…). */
  clearedLater: boolean;
}

export type Outcome = 'accredited' | 'not-recognized' | 'closed' | 'merged' | 'unconfirmed' | 'outside-doe';

/** What IPEDS HD says about the institution in its collection year. */
export interface VerdictIpeds {
  year: string;
  unitId: string | null;
  status: HdStatus;
  name: string | null;
  closedOn: string | null;
  mergedInto: { unitId: string; name: string | null } | null;
  /** Takes part in Title IV federal student aid (requires recognized accreditation, or rarely state approval). */
  titleIV: boolean | null;
  web: string | null;
}

/** An action from the partial DAPIP 2019-2026 file, newer than the DAPIP download. */
export interface VerdictLaterAction extends RecentAction {
  agencyShort: string;
  /** Voluntary withdrawal: often a move to another accreditor, not a loss of recognition. */
  voluntary: boolean;
}

export interface VerdictSource {
  name: string;
  asOf: string;
}

export interface Verdict {
  institution: VerdictInstitution;
  country: Program['country'];
  doeCoverage: 'covered' | 'outside';
  programs: VerdictProgram[];
  institutional: VerdictRecord[];
  actions: VerdictAction[];
  outcome: Outcome;
  overall: string;
  warnings: string[];
  /** One sentence on what the age of the evidence means (U.S. institutions only). */
  staleness: string | null;
  ipeds: VerdictIpeds | null;
  laterActions: VerdictLaterAction[];
  /** Every source the verdict used, with its date. */
  sources: VerdictSource[];
  dataAsOf: { dapip: string | null; ala: string };
}

export interface LaterEvidence {
  /** IPEDS HD: the year ("2024-25"), the institution's record and its successor's when it merged. */
  ipeds: { year: string; record: HdRecord | null; successor: HdRecord | null } | null;
  /** The partial DAPIP actions file: as read on `asOf`. */
  actions: { asOf: string; list: RecentAction[] } | null;
}

export interface VerdictInput {
  institution: VerdictInstitution;
  country: Program['country'];
  details: InstitutionDetails | null;
  agencies: readonly Agency[];
  programs: readonly Program[];
  dapipAsOf: string | null;
  alaAsOf: string;
  now: Date;
  later?: LaterEvidence;
}

const RECOGNIZED = new Set<Agency['recognizedBy']>(['both', 'USDE']);
/** DAPIP action codes that end an accreditation: voluntary withdrawal (R, VR) and losses (LO, LD). */
const ENDING_CODES = new Set(['R', 'VR', 'LO', 'LD']);
/** Actions this recent (before the data's as-of date) are reported. */
const RECENT_ACTION_YEARS = 5;

function unknownAgency(id: string): Agency {
  return {
    id,
    short: `agency ${id}`,
    name: `agency ${id}`,
    scope: 'unknown',
    recognizedBy: 'unknown',
    recognitionEnded: null,
  };
}

function toRecords(details: InstitutionDetails | null, agencies: Map<string, Agency>): VerdictRecord[] {
  if (!details) return [];
  const records = details.accreditation.map((r) => {
    const agency = agencies.get(r.agency) ?? unknownAgency(r.agency);
    const inForce = r.end === null && r.status !== 'Denied Accreditation';
    return {
      agency: {
        id: agency.id,
        short: agency.short,
        name: agency.name,
        recognizedBy: agency.recognizedBy,
        recognitionEnded: agency.recognitionEnded,
      },
      status: r.status,
      since: r.since,
      review: r.review,
      end: r.end,
      inForce,
      endedLater: null as string | null,
      recognized: inForce && RECOGNIZED.has(agency.recognizedBy),
    };
  });
  // In force first, then the most recently ended.
  return records.sort((a, b) => Number(b.inForce) - Number(a.inForce) || compareText(b.end ?? '', a.end ?? ''));
}

function recentActions(
  details: InstitutionDetails | null,
  agencies: Map<string, Agency>,
  asOf: string | null,
): VerdictAction[] {
  if (!details || !asOf) return [];
  const cutoff = `${Number(asOf.slice(0, 4)) - RECENT_ACTION_YEARS}${asOf.slice(4)}`;
  return details.actions
    .filter((a) => a.kind !== 'cleared' && a.date >= cutoff)
    .map((a) => ({
      ...a,
      agencyShort: agencies.get(a.agency)?.short ?? `agency ${a.agency}`,
      clearedLater: details.actions.some((c) => c.kind === 'cleared' && c.agency === a.agency && c.date > a.date),
    }))
    .reverse();
}

function programSummary(programs: readonly VerdictProgram[]): { text: string; accredited: boolean } {
  const accredited = programs.filter((p) => p.accredited);
  if (accredited.length > 0) {
    return { text: `ALA-accredited program${accredited.length > 1 ? 's' : ''}`, accredited: true };
  }
  if (programs.length > 0)
    return { text: 'ALA program only seeking accreditation (not accredited)', accredited: false };
  return { text: 'no ALA-accredited program', accredited: false };
}

const MONTHS = 'January February March April May June July August September October November December'.split(' ');

/** `2020-11-02` -> "November 2020". */
export function monthYear(date: string): string {
  const month = MONTHS[Number(date.slice(5, 7)) - 1];
  return month ? `${month} ${date.slice(0, 4)}` : date;
}

function toIpeds(later: LaterEvidence['ipeds']): VerdictIpeds | null {
  if (!later) return null;
  const r = later.record;
  return {
    year: later.year,
    unitId: r?.unitId ?? null,
    status: hdStatus(r),
    name: r?.name ?? null,
    closedOn: r?.closedOn ?? null,
    mergedInto: r?.mergedInto ? { unitId: r.mergedInto, name: later.successor?.name ?? null } : null,
    titleIV: inTitleIV(r),
    web: r?.web ?? null,
  };
}

function ipedsPhrase(ipeds: VerdictIpeds): string {
  const y = `IPEDS ${ipeds.year}`;
  switch (ipeds.status) {
    case 'closed':
      return `${y} shows the institution closed${ipeds.closedOn ? ` on ${ipeds.closedOn}` : ''}`;
    case 'merged':
      return `${y} shows it merged into ${ipeds.mergedInto?.name ?? `UNITID ${ipeds.mergedInto?.unitId}`}`;
    case 'not-in-file':
      return `${y} does not list it (it may have closed or merged; unknown)`;
    default:
      return ipeds.titleIV
        ? `${y} shows the institution open and in federal student aid`
        : `${y} shows the institution open but not in federal student aid`;
  }
}

/** The one staleness sentence: what the age of each source means for this verdict. */
function stalenessLine(
  dapipAsOf: string | null,
  pastReviews: readonly VerdictRecord[],
  ipeds: VerdictIpeds | null,
  later: number,
): string {
  const reviews = pastReviews.map((r) => `${r.agency.short}'s next review was due ${r.review}`).join(', ');
  const parts = [
    `Accreditor as recorded by DAPIP${dapipAsOf ? ` in ${monthYear(dapipAsOf)}` : ''}${reviews ? ` (${reviews})` : ''}`,
  ];
  if (ipeds) parts.push(ipedsPhrase(ipeds));
  if (later > 0) parts.push(`DAPIP records ${later} later action${later > 1 ? 's' : ''} (listed above)`);
  parts.push('check the live DAPIP for changes since.');
  return parts.join('; ');
}

export function accreditationVerdict(input: VerdictInput): Verdict {
  const agencies = new Map(input.agencies.map((a) => [a.id, a]));
  const programs: VerdictProgram[] = input.programs.map((p) => ({
    id: p.id,
    program: p.program,
    degree: p.degree,
    status: p.status,
    accredited: p.accredited,
    nextReview: reviewLabel(p.review),
    reviewPast: reviewIsPast(p.review, input.now) && p.review.basis !== 'review-in-progress',
  }));
  const doeCoverage = input.country === 'United States' ? 'covered' : 'outside';
  const institutional = toRecords(input.details, agencies);
  // A later withdrawal or loss (partial 2019-2026 file) ends that record for this verdict.
  for (const a of input.country === 'United States' ? (input.later?.actions?.list ?? []) : []) {
    if (!ENDING_CODES.has(a.code)) continue;
    for (const r of institutional) {
      if (r.agency.id === a.agency && r.inForce && !r.endedLater) {
        r.endedLater = a.date;
        r.recognized = false;
      }
    }
  }
  const actions = recentActions(input.details, agencies, input.dapipAsOf);
  const warnings: string[] = [];
  const ala = programSummary(programs);

  for (const p of input.programs) {
    if (p.status === 'conditional') {
      warnings.push(
        `${p.degree}: ALA status is conditional: accredited, but the program must fix shortfalls ALA named`,
      );
    }
    if (!p.accredited) warnings.push(`${p.degree}: ALA status is ${p.status}: the program is NOT accredited yet`);
    if (p.status === 'unknown') warnings.push(`${p.degree}: no dated ALA decision in the sources; confirm with ALA`);
  }
  for (const p of programs) {
    if (p.reviewPast)
      warnings.push(`${p.degree}: ALA review date (${p.nextReview}) has passed and its outcome is not in the data`);
  }

  let outcome: Outcome;
  let overall: string;
  if (doeCoverage === 'outside') {
    outcome = 'outside-doe';
    overall = `${ala.text}; the U.S. Department of Education does not cover institutions in ${input.country === 'Canada' ? 'Canada' : 'the United Kingdom'}, so there is no DAPIP record to check`;
  } else {
    const recognized = institutional.filter((r) => r.recognized);
    if (recognized.length > 0) {
      outcome = 'accredited';
      const names = [...new Set(recognized.map((r) => r.agency.short))].join(', ');
      overall = ala.accredited
        ? `ALA-accredited program at an institution accredited by a USDE-recognized agency (${names})`
        : `Institution accredited by a USDE-recognized agency (${names}); ${ala.text}`;
      if (recognized.every((r) => r.status === 'Preaccredited')) {
        warnings.push('institutional status is preaccredited (a candidate), not full accreditation');
      }
    } else if (
      institutional.some((r) => r.endedLater) &&
      input.later?.ipeds?.record &&
      inTitleIV(input.later.ipeds.record)
    ) {
      // The accreditor DAPIP recorded was left later, yet the institution was in Title IV in the HD year:
      // it is accredited by someone recognized, and our data cannot say by whom.
      outcome = 'accredited';
      const left = institutional.filter((r) => r.endedLater).map((r) => `${r.agency.short} on ${r.endedLater}`);
      overall = `In federal student aid in ${input.later.ipeds.year} (IPEDS), which requires accreditation by a recognized agency; DAPIP records its withdrawal from ${left.join(', ')}, usually a move to another accreditor: the live DAPIP names the current one; ${ala.text}`;
    } else {
      outcome = 'not-recognized';
      overall = `No accreditation by a USDE-recognized agency on record in DAPIP${input.dapipAsOf ? ` (as of ${input.dapipAsOf})` : ''}; ${ala.text}`;
    }
    for (const r of institutional.filter((x) => x.inForce)) {
      if (r.agency.recognizedBy === 'former-USDE') {
        warnings.push(
          `${r.agency.short} is no longer recognized by the U.S. Department of Education${r.agency.recognitionEnded ? ` (since ${r.agency.recognitionEnded})` : ''}`,
        );
      } else if (r.agency.recognizedBy === 'CHEA') {
        warnings.push(`${r.agency.short} is recognized by CHEA only, not by the U.S. Department of Education`);
      } else if (r.agency.recognizedBy === 'unknown') {
        warnings.push(`${r.agency.short}: recognition unknown (agency not in the bundled agency list)`);
      }
    }
    for (const a of actions.filter((x) => !x.clearedLater)) {
      warnings.push(
        `${a.agencyShort}: ${a.action} on ${a.date}${a.kind === 'loss' ? '' : ' (no later removal on record)'}`,
      );
    }
  }
  const covered = doeCoverage === 'covered';
  const ipeds = covered ? toIpeds(input.later?.ipeds ?? null) : null;
  const laterActions: VerdictLaterAction[] = covered
    ? (input.later?.actions?.list ?? []).map((a) => ({
        ...a,
        agencyShort: agencies.get(a.agency)?.short ?? a.accreditor,
        voluntary: VOLUNTARY_CODES.has(a.code),
      }))
    : [];
  if (ipeds?.status === 'closed') {
    outcome = 'closed';
    overall = `Closed${ipeds.closedOn ? ` on ${ipeds.closedOn}` : ''} (IPEDS ${ipeds.year}): the institution no longer operates; ${ala.text}`;
  } else if (ipeds?.status === 'merged') {
    outcome = 'merged';
    const to = ipeds.mergedInto;
    overall = `Merged into ${to?.name ?? 'another institution'} (UNITID ${to?.unitId}, IPEDS ${ipeds.year}): check the successor with \`mls check ${to?.unitId}\``;
  } else if (ipeds?.status === 'not-in-file' && outcome === 'accredited') {
    // DAPIP 2020 said accredited, but the (complete) directory of the HD year no longer lists the
    // institution: it may have closed or merged. Not a confident "accredited", not a closure either.
    outcome = 'unconfirmed';
    overall = `Cannot confirm: DAPIP recorded accreditation in ${input.dapipAsOf ? monthYear(input.dapipAsOf) : 'its download'}, but IPEDS ${ipeds.year} no longer lists the institution (UNITID ${input.institution.unitIds.join(', ')}): it may have closed or merged since; check the live DAPIP; ${ala.text}`;
  }
  const today = input.now.toISOString().slice(0, 10);
  const pastReviews = institutional.filter((r) => r.inForce && !r.endedLater && r.review !== null && r.review < today);
  const staleness =
    covered && input.dapipAsOf && isStale(input.dapipAsOf, input.now)
      ? stalenessLine(input.dapipAsOf, pastReviews, ipeds, laterActions.length)
      : null;
  const sources: VerdictSource[] = [{ name: 'ALA accredited programs', asOf: input.alaAsOf }];
  if (covered) {
    if (input.dapipAsOf) sources.push({ name: 'DAPIP (accreditor)', asOf: input.dapipAsOf });
    if (ipeds) sources.push({ name: 'IPEDS HD (open, closed, Title IV)', asOf: ipeds.year });
    if (input.later?.actions)
      sources.push({ name: 'DAPIP actions 2019-2026 (partial)', asOf: input.later.actions.asOf });
  }
  return {
    institution: input.institution,
    country: input.country,
    doeCoverage,
    programs,
    institutional,
    actions,
    outcome,
    overall,
    warnings,
    staleness,
    ipeds,
    laterActions,
    sources,
    dataAsOf: { dapip: doeCoverage === 'covered' ? input.dapipAsOf : null, ala: input.alaAsOf },
  };
}
