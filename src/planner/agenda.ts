/** What a day or week holds from the student's point of view: the deadlines ahead of a moment. Pure. */
import { type DayNumber, type LocalMoment, momentKey } from '../time/dates.js';
import type { ZoneRules } from '../time/zone.js';
import type { Schedule, ScheduledDeadline } from './schedule.js';

export interface UpcomingDeadline {
  deadline: ScheduledDeadline['deadline'];
  /**
   * When it is due on the wall clock: the plan's time, or the first time that exists when the
   * plan's time is skipped by a DST change (02:30 on a spring-forward night is due at 03:00),
   * as in the calendar file.
   */
  due: LocalMoment;
  /** Whole days from the day asked about to the due day (0 = that same day). */
  daysLeft: number;
  shortMinutes: number;
  /** Its work window is over: the shortfall is work that did not happen, no longer a risk. */
  missed: boolean;
}

/** The next `count` deadlines due after `from`, soonest first, with days counted from `from.day`. */
export function upcomingDeadlines(
  schedule: Schedule,
  from: LocalMoment,
  count: number,
  zone: ZoneRules,
): UpcomingDeadline[] {
  return (
    schedule.deadlines
      // A time due at the moment looked from (00:00 of a day, or now) is still ahead: due today.
      // An all-day deadline is due at the end of its day, the next day's 00:00: then it is past.
      .filter((d) =>
        d.deadline.allDay ? momentKey(d.deadline.due) > momentKey(from) : momentKey(d.deadline.due) >= momentKey(from),
      )
      .sort((a, b) => momentKey(a.deadline.due) - momentKey(b.deadline.due))
      .slice(0, count)
      .map((d) => {
        const { day, minute } = d.deadline.due;
        const due = d.deadline.allDay ? d.deadline.due : zone.toLocal(zone.toUtc(day, minute));
        const daysLeft = d.deadline.due.day - from.day;
        return { deadline: d.deadline, due, daysLeft, shortMinutes: d.shortMinutes, missed: d.missed === true };
      })
  );
}

/** The moment a day is looked at from: now on today, its start on any other day. */
export function momentOfDay(day: DayNumber, today: LocalMoment): LocalMoment {
  return { day, minute: day === today.day ? today.minute : 0 };
}
