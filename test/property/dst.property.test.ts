import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEvents } from '../../src/calendar/ics-read.js';
import { eventUid, renderCalendar } from '../../src/calendar/ics-writer.js';
import type { Deadline, Plan, Slot } from '../../src/planner/plan.js';
import { buildSchedule } from '../../src/planner/schedule.js';
import { DEFAULT_SETTINGS } from '../../src/schema/plan-vocabulary.js';
import { clock, dayNumber, weekdayIndex } from '../../src/time/dates.js';
import { wallClock, zoneRules } from '../../src/time/zone.js';

/** Days the clocks change in 2027 (spring forward and fall back) in zones with DST, Lord Howe by 30 minutes, Santiago and the Azores at midnight. */
const CHANGES: Record<string, string[]> = {
  'America/New_York': ['2027-03-14', '2027-11-07'],
  'Europe/London': ['2027-03-28', '2027-10-31'],
  'Australia/Sydney': ['2027-04-04', '2027-10-03'],
  'Australia/Lord_Howe': ['2027-04-04', '2027-10-03'],
  // Clocks that change at midnight: 2027-09-05 starts in the gap; 23:00-24:00 of 2027-04-03 repeats.
  'America/Santiago': ['2027-04-03', '2027-09-05'],
  'Atlantic/Azores': ['2027-03-28', '2027-10-31'],
};
const RULES = new Map(Object.keys(CHANGES).map((zone) => [zone, zoneRules(zone)]));

const fiveMinutes = (min: number, max: number) => fc.integer({ min: min / 5, max: max / 5 }).map((n) => n * 5);

/** Slots that include the small hours (00:00-04:00) on the change day, plus any others. */
const slotArb: fc.Arbitrary<Slot> = fc
  .record({
    weekday: fc.integer({ min: 0, max: 6 }),
    start: fc.oneof(fiveMinutes(0, 200), fiveMinutes(0, 1380)),
    length: fiveMinutes(15, 300),
  })
  .map(({ weekday, start, length }) => ({ weekday, start, end: Math.min(1439, start + length) }));

const dstPlanArb = fc
  .record({
    zone: fc.constantFrom(...Object.keys(CHANGES)),
    change: fc.integer({ min: 0, max: 1 }),
    smallHours: fc.array(fc.record({ start: fiveMinutes(0, 180), length: fiveMinutes(15, 240) }), {
      minLength: 1,
      maxLength: 2,
    }),
    others: fc.array(slotArb, { maxLength: 5 }),
    courses: fc.array(fiveMinutes(0, 600), { minLength: 1, maxLength: 3 }),
    deadlines: fc.array(
      fc.record({
        offset: fc.integer({ min: -6, max: 6 }),
        minute: fc.oneof(fc.constant(1440), fiveMinutes(0, 240), fiveMinutes(0, 1435)),
        estimate: fiveMinutes(0, 600),
        bufferDays: fc.integer({ min: 0, max: 3 }),
      }),
      { maxLength: 5 },
    ),
    sessionMinutes: fiveMinutes(30, 180),
    minBlockMinutes: fiveMinutes(15, 60),
  })
  .map((r): Plan => {
    const changeDay = dayNumber(CHANGES[r.zone]?.[r.change] ?? '');
    const slots: Slot[] = [
      ...r.smallHours.map((s) => ({ weekday: weekdayIndex(changeDay), start: s.start, end: s.start + s.length })),
      ...r.others,
    ];
    const availability = slots.filter(
      (a, i) => !slots.some((b, j) => j < i && a.weekday === b.weekday && a.start < b.end && b.start < a.end),
    );
    const deadlines: Deadline[] = r.deadlines.map((d, index) => ({
      key: `C0|d${index}`,
      course: 'C0',
      title: `d${index}`,
      kind: 'assignment',
      due: { day: changeDay + d.offset, minute: d.minute },
      allDay: d.minute === 1440,
      estimateMinutes: d.estimate,
      bufferDays: d.bufferDays,
      index,
    }));
    return {
      name: 'DST property plan',
      timezone: r.zone,
      terms: [{ name: 'term', start: changeDay - 10, end: changeDay + 10, breaks: [] }],
      availability,
      courses: r.courses.map((weeklyMinutes, i) => ({ code: `C${i}`, title: `C${i}`, weeklyMinutes, terms: null })),
      deadlines,
      settings: {
        ...DEFAULT_SETTINGS,
        prepStartDays: 7,
        sessionMinutes: r.sessionMinutes,
        minBlockMinutes: r.minBlockMinutes,
        reminders: [1440, 120],
      },
    };
  });

describe('calendars across DST changes (New York, London, Sydney, Lord Howe), read back with ical.js', () => {
  it('every event has a positive real duration, study blocks never overlap and lie inside their slot’s real interval, and show the file’s times', () => {
    fc.assert(
      fc.property(dstPlanArb, (plan) => {
        const zone = RULES.get(plan.timezone) ?? zoneRules(plan.timezone);
        const schedule = buildSchedule(plan, zone);
        const { text } = renderCalendar(plan, schedule, { zone, timestamp: new Date('2027-01-01T00:00:00Z') });
        const events = parseEvents(text);
        expect(events.length).toBe(schedule.blocks.length + 2 * schedule.deadlines.length);
        for (const e of events) {
          if (e.allDay) expect(e.end > e.start).toBe(true);
          else expect(Date.parse(e.end)).toBeGreaterThan(Date.parse(e.start));
        }
        const byUid = new Map(events.map((e) => [e.uid, e]));
        const intervals = schedule.blocks.map((b) => {
          const e = byUid.get(eventUid(plan, b.key));
          if (!e) throw new Error(`block ${b.key} is not in the calendar`);
          const start = Date.parse(e.start);
          const end = Date.parse(e.end);
          // The file holds the block's instants, and plan week/today show them as the zone's clock does.
          expect([start, end]).toEqual([b.startAt, b.endAt]);
          expect(wallClock(new Date(start), plan.timezone).time).toBe(clock(b.start));
          expect(wallClock(new Date(end), plan.timezone).time).toBe(clock(b.end));
          const inSlot = plan.availability.some(
            (a) =>
              a.weekday === weekdayIndex(b.day) &&
              zone.toUtc(b.day, a.start) <= start &&
              end <= zone.toUtc(b.day, a.end),
          );
          expect(inSlot).toBe(true);
          // No block touches a wall-clock time that happens twice: each start and end reads back
          // (first occurrence, as RFC 5545 resolves it) to its own instant, in every client.
          expect(zone.repeatedBetween(start, end)).toEqual([]);
          const endLocal = zone.toLocal(end);
          expect(zone.toUtc(b.day, b.start)).toBe(start);
          expect(zone.toUtc(endLocal.day, endLocal.minute)).toBe(end);
          return [start, end] as const;
        });
        // Planned work is real time: the work blocks of a deadline add up to its placed minutes.
        for (const d of schedule.deadlines) {
          const work = schedule.blocks.filter((b) => b.kind === 'work' && b.deadlineKey === d.deadline.key);
          expect(work.reduce((sum, b) => sum + (b.endAt - b.startAt) / 60_000, 0)).toBe(d.placedMinutes);
        }
        const planned = schedule.weeks.reduce((sum, w) => sum + w.plannedMinutes, 0);
        expect(planned).toBe(schedule.blocks.reduce((sum, b) => sum + (b.endAt - b.startAt) / 60_000, 0));
        intervals.sort((x, y) => x[0] - y[0]);
        for (let i = 1; i < intervals.length; i += 1) {
          expect(intervals[i]?.[0]).toBeGreaterThanOrEqual(intervals[i - 1]?.[1] ?? 0);
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
