import { describe, expect, it } from 'vitest';
import { blocksOn } from '../../../src/planner/adherence.js';
import type { Plan } from '../../../src/planner/plan.js';
import { type Block, buildSchedule, replaceSkipped, type Schedule } from '../../../src/planner/schedule.js';
import { DEFAULT_SETTINGS } from '../../../src/schema/plan-vocabulary.js';
import { dayNumber } from '../../../src/time/dates.js';
import { makeDeadline } from '../../helpers/plans.js';

// Weekday evenings 19:00-21:30 (UTC), 3 h of weekly study: each week's sessions sit on Mon and Tue.
const paper = makeDeadline({ course: 'C', title: 'Paper', dueDate: '2027-10-29' });
const plan: Plan = {
  name: 't',
  timezone: 'UTC',
  terms: [{ name: 'T', start: dayNumber('2027-10-04'), end: dayNumber('2027-11-30'), breaks: [] }],
  availability: [0, 1, 2, 3, 4].map((weekday) => ({ weekday, start: 19 * 60, end: 21 * 60 + 30 })),
  courses: [{ code: 'C', title: 'C', weeklyMinutes: 180, terms: null }],
  deadlines: [paper],
  settings: { ...DEFAULT_SETTINGS, reminders: [] },
};
const base = buildSchedule(plan);
const moment = (iso: string) => {
  const at = Date.parse(iso);
  return { day: Math.floor(at / 86_400_000), minute: (at % 86_400_000) / 60_000 };
};
const replaced = (s: Schedule) => s.blocks.filter((b) => b.key.includes('again'));
const span = (b: Block) => `${new Date(b.startAt).toISOString()} ${b.key}`;
const first = base.blocks[0] as Block;
const skipAt = first.endAt;

describe('re-placed blocks stay put', () => {
  it('a re-placed block keeps its time when now passes its start, and stays in its day', () => {
    const atSkip = replaceSkipped(plan, base, new Map([[first.key, skipAt]]), moment(new Date(skipAt).toISOString()));
    const moved = replaced(atSkip);
    expect(moved.length).toBeGreaterThan(0);
    const during = moved[0] as Block;
    const later = replaceSkipped(
      plan,
      base,
      new Map([[first.key, skipAt]]),
      moment(new Date(during.startAt + 15 * 60_000).toISOString()),
    );
    expect(replaced(later).map(span)).toEqual(moved.map(span));
    const weekOver = replaceSkipped(plan, base, new Map([[first.key, skipAt]]), moment('2027-10-20T12:00:00Z'));
    expect(replaced(weekOver).map(span)).toEqual(moved.map(span));
    expect(weekOver.missedSessions).toEqual([]);
    expect(blocksOn(later, during.day).map((b) => b.key)).toContain(during.key);
  });

  it('a skipped block’s time is not offered to re-placed work', () => {
    const busy = base.blocks.find((b, i) => base.blocks[i + 1]?.day === b.day) as Block;
    const monday = base.blocks.filter((b) => b.day === busy.day);
    expect(monday.length).toBe(2);
    const skipped = new Map(monday.map((b) => [b.key, busy.startAt - 60 * 60_000]));
    const after = replaceSkipped(plan, base, skipped, moment(new Date(busy.startAt - 60 * 60_000).toISOString()));
    expect(replaced(after).length).toBeGreaterThan(0);
    for (const r of replaced(after)) {
      for (const s of monday)
        expect(r.endAt <= s.startAt || r.startAt >= s.endAt, `${span(r)} over ${span(s)}`).toBe(true);
    }
  });

  it('skipping a re-placed block takes it out of the plan and places its work again', () => {
    const once = replaceSkipped(plan, base, new Map([[first.key, skipAt]]), moment(new Date(skipAt).toISOString()));
    const piece = replaced(once)[0] as Block;
    const skips = new Map([
      [first.key, skipAt],
      [piece.key, piece.startAt - 60_000],
    ]);
    const twice = replaceSkipped(plan, base, skips, moment(new Date(piece.startAt - 60_000).toISOString()));
    expect(twice.blocks.map((b) => b.key)).not.toContain(piece.key);
    expect(twice.skipped?.map((b) => b.key)).toContain(piece.key);
    const minutes = (s: Schedule) => s.blocks.reduce((sum, b) => sum + (b.endAt - b.startAt) / 60_000, 0);
    expect(minutes(twice)).toBe(minutes(once));
    const again = twice.blocks.filter((b) => b.key.startsWith(`${piece.key}|again`));
    expect(again.length).toBeGreaterThan(0);
    for (const b of again) expect(b.startAt).toBeGreaterThanOrEqual(piece.endAt);
  });

  it('a skipped revision block is placed again inside the buffer, or reported missed', () => {
    const revise = base.blocks.find((b) => b.kind === 'revise') as Block;
    const after = replaceSkipped(
      plan,
      base,
      new Map([[revise.key, revise.startAt]]),
      moment(new Date(revise.startAt).toISOString()),
    );
    const again = after.blocks.filter((b) => b.key.startsWith(`${revise.key}|again`));
    expect(again.length).toBe(1);
    expect((again[0] as Block).startAt).toBeGreaterThanOrEqual(revise.endAt);
    // Skipped when no time is left before the due time: missed, not an overload.
    const late = Date.parse('2027-10-29T22:00:00Z');
    const none = replaceSkipped(plan, base, new Map([[revise.key, late]]), moment('2027-10-29T22:00:00Z'));
    expect(none.blocks.filter((b) => b.key.startsWith(`${revise.key}|again`))).toEqual([]);
    expect(none.overloaded).toBe(false);
    expect(none.missedRevisions).toEqual([
      { deadlineKey: paper.key, course: 'C', weekStart: dayNumber('2027-10-25'), minutes: 60 },
    ]);
    expect(none.weeks.find((w) => w.weekStart === dayNumber('2027-10-25'))?.missedMinutes).toBe(60);
  });
});
