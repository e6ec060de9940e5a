/** Text and --json payloads of `mls plan today | week | status`. Renderers: data in, strings out. */

import type { Adherence, ProgressStatus } from '../planner/adherence.js';
import type { UpcomingDeadline } from '../planner/agenda.js';
import type { Block, ScheduledDeadline } from '../planner/schedule.js';
import { clock, type DayNumber, isoDate, weekdayIndex } from '../time/dates.js';
import type { Style } from './color.js';
import { sanitizeField } from './sanitize.js';
import { truncateWords } from './table.js';

const WEEKDAY = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
type Log = ReadonlyMap<string, ProgressStatus>;

const dayName = (day: DayNumber) => WEEKDAY[weekdayIndex(day)];

export function blockJson(b: Block, status: ProgressStatus | undefined) {
  return { key: b.key, kind: b.kind, title: b.title, start: clock(b.start), end: clock(b.end), status: status ?? null };
}

/** `text` cut at a word to fit `room` columns when a terminal's width is known (never below 12). */
const fitted = (text: string, room: number | undefined): string =>
  room === undefined ? text : truncateWords(text, Math.max(12, room));

/** A block's line; `indent` is what stands before it, so the title fits `columns` when given. */
export function blockLine(
  b: Block,
  n: number | null,
  status: ProgressStatus | undefined,
  style: Style,
  fit?: { columns: number | undefined; indent: number },
): string {
  const mark = status === 'done' ? style.green('done   ') : status === 'skipped' ? style.yellow('skipped') : '       ';
  const head = `${n === null ? '' : `${String(n).padStart(2)}. `}${clock(b.start)}-${clock(b.end)}  `;
  const room = fit?.columns === undefined ? undefined : fit.columns - fit.indent - head.length - 9;
  return `${head}${mark}  ${fitted(sanitizeField(b.title), room)}`;
}

/** A deadline as --json shows it. */
export function deadlineJson(d: UpcomingDeadline) {
  const due = d.due;
  return {
    title: d.deadline.title,
    course: d.deadline.course,
    due: d.deadline.allDay ? isoDate(due.day) : `${isoDate(due.day)} ${clock(due.minute)}`,
    daysLeft: d.daysLeft,
    shortHours: d.shortMinutes / 60,
    missed: d.missed,
  };
}

export function deadlineLines(list: readonly UpcomingDeadline[], style: Style, columns?: number): string[] {
  if (list.length === 0) return [style.dim('  nothing due')];
  return list.map(deadlineJson).map((d) => {
    const left = d.daysLeft === 0 ? 'today' : d.daysLeft === 1 ? 'tomorrow' : `in ${d.daysLeft} days`;
    const short = d.shortHours.toFixed(1);
    const risk =
      d.shortHours <= 0 ? '' : d.missed ? `  missed: ${short} h of work` : `  at risk: ${short} h of work does not fit`;
    const head = `  ${d.due.padEnd(16)}  ${left.padEnd(12)}  `;
    const name = `${sanitizeField(d.title)} (${sanitizeField(d.course)})`;
    const room = columns === undefined ? undefined : columns - head.length - risk.length;
    return `${head}${fitted(name, room)}${risk ? style.red(risk) : ''}`;
  });
}

export interface DayView {
  day: DayNumber;
  timezone: string;
  blocks: Block[];
  deadlines: UpcomingDeadline[];
  log: Log;
}

export function todayJson(v: DayView) {
  return {
    date: isoDate(v.day),
    timezone: v.timezone,
    blocks: v.blocks.map((b, i) => ({ number: i + 1, ...blockJson(b, v.log.get(b.key)) })),
    deadlines: v.deadlines.map(deadlineJson),
  };
}

export function todayText(v: DayView, style: Style, columns?: number): string {
  const lines = [style.bold(`${dayName(v.day)} ${isoDate(v.day)} (${v.timezone})`)];
  if (v.blocks.length === 0) lines.push('  nothing scheduled');
  v.blocks.forEach((b, i) => {
    lines.push(`  ${blockLine(b, i + 1, v.log.get(b.key), style, { columns, indent: 2 })}`);
  });
  lines.push('', style.bold('Next deadlines'), ...deadlineLines(v.deadlines, style, columns));
  return lines.join('\n');
}

export interface WeekView {
  weekStart: DayNumber;
  today: DayNumber;
  timezone: string;
  days: { day: DayNumber; blocks: Block[] }[];
  deadlines: UpcomingDeadline[];
  log: Log;
}

export function weekJson(v: WeekView) {
  return {
    weekStart: isoDate(v.weekStart),
    timezone: v.timezone,
    days: v.days.map((d) => ({ date: isoDate(d.day), blocks: d.blocks.map((b) => blockJson(b, v.log.get(b.key))) })),
    deadlines: v.deadlines.map(deadlineJson),
  };
}

export function weekText(v: WeekView, style: Style, columns?: number): string {
  const lines = [style.bold(`Week of ${isoDate(v.weekStart)} (${v.timezone})`)];
  for (const { day, blocks } of v.days) {
    lines.push(`${dayName(day)} ${isoDate(day)}${day === v.today ? style.cyan('  (today)') : ''}`);
    for (const b of blocks) lines.push(`    ${blockLine(b, null, v.log.get(b.key), style, { columns, indent: 4 })}`);
    if (blocks.length === 0) lines.push(style.dim('    nothing scheduled'));
  }
  lines.push('', style.bold('Deadlines in the next two weeks'), ...deadlineLines(v.deadlines, style, columns));
  return lines.join('\n');
}

export interface StatusView {
  today: DayNumber;
  weekStart: DayNumber;
  adherence: Adherence;
  thisWeek: Block[];
  atRisk: ScheduledDeadline[];
  log: Log;
}

export function statusJson(v: StatusView) {
  return {
    today: isoDate(v.today),
    adherence: { ...v.adherence, from: isoDate(v.adherence.from) },
    thisWeek: v.thisWeek.map((b) => ({
      date: isoDate(b.day),
      start: clock(b.start),
      end: clock(b.end),
      title: b.title,
      status: v.log.get(b.key) ?? null,
    })),
    atRisk: v.atRisk.map((d) => ({
      title: d.deadline.title,
      course: d.deadline.course,
      due: isoDate(d.deadline.due.day),
      shortHours: d.shortMinutes / 60,
    })),
  };
}

export function statusText(v: StatusView, style: Style, columns?: number): string {
  const a = v.adherence;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const lines = [
    style.bold(`Last four weeks (${isoDate(a.from)} to ${isoDate(v.today)})`),
    `  ${a.past} blocks: ${a.done} done, ${a.skipped} skipped, ${a.unlogged} not recorded; skipped ${pct(a.skipRate)}`,
  ];
  if (a.overThreshold)
    lines.push(style.yellow(`  ! more than ${pct(a.threshold)} of your blocks were skipped: the plan is slipping`));
  lines.push('', style.bold(`This week (from ${isoDate(v.weekStart)})`));
  for (const b of v.thisWeek)
    lines.push(`  ${dayName(b.day)} ${blockLine(b, null, v.log.get(b.key), style, { columns, indent: 6 })}`);
  if (v.thisWeek.length === 0) lines.push('  nothing scheduled');
  lines.push('', style.bold('Deadlines at risk'));
  if (v.atRisk.length === 0) lines.push('  none: every deadline’s work still fits');
  for (const d of v.atRisk) {
    const why = `: ${(d.shortMinutes / 60).toFixed(1)} h of work no longer fits before its buffer`;
    const name = `${sanitizeField(d.deadline.title)} (${sanitizeField(d.deadline.course)})`;
    const room = columns === undefined ? undefined : columns - 14 - why.length;
    lines.push(style.red(`  ${isoDate(d.deadline.due.day)}  ${fitted(name, room)}${why}`));
  }
  return lines.join('\n');
}
