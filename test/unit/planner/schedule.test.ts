import { describe, expect, it } from 'vitest';
import type { Deadline, Plan } from '../../../src/planner/plan.js';
import { buildSchedule } from '../../../src/planner/schedule.js';
import { DEFAULT_SETTINGS } from '../../../src/schema/plan-vocabulary.js';
import { dayNumber, isoDate, weekdayIndex } from '../../../src/time/dates.js';

const settings: Plan['settings'] = { ...DEFAULT_SETTINGS, reminders: [1440, 120] };

function deadline(over: Partial<Deadline> & { title: string; due: Deadline['due'] }): Deadline {
  return {
    key: `LIS|${over.title}`,
    course: 'LIS',
    kind: 'paper',
    allDay: false,
    estimateMinutes: 120,
    bufferDays: 3,
    index: 0,
    ...over,
  };
}

// Fall 2027, Monday 2027-09-06 to Sunday 2027-10-31; evenings Mon-Fri 19:00-21:00.
const basePlan: Plan = {
  name: 'unit',
  timezone: 'America/Chicago',
  terms: [{ name: 'Fall', start: dayNumber('2027-09-06'), end: dayNumber('2027-10-31'), breaks: [] }],
  availability: [0, 1, 2, 3, 4].map((weekday) => ({ weekday, start: 19 * 60, end: 21 * 60 })),
  courses: [],
  deadlines: [],
  settings,
};

describe('dates', () => {
  it('numbers days and weekdays without a time zone', () => {
    expect(isoDate(dayNumber('2027-02-28') + 1)).toBe('2027-03-01');
    expect(weekdayIndex(dayNumber('2027-09-06'))).toBe(0); // a Monday
    expect(weekdayIndex(dayNumber('2027-09-12'))).toBe(6); // a Sunday
  });
});

describe('buildSchedule', () => {
  it('places weekly hours for each course, spread over different days', () => {
    const plan = { ...basePlan, courses: [{ code: 'LIS', title: 'LIS', weeklyMinutes: 180, terms: null }] };
    const schedule = buildSchedule(plan);
    const firstWeek = schedule.blocks.filter((b) => b.day < dayNumber('2027-09-13'));
    expect(firstWeek.reduce((s, b) => s + b.end - b.start, 0)).toBe(180);
    expect(new Set(firstWeek.map((b) => b.day)).size).toBe(2); // 90 + 90 on two evenings
    expect(schedule.overloaded).toBe(false);
  });

  it('multiplies the estimate, starts prep early and stops work before the buffer', () => {
    const due = { day: dayNumber('2027-10-15'), minute: 23 * 60 + 59 };
    const schedule = buildSchedule({
      ...basePlan,
      deadlines: [deadline({ title: 'Paper', due, estimateMinutes: 240 })],
    });
    const d = schedule.deadlines[0];
    expect(d?.neededMinutes).toBe(360);
    expect(d?.placedMinutes).toBe(360);
    expect(isoDate(d?.prepStart ?? 0)).toBe('2027-09-24'); // 21 days before, first free evening
    const work = schedule.blocks.filter((b) => b.kind === 'work');
    expect(Math.max(...work.map((b) => b.day))).toBeLessThan(dayNumber('2027-10-12') + 1);
    const revise = schedule.blocks.filter((b) => b.kind === 'revise');
    expect(revise).toHaveLength(1);
    expect(revise[0]?.day).toBeGreaterThanOrEqual(dayNumber('2027-10-12'));
  });

  it('gives an exam spaced reviews on different days of its buffer', () => {
    const due = { day: dayNumber('2027-10-15'), minute: 18 * 60 };
    const schedule = buildSchedule({
      ...basePlan,
      deadlines: [deadline({ title: 'Midterm', kind: 'exam', due })],
    });
    const reviews = schedule.blocks.filter((b) => b.kind === 'review').map((b) => isoDate(b.day));
    expect(reviews).toEqual(['2027-10-12', '2027-10-13', '2027-10-14']);
  });

  it('schedules nothing on break days', () => {
    const plan = {
      ...basePlan,
      terms: [
        {
          ...basePlan.terms[0],
          breaks: [{ name: 'Fall break', start: dayNumber('2027-10-11'), end: dayNumber('2027-10-15') }],
        },
      ] as Plan['terms'],
      courses: [{ code: 'LIS', title: 'LIS', weeklyMinutes: 120, terms: null }],
    };
    const schedule = buildSchedule(plan);
    expect(schedule.blocks.some((b) => b.day >= dayNumber('2027-10-11') && b.day <= dayNumber('2027-10-15'))).toBe(
      false,
    );
  });

  it('reports which deadlines are short, by how much, and which weeks are over capacity', () => {
    // 20 h of work (x1.5 = 30 h) in a 7-day window of 2-hour evenings: impossible.
    const due = { day: dayNumber('2027-09-20'), minute: 23 * 60 + 59 };
    const schedule = buildSchedule({
      ...basePlan,
      settings: { ...settings, prepStartDays: 10 },
      deadlines: [deadline({ title: 'Big project', kind: 'project', due, estimateMinutes: 1200 })],
    });
    const d = schedule.deadlines[0];
    expect(schedule.overloaded).toBe(true);
    expect(d?.neededMinutes).toBe(1800);
    // Evenings from Mon 09-13 (first term day after the prep start is 09-10, a Friday) to Fri 09-17 (buffer starts 09-17 23:59).
    expect(d?.placedMinutes).toBe(6 * 120);
    expect(d?.shortMinutes).toBe(1800 - 720);
    expect(schedule.weeks.filter((w) => w.overloaded).map((w) => isoDate(w.weekStart))).toEqual(['2027-09-13']);
  });
});

describe('partial first and last weeks', () => {
  // 7 h a week over Mon-Fri evenings (10 h available); the term starts on a Wednesday and ends on a Friday.
  const plan: Plan = {
    ...basePlan,
    terms: [{ name: 'Fall', start: dayNumber('2027-09-08'), end: dayNumber('2027-10-29'), breaks: [] }],
    courses: [{ code: 'LIS', title: 'LIS', weeklyMinutes: 420, terms: null }],
  };
  const schedule = buildSchedule(plan);
  const planned = (monday: string) =>
    schedule.weeks.find((w) => w.weekStart === dayNumber(monday))?.plannedMinutes ?? Number.NaN;

  // A partial week asks the share of the weekly hours that its availability is of a full week's.
  it.each([
    ['2027-09-06', 255], // Wed-Fri: 6 of the week's 10 h of availability -> 4.2 h, to the quarter 4.25 h
    ['2027-09-13', 7 * 60],
    ['2027-10-25', 7 * 60], // Mon-Fri: every slot of the week is a study day -> the full 7 h
  ])('the week of %s asks %i minutes', (monday, minutes) => expect(planned(monday)).toBe(minutes));

  it('is not overloaded by a term that ends on a Friday', () => expect(schedule.overloaded).toBe(false));

  it('a term ending on a Friday, with availability every day, asks 5/7 of the hours that week', () => {
    const daily: Plan = {
      ...plan,
      availability: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: 19 * 60, end: 21 * 60 })),
    };
    const lastWeek = buildSchedule(daily).weeks.find((w) => w.weekStart === dayNumber('2027-10-25'));
    expect(lastWeek?.plannedMinutes).toBe(300);
  });

  it('a break week with no availability left asks nothing, so it is not overloaded', () => {
    // Mon and Wed evenings only; spring break Mon-Fri leaves the weekend, which has no slot.
    const spring: Plan = {
      ...basePlan,
      terms: [
        {
          name: 'Spring',
          start: dayNumber('2027-01-18'),
          end: dayNumber('2027-05-07'),
          breaks: [{ name: 'Spring break', start: dayNumber('2027-03-15'), end: dayNumber('2027-03-19') }],
        },
      ],
      availability: [0, 2].map((weekday) => ({ weekday, start: 19 * 60, end: 21 * 60 + 30 })),
      courses: [{ code: 'LIS', title: 'LIS', weeklyMinutes: 180, terms: null }],
    };
    const result = buildSchedule(spring);
    expect(result.sessionShortfalls).toEqual([]);
    expect(result.overloaded).toBe(false);
  });
});
