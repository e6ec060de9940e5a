/**
 * The accreditation verdict for one institution: its ALA program(s) and its
 * institutional accreditation by agencies the U.S. Department of Education
 * recognizes. Pure: records, agencies, programs and "now" come in.
 */

import type { AccreditationAction, Agency, Program } from '../schema/datasets.js';
import type { InstitutionDetails } from './dapip-index.js';
import { compareText } from './normalize.js';
import { reviewIsPast, reviewLabel } from './programs.js';
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

export type Outcome = 'accredited' | 'not-recognized' | 'outside-doe';

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
  dataAsOf: { dapip: string | null; ala: string };
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
}

const RECOGNIZED = new Set<Agency['recognizedBy']>(['both', 'USDE']);
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
      if (r.review && r.review < input.now.toISOString().slice(0, 10)) {
        warnings.push(`${r.agency.short}: next review was due ${r.review}; the outcome is newer than this data`);
      }
    }
    for (const a of actions.filter((x) => !x.clearedLater)) {
      warnings.push(
        `${a.agencyShort}: ${a.action} on ${a.date}${a.kind === 'loss' ? '' : ' (no later removal on record)'}`,
      );
    }
  }
  if (doeCoverage === 'covered' && input.dapipAsOf && isStale(input.dapipAsOf, input.now)) {
    warnings.push(
      `DAPIP data is as of ${input.dapipAsOf}: run \`mls data import dapip <download.zip>\` with a current download from https://ope.ed.gov/dapip/#/download-data-files`,
    );
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
    dataAsOf: { dapip: doeCoverage === 'covered' ? input.dapipAsOf : null, ala: input.alaAsOf },
  };
}
