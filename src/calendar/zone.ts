/** Wall-clock date and time of an instant in a time zone, with Intl (no host-TZ dependence). */
import { dayNumber, type LocalMoment, minutesOf } from '../planner/dates.js';

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

/** "Now" as a day and minute in the plan's zone. */
export function localMoment(instant: Date, zone: string): LocalMoment {
  const { date, time } = wallClock(instant, zone);
  return { day: dayNumber(date), minute: minutesOf(time) };
}
