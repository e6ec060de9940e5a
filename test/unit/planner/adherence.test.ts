import { describe, expect, it } from 'vitest';
import { adherence, deadlinesAtRisk, skipTimes } from '../../../src/planner/adherence.js';
import type { Plan } from '../../../src/planner/plan.js';
import { type Block, buildSchedule, replaceSkipped } from '../../../src/planner/schedule.js';
import { DEFAULT_SETTINGS } from '../../../src/schema/plan-vocabulary.js';
import { dayNumber } from '../../../src/time/dates.js';
import { makeDeadline } from '../../helpers/plans.js';

const block = (key: string, day: number, start = 19 * 60, end = 20 * 60): Block => ({
  kind: 'session',
  key,
  course: 'C',
  deadlineKey: null,
  title: key,
  day,
  start,
  end,
  startAt: day * 86_400_000 + start * 60_000,
  endAt: day * 86_400_000 + end * 60_000,
});

describe('adherence', () => {
  const d0 = dayNumber('2027-10-01');
  const blocks = [block('a', d0), block('b', d0 + 1), block('c', d0 + 2), block('d', d0 + 3), block('future', d0 + 10)];
  const now = { day: d0 + 3, minute: 21 * 60 };

  it('counts past blocks done, skipped and unrecorded, and the skip rate', () => {
    const log = new Map([
      ['a', 'done'],
      ['b', 'skipped'],
      ['future', 'skipped'],
    ] as const);
    expect(adherence(blocks, log, now)).toMatchObject({
      past: 4,
      done: 1,
      skipped: 1,
      unlogged: 2,
      skipRate: 0.25,
      overThreshold: false,
    });
  });

  it('warns when more than one block in four is skipped', () => {
    const log = new Map([
      ['a', 'skipped'],
      ['b', 'skipped'],
    ] as const);
    expect(adherence(blocks, log, now)).toMatchObject({ skipRate: 0.5, overThreshold: true });
    expect(adherence(blocks, log, now, { threshold: 0.6 }).overThreshold).toBe(false);
  });

  it('looks back four weeks only, and counts a block only once it has ended', () => {
    const old = [block('old', d0 - 40), ...blocks];
    expect(adherence(old, new Map([['old', 'skipped']]), now).skipped).toBe(0);
    expect(adherence(blocks, new Map(), { day: d0 + 3, minute: 19 * 60 + 30 }).past).toBe(3);
  });

  it('counts a block under way once it is recorded (done at 19:30 of a 19:00-20:00 block showed as not done)', () => {
    const during = { day: d0 + 3, minute: 19 * 60 + 30 };
    expect(adherence(blocks, new Map([['d', 'done']]), during)).toMatchObject({ past: 4, done: 1, unlogged: 3 });
    expect(adherence(blocks, new Map([['future', 'done']]), during)).toMatchObject({ past: 3, done: 0 });
  });

  it('reads skipped keys from the log, the last record of a key winning, with the time of the skip', () => {
    const at = '2027-10-04T20:00:00.000Z';
    expect([
      ...skipTimes([
        { key: 'x', status: 'skipped', at },
        { key: 'x', status: 'done', at },
        { key: 'y', status: 'done', at },
        { key: 'y', status: 'skipped', at },
      ]),
    ]).toEqual([['y', Date.parse(at)]]);
  });
});

describe('replaceSkipped', () => {
  const deadline = makeDeadline({ course: 'C', title: 'Paper', dueDate: '2027-10-29' });
  const plan: Plan = {
    name: 't',
    timezone: 'UTC',
    terms: [{ name: 'T', start: dayNumber('2027-10-04'), end: dayNumber('2027-11-30'), breaks: [] }],
    availability: [0, 1, 2, 3, 4].map((weekday) => ({ weekday, start: 19 * 60, end: 21 * 60 })),
    courses: [],
    deadlines: [deadline],
    settings: { ...DEFAULT_SETTINGS, reminders: [] },
  };

  it('moves a skipped work block to later free time before the buffer', () => {
    const base = buildSchedule(plan);
    const first = base.blocks.find((b) => b.kind === 'work');
    if (!first) throw new Error('no work block');
    const now = { day: first.day, minute: first.end };
    const after = replaceSkipped(plan, base, new Map([[first.key, now.day * 86_400_000 + now.minute * 60_000]]), now);
    const work = after.blocks.filter((b) => b.kind === 'work');
    expect(work.some((b) => b.key === first.key)).toBe(false);
    expect(work.reduce((s, b) => s + b.end - b.start, 0)).toBe(180);
    const moved = work.filter((b) => b.key.includes('again'));
    expect(moved.length).toBeGreaterThan(0);
    for (const b of moved) expect(b.day * 1440 + b.start).toBeGreaterThanOrEqual(now.day * 1440 + now.minute);
    expect(after.skipped?.map((b) => b.key)).toEqual([first.key]);
    expect(deadlinesAtRisk(after, now)).toEqual([]);
  });

  it('reports the deadline at risk when the skipped work no longer fits', () => {
    const base = buildSchedule(plan);
    const work = base.blocks.filter((b) => b.kind === 'work');
    // Skip every work block, noticed only when the buffer starts: no time is left before it.
    const now = { day: deadline.due.day - 3, minute: 23 * 60 };
    const after = replaceSkipped(plan, base, new Map(work.map((b) => [b.key, Date.UTC(2027, 9, 26, 23)])), now);
    const risk = deadlinesAtRisk(after, now);
    expect(risk.map((d) => d.deadline.key)).toEqual(['C|Paper']);
    expect(risk[0]?.shortMinutes).toBeGreaterThan(0);
  });
});

describe('the past never blocks the future', () => {
  // A full week: 3 h of weekly study in exactly 3 h of availability.
  const plan: Plan = {
    name: 'full',
    timezone: 'UTC',
    terms: [{ name: 'T', start: dayNumber('2027-02-01'), end: dayNumber('2027-03-14'), breaks: [] }],
    availability: [0, 2].map((weekday) => ({ weekday, start: 19 * 60, end: 20 * 60 + 30 })),
    courses: [{ code: 'INFO 200', title: 'INFO 200', weeklyMinutes: 180, terms: null }],
    deadlines: [],
    settings: { ...DEFAULT_SETTINGS, reminders: [] },
  };
  const base = buildSchedule(plan);
  const first = base.blocks[0] as Block;
  const later = { day: dayNumber('2027-02-10'), minute: 12 * 60 };

  it('a skipped session in a full week is missed work, not an overload', () => {
    const after = replaceSkipped(plan, base, new Map([[first.key, Date.UTC(2027, 1, 10, 12)]]), later);
    expect(after.overloaded).toBe(false);
    expect(after.missedSessions).toEqual([
      { course: 'INFO 200', weekStart: dayNumber('2027-02-01'), shortMinutes: 90 },
    ]);
    expect(after.weeks[0]).toMatchObject({ missedMinutes: 90, shortMinutes: 0, overloaded: false });
  });

  it('a shortfall of a week already over is missed; the same shortfall ahead is an overload', () => {
    const tight: Plan = { ...plan, courses: [{ ...(plan.courses[0] as Plan['courses'][0]), weeklyMinutes: 240 }] };
    const tightBase = buildSchedule(tight);
    expect(replaceSkipped(tight, tightBase, new Map(), { day: dayNumber('2027-01-01'), minute: 0 }).overloaded).toBe(
      true,
    );
    expect(replaceSkipped(tight, tightBase, new Map(), { day: dayNumber('2027-01-01'), minute: 0 }).fixes).toEqual([
      'availability',
      'weeklyHours',
    ]);
    const end = { day: dayNumber('2027-03-15'), minute: 0 };
    const judged = replaceSkipped(tight, tightBase, new Map(), end);
    expect(judged.overloaded).toBe(false);
    expect(judged.sessionShortfalls).toEqual([]);
    expect(judged.missedSessions?.length).toBe(6);
  });

  it('a deadline already due with work short is missed, not an overload', () => {
    const paper = makeDeadline({
      course: 'INFO 200',
      title: 'Paper',
      dueDate: '2027-02-05',
      minute: 1440,
      estimateMinutes: 600,
      bufferDays: 0,
    });
    const withPaper: Plan = { ...plan, deadlines: [paper] };
    const after = replaceSkipped(withPaper, buildSchedule(withPaper), new Map(), later);
    expect(after.overloaded).toBe(false);
    expect(after.deadlines[0]).toMatchObject({ past: true });
  });

  it('a deadline whose work window has ended, not yet due, has its shortfall missed: no overload, no past week over', () => {
    const review = makeDeadline({
      course: 'INFO 200',
      title: 'Review',
      kind: 'project',
      dueDate: '2027-02-15',
      estimateMinutes: 1200,
    });
    const withReview: Plan = { ...plan, courses: [], deadlines: [review] };
    // Monday 2027-02-15 10:00: the work window ended on Friday 2027-02-12 23:59; due tonight.
    const monday = { day: dayNumber('2027-02-15'), minute: 10 * 60 };
    const after = replaceSkipped(withReview, buildSchedule(withReview), new Map(), monday);
    expect(after.overloaded).toBe(false);
    expect(after.deadlines[0]).toMatchObject({ past: false, missed: true });
    expect(after.weeks.filter((w) => w.overloaded)).toEqual([]);
    expect(after.weeks.find((w) => w.weekStart === dayNumber('2027-02-08'))?.missedMinutes).toBeGreaterThan(0);
  });

  it('no revision-buffer warning for a deadline already past; one while it is ahead', () => {
    // Due Sunday: its 3-day buffer (Thu-Sun) holds no slot, so no revision can be placed.
    const paper = makeDeadline({
      course: 'INFO 200',
      title: 'Paper',
      dueDate: '2027-02-14',
      minute: 1440,
      estimateMinutes: 60,
    });
    const withPaper: Plan = { ...plan, courses: [], deadlines: [paper] };
    const base = buildSchedule(withPaper);
    expect(base.warnings).toHaveLength(1);
    const before = replaceSkipped(withPaper, base, new Map(), { day: dayNumber('2027-02-01'), minute: 0 });
    expect(before.warnings).toEqual(base.warnings);
    const after = replaceSkipped(withPaper, base, new Map(), { day: dayNumber('2027-02-20'), minute: 0 });
    expect(after.warnings).toEqual([]);
  });
});
