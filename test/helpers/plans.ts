import fc from 'fast-check';
import type { Deadline, Plan, Slot } from '../../src/planner/plan.js';
import { DEADLINE_KINDS } from '../../src/schema/plan-vocabulary.js';
import { dayNumber } from '../../src/time/dates.js';

const quarter = (min: number, max: number) => fc.integer({ min: min / 15, max: max / 15 }).map((n) => n * 15);

const slotArb: fc.Arbitrary<Slot> = fc
  .record({ weekday: fc.integer({ min: 0, max: 6 }), start: quarter(360, 1260), length: quarter(30, 240) })
  .map(({ weekday, start, length }) => ({ weekday, start, end: Math.min(1440, start + length) }));

/** Availability without overlapping slots on the same weekday. */
const availabilityArb = fc
  .array(slotArb, { minLength: 1, maxLength: 6 })
  .map((slots) =>
    slots.filter(
      (a, i) => !slots.some((b, j) => j < i && a.weekday === b.weekday && a.start < b.end && b.start < a.end),
    ),
  );

/** Random plans in the scheduler's own model (the plan file is tested separately). */
export const planArb: fc.Arbitrary<Plan> = fc
  .record({
    termStart: fc.integer({ min: dayNumber('2027-01-01'), max: dayNumber('2028-06-01') }),
    termLength: fc.integer({ min: 7, max: 120 }),
    breaks: fc.array(fc.record({ offset: fc.integer({ min: 0, max: 100 }), length: fc.integer({ min: 0, max: 9 }) }), {
      maxLength: 2,
    }),
    availability: availabilityArb,
    courses: fc.array(quarter(0, 600), { maxLength: 4 }),
    deadlines: fc.array(
      fc.record({
        offset: fc.integer({ min: 0, max: 119 }),
        minute: fc.oneof(fc.constant(1440), quarter(0, 1425)),
        estimate: quarter(0, 1200),
        kind: fc.constantFrom(...DEADLINE_KINDS),
        bufferDays: fc.integer({ min: 0, max: 5 }),
      }),
      { maxLength: 8 },
    ),
    multiplier: fc.constantFrom(1, 1.25, 1.5, 2),
    prepStartDays: fc.integer({ min: 1, max: 40 }),
    sessionMinutes: quarter(30, 180),
    minBlockMinutes: quarter(15, 60),
    revisionMinutes: quarter(15, 120),
  })
  .map((r) => {
    const start = r.termStart;
    const end = start + r.termLength - 1;
    const deadlines: Deadline[] = r.deadlines.map((d, index) => ({
      key: `C${index % 3}|deadline ${index}`,
      course: `C${index % 3}`,
      title: `deadline ${index}`,
      kind: d.kind,
      due: { day: start + (d.offset % r.termLength), minute: d.minute },
      allDay: d.minute === 1440,
      estimateMinutes: d.estimate,
      bufferDays: d.bufferDays,
      index,
    }));
    return {
      name: 'property plan',
      timezone: 'America/New_York',
      terms: [
        {
          name: 'term',
          start,
          end,
          breaks: r.breaks
            .map((b, i) => ({ name: `b${i}`, start: start + (b.offset % r.termLength), end: 0 }))
            .map((b, i) => ({ ...b, end: Math.min(end, b.start + (r.breaks[i]?.length ?? 0)) })),
        },
      ],
      availability: r.availability,
      courses: r.courses.map((weeklyMinutes, i) => ({
        code: `C${i}`,
        title: `Course ${i}`,
        weeklyMinutes,
        terms: null,
      })),
      deadlines,
      settings: {
        revisionBufferDays: 3,
        estimateMultiplier: r.multiplier,
        prepStartDays: r.prepStartDays,
        sessionMinutes: r.sessionMinutes,
        minBlockMinutes: Math.min(r.minBlockMinutes, r.sessionMinutes),
        revisionMinutes: r.revisionMinutes,
        reminders: [1440, 120],
      },
    } satisfies Plan;
  });

/**
 * A deadline in the scheduler's model: `course`, `title` and a due day (`2027-10-29`, 23:59
 * unless `minute` is given; 1440 means all day); the rest a paper's defaults.
 */
export function makeDeadline(
  o: Partial<Deadline> & { course: string; title: string; dueDate: string; minute?: number },
): Deadline {
  const { dueDate, minute = 23 * 60 + 59, ...rest } = o;
  return {
    key: `${o.course}|${o.title}`,
    kind: 'paper',
    due: { day: dayNumber(dueDate), minute },
    allDay: minute === 1440,
    estimateMinutes: 120,
    bufferDays: 3,
    index: 0,
    ...rest,
  };
}
