/**
 * Writing a plan's calendar, shared by `mls plan build` and `mls plan init` so both follow
 * the same rules: an overloaded plan is refused (exit 4) unless allowed, a file that is not
 * a calendar is not replaced without --force, and rebuilding keeps UIDs (calendar state).
 */
import { basename, dirname, extname, join } from 'node:path';
import { ExitCode, UserError } from '../../errors.js';
import type { Plan } from '../../planner/plan.js';
import type { OverloadFix, Schedule } from '../../planner/schedule.js';
import { checkCalendarOutput } from '../../store/calendar-output.js';
import { sanitizeText } from '../../ui/sanitize.js';
import type { Context } from '../shared/context.js';

export interface CalendarOutput {
  output: string;
  /** The plan file, which the calendar may never replace. */
  planFile?: string;
  allowOverload?: boolean;
  timestamp?: Date;
  force?: boolean;
}

/** `plan.yaml` -> `plan.ics`, beside the plan. */
export function defaultCalendarPath(planPath: string): string {
  return join(dirname(planPath), `${basename(planPath, extname(planPath))}.ics`);
}

const FIX_TEXT: Record<OverloadFix, string> = {
  availability: 'add availability',
  estimates: 'lower estimates',
  weeklyHours: 'lower weekly hours',
  startEarlier: 'start earlier (settings.prepStartDays)',
};

/** Only the fixes that can still help, judged from now (a past week or window needs none). */
export function overloadHint(schedule: Schedule): string {
  const fixes = (schedule.fixes ?? ['availability', 'estimates', 'weeklyHours', 'startEarlier']).map(
    (f) => FIX_TEXT[f],
  );
  return `${fixes.join(', ')}, or write it anyway with --allow-overload`;
}

export async function refuseOverload(
  schedule: Schedule,
  allowOverload: boolean | undefined,
  outcome = 'nothing was written',
): Promise<void> {
  if (schedule.overloaded && !allowOverload) {
    const { overloadLines } = await import('../../ui/workload.js');
    throw new UserError(
      `the plan is overloaded; ${outcome}:\n${overloadLines(schedule)
        .map((l) => `  ${l}`)
        .join('\n')}`,
      {
        exitCode: ExitCode.overload,
        hint: overloadHint(schedule),
      },
    );
  }
}

/**
 * Why `output` may not be written to, or null: a folder, device, FIFO or socket (never, even
 * with --force), or an existing file that is not a calendar mls wrote (without --force).
 * The rule itself is the store's (src/store/calendar-output.ts, docs/files.md).
 */
export function calendarTargetProblem(output: string, force: boolean | undefined, planFile?: string): UserError | null {
  if (output === '-') return null;
  try {
    checkCalendarOutput(output, force, planFile);
    return null;
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
}

/** Schedules are written here and nowhere else. */
export async function writeCalendar(
  ctx: Context,
  { plan, schedule }: { plan: Plan; schedule: Schedule },
  opts: CalendarOutput,
): Promise<void> {
  const { io, now } = ctx;
  await refuseOverload(schedule, opts.allowOverload);
  const toStdout = opts.output === '-';
  const problem = calendarTargetProblem(opts.output, opts.force, opts.planFile);
  if (problem) throw problem;
  const { renderCalendar } = await import('../../calendar/ics-writer.js');
  const { zoneRules } = await import('../../time/zone.js');
  const state = toStdout ? null : await import('../../store/calendar-state.js');
  const previous = state ? await state.readPreviousEvents(opts.output, io.env) : null;
  const written = renderCalendar(plan, schedule, {
    zone: zoneRules(plan.timezone),
    timestamp: opts.timestamp ?? now,
    previous: previous ?? undefined,
  });
  if (toStdout) io.out(written.text);
  else {
    const { writeFileAtomic } = await import('../../store/write-file.js');
    await writeFileAtomic(opts.output, written.text);
    // The state only saves parsing the calendar next time: failing to save it is a warning.
    await state?.saveCalendarState(opts.output, written.events, io.env).catch((error: Error) => {
      io.err(`warning: could not save the calendar state (${error.message}); the next build will be slower`);
    });
  }
  const count = (kind: string) => schedule.blocks.filter((b) => b.kind === kind).length;
  const dates = schedule.blocks.map((b) => b.day);
  const { isoDate } = await import('../../time/dates.js');
  const span = dates.length ? `${isoDate(Math.min(...dates))} to ${isoDate(Math.max(...dates))}` : 'no sessions';
  io.err(
    `${toStdout ? 'Wrote' : `Wrote ${opts.output}:`} ${count('session')} study sessions, ${count('work')} work blocks, ${count('revise') + count('review')} revision blocks, ${schedule.deadlines.length} deadlines with reminders; ${span} (${plan.timezone})${schedule.overloaded ? '; OVERLOADED (see event descriptions)' : ''}.`,
  );
  const { buildNotes } = await import('../../ui/calendar-changes.js');
  for (const line of buildNotes(schedule, toStdout ? null : written.changes)) io.err(line);
  for (const w of schedule.warnings) io.err(`warning: ${sanitizeText(w)}`);
}
