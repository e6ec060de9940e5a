/**
 * The only file that uses the `ics` package. mls writes events with ics's own formatter,
 * but not through its public createEvents(), which validates every event with yup first:
 * about 1 s for the 1,790 events of a two-year plan, against ~20 ms for the formatter.
 * mls validates its input with zod, and a test checks that the output equals
 * createEvents()'s. The formatter lives in ics's private files (dist/pipeline), reached by
 * the aliases in scripts/ics-private.mjs; ics is pinned to an exact version, and
 * test/unit/ics-adapter.test.ts fails loudly if those files move.
 */
import type { DateArray, EventAttributes } from 'ics';
import { buildHeader } from 'ics-internal/build';
import icsFoldLine from 'ics-internal/fold-line';
import { formatEvent, formatFooter, formatHeader } from 'ics-internal/format';
import { foldLine, refoldIcs, repairTriggers } from './ical-text.js';

export type { DateArray };

/** ics reads and validates `timestamp` (DTSTAMP), though its type declarations leave it out. */
export type IcsEvent = EventAttributes & { timestamp: string };

export const CALENDAR_HEADER = { method: 'PUBLISH', productId: 'mls-planner' } as const;

/**
 * Whether ics folds its lines with mls's foldLine, as in the bundle (scripts/ics-private.mjs).
 * Run from source (the unit tests) it has its own, which folds by characters, and what it
 * writes is refolded by octets; both ways give the same text.
 */
const FOLDS_BY_OCTETS = icsFoldLine === foldLine;
const finish = (text: string): string => (FOLDS_BY_OCTETS ? repairTriggers(text) : refoldIcs(text));

/** BEGIN:VCALENDAR and the calendar's properties, as folded CRLF lines. */
export function formatCalendarHeader(calName: string): string {
  return finish(formatHeader(buildHeader({ ...CALENDAR_HEADER, calName })));
}

/**
 * One VEVENT, as folded CRLF lines. buildEvent() is skipped too: its only work is defaults
 * for a title, UID and timestamp that every event here has (it drew a nanoid per event).
 */
export function formatCalendarEvent(event: IcsEvent): string {
  const text = finish(formatEvent(event));
  return event.alarms?.length ? alarmsFromEnd(text) : text;
}

/**
 * Every alarm mls writes counts back from the event's end, its due time (TRIGGER;RELATED=END).
 * ics writes no TRIGGER parameter, so it is added here, to each relative TRIGGER line.
 */
export function alarmsFromEnd(text: string): string {
  return text.replace(/^TRIGGER:/gm, 'TRIGGER;RELATED=END:');
}

export function formatCalendarFooter(): string {
  return finish(formatFooter());
}
