/** `mls plan week`: the week's blocks day by day, and the deadlines of the next two weeks. */
import { blocksOn } from '../../planner/adherence.js';
import { momentOfDay, upcomingDeadlines } from '../../planner/agenda.js';
import { weekStart } from '../../time/dates.js';
import { zoneRules } from '../../time/zone.js';
import { makeStyle } from '../../ui/color.js';
import { weekJson, weekText } from '../../ui/progress.js';
import type { Context } from '../shared/context.js';
import { printJson } from '../shared/json.js';
import { dayOption, loadSchedule, planPath } from './session.js';

export interface WeekOptions {
  date?: string;
  json?: boolean;
}

export async function runWeek(ctx: Context, plan: string | undefined, opts: WeekOptions): Promise<void> {
  const { io } = ctx;
  const { plan: loadedPlan, schedule, progress, today } = await loadSchedule(ctx, planPath(ctx, plan));
  const day = await dayOption(opts.date, today);
  const start = weekStart(day);
  // Days left count from the day asked about (--date, else today), not from the week's Monday.
  const deadlines = upcomingDeadlines(schedule, momentOfDay(day, today), 8, zoneRules(loadedPlan.timezone)).filter(
    (d) => d.daysLeft < 14,
  );
  const view = {
    weekStart: start,
    today: today.day,
    timezone: loadedPlan.timezone,
    days: Array.from({ length: 7 }, (_, i) => ({ day: start + i, blocks: blocksOn(schedule, start + i) })),
    deadlines,
    log: progress,
  };
  if (opts.json) printJson(io, weekJson(view));
  else io.out(weekText(view, await makeStyle(io.stdoutIsTTY, io.env), io.columns));
}
