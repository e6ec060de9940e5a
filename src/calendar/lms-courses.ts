/**
 * Course codes as learning-management systems write them, matched to the plan's own codes.
 * Canvas `[INFO-200-01-SP27]`, `[INFO 202-01 Spring 2027]`, `LIS 701 (40123) SP27`; Moodle
 * short names such as `LIS653_F27`; Blackboard and D2L course IDs such as `202710-LIS-510-01`
 * all carry a subject and a number: that pair, in capitals and with one space, is the key.
 * Sections, CRNs and terms are dropped. Pure.
 */

/**
 * The course of a deadline whose event carries no course label: a placeholder, never a
 * label to map (mapping it would send every unlabelled event of every feed to one course).
 */
export const NO_COURSE_LABEL = 'IMPORTED';

/** Tokens that look like a subject and a number but are terms: SP27, FA2027, Fall 2027, W27. */
const TERM_WORDS = new Set([
  'F',
  'S',
  'W',
  'U',
  'SP',
  'SU',
  'FA',
  'WI',
  'FL',
  'SS',
  'WS',
  'AU',
  'SPR',
  'SUM',
  'AUT',
  'WIN',
  'FAL',
  'FALL',
  'SPRING',
  'SUMMER',
  'WINTER',
  'AUTUMN',
  'TERM',
  'SEM',
  'SEMESTER',
  'QTR',
  'Q',
  'T',
  'SEC',
  'SECTION',
]);

const SUBJECT_NUMBER = /(?<![A-Z])([A-Z]{2,6})[\s_.-]*(\d{2,4}[A-Z]?)(?![A-Z0-9])/g;

/** `INFO-200-01-SP27` -> `INFO 200`; undefined when the label holds no subject and number. */
export function courseKey(label: string): string | undefined {
  for (const m of label.toUpperCase().matchAll(SUBJECT_NUMBER)) {
    const subject = m[1] as string;
    if (TERM_WORDS.has(subject)) continue;
    return `${subject} ${m[2]}`;
  }
  return undefined;
}

export type CourseMatch =
  /** One plan course has the label's key (or the plan remembers the label): use it. */
  | { kind: 'sure'; code: string; how: 'same' | 'normalised' | 'remembered' }
  /**
   * No plan course fits for certain: ask the user, or take `fallback` as a new course.
   * `likely` is the answer to offer first: a plan course with the same key or number, else
   * the new course.
   */
  | { kind: 'unsure'; candidates: string[]; fallback: string; likely: string };

/**
 * The plan course a feed's course label stands for. `aliases` are the mappings the plan
 * remembers (`courseAliases`); `planCodes` every code the plan uses. A plan without courses
 * takes each label's key as a new course, surely.
 */
export function matchCourse(
  label: string,
  planCodes: readonly string[],
  aliases: Record<string, string | null>,
): CourseMatch {
  const remembered = aliases[label];
  if (typeof remembered === 'string') return { kind: 'sure', code: remembered, how: 'remembered' };
  if (planCodes.includes(label)) return { kind: 'sure', code: label, how: 'same' };
  const key = courseKey(label);
  const fallback = key ?? label.trim();
  const same = key ? planCodes.filter((code) => (courseKey(code) ?? code.toUpperCase()) === key) : [];
  if (same.length === 1) return { kind: 'sure', code: same[0] as string, how: 'normalised' };
  if (same.length > 1) return { kind: 'unsure', candidates: same, fallback, likely: same[0] as string };
  if (planCodes.length === 0) return { kind: 'sure', code: fallback, how: 'normalised' };
  // The same number under another subject (LIBR 200 for INFO 200) is the likeliest.
  const number = key?.split(' ')[1];
  const likely = number ? planCodes.filter((code) => courseKey(code)?.split(' ')[1] === number) : [];
  return {
    kind: 'unsure',
    candidates: [...likely, ...planCodes.filter((c) => !likely.includes(c))],
    fallback,
    likely: likely[0] ?? fallback,
  };
}

export interface CourseResolution {
  /** Feed label -> plan course code, or null to leave the label's events out. */
  map: Map<string, string | null>;
  /** Choices to remember in the plan's `courseAliases` (null: leave its events out). */
  remember: Record<string, string | null>;
  /** Labels taken as new courses without asking (no terminal, no --course): one line each. */
  guessed: { label: string; code: string; candidates: string[] }[];
}

/**
 * Every feed course label resolved once. `given` are the user's `--course LABEL=CODE`
 * mappings; `ask` (on a terminal) is called once per course (labels with the same key share
 * the answer) that matches no course for certain, and answers a plan code, a new code, or null
 * (leave it out); `likely` is the answer to offer first. A label the plan remembers as null
 * (`courseAliases: { ARTS 101: null }`) is left out without a question.
 */
export async function resolveCourses(
  labels: Iterable<string>,
  planCodes: readonly string[],
  aliases: Record<string, string | null>,
  given: Record<string, string>,
  ask?: (label: string, candidates: string[], fallback: string, likely: string) => Promise<string | null>,
): Promise<CourseResolution> {
  const out: CourseResolution = { map: new Map(), remember: {}, guessed: [] };
  const answered = new Map<string, string | null>();
  for (const label of new Set(labels)) {
    if (label === NO_COURSE_LABEL && given[label] === undefined) {
      // Not a course of the feed: never asked about, never suggested for --course.
      out.map.set(label, label);
      continue;
    }
    const chosen = given[label];
    if (chosen !== undefined) {
      out.map.set(label, chosen);
      if (chosen !== label) out.remember[label] = chosen;
      continue;
    }
    if (aliases[label] === null) {
      out.map.set(label, null);
      continue;
    }
    const match = matchCourse(label, planCodes, aliases);
    if (match.kind === 'sure') {
      out.map.set(label, match.code);
      continue;
    }
    if (ask) {
      // One question per course: LIS-701-01-SP27 is answered with LIS 701 (40123) SP27.
      const key = courseKey(label) ?? label;
      const answer = answered.has(key)
        ? (answered.get(key) as string | null)
        : await ask(label, match.candidates, match.fallback, match.likely);
      answered.set(key, answer);
      out.map.set(label, answer);
      if (answer !== label) out.remember[label] = answer;
      continue;
    }
    out.map.set(label, match.fallback);
    out.guessed.push({ label, code: match.fallback, candidates: match.candidates });
  }
  return out;
}
