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

/** The estimate for a deadline: a title word's (exam, project, paper, essay, quiz, reflection, discussion), else its kind's. */
export function estimateFor(title: string, kind: DeadlineKind, estimates: Record<string, number>): number {
  const words = title.toLowerCase().split(/[^a-z]+/);
  for (const word of Object.keys(TITLE_ESTIMATES)) {
    if (words.includes(word)) return estimates[word] ?? (TITLE_ESTIMATES[word] as number);
  }
  return estimates[kind] ?? DEFAULT_ESTIMATES[kind];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * Summaries may hold HTML: drop tags, decode the common entities, collapse spaces. Control
 * characters (a terminal escape in a title, say) become spaces: no title needs one.
 */
export function plainText(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&(#?\w+);/g, (m, name: string) => ENTITIES[name.toLowerCase()] ?? m)
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim();
}

/** An RFC 5545 TEXT value as written (`\,` `\;` `\\` `\n`) as the text it stands for. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

export function guessKind(title: string): DeadlineKind {
  const t = title.toLowerCase();
  if (/\b(exam|midterm|final exam|examination)\b/.test(t)) return 'exam';
  if (/\b(quiz|test)\b/.test(t)) return 'quiz';
  if (/\b(discussion|forum|post|reply|responses?)\b/.test(t)) return 'discussion';
  if (/\b(project|portfolio|capstone)\b/.test(t)) return 'project';
  if (/\b(paper|essay|report|reflection|review|bibliography)\b/.test(t)) return 'paper';
  return 'assignment';
}

export const NOT_DEADLINES =
  /\b(office hours?|lecture|live session|class meeting|webinar|zoom|seminar|orientation|meeting)\b/i;
export const BREAKS = /\b(break|holiday|no class(es)?|recess|reading week)\b/i;

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
