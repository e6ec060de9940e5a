/**
 * The study plan file: zod schema (the one source of truth), from which the
 * committed JSON Schema (data/plan.schema.json) is generated.
 *
 * Written with zod/mini, the tree-shakable build of zod 4: every `mls plan` command
 * loads this schema, and the classic API came to a 450 KB chunk that took ~25 ms to
 * load; this one is ~25 KB. Mini has no error messages of its own until a locale is
 * loaded, which plan-file-errors.ts does on the error path.
 */
import * as z from 'zod/mini';
import { PLAN_LIMITS } from './plan-limits.js';
import { DEADLINE_KINDS, DEFAULT_SETTINGS, WEEKDAYS } from './plan-vocabulary.js';

export { MAX_PLAN_BYTES, PLAN_LIMITS } from './plan-limits.js';

const MAX_SPAN_DAYS = Math.ceil(PLAN_LIMITS.spanYears * 365.25);

const atMost = (max: number, what: string) => z.maxLength(max, `at most ${max} ${what}`);
const text = (max: number = PLAN_LIMITS.textChars) =>
  z.string().check(z.minLength(1), z.maxLength(max, `is longer than ${max} characters`));
const described = <T extends z.ZodMiniType>(schema: T, description: string): T =>
  schema.check(z.describe(description)) as T;

function realDate(s: string): boolean {
  const [y, m, d] = s.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const isoDate = z
  .string()
  .check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD'), z.refine(realDate, 'is not a date (use YYYY-MM-DD)'));

const clockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM (24-hour)'));

/** `2027-10-01` (all day) or `2027-10-01 23:59` / `2027-10-01T23:59`. */
const due = z
  .string()
  .check(
    z.regex(/^\d{4}-\d{2}-\d{2}(?:[ T]([01]\d|2[0-3]):[0-5]\d)?$/, 'use YYYY-MM-DD or YYYY-MM-DD HH:MM'),
    z.refine(realDate, 'is not a date (use YYYY-MM-DD)'),
  );

function daysBetween(start: string, end: string): number {
  return (Date.parse(`${end.slice(0, 10)}T00:00:00Z`) - Date.parse(`${start.slice(0, 10)}T00:00:00Z`)) / 86_400_000;
}

const range = z.strictObject({
  name: z.optional(text()),
  start: isoDate,
  end: isoDate,
});

const withinSpan = (what: string) =>
  z.refine<{ start: string; end: string }>(
    (r) => !(daysBetween(r.start, r.end) > MAX_SPAN_DAYS),
    `${what} spans more than ${PLAN_LIMITS.spanYears} years (the limit for a plan); check the years`,
  );

const between = (min: number, max: number) => z.number().check(z.minimum(min), z.maximum(max));
const whole = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));

export const planSchema = z.strictObject({
  name: described(z._default(text(), 'My study plan'), 'Calendar name; also seeds the event UIDs'),
  timezone: described(z.optional(text(100)), 'IANA time zone, e.g. America/Chicago (default: this computer’s)'),
  terms: z
    .array(
      z
        .strictObject({
          name: text(),
          start: isoDate,
          end: isoDate,
          breaks: described(
            z._default(z.array(range).check(atMost(PLAN_LIMITS.breaksPerTerm, 'breaks in a term')), []),
            'Breaks and holidays: no study is scheduled on these days',
          ),
        })
        .check(withinSpan('the term')),
    )
    .check(
      z.minLength(1, 'add at least one term'),
      atMost(PLAN_LIMITS.terms, 'terms'),
      z.refine<{ start: string; end: string }[]>(
        (terms) =>
          terms.length === 0 ||
          !(
            daysBetween(
              terms.map((t) => t.start).sort()[0] ?? '',
              terms
                .map((t) => t.end)
                .sort()
                .at(-1) ?? '',
            ) > MAX_SPAN_DAYS
          ),
        `the terms span more than ${PLAN_LIMITS.spanYears} years (the limit for a plan); check the years`,
      ),
    ),
  availability: described(
    z
      .array(z.strictObject({ day: z.enum(WEEKDAYS), start: clockTime, end: clockTime }))
      .check(z.minLength(1, 'add at least one weekly time slot'), atMost(PLAN_LIMITS.slots, 'weekly time slots')),
    'Weekly time slots you can study in, in the plan’s time zone',
  ),
  courses: z._default(
    z
      .array(
        z.strictObject({
          code: text(),
          title: z.optional(text()),
          weeklyHours: described(z._default(between(0, 60), 0), 'Steady weekly study: reading, lectures'),
          terms: described(z.optional(z.array(text())), 'Names of the terms the course runs in (default: every term)'),
        }),
      )
      .check(atMost(PLAN_LIMITS.courses, 'courses')),
    [],
  ),
  deadlines: z._default(
    z
      .array(
        z.strictObject({
          id: described(
            z.optional(text(PLAN_LIMITS.idChars)),
            'Stable key, e.g. the LMS event UID; defaults to course + title',
          ),
          source: described(z.optional(text(PLAN_LIMITS.idChars)), 'The calendar feed it was imported from'),
          feedUid: described(
            z.optional(text(PLAN_LIMITS.idChars)),
            'The LMS event this hand-entered deadline stands for (set by mls plan import instead of adding a copy)',
          ),
          course: text(),
          title: text(),
          kind: z._default(z.enum(DEADLINE_KINDS), 'assignment'),
          due,
          hours: described(
            z.number().check(z.minimum(0, 'must not be negative'), z.maximum(500)),
            'Your estimate of the work, in hours',
          ),
          bufferDays: z.optional(whole(0, 14)),
        }),
      )
      .check(atMost(PLAN_LIMITS.deadlines, 'deadlines')),
    [],
  ),
  courseAliases: described(
    z.optional(z.record(text(), z.nullable(text()))),
    'Course codes as an LMS feed writes them, mapped to this plan’s codes (remembered by mls plan import); null leaves that course’s events out',
  ),
  settings: z._default(
    z.strictObject({
      revisionBufferDays: z._default(whole(0, 14), DEFAULT_SETTINGS.revisionBufferDays),
      estimateMultiplier: z._default(between(1, 5), DEFAULT_SETTINGS.estimateMultiplier),
      prepStartDays: z._default(whole(1, 120), DEFAULT_SETTINGS.prepStartDays),
      sessionMinutes: z._default(whole(15, 480), DEFAULT_SETTINGS.sessionMinutes),
      minBlockMinutes: z._default(whole(15, 240), DEFAULT_SETTINGS.minBlockMinutes),
      revisionMinutes: z._default(whole(15, 480), DEFAULT_SETTINGS.revisionMinutes),
      reminders: z._default(
        z
          .array(z.string().check(z.regex(/^\d{1,5}[dhm]$/, 'use a whole number and d, h or m: 1d, 2h, 30m')))
          .check(atMost(PLAN_LIMITS.reminders, 'reminders')),
        [...DEFAULT_SETTINGS.reminders],
      ),
    }),
    { ...DEFAULT_SETTINGS, reminders: [...DEFAULT_SETTINGS.reminders] },
  ),
});

export type PlanInput = z.input<typeof planSchema>;
export type PlanFile = z.output<typeof planSchema>;
