/**
 * What the ALA table lacks for a decision, added at build time: graduate charges
 * (IPEDS IC2022_AY), a link for every program (IPEDS HD2024 WEBADDR when the table
 * has no program page), graduate distance education (IPEDS IC2020), a short
 * readable note and the specialisations the notes name.
 *
 * HD2024 is also read by the `check` build; only UNITID -> WEBADDR is read here.
 */
import { join } from 'node:path';
import { parseIcAyCharges } from '../../src/formats/ipeds-charges.js';
import type { GraduateCost, Program, TriState } from '../../src/schema/datasets.js';
import { readCsv } from './csv.js';

export interface IpedsExtras {
  costs: Map<string, GraduateCost>;
  webAddresses: Map<string, string>;
  distanceEd: Map<string, NonNullable<Program['distanceEd']>>;
}

function ipedsYesNo(value: string | undefined): TriState {
  if (value === '1') return 'yes';
  if (value === '0') return 'no';
  return 'unknown';
}

export async function readIpedsExtras(referenceDir: string, unitIds: ReadonlySet<string>): Promise<IpedsExtras> {
  const ipeds = join(referenceDir, 'doe', 'ipeds');
  const { readFile } = await import('node:fs/promises');
  const charges = parseIcAyCharges(await readFile(join(ipeds, 'ic2022_ay.csv'), 'utf8'), {
    year: '2022-23',
    source: 'IPEDS IC2022_AY (provisional release), student charges for academic year programs',
  });
  const costs = new Map([...charges].filter(([u]) => unitIds.has(u)));
  const webAddresses = new Map<string, string>();
  for (const row of await readCsv(join(ipeds, 'hd2024.csv'))) {
    const unitId = row.UNITID ?? '';
    const web = (row.WEBADDR ?? '').trim();
    if (!unitIds.has(unitId) || web === '') continue;
    // HD2024 gives some addresses without a scheme (www.sjsu.edu/); they are web sites.
    webAddresses.set(unitId, /^https?:\/\//i.test(web) ? web : `https://${web}`);
  }
  const distanceEd = new Map<string, NonNullable<Program['distanceEd']>>();
  for (const row of await readCsv(join(ipeds, 'ic2020.csv'))) {
    const unitId = row.UNITID ?? '';
    if (!unitIds.has(unitId)) continue;
    // IPEDS codes: 1 yes, 0 implied no, -1 not reported, -2 not applicable.
    distanceEd.set(unitId, {
      gradCourses: ipedsYesNo(row.DSTNGC),
      gradPrograms: ipedsYesNo(row.DSTNGP),
      anyPrograms: ipedsYesNo(row.DISTPGS),
    });
  }
  return { costs, webAddresses, distanceEd };
}

/** A news page announcing a decision is not the program's page. */
const NEWS_PAGE = /\/news\//i;

export function programLink(
  website: string | null,
  sources: readonly string[],
  homePage: string | undefined,
): Program['link'] {
  if (website && !NEWS_PAGE.test(website)) return { url: website, kind: 'program page' };
  if (homePage) return { url: homePage, kind: 'institution home page' };
  if (website) return { url: website, kind: 'school news page' };
  const source = sources.find((s) => !/ala\.org/i.test(s)) ?? sources[0];
  if (!source) throw new Error('a program with no website, home page or source');
  return { url: source, kind: 'source page' };
}

/** `University of Wisconsin-Madison` -> `U. of Wisconsin-Madison`; parentheses and a leading "The" go. */
export function shortInstitutionName(name: string): string {
  return name
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/^The /, '')
    .replace(/, State University of New York$/, ' (SUNY)')
    .replace(/, City University of New York$/, ' (CUNY)')
    .replace(/\bUniversity\b/g, 'U.')
    .replace(/\bUniversité\b/g, 'U.')
    .trim();
}

// ---- The short note ----

/** Words of the research trail: a sentence or parenthesis with one of them is not for readers. */
const TRAIL =
  /\b(decision|cited|standards?|forum|blog|mirror|confidence|superseded|left blank|second pass|third[- ]party|re-?checked|searches|sources? (found|say|says)|not (stated|found|confirmed)|still unknown|status|accredit\w*|review\w*|candidacy|conflict|changed|set to|UPDATE)\b|=/i;
/** Words of what a reader decides on: delivery, campus time, tracks, names. */
const READER =
  /\b(online|campus|in[- ]person|face[- ]to[- ]face|residence|hybrid|virtual\w*|asynchronous|synchronous|cohorts?|weekend|concentrations?|speciali[sz]\w*|emphases|tracks?|pathways?|path available|certificates?|knowledge management|licensure|course areas|formerly|titled|renamed|credits|HBCU|only ALA)\b/i;

/** Sentences of the reference notes, with the `UPDATE n:` labels removed. */
export function noteSentences(notes: string): string[] {
  const field = '[a-z_0-9/]+=[a-z]+';
  return (
    notes
      // A field change that introduces a finding: `online_mostly=yes, LOW CONFIDENCE (old): a c. 2010 page says ...`.
      .replace(new RegExp(`\\b${field}(?:, [A-Z ]+)?(?:\\s*\\([^)]*\\))?:\\s*(\\w?)`, 'g'), (_m, first: string) =>
        first.toUpperCase(),
      )
      // "UPDATE 4: the program page ..." starts a sentence.
      .replace(/\bUPDATE \d+:\s*(\w?)/g, (_m, first: string) => first.toUpperCase())
      // A field change closing a sentence: `... exclusively online; campus=no.` -> `... exclusively online.`
      .replace(new RegExp(`[;,]\\s*${field}(?:\\s*\\([^)]*\\))?(?=\\.)`, 'g'), '')
      // Anything else (`campus=no.` alone, `hence online_100=no.`) stays, and its sentence is dropped as research trail.
      .split(new RegExp(`(?<![ (](?:c|e\\.g|i\\.e|approx|vs)\\.)(?<=[.!?])\\s+(?=[A-Z0-9]|${field})`))
      .map((s) => s.trim())
      .filter(Boolean)
  );
}

/** Removes parentheses that hold research-trail words ("(2016 blog said ... - superseded)"). */
function dropTrailParentheses(sentence: string): string {
  return sentence.replace(/\s*\(([^()]*)\)/g, (whole, inner: string) => (TRAIL.test(inner) ? '' : whole));
}

const MAX_SENTENCES = 3;
const MAX_SENTENCE_LENGTH = 260;

/**
 * One to three reader sentences taken from the notes, newest first (later notes supersede
 * earlier ones), in their original order. Every sentence is a piece of the notes, so the
 * data test can check it against them. Null when the notes hold none.
 */
export function readerSummary(notes: string | null): string | null {
  if (!notes) return null;
  const candidates = noteSentences(notes)
    .map(dropTrailParentheses)
    .map((s, index) => ({ s, index }))
    .filter(({ s }) => READER.test(s) && !TRAIL.test(s) && s.length <= MAX_SENTENCE_LENGTH);
  const picked = candidates.slice(-MAX_SENTENCES).sort((a, b) => a.index - b.index);
  if (picked.length === 0) return null;
  return picked.map(({ s }) => capitalise(/[.!?]$/.test(s) ? s : `${s}.`)).join(' ');
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The summary when the notes have no reader sentence: what the delivery fields say. */
export function fallbackSummary(program: Pick<Program, 'delivery'>): string {
  const d = program.delivery;
  if (d.online100 === 'unknown' && d.mostlyOnline === 'unknown' && d.campus === 'unknown') {
    return 'The sources do not say how this program is delivered.';
  }
  const parts: string[] = [];
  if (d.online100 === 'yes') parts.push('can be completed fully online');
  if (d.online100 === 'no') parts.push('cannot be completed fully online');
  if (d.mostlyOnline === 'yes') parts.push('is mostly online with required campus time');
  if (d.campus === 'yes') parts.push('has an on-campus option');
  if (d.campus === 'no') parts.push('has no on-campus option');
  if (parts.length === 0) return 'The sources do not say how this program is delivered.';
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `Per the sources, the program ${list}; they give no further details.`;
}

/** Added to the note when the reference marks its delivery evidence as weak or low-confidence. */
export const WEAK_DELIVERY_NOTE = 'The delivery evidence is old or weak: check with the school.';

/** `online_mostly=yes, LOW CONFIDENCE (old)`, `campus=yes (weak, pre-2022)`: the table doubts its delivery fields. */
export function deliveryIsWeak(notes: string | null): boolean {
  return /\b(online_100|online_mostly|campus)=\w+(,\s*LOW CONFIDENCE|\s*\(weak)/i.test(notes ?? '');
}

/** Specialisations and tracks, each with the pattern that must appear in the notes. */
export const SPECIALISATIONS: readonly [string, RegExp][] = [
  ['school library', /school[- ]librar|school media|school library media/i],
  ['archives', /archiv/i],
  ['records management', /records management/i],
  ['digital curation', /digital curation/i],
  ['digital libraries', /digital (information|librar|collections)|\bdigital,/i],
  ['law librarianship', /law librarianship|legal information/i],
  ['health information', /health information|medical/i],
  ['youth services', /youth services|children|young adult|YA services/i],
  ['academic libraries', /academic(,| librar)/i],
  ['public libraries', /public librar|public,/i],
  ['special libraries', /special librar|special,/i],
  ['technical services', /technical services/i],
  ['information technology', /IT & systems|information technology/i],
  ['e-learning', /e-learning/i],
  ['data science', /data science|data curation/i],
  ['knowledge management', /knowledge management|KM\/IM/i],
];

/** Only a sentence that lists tracks counts, so "public university" is not a specialisation. */
const TRACK_CONTEXT =
  /concentration|speciali[sz]|emphases|track|path|certificate|course areas|school library|school media|librarianship|archiv|digital curation/i;

export function specialisationsIn(notes: string | null): string[] {
  if (!notes) return [];
  const sentences = noteSentences(notes).filter((s) => TRACK_CONTEXT.test(s));
  return SPECIALISATIONS.filter(([, pattern]) => sentences.some((s) => pattern.test(s))).map(([name]) => name);
}
