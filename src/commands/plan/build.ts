/** `mls plan build`: schedule the plan and write its calendar (default: the plan's name with .ics). */
import type { Context } from '../shared/context.js';
import { type CalendarOutput, defaultCalendarPath, writeCalendar } from './calendar-output.js';
import { loadSchedule, planPath } from './session.js';

export type BuildOptions = Omit<CalendarOutput, 'output'> & { output?: string };

export async function runBuild(ctx: Context, plan: string | undefined, opts: BuildOptions): Promise<void> {
  const path = planPath(ctx, plan);
  const loaded = await loadSchedule(ctx, path);
  await writeCalendar(ctx, loaded, { ...opts, output: opts.output ?? defaultCalendarPath(path), planFile: path });
}
