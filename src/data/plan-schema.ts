/**
 * The study plan file: zod schema (the one source of truth), from which the
 * committed JSON Schema (data/plan.schema.json) is generated.
 */
import { z } from 'zod';
import { DEADLINE_KINDS, DEFAULT_SETTINGS, WEEKDAYS } from '../planner/vocabulary.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'is not a date (use YYYY-MM-DD)');

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM (24-hour)');

/** `2027-10-01` (all day) or `2027-10-01 23:59` / `2027-10-01T23:59`. */
const due = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(?:[ T]([01]\d|2[0-3]):[0-5]\d)?$/, 'use YYYY-MM-DD or YYYY-MM-DD HH:MM')
  .refine((s) => isoDate.safeParse(s.slice(0, 10)).success, 'is not a date (use YYYY-MM-DD)');

const range = z.object({
  name: z.string().min(1).optional(),
  start: isoDate,
  end: isoDate,
});

export const planSchema = z
  .object({
    name: z.string().min(1).default('My study plan').describe('Calendar name; also seeds the event UIDs'),
    timezone: z.string().min(1).optional().describe('IANA time zone, e.g. America/Chicago (default: this computer’s)'),
    terms: z
      .array(
        z.object({
          name: z.string().min(1),
          start: isoDate,
          end: isoDate,
          breaks: z.array(range).default([]).describe('Breaks and holidays: no study is scheduled on these days'),
        }),
      )
      .min(1, 'add at least one term'),
    availability: z
      .array(
        z.object({
          day: z.enum(WEEKDAYS),
          start: clockTime,
          end: clockTime,
        }),
      )
      .min(1, 'add at least one weekly time slot')
      .describe('Weekly time slots you can study in, in the plan’s time zone'),
    courses: z
      .array(
        z.object({
          code: z.string().min(1),
          title: z.string().min(1).optional(),
          weeklyHours: z.number().min(0).max(60).default(0).describe('Steady weekly study: reading, lectures'),
          terms: z
            .array(z.string().min(1))
            .optional()
            .describe('Names of the terms the course runs in (default: every term)'),
        }),
      )
      .default([]),
    deadlines: z
      .array(
        z.object({
          id: z.string().min(1).optional().describe('Stable key, e.g. the LMS event UID; defaults to course + title'),
          source: z.string().min(1).optional().describe('The calendar feed it was imported from'),
          course: z.string().min(1),
          title: z.string().min(1),
          kind: z.enum(DEADLINE_KINDS).default('assignment'),
          due,
          hours: z.number().min(0, 'must not be negative').max(500).describe('Your estimate of the work, in hours'),
          bufferDays: z.number().int().min(0).max(14).optional(),
        }),
      )
      .default([]),
    settings: z
      .object({
        revisionBufferDays: z.number().int().min(0).max(14).default(DEFAULT_SETTINGS.revisionBufferDays),
        estimateMultiplier: z.number().min(1).max(5).default(DEFAULT_SETTINGS.estimateMultiplier),
        prepStartDays: z.number().int().min(1).max(120).default(DEFAULT_SETTINGS.prepStartDays),
        sessionMinutes: z.number().int().min(15).max(480).default(DEFAULT_SETTINGS.sessionMinutes),
        minBlockMinutes: z.number().int().min(15).max(240).default(DEFAULT_SETTINGS.minBlockMinutes),
        revisionMinutes: z.number().int().min(15).max(480).default(DEFAULT_SETTINGS.revisionMinutes),
        reminders: z
          .array(z.string().regex(/^\d+[dhm]$/, 'use a number and d, h or m: 1d, 2h, 30m'))
          .default([...DEFAULT_SETTINGS.reminders]),
      })
      .default({ ...DEFAULT_SETTINGS, reminders: [...DEFAULT_SETTINGS.reminders] }),
  })
  .strict();

export type PlanInput = z.input<typeof planSchema>;
export type PlanFile = z.output<typeof planSchema>;
