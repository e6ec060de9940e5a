/**
 * What an LMS event's summary says: its title and course as each system writes them, its
 * kind, whether it is a deadline at all, the estimate it gets, and the feed's name. Pure.
 */
import { PLAN_LIMITS } from '../schema/plan-limits.js';
import type { DeadlineKind } from '../schema/plan-vocabulary.js';
import { courseKey } from './lms-courses.js';

/**
 * Text cut to at most `max` characters at a word, with an ellipsis, so a feed's over-long
 * title or name still fits the plan's limits (the same text is always cut the same way, so a
 * re-import matches). A word longer than 30 characters (a pasted URL, a run of letters) is cut inside.
 */
export function shorten(text: string, max: number = PLAN_LIMITS.textChars): string {
  // Counted in UTF-16 units, as the schema counts; never half a surrogate pair.
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '');
  const space = /\s/.test(text[head.length] ?? '') ? head.length : head.lastIndexOf(' ');
  const cut = space > 0 && head.length - space <= 30 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s\p{P}]+$/u, '') || cut}…`;
}

/**
 * Default estimates, in hours, for imported deadlines: by a word of the title first, then by
 * kind (docs/lms-import.md; `--estimate word=hours` changes them). The user's own estimate is
 * never overwritten by a re-import.
 */
export const DEFAULT_ESTIMATES: Record<DeadlineKind, number> = {
  assignment: 4,
  paper: 8,
  project: 12,
  discussion: 1,
  quiz: 2,
  exam: 6,
};

/** Title words that set an estimate before the kind does, in the order they are looked for. */
export const TITLE_ESTIMATES: Record<string, number> = {
  exam: 6,
  project: 12,
  paper: 8,
  essay: 8,
  quiz: 2,
  reflection: 2,
  discussion: 1,
};

/**
 * A title as words for the keyword guesses: lower case, a number glued to a word split off
 * (`Quiz1` is `quiz 1`), plurals of the words looked for made singular (`discussions`,
 * `quizzes`, `exams`), everything else a space.
 */
export function keywordText(title: string): string {
  return ` ${title
    .toLowerCase()
    .replace(/([a-z])(?=\d)|(\d)(?=[a-z])/g, '$1$2 ')
    .split(/[^a-z0-9]+/)
    .map((word) => SINGULAR[word] ?? word)
    .join(' ')} `;
}

const KEYWORDS = [
  ...['exam', 'midterm', 'quiz', 'test', 'discussion', 'forum', 'post', 'reply', 'response', 'project'],
  ...['portfolio', 'capstone', 'paper', 'essay', 'report', 'reflection', 'review', 'bibliography'],
  ...['assignment', 'submission', 'break', 'holiday', 'class', 'lecture', 'seminar', 'meeting', 'webinar'],
];
const SINGULAR: Record<string, string> = Object.fromEntries([
  ...KEYWORDS.map((word) => [`${word}s`, word]),
  ['quizzes', 'quiz'],
  ['classes', 'class'],
  ['bibliographies', 'bibliography'],
  ['replies', 'reply'],
]);

const has = (text: string, words: string) => new RegExp(` (?:${words}) `).test(text);

/** The estimate for a deadline: a title word's (exam, project, paper, essay, quiz, reflection, discussion), else its kind's. */
export function estimateFor(title: string, kind: DeadlineKind, estimates: Record<string, number>): number {
  const words = keywordText(title).split(' ');
  for (const word of Object.keys(TITLE_ESTIMATES)) {
    if (words.includes(word)) return estimates[word] ?? (TITLE_ESTIMATES[word] as number);
  }
  return estimates[kind] ?? DEFAULT_ESTIMATES[kind];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * The HTML an LMS puts in a summary: formatting and text-level tags, opening or closing, with
 * well-formed attributes. Never a namespaced tag (`<dc:title>`), a head element (`<title>`)
 * or an unknown name (`<mods>`): in a library-science title those are text.
 */
const HTML_TAG = new RegExp(
  `</?(?:${[
    ...['a', 'abbr', 'b', 'big', 'blockquote', 'br', 'cite', 'code', 'del', 'div', 'em', 'font', 'h[1-6]', 'hr'],
    ...['i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'small', 'span', 'strike', 'strong'],
    ...['sub', 'sup', 'u', 'ul', 'wbr'],
  ].join('|')})(?:\\s+[a-z_][-a-z0-9_.]*(?:\\s*=\\s*(?:"[^"<>]*"|'[^'<>]*'|[^\\s"'=<>\`]+))?)*\\s*/?>`,
  'gi',
);

/**
 * Summaries may hold HTML: drop its tags (and only those, see HTML_TAG), decode the common
 * entities, collapse spaces. Control characters (a terminal escape in a title, say) become
 * spaces: no title needs one.
 */
export function plainText(text: string): string {
  return text
    .replace(HTML_TAG, '')
    .replace(/&(#?\w+);/g, (m, name: string) => ENTITIES[name.toLowerCase()] ?? m)
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim();
}

/** An RFC 5545 TEXT value as written (`\,` `\;` `\\` `\n`) as the text it stands for. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

export function guessKind(title: string): DeadlineKind {
  const t = keywordText(title);
  if (has(t, 'exam|midterm|final exam|examination')) return 'exam';
  if (has(t, 'quiz|test')) return 'quiz';
  if (has(t, 'discussion|forum|post|reply|response')) return 'discussion';
  if (has(t, 'project|portfolio|capstone')) return 'project';
  if (has(t, 'paper|essay|report|reflection|review|bibliography')) return 'paper';
  return 'assignment';
}

/** Words that make an event a deadline whatever else its title says (`Seminar paper`, `Spring break reflection`). */
const OTHER_DEADLINE_WORDS = 'paper|essay|reflection|quiz|project|discussion|assignment|due|submit|submission';
const DEADLINE_WORDS = `exam|midterm|${OTHER_DEADLINE_WORDS}`;
const NOT_DEADLINE_WORDS =
  'office hours?|lecture|live session|class meeting|webinar|zoom|seminar|orientation|meeting|review session';
const BREAK_WORDS = 'break|holiday|no class|recess|reading week';

/**
 * Why an event is not a deadline (a lecture, office hours, an exam review session), or null
 * when it may be one. A deadline word anywhere in the title wins, except that an exam review
 * (`Exams review`, `Midterm review session`) is a session before the exam, not something due.
 */
export function notDeadlineReason(title: string): string | null {
  const t = keywordText(title);
  if (has(t, '(?:exam|midterm) review|review session') && !has(t, OTHER_DEADLINE_WORDS)) {
    return 'not a deadline (an exam review session)';
  }
  if (has(t, DEADLINE_WORDS)) return null;
  return has(t, NOT_DEADLINE_WORDS) ? 'not a deadline' : null;
}

/** An all-day event named as a break (`Spring break`, `No classes`), unless a deadline word says it is due. */
export function isBreak(title: string): boolean {
  const t = keywordText(title);
  return has(t, BREAK_WORDS) && !has(t, DEADLINE_WORDS);
}

interface Parsed {
  title: string;
  course: string | null;
  skip: string | null;
}

/** The title and course a system's summary carries, and whether it is a deadline at all. */
export function readSummary(summary: string, categories: string[], location: string | null): Parsed {
  let title = plainText(summary);
  let course: string | null = null;
  const bracket = /^(.*?)\s*\[([^\]]+)\]$/.exec(title); // Canvas: "Title [COURSE]"
  if (bracket) {
    title = bracket[1] ?? title;
    course = (bracket[2] ?? '').trim();
  }
  const moodle = /^(.*?)\s+(is due|opens|closes)$/i.exec(title); // Moodle
  if (moodle) {
    if (/opens/i.test(moodle[2] ?? '')) return { title, course, skip: 'opens (not a deadline)' };
    title = moodle[1] ?? title;
  }
  const d2l = /^(.*?)\s+-\s+(Due|Availability Ends|Availability Starts|Start Date|End Date)$/i.exec(title); // D2L
  if (d2l) {
    if (/start/i.test(d2l[2] ?? '')) return { title, course, skip: 'availability start (not a deadline)' };
    title = d2l[1] ?? title;
  }
  // The LMS's own course field (Canvas brackets, Moodle CATEGORIES, D2L LOCATION) wins.
  course ??= categories[0] ?? (location ? (location.split(' - ')[0] ?? location) : null);
  // Blackboard: "LIS 510: Title", "202710-LIS-510-01: Title", "LIS-510-01-FA27: Title", "LIS 510-01: Title".
  // A prefix is the course only when the event has no course field, and is dropped from the
  // title only when it names that course: "MARC 21: records quiz" in LIS 701 keeps its title.
  const prefix = /^([A-Z0-9][A-Z0-9 _.()-]*?)\s*:\s+(.+)$/.exec(title);
  const prefixKey = prefix ? courseKey(prefix[1] ?? '') : undefined;
  if (prefix && prefixKey && (course === null || courseKey(course) === prefixKey)) {
    course ??= prefix[1] ?? null;
    title = prefix[2] ?? title;
  }
  return { title: shorten(title), course: course === null ? null : shorten(course), skip: null };
}

/** The product names of PRODID, for a feed without X-WR-CALNAME: never the raw PRODID. */
const PRODUCTS: [RegExp, string][] = [
  [/instructure|canvas/i, 'Canvas'],
  [/moodle/i, 'Moodle'],
  [/blackboard/i, 'Blackboard'],
  [/desire2learn|d2l|brightspace/i, 'D2L Brightspace'],
  [/schoology/i, 'Schoology'],
  [/sakai/i, 'Sakai'],
  [/google/i, 'Google Calendar'],
  [/microsoft|outlook|exchange/i, 'Outlook'],
  [/apple/i, 'Apple Calendar'],
];

export function feedSource(calname: string | null, prodid: string | null): string {
  const name = calname ? plainText(calname) : '';
  if (name) return shorten(name, PLAN_LIMITS.idChars);
  for (const [pattern, product] of PRODUCTS) if (prodid && pattern.test(prodid)) return product;
  return 'calendar feed';
}
