/** The workload report of `mls plan check`: a bar per week, deadlines, shortfalls. */

import type { Plan } from '../planner/plan.js';
import type { Schedule, SessionShortfall } from '../planner/schedule.js';
import { clock, type DayNumber, isoDate } from '../time/dates.js';
import type { Style } from './color.js';
import { sanitizeField, sanitizeText } from './sanitize.js';
import { wrapWords } from './wrap.js';

const hours = (minutes: number) => (minutes / 60).toFixed(1);

export function workloadJson(plan: Plan, schedule: Schedule) {
  return {
    plan: { name: plan.name, timezone: plan.timezone },
    overloaded: schedule.overloaded,
    weeks: schedule.weeks.map((w) => ({
      weekStart: isoDate(w.weekStart),
      availableHours: Number(hours(w.availableMinutes)),
      plannedHours: Number(hours(w.plannedMinutes)),
      deadlines: w.deadlines,
      shortHours: Number(hours(w.shortMinutes)),
      missedHours: Number(hours(w.missedMinutes)),
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
      past: d.past === true,
      missed: d.missed === true,
    })),
    sessionShortfalls: schedule.sessionShortfalls.map((s) => ({
      course: s.course,
      weekStart: isoDate(s.weekStart),
      shortHours: Number(hours(s.shortMinutes)),
    })),
    missedSessions: (schedule.missedSessions ?? []).map((s) => ({
      course: s.course,
      weekStart: isoDate(s.weekStart),
      missedHours: Number(hours(s.shortMinutes)),
    })),
    missedRevisions: (schedule.missedRevisions ?? []).map((r) => ({
      deadline: r.deadlineKey,
      course: r.course,
      weekStart: isoDate(r.weekStart),
      missedHours: Number(hours(r.minutes)),
    })),
    warnings: schedule.warnings,
  };
}

const MAX_LINES = 12;

interface CourseShortfall {
  course: string;
  /** Minutes short in each week, by week start. */
  byWeek: Map<DayNumber, number>;
}

/** Shortfalls of one course's weekly study, one entry per course with its weeks (a week once). */
function byCourse(shortfalls: readonly SessionShortfall[]): CourseShortfall[] {
  const grouped = new Map<string, CourseShortfall>();
  for (const s of shortfalls) {
    const entry = grouped.get(s.course) ?? { course: s.course, byWeek: new Map<DayNumber, number>() };
    entry.byWeek.set(s.weekStart, (entry.byWeek.get(s.weekStart) ?? 0) + s.shortMinutes);
    grouped.set(s.course, entry);
  }
  return [...grouped.values()];
}

/**
 * How much, and when, for one course: `1.5 h in the week of A`, `1.5 h a week in the 7 weeks
 * of A, B, …` when every week lacks the same, else `10.5 h in all over the 7 weeks of A, B, …`.
 * `verb` goes after the amount ("missed"); the total is never shown as if it were each week's.
 */
function courseAmount({ byWeek }: CourseShortfall, verb = ''): string {
  const weeks = [...byWeek.keys()].sort((a, b) => a - b);
  const each = [...new Set(weeks.map((w) => hours(byWeek.get(w) ?? 0)))];
  const list = weeks.map(isoDate).join(', ');
  const after = verb ? ` ${verb}` : '';
  if (weeks.length === 1) return `${each[0]} h${after} in the week of ${list}`;
  if (each.length === 1) return `${each[0]} h a week${after} in the ${weeks.length} weeks of ${list}`;
  const total = [...byWeek.values()].reduce((sum, m) => sum + m, 0);
  return `${hours(total)} h${after} in all over the ${weeks.length} weeks of ${list}`;
}

/**
 * Shortfalls of work still ahead: which deadlines are short and by how much, one line per
 * course for weekly study (its weeks listed), and the weeks over capacity once.
 */
export function overloadLines(schedule: Schedule, max = MAX_LINES): string[] {
  const lines: string[] = [];
  for (const d of schedule.deadlines.filter((x) => x.shortMinutes > 0 && !x.missed)) {
    lines.push(
      `"${sanitizeField(d.deadline.title)}" (${sanitizeField(d.deadline.course)}, due ${isoDate(d.deadline.due.day)}): short by ${hours(d.shortMinutes)} h (needs ${hours(d.neededMinutes)} h before ${isoDate(d.workEnd.day)}, found ${hours(d.placedMinutes)} h)`,
    );
  }
  for (const c of byCourse(schedule.sessionShortfalls)) {
    lines.push(`weekly study for ${sanitizeField(c.course)}: short by ${courseAmount(c)}`);
  }
  const shown =
    lines.length > max
      ? [...lines.slice(0, max), `… and ${lines.length - max} more (see mls plan check --json)`]
      : lines;
  const weeks = schedule.weeks.filter((w) => w.overloaded).map((w) => isoDate(w.weekStart));
  if (weeks.length > 0) shown.push(`weeks over capacity: ${weeks.join(', ')}`);
  return shown;
}

/** Work whose time has passed: skipped or unplaceable study in weeks gone by, deadlines already due. Never an overload. */
export function missedLines(schedule: Schedule): string[] {
  const lines = byCourse(schedule.missedSessions ?? []).map(
    (c) => `weekly study for ${sanitizeField(c.course)}: ${courseAmount(c, 'missed')}`,
  );
  for (const d of schedule.deadlines.filter((x) => x.shortMinutes > 0 && x.missed)) {
    const before = d.past ? 'it was due' : `its work window ended on ${isoDate(d.workEnd.day)}`;
    lines.push(
      `"${sanitizeField(d.deadline.title)}" (${sanitizeField(d.deadline.course)}, due ${isoDate(d.deadline.due.day)}): ${hours(d.shortMinutes)} h of its work found no time before ${before}`,
    );
  }
  const deadlines = new Map(schedule.deadlines.map((d) => [d.deadline.key, d.deadline]));
  for (const r of schedule.missedRevisions ?? []) {
    const d = deadlines.get(r.deadlineKey);
    const name = d
      ? `"${sanitizeField(d.title)}" (${sanitizeField(d.course)}, due ${isoDate(d.due.day)})`
      : sanitizeField(r.course);
    lines.push(`${name}: ${hours(r.minutes)} h of skipped revision found no time before it was due`);
  }
  return lines;
}

/** Report lines indented by two, each wrapped at a word to `columns` (a terminal's width) when given. */
export function indentedLines(lines: readonly string[], columns?: number): string {
  return lines.map((l) => `  ${columns ? wrapWords(l, columns, '    ') : l}`).join('\n');
}

/** A title cut to `width` characters, with an ellipsis. */
function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1).trimEnd()}…`;
}

/**
 * The weekly bars and the deadlines. `columns` (a terminal's width) narrows the deadline
 * titles so that no line is wider (a deadline line holds 61 characters besides its title: the
 * longest status is `missed 999.9 h`), and wraps the missed-work lines.
 */
export function workloadChart(plan: Plan, schedule: Schedule, style: Style, width = 30, columns?: number): string {
  const titleWidth = columns ? Math.max(16, Math.min(44, columns - 61)) : 44;
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
    const missed = w.missedMinutes > 0 ? style.dim(` missed ${hours(w.missedMinutes)} h`) : '';
    lines.push(w.overloaded ? style.red(`${row} OVER by ${hours(w.shortMinutes)} h`) : `${row.trimEnd()}${missed}`);
  }
  lines.push('', style.bold('Deadlines'));
  for (const d of schedule.deadlines) {
    const due = d.deadline.allDay
      ? isoDate(d.deadline.due.day)
      : `${isoDate(d.deadline.due.day)} ${clock(d.deadline.due.minute)}`;
    const status =
      d.shortMinutes <= 0
        ? style.green('planned')
        : d.missed
          ? style.dim(`missed ${hours(d.shortMinutes)} h`)
          : style.red(`short ${hours(d.shortMinutes)} h`);
    lines.push(
      `  ${due.padEnd(16)}  ${cut(`${sanitizeField(d.deadline.title)} (${sanitizeField(d.deadline.course)})`, titleWidth).padEnd(titleWidth)}  ${hours(d.neededMinutes).padStart(5)} h from ${isoDate(d.prepStart)}  ${status}`,
    );
  }
  const missed = missedLines(schedule);
  if (missed.length > 0) lines.push('', style.bold('Missed work (past; it does not make the plan overloaded)'));
  if (missed.length > 0) lines.push(indentedLines(missed, columns));
  for (const w of schedule.warnings) lines.push(style.yellow(`! ${sanitizeText(w)}`));
  return lines.join('\n');
}
