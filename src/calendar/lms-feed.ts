/**
 * Reads a learning-management-system calendar export (Canvas, Moodle, Blackboard,
 * D2L Brightspace) with ical.js and turns its deadlines into plan deadlines.
 * Pure: the text and the plan's time zone come in. See test/fixtures/lms/README.md.
 */
import { TZDate } from '@date-fns/tz';
import ICAL from 'ical.js';
import type { DeadlineKind } from '../schema/plan-vocabulary.js';
import { intlKnowsZone, wallClock } from '../time/zone.js';

export interface FeedDeadline {
  /** The feed's UID: the key a re-import matches on. */
  uid: string;
  course: string;
  title: string;
  kind: DeadlineKind;
  /** `YYYY-MM-DD` (all day) or `YYYY-MM-DD HH:MM`, in the plan's zone. */
  due: string;
}

export interface FeedBreak {
  name: string;
  start: string;
  end: string;
}

export interface Feed {
  /** Identifies the feed in the plan (`source` of its deadlines): its calendar name or product. */
  source: string;
  deadlines: FeedDeadline[];
  breaks: FeedBreak[];
  skipped: { summary: string; reason: string }[];
}

/**
 * Default estimates, in hours, for imported deadlines by kind (README; `--estimate kind=hours`
 * changes them). The user's own estimate is never overwritten by a re-import.
 */
export const DEFAULT_ESTIMATES: Record<DeadlineKind, number> = {
  assignment: 4,
  paper: 8,
  project: 12,
  discussion: 1,
  quiz: 2,
  exam: 6,
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Summaries may hold HTML: drop tags, decode the common entities, collapse spaces. */
export function plainText(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&(#?\w+);/g, (m, name: string) => ENTITIES[name.toLowerCase()] ?? m)
    .replace(/\s+/g, ' ')
    .trim();
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

const NOT_DEADLINES =
  /\b(office hours?|lecture|live session|class meeting|webinar|zoom|seminar|orientation|meeting)\b/i;
const BREAKS = /\b(break|holiday|no class(es)?|recess|reading week)\b/i;

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
    // "INFO 200-01 Fall 2027" -> "INFO 200": drop the term and the section number.
    course = (bracket[2] ?? '')
      .replace(/\s+(Fall|Spring|Summer|Winter)\s+\d{4}$/i, '')
      .replace(/-\d{1,3}$/, '')
      .trim();
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
  const prefix = /^([A-Z]{2,5}\s?\d{2,4}[A-Z]?)\s*:\s+(.+)$/.exec(title); // Blackboard: "LIS 510: Title"
  if (prefix && !course) {
    course = prefix[1] ?? null;
    title = prefix[2] ?? title;
  }
  course ??= categories[0] ?? (location ? (location.split(' - ')[0] ?? location) : null);
  return { title, course, skip: null };
}

/**
 * The due time in the plan's zone. `tzid` is the DTSTART's TZID parameter: a feed may name an
 * IANA zone without the VTIMEZONE block ical.js needs (some exports do), and its times are then
 * read in that zone rather than as floating.
 */
function dueOf(time: ICAL.Time, tzid: string | null, zone: string): string {
  if (time.isDate) return time.toString().slice(0, 10);
  const wall = `${time.toString().slice(0, 10)} ${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
  if (time.zone === ICAL.Timezone.localTimezone || time.zone?.tzid === 'floating') {
    if (tzid && tzid !== zone && intlKnowsZone(tzid)) {
      const instant = new TZDate(time.year, time.month - 1, time.day, time.hour, time.minute, tzid);
      const { date, time: clock } = wallClock(new Date(instant.getTime()), zone);
      return `${date} ${clock}`;
    }
    // Floating: already the wall-clock time meant, read in the plan's zone.
    return wall;
  }
  const { date, time: clock } = wallClock(time.toJSDate(), zone);
  return `${date} ${clock}`;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function readLmsFeed(text: string, zone: string): Feed {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
  }
  const source = String(
    calendar.getFirstPropertyValue('x-wr-calname') ?? calendar.getFirstPropertyValue('prodid') ?? 'calendar feed',
  );
  const feed: Feed = { source, deadlines: [], breaks: [], skipped: [] };
  for (const component of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(component);
    const summary = event.summary ?? '';
    const categories = component.getAllProperties('categories').flatMap((p) => p.getValues().map(String));
    const parsed = readSummary(summary, categories, event.location || null);
    if (BREAKS.test(parsed.title) && event.startDate.isDate) {
      const end = event.endDate ? addDays(event.endDate.toString().slice(0, 10), -1) : event.startDate.toString();
      const start = event.startDate.toString().slice(0, 10);
      // ISO dates compare as text; a zero-length break ends the day it starts.
      feed.breaks.push({ name: parsed.title, start, end: [start, end].sort()[1] ?? start });
      continue;
    }
    if (parsed.skip) {
      feed.skipped.push({ summary: plainText(summary), reason: parsed.skip });
      continue;
    }
    if (NOT_DEADLINES.test(parsed.title)) {
      feed.skipped.push({ summary: plainText(summary), reason: 'not a deadline' });
      continue;
    }
    feed.deadlines.push({
      uid: event.uid,
      course: parsed.course ?? 'IMPORTED',
      title: parsed.title,
      kind: guessKind(parsed.title),
      due: dueOf(
        event.startDate,
        component.getFirstProperty('dtstart')?.getParameter('tzid')?.toString() ?? null,
        zone,
      ),
    });
  }
  return feed;
}
