/**
 * The plan model the scheduler works on, normalised from the validated plan
 * file, and the cross-record rules zod cannot express. Pure.
 */
import type { PlanFile } from '../schema/plan.js';
import { type DeadlineKind, WEEKDAYS } from '../schema/plan-vocabulary.js';
import { clock, type DayNumber, dayNumber, type LocalMoment, minutesOf } from '../time/dates.js';

export interface Term {
  name: string;
  start: DayNumber;
  end: DayNumber;
  breaks: { name: string; start: DayNumber; end: DayNumber }[];
}

export interface Slot {
  weekday: number;
  start: number;
  end: number;
}

export interface Course {
  code: string;
  title: string;
  weeklyMinutes: number;
  /** Indexes of the terms the course runs in; null = every term. */
  terms: number[] | null;
}

export interface Deadline {
  /** Stable identity: the file's `id`, else course + title. */
  key: string;
  course: string;
  title: string;
  kind: DeadlineKind;
  /** Due moment; for an all-day deadline, the end of its day. */
  due: LocalMoment;
  allDay: boolean;
  /** The student's estimate in minutes, before the multiplier. */
  estimateMinutes: number;
  bufferDays: number;
  /** Index in the plan file, for messages. */
  index: number;
}

export interface Settings {
  revisionBufferDays: number;
  estimateMultiplier: number;
  prepStartDays: number;
  sessionMinutes: number;
  minBlockMinutes: number;
  revisionMinutes: number;
  /** Minutes before each due time. */
  reminders: number[];
}

export interface Plan {
  name: string;
  timezone: string;
  terms: Term[];
  availability: Slot[];
  courses: Course[];
  deadlines: Deadline[];
  settings: Settings;
}

export interface PlanIssue {
  /** Path in the plan file: `terms[0].end`. */
  path: (string | number)[];
  message: string;
}

const UNIT_MINUTES = { d: 1440, h: 60, m: 1 } as const;

/** Reminders run from one minute to eight weeks before the due time; 0m or 99999999d is a mistake. */
export const MIN_REMINDER_MINUTES = 1;
export const MAX_REMINDER_MINUTES = 56 * 1440;

export function reminderMinutes(text: string): number {
  const unit = text.slice(-1) as keyof typeof UNIT_MINUTES;
  return Number(text.slice(0, -1)) * UNIT_MINUTES[unit];
}

export function normalisePlan(file: PlanFile, timezone: string): Plan {
  return {
    name: file.name,
    timezone,
    terms: file.terms.map((t) => ({
      name: t.name,
      start: dayNumber(t.start),
      end: dayNumber(t.end),
      breaks: t.breaks.map((b, i) => ({
        name: b.name ?? `break ${i + 1}`,
        start: dayNumber(b.start),
        end: dayNumber(b.end),
      })),
    })),
    availability: file.availability.map((a) => ({
      weekday: WEEKDAYS.indexOf(a.day),
      start: minutesOf(a.start),
      end: minutesOf(a.end),
    })),
    courses: file.courses.map((c) => ({
      code: c.code,
      title: c.title ?? c.code,
      weeklyMinutes: Math.round(c.weeklyHours * 60),
      terms: c.terms ? c.terms.map((name) => file.terms.findIndex((t) => t.name === name)) : null,
    })),
    deadlines: file.deadlines.map((d, index) => {
      const allDay = d.due.length === 10;
      return {
        key: d.id ?? `${d.course}|${d.title}`,
        course: d.course,
        title: d.title,
        kind: d.kind,
        due: { day: dayNumber(d.due), minute: allDay ? 1440 : minutesOf(d.due.slice(11, 16)) },
        allDay,
        estimateMinutes: Math.round(d.hours * 60),
        bufferDays: d.bufferDays ?? file.settings.revisionBufferDays,
        index,
      };
    }),
    settings: {
      ...file.settings,
      reminders: file.settings.reminders.map(reminderMinutes),
    },
  };
}

/** A weekly slot as people write it: `mon 19:00-21:30`. */
export function slotName(a: { weekday: number; start: number; end: number }): string {
  return `${WEEKDAYS[a.weekday]} ${clock(a.start)}-${clock(a.end)}`;
}

/** Rules across records: returned, not thrown, so every problem is reported at once. */
export function planIssues(plan: Plan): PlanIssue[] {
  const issues: PlanIssue[] = [];
  plan.terms.forEach((t, i) => {
    if (t.end < t.start) issues.push({ path: ['terms', i, 'end'], message: 'the term ends before it starts' });
    t.breaks.forEach((b, j) => {
      if (b.end < b.start)
        issues.push({ path: ['terms', i, 'breaks', j, 'end'], message: 'the break ends before it starts' });
      else if (b.start < t.start || b.end > t.end) {
        issues.push({ path: ['terms', i, 'breaks', j], message: 'the break is outside its term' });
      }
    });
  });
  plan.availability.forEach((a, i) => {
    if (a.end === a.start) {
      issues.push({ path: ['availability', i, 'end'], message: 'the slot is empty: its end is not after its start' });
    } else if (a.end < a.start) {
      // `sat 23:00-03:00`: a slot is one day's (ending 23:59 at the latest); the night is two slots.
      const day = WEEKDAYS[a.weekday];
      const next = WEEKDAYS[(a.weekday + 1) % 7];
      const asWritten = `\`${day} ${clock(a.start)}-23:59\``;
      issues.push({
        path: ['availability', i, 'end'],
        message:
          a.end === 0
            ? `the slot ends before it starts: a slot cannot cross midnight; write it as ${asWritten}`
            : `the slot ends before it starts: a slot cannot cross midnight; write it as two, ${asWritten} and \`${next} 00:00-${clock(a.end)}\``,
      });
    }
    plan.availability.forEach((b, j) => {
      if (j > i && a.weekday === b.weekday && a.start < b.end && b.start < a.end) {
        issues.push({ path: ['availability', j], message: `overlaps ${slotName(a)}` });
      }
    });
  });
  const codes = new Set(plan.courses.map((c) => c.code));
  const seenCodes = new Set<string>();
  plan.courses.forEach((c, i) => {
    c.terms?.forEach((t, j) => {
      if (t < 0) issues.push({ path: ['courses', i, 'terms', j], message: 'no term has this name' });
    });
    if (seenCodes.has(c.code))
      issues.push({ path: ['courses', i, 'code'], message: `course ${c.code} is listed twice` });
    seenCodes.add(c.code);
  });
  plan.settings.reminders.forEach((minutes, i) => {
    if (!(minutes >= MIN_REMINDER_MINUTES && minutes <= MAX_REMINDER_MINUTES)) {
      issues.push({
        path: ['settings', 'reminders', i],
        message: `a reminder must be from 1m to ${MAX_REMINDER_MINUTES / 1440}d before the due time (e.g. 1d, 2h, 30m)`,
      });
    } else if (plan.settings.reminders.indexOf(minutes) < i) {
      issues.push({
        path: ['settings', 'reminders', i],
        message: 'this reminder is the same time as an earlier one (each would ring twice): remove one',
      });
    }
  });
  const keys = new Set<string>();
  for (const d of plan.deadlines) {
    if (codes.size > 0 && !codes.has(d.course)) {
      issues.push({ path: ['deadlines', d.index, 'course'], message: `course ${d.course} is not in courses` });
    }
    if (!plan.terms.some((t) => d.due.day >= t.start && d.due.day <= t.end)) {
      issues.push({ path: ['deadlines', d.index, 'due'], message: 'the due date is outside every term' });
    }
    if (keys.has(d.key)) issues.push({ path: ['deadlines', d.index], message: 'the same deadline is listed twice' });
    keys.add(d.key);
  }
  return issues;
}
