/** `mls plan check`: validate the plan and chart the weekly workload; exit 4 when it is overloaded. */
import { ExitCode } from '../../errors.js';
import { makeStyle } from '../../ui/color.js';
import type { Context } from '../shared/context.js';
import { printJson } from '../shared/json.js';
import { loadSchedule, planPath } from './session.js';

export interface CheckOptions {
  json?: boolean;
}

export async function runCheck(ctx: Context, plan: string | undefined, opts: CheckOptions): Promise<void> {
  const { io } = ctx;
  const { plan: loaded, schedule } = await loadSchedule(ctx, planPath(ctx, plan));
  const { indentedLines, workloadChart, workloadJson, overloadLines } = await import('../../ui/workload.js');
  if (opts.json) printJson(io, workloadJson(loaded, schedule));
  else {
    // The bars narrow on a narrow terminal: a week's line holds about 50 characters besides its bar.
    const bars = io.columns ? Math.max(10, Math.min(30, io.columns - 50)) : 30;
    io.out(workloadChart(loaded, schedule, await makeStyle(io.stdoutIsTTY, io.env), bars, io.columns));
  }
  if (schedule.overloaded) {
    const style = await makeStyle(io.stderrIsTTY, io.env);
    io.err(
      style.red(
        `The plan is overloaded:\n${indentedLines(overloadLines(schedule), io.stderrIsTTY ? io.columns : undefined)}`,
      ),
    );
    ctx.exitCode = ExitCode.overload;
  }
}
