/** `mls plan status`: adherence over the last four weeks, this week, and the deadlines at risk. */
import { UserError } from '../../errors.js';
import { adherence, allBlocks, deadlinesAtRisk } from '../../planner/adherence.js';
import { weekStart } from '../../time/dates.js';
import { makeStyle } from '../../ui/color.js';
import { statusJson, statusText } from '../../ui/progress.js';
import type { Context } from '../shared/context.js';
import { printJson } from '../shared/json.js';
import { loadSchedule, planPath } from './session.js';

export interface StatusOptions {
  threshold: string;
  json?: boolean;
}

export async function runStatus(ctx: Context, plan: string | undefined, opts: StatusOptions): Promise<void> {
  const { io } = ctx;
  const threshold = Number(opts.threshold);
  if (!(threshold >= 0 && threshold <= 1)) throw new UserError('--threshold takes a share from 0 to 1, e.g. 0.25');
  const { schedule, progress, today } = await loadSchedule(ctx, planPath(ctx, plan));
  const week = weekStart(today.day);
  const view = {
    today: today.day,
    weekStart: week,
    adherence: adherence(allBlocks(schedule), progress, today, { threshold }),
    thisWeek: allBlocks(schedule)
      .filter((b) => weekStart(b.day) === week)
      .sort((x, y) => x.startAt - y.startAt),
    atRisk: deadlinesAtRisk(schedule, today),
    log: progress,
  };
  if (opts.json) printJson(io, statusJson(view));
  else io.out(statusText(view, await makeStyle(io.stdoutIsTTY, io.env), io.columns));
}
