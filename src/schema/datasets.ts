/**
 * zod schemas for the bundled datasets. Build scripts validate with them and
 * the data tests check every committed file against them; the CLI itself only
 * imports the inferred types (validation is not repeated on every run), and
 * `mls data import` validates a download with them. zod/mini, as for plan files:
 * the classic API added 450 KB to the program every command loads.
 */
import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { COUNTRIES, LINK_KINDS, PROGRAM_STATUSES, REVIEW_BASES, SEASONS, TRI_STATES } from './vocabulary.js';

export { COUNTRIES, NOT_ACCREDITED_STATUSES, PROGRAM_STATUSES, SEASONS, TRI_STATES } from './vocabulary.js';

/** zod/mini has no messages until a locale is loaded: call this before showing a user zod's issues. */
export function loadZodMessages(): void {
  z.config(en());
}

const nonEmpty = z.string().check(z.minLength(1));
const digits = z.string().check(z.regex(/^\d+$/));
const opeId = z.string().check(z.regex(/^\d{8}$/));

export const triState = z.enum(TRI_STATES);
export type TriState = z.infer<typeof triState>;

export const programStatus = z.enum(PROGRAM_STATUSES);
export type ProgramStatus = z.infer<typeof programStatus>;

export const season = z.enum(SEASONS);
export type Season = z.infer<typeof season>;

export const reviewInfo = z.object({
  /** Year of the next comprehensive review (or end of the current term), when the source gives one. */
  year: z.nullable(z.int().check(z.minimum(1990), z.maximum(2100))),
  season: z.nullable(season),
  /** What the year means: next review, accredited through, a review under way, or nothing stated. */
  basis: z.enum(REVIEW_BASES),
  /** The source says the outcome of the review that fell due was not found. */
  outcomeNotFound: z.boolean(),
  /** The original wording from the reference table. */
  text: z.string(),
});
export type ReviewInfo = z.infer<typeof reviewInfo>;

export const delivery = z.object({
  /** The whole degree can be completed online. */
  online100: triState,
  /** Mainly online, with some required campus time. */
  mostlyOnline: triState,
  /** An on-campus / in-person option exists. */
  campus: triState,
});
export type Delivery = z.infer<typeof delivery>;

const dollars = z.nullable(z.int().check(z.nonnegative()));

/** One residency's graduate charges for the year (IPEDS IC_AY): null = not reported or not applicable. */
export const charge = z.object({
  /** Average tuition for a full-time graduate student for the academic year. */
  tuition: dollars,
  /** Required fees for the year. */
  fees: dollars,
  /** Tuition and required fees together (null unless tuition is known). */
  tuitionAndFees: dollars,
  /** Per-credit-hour charge. */
  perCredit: dollars,
});
export type Charge = z.infer<typeof charge>;

/** Institution-wide graduate charges, not the program's own price (an online rate may differ). */
export const graduateCost = z.object({
  /** Academic year, e.g. 2022-23. */
  year: z.string().check(z.regex(/^\d{4}-\d{2}$/)),
  source: nonEmpty,
  /** Only where it differs from in-state (community-college style district rates). */
  inDistrict: z.nullable(charge),
  inState: charge,
  outOfState: charge,
});
export type GraduateCost = z.infer<typeof graduateCost>;

export const program = z.object({
  id: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
  institution: nonEmpty,
  school: z.nullable(z.string()),
  program: nonEmpty,
  degree: nonEmpty,
  city: z.nullable(z.string()),
  /** Two-letter state/province code, or a UK nation name. */
  region: nonEmpty,
  country: z.enum(COUNTRIES),
  status: programStatus,
  /** False for candidate and precandidate programs. */
  accredited: z.boolean(),
  review: reviewInfo,
  delivery,
  website: z.nullable(z.url()),
  /** The host institution in the Department of Education's data; null outside the U.S. (not covered). */
  doe: z.nullable(z.object({ dapipId: digits, opeId: opeId, unitId: digits })),
  sources: z.array(z.url()).check(z.minLength(1)),
  /** The research trail from the reference table (labels, confidence, dates): shown with `show --sources`. */
  notes: z.nullable(z.string()),
  /** A shorter form of the institution's name for narrow tables (University -> U.). */
  shortName: nonEmpty,
  /** The link shown to users: always present, with what it points to. */
  link: z.object({ url: z.url(), kind: z.enum(LINK_KINDS) }),
  /** One to three sentences for readers, each taken from `notes` with its research labels removed. */
  summary: nonEmpty,
  /** Specialisations and tracks the notes name (school library, archives, ...). */
  specialisations: z.array(nonEmpty),
  /** IPEDS graduate tuition and fees of the host institution; null outside the U.S. (not in IPEDS). */
  cost: z.nullable(graduateCost),
  /** IPEDS IC2020: whether the institution offers graduate distance education; null outside the U.S. */
  distanceEd: z.nullable(z.object({ gradCourses: triState, gradPrograms: triState, anyPrograms: triState })),
});
export type Program = z.infer<typeof program>;

export const datasetMeta = z.object({
  dataset: z.string(),
  title: z.string(),
  /** Newest date the data describes: YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source allows. */
  asOf: z.string().check(z.regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/)),
  source: z.string(),
  recordCount: z.int().check(z.nonnegative()),
});
export type DatasetMeta = z.infer<typeof datasetMeta>;

export const alaDataset = z.object({
  meta: datasetMeta,
  programs: z.array(program),
});
export type AlaDataset = z.infer<typeof alaDataset>;

export const manifestSchema = z.object({
  datasets: z.array(z.extend(datasetMeta, { file: z.string() })),
});
export type Manifest = z.infer<typeof manifestSchema>;

// ---- DAPIP (U.S. Department of Education accreditation database) ----

export const AGENCY_RECOGNITIONS = ['both', 'USDE', 'CHEA', 'former-USDE', 'unknown'] as const;

export const agency = z.object({
  id: digits,
  short: nonEmpty,
  name: nonEmpty,
  scope: z.enum(['institutional', 'programmatic', 'unknown']),
  /** Who recognizes it: USDE (and CHEA), CHEA only, formerly USDE, or not known. */
  recognizedBy: z.enum(AGENCY_RECOGNITIONS),
  /** Date recognition ended, when known (ACICS: 2022-08-19). */
  recognitionEnded: z.nullable(z.iso.date()),
});
export type Agency = z.infer<typeof agency>;

export const ACTION_KINDS = ['adverse', 'loss', 'cleared'] as const;

export const accreditationRecord = z.object({
  agency: z.string(),
  status: z.string(),
  since: z.nullable(z.iso.date()),
  review: z.nullable(z.iso.date()),
  /** Null while the record is in force. */
  end: z.nullable(z.iso.date()),
});
export type AccreditationRecord = z.infer<typeof accreditationRecord>;

export const accreditationAction = z.object({
  agency: z.string(),
  date: z.iso.date(),
  action: z.string(),
  kind: z.enum(ACTION_KINDS),
  justification: z.nullable(z.string()),
});
export type AccreditationAction = z.infer<typeof accreditationAction>;

export const institution = z.object({
  /** DAPIP id: 6 digits for an institution, parent id + 3 digits for an additional location. */
  id: digits,
  opeId: z.nullable(opeId),
  unitIds: z.array(digits),
  name: nonEmpty,
  city: z.nullable(z.string()),
  state: z.nullable(z.string()),
  /** DAPIP id of the parent institution, for additional locations. */
  parent: z.nullable(z.string()),
  /** Institutional accreditation records (open and ended). */
  accreditation: z.array(accreditationRecord),
  /** Actions on institutional accreditation that matter to a student: warnings, probation, losses, and their removal. */
  actions: z.array(accreditationAction),
});
export type Institution = z.infer<typeof institution>;

export const dapipDataset = z.object({
  meta: datasetMeta,
  agencies: z.array(agency),
  institutions: z.array(institution),
});
export type DapipDataset = z.infer<typeof dapipDataset>;

// ---- Careers, CIP taxonomy and department evidence ----

export const cipCode = z.string().check(z.regex(/^\d{2}(?:\.\d{2}(?:\d{2})?)?$/));

export const cipTaxonomy = z.object({
  meta: datasetMeta,
  /** CIP 2020 families (2-digit), series (4-digit) and the 6-digit codes careers name: code -> title. */
  titles: z.record(cipCode, z.string()),
});
export type CipTaxonomy = z.infer<typeof cipTaxonomy>;

export const career = z.object({
  name: z.string(),
  departments: z.array(z.object({ code: cipCode, weight: z.enum(['primary', 'secondary']), reason: z.string() })),
});
export type Career = z.infer<typeof career>;

export const careersDataset = z.object({
  meta: datasetMeta,
  careers: z.array(career),
  /** The communication-skills complement added to teaching and tutoring roles. */
  complement: career,
});
export type CareersDataset = z.infer<typeof careersDataset>;

/**
 * Completions for one CIP code at one host: [bachelor's, master's, doctoral (research),
 * other awards] in the latest year, then the all-level totals of each year in `years`
 * (null where that year is not covered).
 */
export const completionCounts = z.tuple([z.number(), z.number(), z.number(), z.number()], z.nullable(z.number()));

export const hostEvidence = z.object({
  unitId: z.string(),
  coverage: z.enum(['all-cips', 'career-cips']),
  completions: z.record(cipCode, completionCounts),
  /** College Scorecard: share of undergraduate awards per CIP family. */
  pcip: z.record(z.string().check(z.regex(/^\d{2}$/)), z.number()),
});
export type HostEvidence = z.infer<typeof hostEvidence>;

export const evidenceDataset = z.object({
  meta: datasetMeta,
  /** Award years of the totals, e.g. 2019-20 … 2023-24; the last is the latest year. */
  years: z.array(z.string()),
  /** UNITIDs whose evidence is reported under another (merged) UNITID: PennWest. */
  unitAliases: z.record(z.string(), z.string()),
  hosts: z.array(hostEvidence),
});
export type EvidenceDataset = z.infer<typeof evidenceDataset>;
