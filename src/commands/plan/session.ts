/** What the plan commands share: which plan, which day, the host's zone, and the plan read and scheduled as of now. */
import { UserError } from '../../errors.js';
import type { Plan } from '../../planner/plan.js';
import { defaultPlanPath, isFile } from '../../store/plan-location.js';
import type { LocalMoment } from '../../time/dates.js';
import type { Context } from '../shared/context.js';

/** The host's time zone, used when a plan names none. */
export function hostTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The plan argument's help, the same for every plan command. */
export const PLAN_ARGUMENT = 'plan file, YAML or JSON (default: $MLS_PLAN, else ./plan.yaml)';

/** The plan a command works on: the one given, else $MLS_PLAN, else ./plan.yaml (which must then exist). */
export function planPath(ctx: Context, given: string | undefined): string {
  if (given) return given;
  const fallback = defaultPlanPath(ctx.io.env);
  if (!isFile(fallback.path)) {
    throw new UserError(
      fallback.from === 'MLS_PLAN'
        ? `no plan given, and ${fallback.path} (from MLS_PLAN) is not a file`
        : `no plan given, and there is no ${fallback.path} in this folder`,
      {
        hint: 'name the plan file after the command (e.g. `mls plan build fall.yaml`), set MLS_PLAN, or create one with `mls plan init`',
      },
    );
  }
  return fallback.path;
}

/**
 * `mls plan done [plan] [numbers...]`: a first argument that is a number and not a file is a
 * block number, so `mls plan done 2` works beside plan.yaml.
 */
export function planAndNumbers(given: string | undefined, numbers: string[]): [string | undefined, string[]] {
  if (given !== undefined && /^\d+$/.test(given) && !isFile(given)) return [undefined, [given, ...numbers]];
  return [given, numbers];
}

/** The day a `--date` names (YYYY-MM-DD, 1/19/2027, Jan 19: the nearest such day), else today. */
export async function dayOption(date: string | undefined, today: LocalMoment): Promise<number> {
  if (date === undefined) return today.day;
  const { parseDateAnswer } = await import('../../formats/plan-answers.js');
  const { dayNumber } = await import('../../time/dates.js');
  const answer = parseDateAnswer(date, today.day, 'nearest');
  if ('error' in answer) throw new UserError(`--date: ${answer.error}`, { hint: 'e.g. --date 2027-10-04' });
  return dayNumber(answer.value);
}

/**
 * The one schedule-and-judge path of every plan command (build, check, init, the daily ones):
 * the plan scheduled, the work of blocks recorded as skipped in the progress log beside
 * `planFile` re-placed from the time of each skip, and the whole judged as of `now`.
 */
export async function scheduleAsOf(ctx: Context, plan: Plan, planFile: string) {
  const { now } = ctx;
  const { buildSchedule, replaceSkipped } = await import('../../planner/schedule.js');
  const { progressPath, readProgress } = await import('../../store/progress-log.js');
  const { allBlocks, recordsOfPlan, skipTimes } = await import('../../planner/adherence.js');
  const { localMomentIn } = await import('../../time/zone.js');
  const progress = readProgress(planFile);
  for (const warning of progress.warnings) ctx.io.err(warning);
  const today = localMomentIn(now, plan.timezone);
  // Skips are matched to the plan's own blocks first (those of re-placed blocks wait for them);
  // then every record is checked against all blocks. A skip that turns out to fit no block
  // (a re-placed block that moved) was applied wrongly: schedule once more without it.
  const base = buildSchedule(plan);
  const used = skipTimes(recordsOfPlan(progress.entries, base.blocks, true).entries);
  let schedule = replaceSkipped(plan, base, used, today);
  let records = recordsOfPlan(progress.entries, allBlocks(schedule));
  const valid = skipTimes(records.entries);
  if (valid.size !== used.size || [...used].some(([key, at]) => !Object.is(valid.get(key), at))) {
    schedule = replaceSkipped(plan, base, valid, today);
    records = recordsOfPlan(progress.entries, allBlocks(schedule));
  }
  if (records.unmatched > 0) {
    const n = records.unmatched;
    const logName = progressPath(planFile).replace(/^.*[\\/]/, '');
    ctx.io.err(
      `warning: ${logName} has records of ${n} block${n === 1 ? '' : 's'} the plan no longer has at that time (it was edited since); they are not counted`,
    );
  }
  const byKey = new Map(records.entries.map((e) => [e.key, e.status]));
  return { schedule, progress: byKey, today };
}

/** Reads the plan and schedules it as of now (scheduleAsOf). */
export async function loadSchedule(ctx: Context, path: string) {
  const { readPlan } = await import('../../store/plan-file.js');
  const loaded = await readPlan(path, hostTimeZone, ctx.io.env);
  return { ...loaded, ...(await scheduleAsOf(ctx, loaded.plan, path)) };
}
