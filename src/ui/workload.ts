/** The workload report of `mls plan check`: a bar per week, deadlines, shortfalls. */

import type { Plan } from '../planner/plan.js';
import type { Schedule } from '../planner/schedule.js';
import { clock, isoDate } from '../time/dates.js';
import type { Style } from './color.js';
import { sanitizeField, sanitizeText } from './sanitize.js';

const hours = (minutes: number) => (minutes / 60).toFixed(1);

export function workloadJson(plan: Plan, schedule: Schedule) {
  return {
    schemaVersion: 1,
    plan: { name: plan.name, timezone: plan.timezone },
    overloaded: schedule.overloaded,
    weeks: schedule.weeks.map((w) => ({
      weekStart: isoDate(w.weekStart),
      availableHours: Number(hours(w.availableMinutes)),
      plannedHours: Number(hours(w.plannedMinutes)),
      deadlines: w.deadlines,
      shortHours: Number(hours(w.shortMinutes)),
      overloaded: w.overloaded,
    })),
    deadlines: schedule.deadlines.map((d) => ({
      key: d.deadline.key,
      course: d.deadline.course,
      title: d.deadline.title,
      kind: d.deadline.kind,
      due: d.deadline.allDay
        ? isoDate(d.deadline.due.day)
        : `${isoDate(d.deadline.due.day)} ${clock(d.deadline.due.minute)}`,
      prepStart: isoDate(d.prepStart),
      neededHours: Number(hours(d.neededMinutes)),
      placedHours: Number(hours(d.placedMinutes)),
      shortHours: Number(hours(d.shortMinutes)),
      revisionPlaced: d.revisionPlaced,
    })),
    sessionShortfalls: schedule.sessionShortfalls.map((s) => ({
      course: s.course,
      weekStart: isoDate(s.weekStart),
      shortHours: Number(hours(s.shortMinutes)),
    })),
    warnings: schedule.warnings,
  };
}

const MAX_LINES = 12;

/** Shortfall lines: which deadlines are short and by how much, which weeks are over capacity. */
export function overloadLines(schedule: Schedule, max = MAX_LINES): string[] {
  const lines: string[] = [];
  for (const d of schedule.deadlines.filter((x) => x.shortMinutes > 0)) {
    lines.push(
      `"${sanitizeField(d.deadline.title)}" (${sanitizeField(d.deadline.course)}, due ${isoDate(d.deadline.due.day)}): short by ${hours(d.shortMinutes)} h (needs ${hours(d.neededMinutes)} h before ${isoDate(d.workEnd.day)}, found ${hours(d.placedMinutes)} h)`,
    );
  }
  for (const s of schedule.sessionShortfalls) {
    lines.push(
      `weekly study for ${sanitizeField(s.course)}, week of ${isoDate(s.weekStart)}: short by ${hours(s.shortMinutes)} h`,
    );
  }
  const shown =
    lines.length > max
      ? [...lines.slice(0, max), `… and ${lines.length - max} more (see mls plan check --json)`]
      : lines;
  const weeks = schedule.weeks.filter((w) => w.overloaded).map((w) => isoDate(w.weekStart));
  if (weeks.length > 0) shown.push(`weeks over capacity: ${weeks.join(', ')}`);
  return shown;
}

export function workloadChart(plan: Plan, schedule: Schedule, style: Style, width = 30): string {
  const max = Math.max(
    1,
    ...schedule.weeks.map((w) => Math.max(w.availableMinutes, w.plannedMinutes + w.shortMinutes)),
  );
  const lines = [
    style.bold(`${sanitizeField(plan.name)} (${plan.timezone})`),
    style.dim(`week of      ${'planned / available'.padEnd(width)}  hours        due`),
  ];
  for (const w of schedule.weeks) {
    const planned = Math.round((w.plannedMinutes / max) * width);
    const available = Math.round((w.availableMinutes / max) * width);
    const short = Math.min(width - Math.max(planned, available), Math.round((w.shortMinutes / max) * width));
    const bar = '█'.repeat(planned) + '░'.repeat(Math.max(0, available - planned)) + '!'.repeat(Math.max(0, short));
    const figures = `${hours(w.plannedMinutes).padStart(5)}/${hours(w.availableMinutes).padEnd(5)}`;
    const due = w.deadlines > 0 ? `${w.deadlines} due` : '';
    const row = `${isoDate(w.weekStart)}  ${bar.padEnd(width)}  ${figures}  ${due.padEnd(6)}`;
    lines.push(w.overloaded ? style.red(`${row} OVER by ${hours(w.shortMinutes)} h`) : row.trimEnd());
  }
  lines.push('', style.bold('Deadlines'));
  for (const d of schedule.deadlines) {
    const due = d.deadline.allDay
      ? isoDate(d.deadline.due.day)
      : `${isoDate(d.deadline.due.day)} ${clock(d.deadline.due.minute)}`;
    const status = d.shortMinutes > 0 ? style.red(`short ${hours(d.shortMinutes)} h`) : style.green('planned');
    lines.push(
      `  ${due.padEnd(16)}  ${`${sanitizeField(d.deadline.title)} (${sanitizeField(d.deadline.course)})`.padEnd(44)}  ${hours(d.neededMinutes).padStart(5)} h from ${isoDate(d.prepStart)}  ${status}`,
    );
  }
  for (const w of schedule.warnings) lines.push(style.yellow(`! ${sanitizeText(w)}`));
  return lines.join('\n');
}
