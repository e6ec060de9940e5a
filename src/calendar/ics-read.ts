/** Reads events back from iCalendar text with ical.js (a real parser, never line splitting). */
import ICAL from 'ical.js';
import type { PreviousEvent } from './ics-writer.js';

export interface ParsedEvent {
  uid: string;
  summary: string;
  /** ISO instant (UTC) for timed events; YYYY-MM-DD for all-day ones. */
  start: string;
  end: string;
  allDay: boolean;
  sequence: number;
  categories: string[];
  description: string;
  /** TRIGGER values of the event's alarms, as written. */
  triggers: string[];
  /** What each trigger counts from: the event's START (the default) or its END (RELATED=END). */
  related: ('START' | 'END')[];
  /** STATUS, upper case ('' when absent). */
  status: string;
}

function timeText(time: ICAL.Time): string {
  return time.isDate ? time.toString() : time.toJSDate().toISOString();
}

export function parseEvents(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      start: timeText(event.startDate),
      end: timeText(event.endDate),
      allDay: event.startDate.isDate,
      sequence: event.sequence ?? 0,
      categories: component.getAllProperties('categories').flatMap((p) => p.getValues().map(String)),
      description: event.description ?? '',
      status: String(component.getFirstPropertyValue('status') ?? '').toUpperCase(),
      triggers: component
        .getAllSubcomponents('valarm')
        .map((alarm) => String(alarm.getFirstProperty('trigger')?.toICALString() ?? '').replace(/^TRIGGER[^:]*:/, '')),
      related: component
        .getAllSubcomponents('valarm')
        .map((alarm) =>
          String(alarm.getFirstProperty('trigger')?.getParameter('related') ?? 'START').toUpperCase() === 'END'
            ? 'END'
            : 'START',
        ),
    };
  });
}

/** The events of a calendar mls wrote before, keyed by UID, for raising SEQUENCE on change. */
export function previousEvents(text: string): Map<string, PreviousEvent> {
  return new Map(
    parseEvents(text)
      .filter((e) => typeof e.uid === 'string' && Number.isSafeInteger(e.sequence) && e.sequence >= 0)
      .map((e) => [
        e.uid,
        {
          sequence: e.sequence,
          signature: `${e.start}|${e.end}|${e.summary}`,
          ...(e.status === 'CANCELLED' ? { cancelled: true } : {}),
        },
      ]),
  );
}
