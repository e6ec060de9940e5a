import { describe, expect, it } from 'vitest';
import { momentOfDay, upcomingDeadlines } from '../../../src/planner/agenda.js';
import type { Schedule } from '../../../src/planner/schedule.js';
import { clock, dayNumber } from '../../../src/time/dates.js';
import { zoneRules } from '../../../src/time/zone.js';
import { plain } from '../../../src/ui/color.js';
import { deadlineLines } from '../../../src/ui/progress.js';

const day = (iso: string) => dayNumber(iso);
const deadline = (title: string, due: string, minute = 1439) =>
  ({ deadline: { title, course: 'A', due: { day: day(due), minute }, allDay: false }, shortMinutes: 0 }) as never;
const schedule = {
  deadlines: [deadline('late', '2027-10-20'), deadline('paper', '2027-10-08'), deadline('quiz', '2027-10-05', 600)],
} as unknown as Schedule;
const ahead = (from: string, minute = 0, count = 5) =>
  upcomingDeadlines(schedule, { day: day(from), minute }, count, zoneRules('UTC')).map(
    (d) => `${d.deadline.title} ${d.daysLeft}`,
  );

describe('deadlines ahead of a moment, with days left counted from that day', () => {
  it('from Monday 2027-10-04', () => expect(ahead('2027-10-04')).toEqual(['quiz 1', 'paper 4', 'late 16']));
  it('from Wednesday 2027-10-06 (week --date)', () => expect(ahead('2027-10-06')).toEqual(['paper 2', 'late 14']));
  it('a deadline due later that day is 0 days left', () =>
    expect(ahead('2027-10-05', 540)).toEqual(['quiz 0', 'paper 3', 'late 15']));
  it('a deadline already due that day is gone', () => expect(ahead('2027-10-05', 601)).toEqual(['paper 3', 'late 15']));
  it('only the first `count`', () => expect(ahead('2027-10-04', 0, 1)).toEqual(['quiz 1']));
});

describe('the moment a day is looked at from', () => {
  const today = { day: day('2027-10-04'), minute: 1080 };
  it('today: now', () => expect(momentOfDay(today.day, today)).toEqual(today));
  it('another day: its start', () =>
    expect(momentOfDay(today.day + 2, today)).toEqual({ day: today.day + 2, minute: 0 }));
});

describe('a deadline due at a time the clocks skip', () => {
  it('is shown due at the first time that exists, as in the calendar (02:30 -> 03:00 in New York)', () => {
    const skipped = { deadlines: [deadline('paper', '2027-03-14', 150)] } as unknown as Schedule;
    const [d] = upcomingDeadlines(skipped, { day: day('2027-03-13'), minute: 0 }, 5, zoneRules('America/New_York'));
    expect(d && clock(d.due.minute)).toBe('03:00');
    expect(d?.due.day).toBe(day('2027-03-14'));
  });
});

describe('a deadline whose work window is over', () => {
  it('shows its shortfall as missed work, not as a risk (plan check called it missed, today "at risk")', () => {
    const d = (missed: boolean) =>
      ({
        deadline: { title: 'Essay', course: 'LIS 1', due: { day: day('2027-10-15'), minute: 1439 }, allDay: false },
        shortMinutes: 750,
        missed,
      }) as never;
    const lines = (missed: boolean) =>
      deadlineLines(
        upcomingDeadlines(
          { deadlines: [d(missed)] } as unknown as Schedule,
          { day: day('2027-10-13'), minute: 0 },
          5,
          zoneRules('UTC'),
        ),
        plain,
      );
    expect(lines(true)[0]).toContain('missed: 12.5 h of work');
    expect(lines(true)[0]).not.toContain('at risk');
    expect(lines(false)[0]).toContain('at risk: 12.5 h of work does not fit');
  });
});
