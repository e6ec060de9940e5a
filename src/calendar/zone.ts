/** Time-zone arithmetic the pure core needs, and an Intl reading of wall-clock time. */
import type { DayNumber } from '../planner/dates.js';

/**
 * A time zone's rules as the calendar writer needs them, passed in by the caller
 * (src/data/time-zone.ts reads them from the engine).
 */
export interface ZoneRules {
  readonly zone: string;
  /** The UTC instant (ms) of a local wall-clock time; a time skipped by DST moves forward. */
  toUtc(day: DayNumber, minute: number): number;
}

/** Whether Intl knows `name` as a time zone (building a formatter costs ~15 ms the first time). */
export function intlKnowsZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * Wall-clock date and time of an instant in a time zone, with Intl. Slow to start (the
 * first formatter costs ~15 ms), so it serves LMS import and the tests, where it is the
 * independent check of ZoneRules.
 */
export function wallClock(instant: Date, zone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}
