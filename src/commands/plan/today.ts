/** `mls plan today`: the day's blocks, numbered, and the next deadlines. */
import { blocksOn } from '../../planner/adherence.js';
import { momentOfDay, upcomingDeadlines } from '../../planner/agenda.js';
import { zoneRules } from '../../time/zone.js';
import { makeStyle } from '../../ui/color.js';
import { todayJson, todayText } from '../../ui/progress.js';
import type { Context } from '../shared/context.js';
import { printJson } from '../shared/json.js';
import { dayOption, loadSchedule, planPath } from './session.js';

export interface TodayOptions {
  date?: string;
  json?: boolean;
}

export async function runToday(ctx: Context, plan: string | undefined, opts: TodayOptions): Promise<void> {
  const { io } = ctx;
  const loaded = await loadSchedule(ctx, planPath(ctx, plan));
  const day = await dayOption(opts.date, loaded.today);
  const view = {
    day,
    timezone: loaded.plan.timezone,
    blocks: blocksOn(loaded.schedule, day),
    deadlines: upcomingDeadlines(loaded.schedule, momentOfDay(day, loaded.today), 5, zoneRules(loaded.plan.timezone)),
    log: loaded.progress,
  };
  if (opts.json) printJson(io, todayJson(view));
  else io.out(todayText(view, await makeStyle(io.stdoutIsTTY, io.env), io.columns));
}
