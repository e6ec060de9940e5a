/**
 * Reads a learning-management-system calendar export (Canvas, Moodle, Blackboard,
 * D2L Brightspace, Outlook/Exchange) with ical.js and turns its deadlines into plan
 * deadlines. Pure: the bytes, the plan's zone and its terms come in; nothing global is
 * touched (a feed's VTIMEZONEs are used through ICAL.Timezone instances of its own, never
 * registered process-wide). See docs/lms-import.md and test/fixtures/lms/README.md.
 */
import { hash } from 'node:crypto';
import ICAL from 'ical.js';
import { PLAN_LIMITS } from '../schema/plan-limits.js';
import type { DeadlineKind } from '../schema/plan-vocabulary.js';
import { clock, dayNumber, isoDate } from '../time/dates.js';
import { canonicalTimeZone, localMomentsIn, type ZoneRules, zoneRules } from '../time/zone.js';
import { NO_COURSE_LABEL } from './lms-courses.js';
import { type DecodedFeed, decodeFeed } from './lms-decode.js';
import { MAX_OCCURRENCES, prepareRules } from './lms-recurrence.js';
import { checkStructure, FeedSyntaxError } from './lms-structure.js';
import {
  feedSource,
  guessKind,
  isBreak,
  notDeadlineReason,
  plainText,
  readSummary,
  unescapeText,
} from './lms-summary.js';
import { realDateTime, startProblem, valueProblem } from './lms-values.js';
import { WINDOWS_ZONES } from './windows-zones.js';

export { NO_COURSE_LABEL } from './lms-courses.js';
export { FeedSyntaxError } from './lms-structure.js';
export {
  DEFAULT_ESTIMATES,
  estimateFor,
  feedSource,
  guessKind,
  plainText,
  readSummary,
  TITLE_ESTIMATES,
  unescapeText,
} from './lms-summary.js';
export { startProblem, valueProblem } from './lms-values.js';

export interface FeedDeadline {
  /** The key a re-import matches on: the feed's UID, or `UID/RECURRENCE-ID` for one occurrence of a series. */
  uid: string;
  /** The course as the feed writes it (`INFO-200-01-SP27`); matched to the plan's codes on import. */
  course: string;
  title: string;
  kind: DeadlineKind;
  /** `YYYY-MM-DD` (all day) or `YYYY-MM-DD HH:MM`, in the plan's zone. */
  due: string;
}

export interface FeedBreak {
  /** The event's UID (for the list of events not imported). */
  uid?: string;
  name: string;
  start: string;
  end: string;
}

export interface SkippedEvent {
  uid: string;
  summary: string;
  reason: string;
}

export interface Feed {
  /** Identifies the feed in the plan (`source` of its deadlines): its calendar name, or the LMS's name. */
  source: string;
  /** How the file was decoded: utf-8, utf-16le, utf-16be or windows-1252. */
  encoding: string;
  deadlines: FeedDeadline[];
  breaks: FeedBreak[];
  /** Every event not imported, with the reason. */
  skipped: SkippedEvent[];
  /** Things the user should know (an unknown TZID, an impossible date), each naming its event. */
  warnings: string[];
}

export interface FeedOptions {
  /** The plan's IANA zone: due times are written in it, floating times are read in it. */
  zone: string;
  /** First and last day (`YYYY-MM-DD`) of the plan's terms: recurring events expand within them. */
  window?: { start: string; end: string };
}

/** How a TZID's wall-clock times become instants: IANA rules, or the feed's own VTIMEZONE. */
type ZoneReader = { rules: ZoneRules } | { vtimezone: ICAL.Timezone } | null;

/**
 * Some Exchange exports write a TZID that holds a colon without quotes
 * (`DTSTART;TZID=tzone://Microsoft/Utc:20270305T120000`), which no parser can split: a
 * `scheme://...` TZID is quoted, as RFC 5545 requires, before the event is parsed.
 */
function quoteUriTzids(block: string): string {
  return block.replace(/^([A-Z-]+(?:;[^:\r\n]*)?;TZID=)([A-Z][A-Z0-9+.-]*:\/\/[^";:\r\n]*)(?=[;:])/gim, '$1"$2"');
}

/**
 * A local time of a feed in its zone's rules. RFC 5545 3.3.5: a time skipped by a
 * spring-forward change (02:30 on 2027-03-14 in New York) is read with the UTC offset before
 * the gap, so it is 03:30; the plan's own times move to the change itself (03:00).
 */
function gapAware(rules: ZoneRules, day: number, minute: number): number {
  if (!rules.isSkipped(day, minute)) return rules.toUtc(day, minute);
  // Three hours earlier is before the gap (no zone skips more), under the offset before it.
  return rules.toUtc(day, minute - 180) + 180 * 60_000;
}

/**
 * Many feeds write a date without `VALUE=DATE` (`DTSTART:20270422`, `DUE:20270422`), which
 * ical.js reads as a broken date-time (`2027-04-22T::`): such a value of 8 digits is the date
 * it plainly is (any TZID dropped: a date has no zone).
 */
function datesWithoutValue(block: string): string {
  return block.replace(
    /^(DTSTART|DTEND|DUE|RECURRENCE-ID|EXDATE|RDATE)((?:;(?:[A-Z0-9-]+)=(?:"[^"\r\n]*"|[^";:\r\n]*))*):(\d{8}(?:,\d{8})*)[ \t]*(?=\r?$)/gim,
    (line: string, name: string, params: string, value: string) =>
      /;VALUE=/i.test(params)
        ? line
        : `${name}${params.replace(/;TZID=(?:"[^"\r\n]*"|[^";:\r\n]*)/gi, '')};VALUE=DATE:${value}`,
  );
}

/**
 * `RDATE;VALUE=PERIOD:20270312T170000Z/PT1H` is an occurrence that starts at the period's
 * start (RFC 5545 3.8.5.2); ical.js cannot expand periods, so each is written as its start.
 */
function periodStarts(block: string): string {
  return block.replace(
    /^RDATE((?:;[^:\r\n]*)?);VALUE=PERIOD((?:;[^:\r\n]*)?):([^\r\n]*)$/gim,
    (_, before: string, after: string, value: string) =>
      `RDATE${before}${after}:${value
        .split(',')
        .map((period) => period.split('/')[0] ?? '')
        .join(',')}`,
  );
}

/**
 * The message of an error ical.js threw, when it is ical.js's own (`invalid frequency
 * "SOMETIMES"`); null for a JavaScript failure inside it (`x.convertToZone is not a
 * function`), which says nothing to the person who wrote the feed.
 */
export function icalMessage(error: unknown): string | null {
  if (!(error instanceof Error) || error.constructor !== Error) return null;
  if (/is not a function|Cannot read propert|is not iterable|is not defined|undefined|\bnull\b/i.test(error.message))
    return null;
  return error.message;
}

/** The SUMMARY of an event ical.js could not read, from its text (TEXT escapes undone). */
function rawSummary(block: string): string {
  return plainText(unescapeText(/^SUMMARY(?:;[^:\r\n]*)?:([^\r\n]*)/im.exec(block)?.[1] ?? ''));
}

/** The value of a property as the file wrote it (jCal text), before ical.js normalises it. */
function rawValue(component: ICAL.Component, name: string): string | null {
  const value = component.getFirstProperty(name)?.jCal[3];
  return typeof value === 'string' ? value : null;
}

function sequenceOf(c: ICAL.Component): number {
  return Number(c.getFirstPropertyValue('sequence') ?? 0) || 0;
}

function stampOf(c: ICAL.Component): string {
  return String(rawValue(c, 'dtstamp') ?? '');
}

/**
 * RFC 5545 (3.8.4.7, 3.8.7.4) and RFC 5546 (2.1.5): a UID with a RECURRENCE-ID names one
 * instance; among components for the same instance the higher SEQUENCE wins, then the later
 * DTSTAMP, then the later one in the file.
 */
function newer(a: ICAL.Component, b: ICAL.Component): boolean {
  const sa = sequenceOf(a);
  const sb = sequenceOf(b);
  if (sa !== sb) return sa > sb;
  return stampOf(a) >= stampOf(b);
}

/**
 * The key a deadline is matched on, within the plan's limit for ids: a UID (with its
 * RECURRENCE-ID) longer than that keeps its first 100 characters and gains the SHA-256 of
 * the whole, so it stays stable across imports and distinct from every other UID.
 */
export function feedKey(uid: string): string {
  if (uid.length <= PLAN_LIMITS.idChars) return uid;
  return `${uid.slice(0, 100).replace(/[\uD800-\uDBFF]$/, '')}…sha256:${hash('sha256', uid)}`;
}

interface Pending {
  uid: string;
  course: string;
  title: string;
  kind: DeadlineKind;
  /** All-day due date, or a floating wall time already in the plan's zone. */
  due?: string;
  /** An instant (UTC ms) to be written in the plan's zone. */
  instant?: number;
}

/** What one event instance becomes. */
type Outcome =
  | { deadline: Pending; warning?: undefined }
  | { skip: SkippedEvent; warning?: string }
  | { holiday: FeedBreak; warning?: undefined };

/** One VEVENT read on its own, kept as text until it is needed again (a series, a duplicate). */
interface Single {
  text: string;
  outcomes: Outcome[];
}

interface Series {
  master: string | null;
  overrides: Map<string, string>;
}

/**
 * The VEVENT blocks of a calendar, one at a time, and the rest of it (calendar properties,
 * VTIMEZONEs). Reading event by event keeps memory bounded by one event, not the file:
 * a 100,000-event feed as one ical.js tree took most of a gigabyte.
 */
function* eventBlocks(text: string, rest: string[]): Generator<string> {
  // VTODOs too: a to-do with a DUE is a deadline (docs/lms-import.md).
  const marker = /^(BEGIN|END):(?:VEVENT|VTODO)[ \t]*\r?$/gim;
  let outside = 0;
  let start = -1;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    if ((m[1] as string).toUpperCase() === 'BEGIN') {
      if (start < 0) start = m.index;
      continue;
    }
    if (start < 0) continue;
    rest.push(text.slice(outside, start));
    outside = m.index + m[0].length;
    yield text.slice(start, outside);
    start = -1;
  }
  rest.push(text.slice(outside));
}

/**
 * What `read` gives, or, when ical.js cannot read the event (a malformed DTEND, RRULE,
 * EXDATE...), the event refused by name: one bad event never stops the rest of the feed.
 */
function unlessUnreadable(uid: string, text: string, read: () => Outcome[]): Outcome[] {
  try {
    return read();
  } catch (error) {
    const summary = rawSummary(text);
    const reason = `not readable (${icalMessage(error) ?? 'a value ical.js cannot read'})`;
    return [
      {
        skip: { uid, summary, reason },
        warning: `"${summary || '(no title)'}" (UID ${uid}): ${reason}; the event was not imported`,
      },
    ];
  }
}

function componentOf(text: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(text));
}

/** The VCALENDARs of a file (events already taken out): ical.js gives a list when there are several. */
function calendarsOf(text: string): ICAL.Component[] {
  let parsed: unknown;
  try {
    parsed = ICAL.parse(text);
  } catch (error) {
    const reason = icalMessage(error);
    throw new FeedSyntaxError(`its calendar properties cannot be read${reason ? ` (${reason})` : ''}`, null);
  }
  const roots = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[];
  return roots.map((root) => new ICAL.Component(root as unknown[]));
}

export function readLmsFeed(input: string | Uint8Array, options: FeedOptions | string): Feed {
  const { zone, window } = typeof options === 'string' ? { zone: options, window: undefined } : options;
  const decoded: DecodedFeed =
    typeof input === 'string' ? { text: input.replace(/^\uFEFF/, ''), encoding: 'utf-8' } : decodeFeed(input);
  if (!/^BEGIN:VCALENDAR/i.test(decoded.text.trimStart())) {
    throw new FeedSyntaxError('it does not start with BEGIN:VCALENDAR', null);
  }
  checkStructure(decoded.text, decoded.foldLines);
  const singles = new Map<string, Single>();
  const series = new Map<string, Series>();
  const skipped: SkippedEvent[] = [];
  const rest: string[] = [];
  const blocks = eventBlocks(decoded.text, rest);

  // The calendar without its events is read first, for its name and zones: the events'
  // text is only located (a slice each) until then.
  let anonymous = 0;
  const heads: { uid: string; recurring: boolean; todo: boolean; text: string }[] = [];
  /** Events refused before ical.js reads them: their warnings come first, in file order. */
  const refused: string[] = [];
  for (const block of blocks) {
    anonymous += 1;
    const text = datesWithoutValue(quoteUriTzids(block));
    const uid = /^UID[;:](?:[^\r\n]*?:)?([^\r\n]*)/im.exec(text)?.[1]?.trim() || `no-uid-${anonymous}`;
    const todo = /^BEGIN:VTODO/i.test(text);
    const problem = startProblem(text, todo ? 'DUE' : 'DTSTART') ?? valueProblem(text);
    if (problem) {
      const summary = rawSummary(text);
      skipped.push({ uid, summary, reason: problem });
      refused.push(`"${summary || '(no title)'}" (UID ${uid}): ${problem}; the event was not imported`);
      continue;
    }
    // A to-do is read once, at its DUE: its RRULE, if any, is not expanded.
    heads.push({ uid, recurring: !todo && /^(RRULE|RDATE)[;:]/im.test(text), todo, text: periodStarts(text) });
  }
  // RFC 5545 allows several VCALENDARs in one file: the events of each are read (above), the
  // name is the first one's that has one, and the zones of all are known.
  const calendars = calendarsOf(rest.join(''));
  const first = (name: string) =>
    calendars.map((c) => c.getFirstPropertyValue(name)).find((v) => v !== null && String(v).trim() !== '') ?? null;
  const feed: Feed = {
    // ical.js unescapes the TEXT properties it knows (SUMMARY, LOCATION, CATEGORIES), not X-WR-CALNAME.
    source: feedSource(
      unescapeText(String(first('x-wr-calname') ?? '')) || null,
      first('prodid') === null ? null : String(first('prodid')),
    ),
    encoding: decoded.encoding,
    deadlines: [],
    breaks: [],
    skipped,
    warnings: decoded.warning ? [decoded.warning, ...refused] : refused,
  };

  const vtimezones = new Map<string, ICAL.Component>();
  for (const vtimezone of calendars.flatMap((c) => c.getAllSubcomponents('vtimezone'))) {
    const tzid = String(vtimezone.getFirstPropertyValue('tzid') ?? '');
    if (tzid) vtimezones.set(tzid, vtimezone);
  }
  const readers = new Map<string, ZoneReader>();
  const readerFor = (tzid: string): ZoneReader => {
    let reader = readers.get(tzid);
    if (reader !== undefined) return reader;
    // An IANA name (in any spelling, or after a /mozilla.org/...-style prefix), then a
    // Windows name through CLDR's table (also after Exchange's `tzone://Microsoft/`), then
    // the feed's own VTIMEZONE.
    const bare = tzid.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*\//i, '');
    const iana =
      canonicalTimeZone(tzid) ??
      canonicalTimeZone(tzid.replace(/^.*?\/(?=[A-Z][a-z]+\/)/, '')) ??
      canonicalTimeZone(bare) ??
      canonicalTimeZone(WINDOWS_ZONES[bare] ?? '');
    const vtimezone = vtimezones.get(tzid);
    reader = iana ? { rules: zoneRules(iana) } : vtimezone ? { vtimezone: new ICAL.Timezone(vtimezone) } : null;
    readers.set(tzid, reader);
    return reader;
  };

  const windowStart = window ? isoDate(dayNumber(window.start) - 1) : null;
  const windowEnd = window ? isoDate(dayNumber(window.end) + 1) : null;

  const readOne = (
    component: ICAL.Component,
    uid: string,
    start: ICAL.Time,
    startText: string | null,
    property: 'dtstart' | 'due' = 'dtstart',
  ): Outcome => {
    const summary = plainText(String(component.getFirstPropertyValue('summary') ?? ''));
    const named = `"${summary || '(no title)'}" (UID ${uid})`;
    const skip = (reason: string, warning?: string): Outcome => ({ skip: { uid, summary, reason }, warning });
    if (String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') return skip('cancelled');
    if (startText !== null && !realDateTime(startText)) {
      const written = startText.replace(/[-:]/g, '');
      return skip(
        `DTSTART ${written} is not a real date`,
        `${named}: DTSTART ${written} is not a real date; the event was not imported`,
      );
    }
    const categories = component
      .getAllProperties('categories')
      .flatMap((p) => p.getValues().map((v) => plainText(String(v))))
      .filter(Boolean);
    const location = plainText(String(component.getFirstPropertyValue('location') ?? ''));
    // The SUMMARY as ical.js gives it: readSummary removes tags and decodes entities once
    // (a second pass would take the decoded `&lt;b&gt;` for a tag).
    const parsed = readSummary(String(component.getFirstPropertyValue('summary') ?? ''), categories, location || null);
    if (start.isDate && isBreak(parsed.title)) {
      const endText = rawValue(component, 'dtend');
      const first = start.toString().slice(0, 10);
      const last = endText && realDateTime(endText) ? isoDate(dayNumber(endText.slice(0, 10)) - 1) : first;
      // ISO dates compare as text; a zero-length break ends the day it starts.
      return { holiday: { uid, name: parsed.title, start: first, end: [first, last].sort()[1] ?? first } };
    }
    if (parsed.skip) return skip(parsed.skip);
    if (!parsed.title) {
      const reason = 'no title (empty SUMMARY)';
      return skip(reason, `${named}: ${reason}; the event was not imported`);
    }
    const notDeadline = notDeadlineReason(parsed.title);
    if (notDeadline) return skip(notDeadline);
    const base = { uid, course: parsed.course ?? NO_COURSE_LABEL, title: parsed.title, kind: guessKind(parsed.title) };
    if (start.isDate) return { deadline: { ...base, due: start.toString().slice(0, 10) } };
    const tzid = component.getFirstProperty(property)?.getParameter('tzid');
    if (start.zone?.tzid === 'UTC') {
      return {
        deadline: { ...base, instant: Date.UTC(start.year, start.month - 1, start.day, start.hour, start.minute) },
      };
    }
    if (!tzid) {
      // Floating: the wall-clock time meant wherever the student is, read in the plan's zone.
      return {
        deadline: { ...base, due: `${start.toString().slice(0, 10)} ${clock(start.hour * 60 + start.minute)}` },
      };
    }
    const reader = readerFor(String(tzid));
    if (!reader) {
      return skip(
        `unknown time zone TZID=${tzid}`,
        `${named}: unknown time zone TZID=${tzid} (no IANA or Windows name, no VTIMEZONE); the event was not imported`,
      );
    }
    const instant =
      'rules' in reader
        ? gapAware(reader.rules, dayNumber(start.toString().slice(0, 10)), start.hour * 60 + start.minute)
        : Date.UTC(start.year, start.month - 1, start.day, start.hour, start.minute) -
          reader.vtimezone.utcOffset(start) * 1000;
    return { deadline: { ...base, instant } };
  };

  /** The instant (UTC ms) of a date-time: UTC, in its TZID, or floating in the plan's zone; null when its zone is unknown. */
  const instantOf = (time: ICAL.Time, tzid: unknown): number | null => {
    const wall = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
    if (time.zone?.tzid === 'UTC') return wall;
    const reader: ZoneReader = tzid ? readerFor(String(tzid)) : { rules: zoneRules(zone) };
    if (!reader) return null;
    if ('vtimezone' in reader) return wall - reader.vtimezone.utcOffset(time) * 1000;
    return (
      gapAware(reader.rules, dayNumber(time.toString().slice(0, 10)), time.hour * 60 + time.minute) + time.second * 1000
    );
  };

  const readInstance = (component: ICAL.Component, id: string): Outcome => {
    if (component.name === 'vtodo') {
      const summary = plainText(String(component.getFirstPropertyValue('summary') ?? ''));
      if (String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'COMPLETED') {
        return { skip: { uid: id, summary, reason: 'a completed to-do' } };
      }
      const due = component.getFirstPropertyValue('due');
      if (!(due instanceof ICAL.Time))
        return { skip: { uid: id, summary, reason: 'a to-do (VTODO) without a due date' } };
      return readOne(component, id, due, rawValue(component, 'due'), 'due');
    }
    const start = component.getFirstPropertyValue('dtstart');
    if (!(start instanceof ICAL.Time)) {
      const summary = plainText(String(component.getFirstPropertyValue('summary') ?? ''));
      return { skip: { uid: id, summary, reason: 'no DTSTART' } };
    }
    return readOne(component, id, start, rawValue(component, 'dtstart'));
  };

  const olderCopy = (uid: string, dropped: ICAL.Component, rid: string | null) =>
    skipped.push({
      uid,
      summary: plainText(String(dropped.getFirstPropertyValue('summary') ?? '')),
      reason: `an older copy of an event with the same UID${rid ? ` and RECURRENCE-ID ${rid}` : ''} (SEQUENCE ${sequenceOf(dropped)})`,
    });

  // Single events are read as they come; the parts of a series wait for each other.
  for (const head of heads) {
    let component: ICAL.Component;
    try {
      component = componentOf(head.text);
    } catch (error) {
      // Refused by name, as any other unreadable event (unlessUnreadable).
      const [outcome] = unlessUnreadable(head.uid, head.text, () => {
        throw error;
      });
      if (outcome && 'skip' in outcome) skipped.push(outcome.skip);
      if (outcome?.warning) feed.warnings.push(outcome.warning);
      continue;
    }
    const uid = String(component.getFirstPropertyValue('uid') ?? head.uid);
    const rid = rawValue(component, 'recurrence-id');
    if (!head.todo && (head.recurring || rid !== null || series.has(uid))) {
      let entry = series.get(uid);
      if (!entry) {
        entry = { master: null, overrides: new Map() };
        series.set(uid, entry);
      }
      const single = singles.get(uid);
      if (single) {
        // A plain event turned out to be the master of overrides: read it with them.
        singles.delete(uid);
        entry.master = single.text;
      }
      const previous = rid === null ? entry.master : (entry.overrides.get(rid) ?? null);
      if (previous !== null) {
        const before = componentOf(previous);
        if (newer(component, before)) olderCopy(uid, before, rid);
        else {
          olderCopy(uid, component, rid);
          continue;
        }
      }
      if (rid === null) entry.master = head.text;
      else entry.overrides.set(rid, head.text);
      continue;
    }
    const single: Single = {
      text: head.text,
      outcomes: unlessUnreadable(uid, head.text, () => [readInstance(component, uid)]),
    };
    const previous = singles.get(uid);
    if (previous) {
      const keepNew = newer(component, componentOf(previous.text));
      olderCopy(uid, keepNew ? componentOf(previous.text) : component, null);
      if (!keepNew) continue;
    }
    singles.set(uid, single);
  }

  /** Every instance of a series (a master and its overrides, or overrides alone). */
  const readSeries = (uid: string, entry: Series): Outcome[] => {
    const out: Outcome[] = [];
    const master = entry.master === null ? null : componentOf(entry.master);
    const overrides = new Map([...entry.overrides].map(([rid, text]) => [rid, componentOf(text)] as const));
    const recurring = master !== null && (master.hasProperty('rrule') || master.hasProperty('rdate'));
    if (!master || !recurring) {
      // An override replacing a single event (RECURRENCE-ID = its DTSTART), or overrides
      // without their series: each is one instance.
      const instances = master ? [master] : [];
      for (const [rid, override] of overrides) {
        if (master && rawValue(master, 'dtstart') === rid) instances[0] = override;
        else instances.push(override);
      }
      for (const component of instances) {
        const rid = rawValue(component, 'recurrence-id');
        const id = master && instances.length === 1 ? uid : rid ? `${uid}/${rid.replace(/[-:]/g, '')}` : uid;
        out.push(readInstance(component, id));
      }
      return out;
    }
    const masterStart = rawValue(master, 'dtstart');
    if (masterStart !== null && !realDateTime(masterStart)) {
      return [readInstance(master, uid)];
    }
    // EXDATEs are applied here, by instant: ical.js compares them as written, so
    // `EXDATE:20270130T045900Z` missed the same instant of a series in TZID=America/New_York.
    const masterTzid = master.getFirstProperty('dtstart')?.getParameter('tzid');
    const excludedInstants = new Set<number>();
    const excludedDays = new Set<string>();
    for (const property of master.getAllProperties('exdate')) {
      for (const value of property.getValues()) {
        if (!(value instanceof ICAL.Time)) continue;
        if (value.isDate) excludedDays.add(value.toString().slice(0, 10));
        else {
          const at = instantOf(value, property.getParameter('tzid'));
          if (at !== null) excludedInstants.add(at);
        }
      }
    }
    master.removeAllProperties('exdate');
    const excluded = (time: ICAL.Time): boolean =>
      excludedDays.has(time.toString().slice(0, 10)) ||
      (!time.isDate && excludedInstants.has(instantOf(time, masterTzid) ?? Number.NaN));
    const rules = prepareRules(master, windowEnd);
    const event = new ICAL.Event(master);
    for (const override of overrides.values()) event.relateException(override);
    // ical.js relates an override by its RECURRENCE-ID as written: one written in UTC for a
    // series in a TZID (the same instant) is matched here by its instant instead.
    const byInstant = new Map<number, ICAL.Component>();
    for (const override of overrides.values()) {
      const property = override.getFirstProperty('recurrence-id');
      const rid = property?.getFirstValue();
      const at = rid instanceof ICAL.Time && !rid.isDate ? instantOf(rid, property?.getParameter('tzid')) : null;
      if (at !== null) byInstant.set(at, override);
    }
    const summaryText = plainText(String(master.getFirstPropertyValue('summary') ?? ''));
    const named = `"${summaryText || '(no title)'}" (UID ${uid})`;
    const start = master.getFirstPropertyValue('dtstart');
    const startKey = start instanceof ICAL.Time ? start.toString() : null;
    const startDay = startKey?.slice(0, 10) ?? '';
    const rdates = new Set(
      master
        .getAllProperties('rdate')
        .flatMap((p) => p.getValues())
        .map((v) => (v instanceof ICAL.Time ? v.toString() : String(v))),
    );
    const consumed = new Set<ICAL.Component>();
    const seen = new Set<string>();
    let count = 0;
    /** Occurrences the rule gave, DTSTART counted (RFC 5545 3.3.10: COUNT counts DTSTART). */
    let fromRule = 1;
    let stopped = false;
    /** One occurrence of the series; false once the terms (or the limits) are passed. */
    const visit = (next: ICAL.Time): boolean => {
      if (rules.work.exhausted) {
        stopped = true;
        if (count === 0) {
          const reason = `its rule takes more than 20,000 steps from its DTSTART (${startDay}) to reach the terms`;
          out.push({
            skip: { uid, summary: summaryText, reason },
            warning: `${named}: its rule was followed for 20,000 steps from its DTSTART (${startDay}) and had not reached the terms; its occurrences were not imported`,
          });
        } else {
          feed.warnings.push(
            `${named}: only its first ${count} occurrences in the terms were read (its rule was followed for 20,000 steps from its DTSTART, ${startDay})`,
          );
        }
        return false;
      }
      const day = next.toString().slice(0, 10);
      if (windowEnd && day > windowEnd) return false;
      const key = next.toString();
      const ruleMade = key !== startKey && !rdates.has(key);
      if (ruleMade) {
        // ical.js rolls 31 February over to 3 March, and compares a UTC UNTIL as wall-clock time.
        if (!rules.gives(next)) return true;
        if (rules.until !== null && (instantOf(next, masterTzid) ?? Number.NEGATIVE_INFINITY) > rules.until)
          return true;
        fromRule += 1;
        if (rules.count !== null && fromRule > rules.count) return true;
      }
      if (count >= MAX_OCCURRENCES) {
        stopped = true;
        feed.warnings.push(`${named}: only its first ${count} occurrences in the terms were read`);
        return false;
      }
      if (windowStart && day < windowStart) return true;
      const details = event.getOccurrenceDetails(next);
      const id = `${uid}/${details.recurrenceId.toICALString()}`;
      if (seen.has(id) || excluded(details.recurrenceId)) return true;
      seen.add(id);
      count += 1;
      const component = details.item.component;
      if (component === master && byInstant.size > 0) {
        const same = byInstant.get(instantOf(details.recurrenceId, masterTzid) ?? Number.NaN);
        if (same && !consumed.has(same)) {
          consumed.add(same);
          out.push(readInstance(same, id));
          return true;
        }
      }
      const isOverride = component !== master;
      if (isOverride) consumed.add(component);
      out.push(readOne(component, id, details.startDate, isOverride ? rawValue(component, 'dtstart') : null));
      return true;
    };
    // RFC 5545 3.8.5.2: DTSTART is always the first instance, also when the rule would not
    // give it (a Wednesday DTSTART of a Friday rule) and of a series with RDATEs only.
    let going = !(start instanceof ICAL.Time) || visit(start);
    const iterator = event.iterator();
    for (let next = going ? iterator.next() : null; next; next = going ? iterator.next() : null) going = visit(next);
    if (rules.never && !stopped) {
      const why = `its rule never gives a date (no month of ${rules.never} has that day)`;
      if (count === 0) {
        out.push({
          skip: { uid, summary: summaryText, reason: `${why}, and its DTSTART is outside the terms of the plan` },
        });
        stopped = true;
      } else
        feed.warnings.push(`${named}: ${why}; only its DTSTART${rdates.size > 0 ? ' and RDATEs were' : ' was'} read`);
    }
    // An override whose RECURRENCE-ID is no instance the rule gives in the terms adds that
    // instance (RFC 5545 3.8.4.4): it is read on its own, at its own DTSTART.
    for (const [rid, override] of overrides) {
      if (!consumed.has(override)) out.push(readInstance(override, `${uid}/${rid.replace(/[-:]/g, '')}`));
    }
    if (count === 0 && !stopped) {
      out.push({ skip: { uid, summary: summaryText, reason: 'no occurrence within the terms of the plan' } });
    }
    return out;
  };

  const outcomes: Outcome[] = [];
  for (const single of singles.values()) outcomes.push(...single.outcomes);
  for (const [uid, entry] of series) {
    const any = entry.master ?? entry.overrides.values().next().value ?? '';
    outcomes.push(...unlessUnreadable(uid, any, () => readSeries(uid, entry)));
  }

  const pending: Pending[] = [];
  for (const outcome of outcomes) {
    if (outcome.warning) feed.warnings.push(outcome.warning);
    if ('deadline' in outcome) pending.push(outcome.deadline);
    else if ('skip' in outcome) skipped.push(outcome.skip);
    else feed.breaks.push(outcome.holiday);
  }
  // Instants become the plan's wall-clock time in one visit to the zone.
  const timed = pending.filter((p) => p.instant !== undefined);
  const moments = localMomentsIn(
    timed.map((p) => p.instant as number),
    zone,
  );
  timed.forEach((p, i) => {
    const m = moments[i];
    if (m) p.due = `${isoDate(m.day)} ${clock(m.minute)}`;
  });
  for (const { instant: _instant, due, uid, ...rest } of pending) {
    feed.deadlines.push({ ...rest, uid: feedKey(uid), due: due as string });
  }
  return feed;
}
