/** `mls plan done` and `mls plan skip`: record study blocks, by number or the one under way. */
import { UserError } from '../../errors.js';
import { allBlocks, blocksOn, type ProgressStatus, recordsOfPlan } from '../../planner/adherence.js';
import type { Block } from '../../planner/schedule.js';
import { withPlanLock } from '../../store/plan-lock.js';
import { appendProgress, readProgress } from '../../store/progress-log.js';
import { clock, isoDate } from '../../time/dates.js';
import { sanitizeField } from '../../ui/sanitize.js';
import type { Context } from '../shared/context.js';
import { dayOption, loadSchedule, planAndNumbers, planPath } from './session.js';

export interface RecordOptions {
  date?: string;
}

/**
 * Which blocks are meant: the numbers given, else the one under way or the last one ended that
 * day (by real time: `now`, when the day is today).
 */
function chosenBlocks(blocks: Block[], numbers: string[], now: number | undefined, day: number): Block[] {
  if (blocks.length === 0) {
    throw new UserError(`there are no study blocks on ${isoDate(day)}`, {
      hint: 'see the week’s blocks with `mls plan week`, or give --date for another day',
    });
  }
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
  const started = now === undefined ? blocks : blocks.filter((b) => b.startAt <= now);
  // Numbered blocks are not all in time order (re-placed ones come last): the latest start wins.
  const last = started.reduce<Block | undefined>((l, b) => (l && l.startAt > b.startAt ? l : b), undefined);
  if (!last) {
    throw new UserError('no study block has started yet on that day', {
      hint: 'give block numbers, or --date for another day',
    });
  }
  return [last];
}

async function record(
  ctx: Context,
  status: ProgressStatus,
  args: [string | undefined, string[]],
  opts: RecordOptions,
): Promise<void> {
  const { io, now } = ctx;
  const [given, numbers] = planAndNumbers(...args);
  const path = planPath(ctx, given);
  const { schedule, today } = await loadSchedule(ctx, path);
  const day = await dayOption(opts.date, today);
  const chosen = chosenBlocks(blocksOn(schedule, day), numbers, day === today.day ? now.getTime() : undefined, day);
  const line = (b: Block) => `${isoDate(b.day)} ${clock(b.start)}-${clock(b.end)} ${sanitizeField(b.title)}`;
  const blocks = await withPlanLock(path, async () => {
    // Under the lock, so that a record made meanwhile by another command counts: recording a
    // block as what it already is adds nothing to the log.
    const latest = new Map(
      recordsOfPlan(readProgress(path).entries, allBlocks(schedule)).entries.map((e) => [e.key, e.status]),
    );
    for (const b of chosen.filter((c) => latest.get(c.key) === status)) io.err(`already ${status}: ${line(b)}`);
    const added = chosen.filter((c) => latest.get(c.key) !== status);
    if (added.length > 0) {
      await appendProgress(
        path,
        added.map((b) => ({ key: b.key, status, at: now.toISOString(), start: new Date(b.startAt).toISOString() })),
      );
    }
    return added;
  });
  if (blocks.length === 0) return;
  for (const b of blocks) io.err(`${status}: ${line(b)}`);
  if (status === 'skipped') {
    io.err('Its work moves to later free time (see `mls plan week`); run `mls plan build` to update the calendar.');
  }
}

export const runDone = (ctx: Context, plan: string | undefined, numbers: string[], opts: RecordOptions) =>
  record(ctx, 'done', [plan, numbers], opts);

export const runSkip = (ctx: Context, plan: string | undefined, numbers: string[], opts: RecordOptions) =>
  record(ctx, 'skipped', [plan, numbers], opts);
