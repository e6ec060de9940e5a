/** `mls plan today | week | done | skip | status` (loaded only when run). */

import { UserError } from '../../errors.js';
import { adherence, allBlocks, blocksOn, deadlinesAtRisk, type ProgressStatus } from '../../planner/adherence.js';
import type { Block, Schedule } from '../../planner/schedule.js';
import { withPlanLock } from '../../store/plan-lock.js';
import { appendProgress } from '../../store/progress-log.js';
import { clock, dayNumber, isoDate, type LocalMoment, momentKey, weekStart } from '../../time/dates.js';
import { makeStyle, type Style } from '../../ui/color.js';
import { sanitizeField } from '../../ui/sanitize.js';
import type { Context } from '../shared/context.js';
import { loadSchedule } from './session.js';

type Name = 'today' | 'week' | 'status' | 'done' | 'skip';
const WEEKDAY = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function dayFrom(option: unknown, today: LocalMoment): number {
  if (typeof option !== 'string') return today.day;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(option)) throw new UserError(`--date ${option}: use YYYY-MM-DD`);
  return dayNumber(option);
}

function blockJson(b: Block, status: ProgressStatus | undefined) {
  return { key: b.key, kind: b.kind, title: b.title, start: clock(b.start), end: clock(b.end), status: status ?? null };
}

function blockLine(b: Block, n: number | null, status: ProgressStatus | undefined, style: Style): string {
  const mark = status === 'done' ? style.green('done   ') : status === 'skipped' ? style.yellow('skipped') : '       ';
  return `${n === null ? '' : `${String(n).padStart(2)}. `}${clock(b.start)}-${clock(b.end)}  ${mark}  ${sanitizeField(b.title)}`;
}

function upcoming(schedule: Schedule, today: LocalMoment, count: number) {
  return schedule.deadlines
    .filter((d) => momentKey(d.deadline.due) > momentKey(today))
    .sort((a, b) => momentKey(a.deadline.due) - momentKey(b.deadline.due))
    .slice(0, count)
    .map((d) => ({
      title: d.deadline.title,
      course: d.deadline.course,
      due: d.deadline.allDay
        ? isoDate(d.deadline.due.day)
        : `${isoDate(d.deadline.due.day)} ${clock(d.deadline.due.minute)}`,
      daysLeft: d.deadline.due.day - today.day,
      shortHours: d.shortMinutes / 60,
    }));
}

function deadlineLines(list: ReturnType<typeof upcoming>, style: Style): string[] {
  return list.map((d) => {
    const left = d.daysLeft === 0 ? 'today' : d.daysLeft === 1 ? 'tomorrow' : `in ${d.daysLeft} days`;
    const risk = d.shortHours > 0 ? style.red(`  at risk: ${d.shortHours.toFixed(1)} h of work does not fit`) : '';
    return `  ${d.due.padEnd(16)}  ${left.padEnd(12)}  ${sanitizeField(d.title)} (${sanitizeField(d.course)})${risk}`;
  });
}

/** Which blocks `done`/`skip` mean: the numbers given, else the one under way or the last one ended today. */
function chosenBlocks(blocks: Block[], numbers: string[], today: LocalMoment, isToday: boolean): Block[] {
  if (numbers.length > 0) {
    return numbers.map((n) => {
      const block = blocks[Number(n) - 1];
      if (!block || !/^\d+$/.test(n)) {
        throw new UserError(`there is no block ${n} on that day (1 to ${blocks.length})`, {
          hint: 'see the numbers with `mls plan today <plan>`',
        });
      }
      return block;
    });
  }
  const started = isToday ? blocks.filter((b) => b.start <= today.minute) : blocks;
  const last = started.at(-1);
  if (!last) {
    throw new UserError('no study block has started yet on that day', {
      hint: 'give block numbers, or --date for another day',
    });
  }
  return [last];
}

export async function runProgress(
  ctx: Context,
  name: Name,
  path: string,
  numbers: string[],
  opts: Record<string, string | boolean | undefined>,
): Promise<void> {
  const { io, now } = ctx;
  const { plan, schedule, progress, today } = await loadSchedule(path, now);
  const style = await makeStyle(io.stdoutIsTTY, io.env);

  if (name === 'done' || name === 'skip') {
    const day = dayFrom(opts.date, today);
    const blocks = chosenBlocks(blocksOn(schedule, day), numbers, today, day === today.day);
    const status: ProgressStatus = name === 'done' ? 'done' : 'skipped';
    await withPlanLock(path, () =>
      appendProgress(
        path,
        blocks.map((b) => ({ key: b.key, status, at: now.toISOString() })),
      ),
    );
    for (const b of blocks)
      io.err(`${status}: ${isoDate(b.day)} ${clock(b.start)}-${clock(b.end)} ${sanitizeField(b.title)}`);
    if (status === 'skipped') io.err('Its work moves to later free time the next time you run `mls plan build`.');
    return;
  }

  if (name === 'today') {
    const day = dayFrom(opts.date, today);
    const blocks = blocksOn(schedule, day);
    const next = upcoming(schedule, { day, minute: day === today.day ? today.minute : 0 }, 5);
    if (opts.json) {
      io.out(
        JSON.stringify(
          {
            schemaVersion: 1,
            date: isoDate(day),
            timezone: plan.timezone,
            blocks: blocks.map((b, i) => ({ number: i + 1, ...blockJson(b, progress.get(b.key)) })),
            deadlines: next,
          },
          null,
          2,
        ),
      );
      return;
    }
    const lines = [style.bold(`${WEEKDAY[(day + 3) % 7]} ${isoDate(day)} (${plan.timezone})`)];
    if (blocks.length === 0) lines.push('  nothing scheduled');
    blocks.forEach((b, i) => {
      lines.push(`  ${blockLine(b, i + 1, progress.get(b.key), style)}`);
    });
    lines.push('', style.bold('Next deadlines'), ...deadlineLines(next, style));
    io.out(lines.join('\n'));
    return;
  }

  if (name === 'week') {
    const start = weekStart(dayFrom(opts.date, today));
    const days = Array.from({ length: 7 }, (_, i) => start + i);
    const next = upcoming(schedule, { day: start, minute: 0 }, 8).filter((d) => d.daysLeft < 14);
    if (opts.json) {
      io.out(
        JSON.stringify(
          {
            schemaVersion: 1,
            weekStart: isoDate(start),
            timezone: plan.timezone,
            days: days.map((d) => ({
              date: isoDate(d),
              blocks: blocksOn(schedule, d).map((b) => blockJson(b, progress.get(b.key))),
            })),
            deadlines: next,
          },
          null,
          2,
        ),
      );
      return;
    }
    const lines = [style.bold(`Week of ${isoDate(start)} (${plan.timezone})`)];
    for (const d of days) {
      const blocks = blocksOn(schedule, d);
      lines.push(`${WEEKDAY[(d + 3) % 7]} ${isoDate(d)}${d === today.day ? style.cyan('  (today)') : ''}`);
      for (const b of blocks) lines.push(`    ${blockLine(b, null, progress.get(b.key), style)}`);
      if (blocks.length === 0) lines.push(style.dim('    nothing scheduled'));
    }
    lines.push('', style.bold('Deadlines in the next two weeks'), ...deadlineLines(next, style));
    io.out(lines.join('\n'));
    return;
  }

  // status
  const threshold = Number(opts.threshold ?? 0.25);
  if (!(threshold >= 0 && threshold <= 1)) throw new UserError('--threshold takes a share from 0 to 1, e.g. 0.25');
  const a = adherence(allBlocks(schedule), progress, today, { threshold });
  const risk = deadlinesAtRisk(schedule, today);
  const week = weekStart(today.day);
  const thisWeek = allBlocks(schedule)
    .filter((b) => weekStart(b.day) === week)
    .sort((x, y) => x.day - y.day || x.start - y.start);
  if (opts.json) {
    io.out(
      JSON.stringify(
        {
          schemaVersion: 1,
          today: isoDate(today.day),
          adherence: { ...a, from: isoDate(a.from) },
          thisWeek: thisWeek.map((b) => ({
            date: isoDate(b.day),
            start: clock(b.start),
            end: clock(b.end),
            title: b.title,
            status: progress.get(b.key) ?? null,
          })),
          atRisk: risk.map((d) => ({
            title: d.deadline.title,
            course: d.deadline.course,
            due: isoDate(d.deadline.due.day),
            shortHours: d.shortMinutes / 60,
          })),
        },
        null,
        2,
      ),
    );
  } else {
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    const lines = [
      style.bold(`Last four weeks (${isoDate(a.from)} to ${isoDate(today.day)})`),
      `  ${a.past} blocks: ${a.done} done, ${a.skipped} skipped, ${a.unlogged} not recorded; skipped ${pct(a.skipRate)}`,
    ];
    if (a.overThreshold)
      lines.push(style.yellow(`  ! more than ${pct(a.threshold)} of your blocks were skipped: the plan is slipping`));
    lines.push('', style.bold(`This week (from ${isoDate(week)})`));
    for (const b of thisWeek)
      lines.push(`  ${WEEKDAY[(b.day + 3) % 7]} ${blockLine(b, null, progress.get(b.key), style)}`);
    if (thisWeek.length === 0) lines.push('  nothing scheduled');
    lines.push('', style.bold('Deadlines at risk'));
    if (risk.length === 0) lines.push('  none: every deadline’s work still fits');
    for (const d of risk) {
      lines.push(
        style.red(
          `  ${isoDate(d.deadline.due.day)}  ${sanitizeField(d.deadline.title)} (${sanitizeField(d.deadline.course)}): ${(d.shortMinutes / 60).toFixed(1)} h of work no longer fits before its buffer`,
        ),
      );
    }
    io.out(lines.join('\n'));
  }
}
