/** What a day or week holds from the student's point of view: the deadlines ahead of a moment. Pure. */
import { type DayNumber, type LocalMoment, momentKey } from '../time/dates.js';
import type { Schedule, ScheduledDeadline } from './schedule.js';

export interface UpcomingDeadline {
  deadline: ScheduledDeadline['deadline'];
  /** Whole days from the day asked about to the due day (0 = that same day). */
  daysLeft: number;
  shortMinutes: number;
}

/** The next `count` deadlines due after `from`, soonest first, with days counted from `from.day`. */
export function upcomingDeadlines(schedule: Schedule, from: LocalMoment, count: number): UpcomingDeadline[] {
  return schedule.deadlines
    .filter((d) => momentKey(d.deadline.due) > momentKey(from))
    .sort((a, b) => momentKey(a.deadline.due) - momentKey(b.deadline.due))
    .slice(0, count)
    .map((d) => ({ deadline: d.deadline, daysLeft: d.deadline.due.day - from.day, shortMinutes: d.shortMinutes }));
}

/** The moment a day is looked at from: now on today, its start on any other day. */
export function momentOfDay(day: DayNumber, today: LocalMoment): LocalMoment {
  return { day, minute: day === today.day ? today.minute : 0 };
}
