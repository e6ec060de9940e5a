/**
 * Plan schedule -> iCalendar text, with the `ics` package.
 *
 * Design: every timed event is written as a UTC instant (DTSTART:...Z) computed
 * from the plan's wall-clock time in the plan's time zone. `ics` cannot write
 * TZID/VTIMEZONE, and floating times are read in each viewer's own zone (Outlook
 * mishandles them), whereas a UTC instant means the same moment in Google, Apple,
 * Outlook, Thunderbird, calcurse and khal. Each occurrence is its own event (no RRULE),
 * so a weekly session keeps its local time across DST changes: the conversion is done
 * per occurrence. Nothing depends on the host's TZ. All-day events (deadlines without a
 * time, prep-start markers) are DATE values, which have no zone.
 */

import { createHash } from 'node:crypto';
import type { Plan } from '../planner/plan.js';
import type { Block, Schedule, ScheduledDeadline } from '../planner/schedule.js';
import { clock, type DayNumber, isoDate } from '../time/dates.js';
import type { ZoneRules } from '../time/zone.js';
import { escapeText, normaliseIcs } from './ical-text.js';
import {
  CALENDAR_HEADER,
  type DateArray,
  formatCalendarEvent,
  formatCalendarFooter,
  formatCalendarHeader,
  type IcsEvent,
} from './ics-adapter.js';

export interface PreviousEvent {
  sequence: number;
  /** What a change of which raises SEQUENCE: start, end and summary. */
  signature: string;
}

export interface WriteOptions {
  /** The rules of the plan's time zone (src/time/zone.ts). */
  zone: ZoneRules;
  /** DTSTAMP of every event; pinned in tests and with --timestamp for byte-identical output. */
  timestamp: Date;
  /** Events of the calendar written last time, by UID, to raise SEQUENCE on change. */
  previous?: ReadonlyMap<string, PreviousEvent>;
}

export interface CalendarEvent {
  uid: string;
  kind: Block['kind'] | 'deadline' | 'prep-start';
  title: string;
  /** UTC instants (ISO 8601, as Date.toISOString writes them) for timed events; local dates for all-day ones. */
  start: string;
  end: string;
  allDay: boolean;
  description: string;
  alarmsMinutesBefore: number[];
}

export function eventUid(plan: Plan, key: string): string {
  return `${createHash('sha256').update(`${plan.name}\u0000${key}`).digest('hex').slice(0, 24)}@mls-planner`;
}

/** 2027-08-23T17:00:00.000Z -> 20270823T170000Z, the iCalendar UTC form, which ics writes as given. */
const icsUtc = (iso: string): string =>
  `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
const dateArray = (iso: string): DateArray => iso.split('-').map(Number) as DateArray;

function hoursMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h}h` : '', m ? `${m}m` : ''].join(' ').trim() || '0m';
}

function dueLabel(d: ScheduledDeadline): string {
  const dl = d.deadline;
  return dl.allDay ? isoDate(dl.due.day) : `${isoDate(dl.due.day)} ${clock(dl.due.minute)}`;
}

export function calendarEvents(plan: Plan, schedule: Schedule, zone: ZoneRules): CalendarEvent[] {
  if (zone.zone !== plan.timezone) throw new Error(`zone rules for ${zone.zone}, plan in ${plan.timezone}`);
  const instant = (day: DayNumber, minute: number) => new Date(zone.toUtc(day, minute)).toISOString();
  const byKey = new Map(schedule.deadlines.map((d) => [d.deadline.key, d]));
  // Every block of one deadline and kind has the same description.
  const descriptions = new Map<string, string>();
  const blockDescription = (block: Block): string => {
    const memo = `${block.kind}|${block.deadlineKey ?? block.course}`;
    let text = descriptions.get(memo);
    if (text !== undefined) return text;
    const d = block.deadlineKey ? byKey.get(block.deadlineKey) : undefined;
    const lines: string[] = [];
    if (d) {
      lines.push(`${d.deadline.kind} due ${dueLabel(d)} (${plan.timezone})`);
      if (block.kind === 'work') {
        lines.push(
          `Planned work: ${hoursMinutes(d.neededMinutes)} (your estimate × ${plan.settings.estimateMultiplier}).`,
        );
        if (d.shortMinutes > 0)
          lines.push(
            `OVERLOADED: ${hoursMinutes(d.shortMinutes)} of work found no free time before the revision buffer.`,
          );
      }
      if (block.kind === 'revise')
        lines.push('Revision buffer: read it through, edit, check the requirements, submit early.');
      if (block.kind === 'review') lines.push('Spaced review before the exam.');
    } else {
      lines.push(`Weekly study for ${block.course}.`);
    }
    text = lines.join('\n');
    descriptions.set(memo, text);
    return text;
  };
  const events: CalendarEvent[] = [];
  for (const block of schedule.blocks) {
    events.push({
      uid: eventUid(plan, block.key),
      kind: block.kind,
      title: block.title,
      start: instant(block.day, block.start),
      end: instant(block.day, block.end),
      allDay: false,
      description: blockDescription(block),
      alarmsMinutesBefore: [],
    });
  }
  for (const d of schedule.deadlines) {
    const dl = d.deadline;
    const description = [
      `${dl.kind} for ${dl.course}, due ${dueLabel(d)} (${plan.timezone}).`,
      `Work planned: ${hoursMinutes(d.placedMinutes)} of ${hoursMinutes(d.neededMinutes)}.`,
      d.shortMinutes > 0 ? `OVERLOADED: short by ${hoursMinutes(d.shortMinutes)}.` : '',
    ]
      .filter(Boolean)
      .join('\n');
    events.push({
      uid: eventUid(plan, `due|${dl.key}`),
      kind: 'deadline',
      title: `Due: ${dl.title} (${dl.course})`,
      start: dl.allDay ? isoDate(dl.due.day) : instant(dl.due.day, dl.due.minute - 15),
      end: dl.allDay ? isoDate(dl.due.day + 1) : instant(dl.due.day, dl.due.minute),
      allDay: dl.allDay,
      description,
      alarmsMinutesBefore: plan.settings.reminders,
    });
    events.push({
      uid: eventUid(plan, `prep|${dl.key}`),
      kind: 'prep-start',
      title: `Start: ${dl.title} (${dl.course})`,
      start: isoDate(d.prepStart),
      end: isoDate(d.prepStart + 1),
      allDay: true,
      description: `Preparation starts for ${dl.title}, due ${dueLabel(d)}.`,
      alarmsMinutesBefore: [],
    });
  }
  return events;
}

function signature(e: CalendarEvent): string {
  return `${e.start}|${e.end}|${e.title}`;
}

function sequenceOf(uid: string, signature: string, options: WriteOptions): number {
  const previous = options.previous?.get(uid);
  return previous ? previous.sequence + (previous.signature === signature ? 0 : 1) : 0;
}

/** `stamp` is DTSTAMP in iCalendar UTC form; strings are written by ics as given, whatever the host's TZ. */
function toIcsEvent(e: CalendarEvent, sequence: number, stamp: string): IcsEvent {
  const attributes: IcsEvent = {
    uid: e.uid,
    title: e.title,
    description: e.description,
    sequence,
    timestamp: stamp,
    productId: 'mls-planner',
    categories: [e.kind],
    start: e.allDay ? dateArray(e.start) : icsUtc(e.start),
    end: e.allDay ? dateArray(e.end) : icsUtc(e.end),
  };
  if (e.alarmsMinutesBefore.length > 0) {
    attributes.alarms = e.alarmsMinutesBefore.map((minutes) => ({
      action: 'display',
      // ics escapes only line breaks in an alarm's DESCRIPTION, so the rest of TEXT escaping is done here.
      description: escapeText(e.title),
      trigger: { hours: Math.floor(minutes / 60), minutes: minutes % 60, before: true },
    }));
  }
  return attributes;
}

/** File order: by start (a date sorts before the timed events of that day), then UID. */
function sortedEvents(plan: Plan, schedule: Schedule, zone: ZoneRules): CalendarEvent[] {
  return calendarEvents(plan, schedule, zone).sort((a, b) =>
    a.start < b.start ? -1 : a.start > b.start ? 1 : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0,
  );
}

/** The `ics` event attributes of the plan's calendar, in file order. */
export function icsEvents(plan: Plan, schedule: Schedule, options: WriteOptions): IcsEvent[] {
  const stamp = icsUtc(options.timestamp.toISOString());
  return sortedEvents(plan, schedule, options.zone).map((e) =>
    toIcsEvent(e, sequenceOf(e.uid, signature(e), options), stamp),
  );
}

export interface WrittenCalendar {
  text: string;
  /** UID -> SEQUENCE and signature of what was written, for the next rebuild. */
  events: Map<string, PreviousEvent>;
}

export { CALENDAR_HEADER };

export function renderCalendar(plan: Plan, schedule: Schedule, options: WriteOptions): WrittenCalendar {
  const parts = [formatCalendarHeader(plan.name)];
  const events = new Map<string, PreviousEvent>();
  const stamp = icsUtc(options.timestamp.toISOString());
  for (const event of sortedEvents(plan, schedule, options.zone)) {
    const eventSignature = signature(event);
    const written = { sequence: sequenceOf(event.uid, eventSignature, options), signature: eventSignature };
    parts.push(formatCalendarEvent(toIcsEvent(event, written.sequence, stamp)));
    events.set(event.uid, written);
  }
  parts.push(formatCalendarFooter());
  return { text: normaliseIcs(parts), events };
}

export function writeCalendar(plan: Plan, schedule: Schedule, options: WriteOptions): string {
  return renderCalendar(plan, schedule, options).text;
}
