/** What the plan commands share: the host's zone, and the plan read and scheduled as of now. */
/** The host's time zone, used when a plan names none. */
export function hostTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * Reads the plan and schedules it; blocks recorded as skipped (mls plan skip) have their
 * work re-placed in free time after now.
 */
export async function loadSchedule(path: string, now: Date) {
  const { readPlan } = await import('../../store/plan-file.js');
  const { buildSchedule, replaceSkipped } = await import('../../planner/schedule.js');
  const { readProgress } = await import('../../store/progress-log.js');
  const { skippedKeys } = await import('../../planner/adherence.js');
  const { localMomentIn } = await import('../../time/zone.js');
  const loaded = await readPlan(path, hostTimeZone);
  const progress = readProgress(path);
  const today = localMomentIn(now, loaded.plan.timezone);
  const schedule = replaceSkipped(loaded.plan, buildSchedule(loaded.plan), skippedKeys(progress.byKey), today);
  return { ...loaded, schedule, progress: progress.byKey, today };
}
