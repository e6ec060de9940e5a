import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/planner/plan.js';
import { type Block, buildSchedule, replaceSkipped } from '../../src/planner/schedule.js';
import { momentKey, weekdayIndex } from '../../src/time/dates.js';
import { planArb } from '../helpers/plans.js';

const isStudyDay = (plan: Plan, day: number) =>
  plan.terms.some((t) => day >= t.start && day <= t.end && !t.breaks.some((b) => day >= b.start && day <= b.end));

describe('scheduler properties (1,000 random plans)', () => {
  it('never double-books, stays inside availability and study days, respects every window, accounts for every hour', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const schedule = buildSchedule(plan);
        const blocks = schedule.blocks;
        for (const b of blocks) {
          // inside availability on a study day
          expect(b.end).toBeGreaterThan(b.start);
          expect(isStudyDay(plan, b.day)).toBe(true);
          const inSlot = plan.availability.some(
            (a) => a.weekday === weekdayIndex(b.day) && a.start <= b.start && b.end <= a.end,
          );
          expect(inSlot).toBe(true);
          // a study session or work block is never shorter than the shortest block
          if (b.kind === 'session' || b.kind === 'work') {
            expect(b.end - b.start).toBeGreaterThanOrEqual(
              Math.min(plan.settings.minBlockMinutes, plan.settings.sessionMinutes),
            );
          }
        }
        // no overlaps
        const sorted = [...blocks].sort((a, b) => a.day - b.day || a.start - b.start);
        for (let i = 1; i < sorted.length; i += 1) {
          const prev = sorted[i - 1];
          const cur = sorted[i];
          if (prev && cur && prev.day === cur.day) expect(cur.start).toBeGreaterThanOrEqual(prev.end);
        }
        for (const d of schedule.deadlines) {
          const work = blocks.filter((b) => b.kind === 'work' && b.deadlineKey === d.deadline.key);
          // no work after (due - buffer), none before the prep start
          for (const b of work) {
            expect(momentKey({ day: b.day, minute: b.end })).toBeLessThanOrEqual(momentKey(d.workEnd));
            expect(b.day).toBeGreaterThanOrEqual(d.deadline.due.day - plan.settings.prepStartDays);
            expect(b.end - b.start).toBeLessThanOrEqual(plan.settings.sessionMinutes);
          }
          // revision inside the buffer, before the due moment
          for (const b of blocks.filter(
            (x) => (x.kind === 'revise' || x.kind === 'review') && x.deadlineKey === d.deadline.key,
          )) {
            expect(momentKey({ day: b.day, minute: b.start })).toBeGreaterThanOrEqual(momentKey(d.workEnd));
            expect(momentKey({ day: b.day, minute: b.end })).toBeLessThanOrEqual(momentKey(d.deadline.due));
          }
          // hours placed cover the hours needed (the last piece rounded up to the shortest block,
          // so by less than one such block), or the shortfall says how many are missing
          const placed = work.reduce((s, b) => s + b.end - b.start, 0);
          expect(placed).toBe(d.placedMinutes);
          expect(d.placedMinutes + d.shortMinutes).toBeGreaterThanOrEqual(d.neededMinutes);
          expect(d.placedMinutes + d.shortMinutes).toBeLessThan(d.neededMinutes + plan.settings.minBlockMinutes);
          expect(d.neededMinutes).toBeGreaterThanOrEqual(d.deadline.estimateMinutes * plan.settings.estimateMultiplier);
        }
        const anyShort = schedule.deadlines.some((d) => d.shortMinutes > 0) || schedule.sessionShortfalls.length > 0;
        expect(schedule.overloaded).toBe(anyShort);
        expect(schedule.weeks.some((w) => w.overloaded)).toBe(anyShort);
      }),
      { numRuns: 1000 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        expect(buildSchedule(plan)).toEqual(buildSchedule(structuredClone(plan)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('re-placing skipped blocks (300 random plans and skips)', () => {
  it('never books a skipped block’s time or double-books, and does not depend on now', () => {
    fc.assert(
      fc.property(
        planArb,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: -3 * 1440, max: 3 * 1440 })), { maxLength: 6 }),
        fc.integer({ min: 0, max: 400 * 1440 }),
        fc.integer({ min: 0, max: 400 * 1440 }),
        (plan, picks, nowA, nowB) => {
          const base = buildSchedule(plan);
          if (base.blocks.length === 0) return;
          const skips = new Map<string, number>();
          for (const [i, offset] of picks) {
            const b = base.blocks[i % base.blocks.length] as Block;
            skips.set(b.key, b.startAt + offset * 60_000);
          }
          const first = Math.min(...plan.terms.map((t) => t.start));
          const at = (m: number) => ({ day: first + Math.floor(m / 1440), minute: m % 1440 });
          const a = replaceSkipped(plan, base, skips, at(nowA));
          const b = replaceSkipped(plan, base, skips, at(nowB));
          expect(b.blocks).toEqual(a.blocks);
          expect(b.skipped).toEqual(a.skipped);
          const all = [...a.blocks, ...(a.skipped ?? [])].sort((x, y) => x.startAt - y.startAt);
          for (let i = 1; i < all.length; i += 1) {
            expect((all[i] as Block).startAt).toBeGreaterThanOrEqual((all[i - 1] as Block).endAt);
          }
          for (const r of a.blocks.filter((x) => x.replacement !== undefined)) {
            const origin = r.key.slice(0, r.key.lastIndexOf('|again-'));
            const skipped = a.skipped?.find((s) => s.key === origin) as Block;
            expect(r.startAt).toBeGreaterThanOrEqual(Math.max(skipped.endAt, skips.get(origin) as number));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
