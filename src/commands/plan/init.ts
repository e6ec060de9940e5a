/**
 * `mls plan init`: a plan from answers. Every question has a flag; on a terminal the
 * missing ones are asked (and asked again until the plan's rules accept them), otherwise
 * the command names the flags to pass. The calendar is written by the same function, under
 * the same rules, as `mls plan build`.
 */
import { UserError } from '../../errors.js';
import { parsePlan } from '../../formats/plan-file.js';
import { planYaml } from '../../formats/plan-yaml.js';
import { timeZoneCandidates } from '../../formats/zone-answers.js';
import { draftIssues } from '../../planner/plan-draft.js';
import type { Schedule } from '../../planner/schedule.js';
import { defaultPlanPath, isFile } from '../../store/plan-location.js';
import { writableTarget, writeFileAtomic } from '../../store/write-file.js';
import { localMomentIn } from '../../time/zone.js';
import { makeStyle } from '../../ui/color.js';
import type { Prompter } from '../../ui/prompts.js';
import { workloadChart } from '../../ui/workload.js';
import type { Context } from '../shared/context.js';
import { calendarTargetProblem, defaultCalendarPath, refuseOverload, writeCalendar } from './calendar-output.js';
import { pickZone } from './init-ask.js';
import { checkFlags, type Draft, draftFromFlags, type InitFlags } from './init-flags.js';
import { askPlan } from './init-questions.js';
import { hostTimeZone, scheduleAsOf } from './session.js';

export interface InitOptions extends InitFlags {
  output?: string;
  ics?: string;
  allowOverload?: boolean;
  force?: boolean;
  input: boolean;
}

/** The plan the flags and answers describe, checked whole by the plan's rules. */
export async function gatherPlan(opts: InitOptions, prompter: Prompter | null, zone: string, today: number) {
  const missing: string[] = [];
  if (!opts.term?.length) missing.push('--term "Name:YYYY-MM-DD:YYYY-MM-DD"');
  if (!opts.slot?.length) missing.push('--slot "mon 19:00-21:30"');
  if (!prompter && missing.length > 0) {
    throw new UserError(`missing ${missing.join(' and ')}`, {
      hint: 'run `mls plan init` on a terminal to be asked, or pass the flags (see `mls plan init --help`)',
    });
  }
  // On a terminal a --timezone that fits several zones (Central) is a choice, not an error.
  const zones = prompter && opts.timezone ? timeZoneCandidates(opts.timezone) : [];
  if (prompter && zones.length > 1) opts = { ...opts, timezone: await pickZone(prompter, zones) };
  const draft = draftFromFlags(opts, 'My study plan', zone, today);
  checkFlags(draft, opts);
  if (prompter) await askPlan(prompter, draft, opts, today);
  checkFlags(draft, opts);
  const problem = draftIssues(draft)[0];
  // Every answer was checked as it was given, so this is a bug if it ever fires.
  if (problem) throw new Error(`plan init built an invalid plan: ${problem.path.join('.')}: ${problem.message}`);
  return draft;
}

/**
 * The calendar file to write, or undefined when none is wanted. An overloaded plan's calendar
 * is a second question: declining it ends as `--ics` without `--allow-overload` does (exit 4,
 * naming the short deadlines and weeks), the plan file being written already.
 */
async function chooseCalendar(ctx: Context, p: Prompter, planFile: string, opts: InitOptions, schedule: Schedule) {
  if (!opts.ics && !(await p.confirm('Also write the calendar (.ics) now?', true))) return undefined;
  if (schedule.overloaded && !opts.allowOverload) {
    ctx.io.err('The plan is overloaded, so `mls plan build` would not write its calendar.');
    const anyway = await p.confirm('Write the calendar anyway, with the shortfall in its events?', false);
    await refuseOverload(schedule, anyway, `the calendar was not written (the plan is saved in ${planFile})`);
    opts.allowOverload = true;
  }
  if (opts.ics && !calendarTargetProblem(opts.ics, opts.force, planFile)) return opts.ics;
  const file = await p.input('Calendar file', {
    default: opts.ics ?? defaultCalendarPath(planFile),
    validate: (v) =>
      v.trim() ? (calendarTargetProblem(v.trim(), opts.force, planFile)?.message ?? true) : 'a file name',
  });
  return file.trim();
}

/** Where the plan goes: `output`, or on a terminal another name when the user keeps an existing file. */
async function choosePlanFile(p: Prompter | null, output: string, force: boolean | undefined) {
  if (!p) return output;
  if (!isFile(output) || force) return (await p.confirm(`Write the plan to ${output}?`, true)) ? output : undefined;
  if (await p.confirm(`${output} exists. Replace it?`, false)) return output;
  const file = await p.input('Write the plan to which file instead?', {
    validate: (v) => (!v.trim() ? 'a file name' : isFile(v.trim()) ? `${v.trim()} exists too` : true),
  });
  return file.trim();
}

export async function runInit(ctx: Context, opts: InitOptions): Promise<void> {
  const { io, now } = ctx;
  const output = opts.output ?? defaultPlanPath(io.env).path;
  const interactive = opts.input && io.stdinIsTTY && io.stdoutIsTTY;
  const prompter = interactive ? (await import('../../ui/prompts.js')).inquirerPrompter : null;
  writableTarget(output); // a device, FIFO or folder is refused before any question
  if (isFile(output) && !opts.force && !prompter) {
    throw new UserError(`${output} already exists; not overwriting it`, {
      hint: 'pass --force to replace it, or -o another file',
    });
  }
  if (opts.ics && !prompter) {
    const problem = calendarTargetProblem(opts.ics, opts.force, output);
    if (problem) throw problem;
  }
  const zone = hostTimeZone();
  const draft: Draft = await gatherPlan(opts, prompter, zone, localMomentIn(now, zone).day);
  const text = planYaml(draft);
  const loaded = await parsePlan(text, output, zone);
  // Judged as plan build will judge it: from now on, with any progress recorded beside the file.
  const shown = (await scheduleAsOf(ctx, loaded.plan, output)).schedule;
  if (prompter) io.out(workloadChart(loaded.plan, shown, await makeStyle(io.stdoutIsTTY, io.env), 30, io.columns));
  const file = await choosePlanFile(prompter, output, opts.force);
  if (!file) {
    io.err('Nothing written.');
    return;
  }
  const schedule = file === output ? shown : (await scheduleAsOf(ctx, loaded.plan, file)).schedule;
  await writeFileAtomic(file, text);
  io.err(`Wrote ${file}.`);
  const ics = prompter ? await chooseCalendar(ctx, prompter, file, opts, schedule) : opts.ics;
  if (!ics) {
    if (schedule.overloaded) io.err(`The plan is overloaded: see \`mls plan check ${file}\`.`);
    return;
  }
  await refuseOverload(schedule, opts.allowOverload, `the calendar was not written (the plan is saved in ${file})`);
  await writeCalendar(
    ctx,
    { plan: loaded.plan, schedule },
    { output: ics, allowOverload: opts.allowOverload, force: opts.force, planFile: file },
  );
  io.err(`Import ${ics} into a calendar of its own; after changing the plan, run \`mls plan build ${file}\`.`);
}
