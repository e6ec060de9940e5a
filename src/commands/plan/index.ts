import { existsSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { UserError } from '../../errors.js';
import { isRealDay } from '../../time/dates.js';
import { type Context, examples } from '../shared/context.js';
import { DESCRIPTIONS } from '../shared/descriptions.js';
import { recordCommand, statusCommand, todayCommand, weekCommand } from './daily.js';
import { initCommand } from './init-command.js';
import { PLAN_ARGUMENT } from './session.js';

/** Whether a leading YYYY-MM-DD names a real day: Date rolls 2027-02-30 over to 2 March. */
function realLeadingDate(value: string): boolean {
  return !/^\d{4}-\d{2}-\d{2}/.test(value) || isRealDay(value);
}

function parseTimestamp(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || !realLeadingDate(value))
    throw new InvalidArgumentError(`"${value}" is not a date-time (use ISO 8601, e.g. 2027-01-01T00:00:00Z)`);
  return date;
}

function exampleCommand(ctx: Context): Command {
  return new Command('example')
    .description('Print a commented example plan (or write it to a file)')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .option('--force', 'overwrite the file if it exists')
    .addHelpText('after', examples(['mls plan example', 'mls plan example -o plan.yaml']))
    .action(async (opts: { output?: string; force?: boolean }) => {
      const { EXAMPLE_PLAN } = await import('../../planner/example-plan.js');
      if (!opts.output || opts.output === '-') {
        ctx.io.out(EXAMPLE_PLAN);
        return;
      }
      if (existsSync(opts.output) && !opts.force) {
        throw new UserError(`${opts.output} already exists; not overwriting it`, {
          hint: 'choose another file name, or add --force to replace it',
        });
      }
      const { writeFileAtomic } = await import('../../store/write-file.js');
      await writeFileAtomic(opts.output, EXAMPLE_PLAN);
      ctx.io.err(`Wrote ${opts.output}. Next: mls plan check ${opts.output}`);
    });
}

function checkCommand(ctx: Context): Command {
  return new Command('check')
    .description('Validate a plan and show the weekly workload: planned against available hours')
    .argument('[plan]', PLAN_ARGUMENT)
    .option('--json', 'print the workload report as JSON')
    .addHelpText(
      'after',
      `
Exit codes: 0 the plan fits, 2 the plan file is invalid, 4 the plan is overloaded.
${examples(['mls plan check', 'mls plan check fall.yaml --json'])}`,
    )
    .action(async (plan: string | undefined, opts: import('./check.js').CheckOptions) => {
      await (await import('./check.js')).runCheck(ctx, plan, opts);
    });
}

function buildCommand(ctx: Context): Command {
  return new Command('build')
    .description('Schedule the plan and write it as an iCalendar (.ics) file')
    .argument('[plan]', PLAN_ARGUMENT)
    .option('-o, --output <file.ics>', 'calendar file to write (default: the plan’s name with .ics; - for stdout)')
    .option('--allow-overload', 'write the calendar even when work does not fit, with the shortfall in the events')
    .option(
      '--timestamp <iso>',
      'DTSTAMP for every event (default: now); pin it for byte-identical output',
      parseTimestamp,
    )
    .option('--force', 'overwrite an output file that is not a calendar')
    .addHelpText(
      'after',
      `
Rebuilding into the same file keeps every event's UID, so re-importing updates events
instead of duplicating them; an event whose time or title changed gets a higher SEQUENCE.
Exit codes: 0 written, 2 invalid plan, 4 overloaded (nothing written; see --allow-overload).
${examples(['mls plan build', 'mls plan build fall.yaml -o study.ics', 'mls plan build plan.yaml -o - --timestamp 2027-01-01T00:00:00Z'])}`,
    )
    .action(async (plan: string | undefined, opts: import('./build.js').BuildOptions) => {
      await (await import('./build.js')).runBuild(ctx, plan, opts);
    });
}

function importCommand(ctx: Context): Command {
  return new Command('import')
    .description('Add the deadlines of an LMS calendar export (Canvas, Moodle, Blackboard, D2L) to a plan')
    .argument('<feed.ics>', 'the calendar feed exported from your learning management system')
    .argument('[plan]', 'the plan to update (default: --plan, $MLS_PLAN or ./plan.yaml); comments and layout are kept')
    .option('--plan <plan.yaml>', 'the plan to update (same as the second argument)')
    .option('--dry-run', 'show what would change, write nothing')
    .option(
      '--estimate <word=hours>',
      'hours for new deadlines by title word or kind (repeatable), e.g. paper=10',
      (v: string, p: string[] = []) => [...p, v],
    )
    .option(
      '--course <feed=plan>',
      'map a feed\'s course code to one of the plan\'s (repeatable; remembered in the plan), e.g. "LIBR-200-01-SP27=INFO 200"',
      (v: string, p: string[] = []) => [...p, v],
    )
    .option('--json', 'print the changes as JSON')
    .addHelpText(
      'after',
      `
Course codes are matched to the plan's whatever the LMS adds (INFO-200-01-SP27 and
[INFO 200-01 Spring 2027] are INFO 200); when unsure, mls asks on a terminal (or use
--course) and remembers the answer in the plan. A deadline you typed in yourself (same
course, same day, similar title) is linked, not added twice. New deadlines get an
estimate by title word (exam 6 h, project 12, paper 8, essay 8, quiz 2, reflection 2,
discussion 1), else by kind (assignment 4). Lectures, office hours and "opens" events
are skipped and listed with the reason; breaks become breaks in their term; recurring
events are expanded within the plan's terms. Importing again updates changed due dates
(your estimates stay) and reports deadlines that left the feed.
${examples(['mls plan import canvas.ics', 'mls plan import moodle.ics plan.yaml --dry-run', 'mls plan import feed.ics plan.json --estimate paper=10 --json'])}`,
    )
    .action(async (feed: string, plan: string | undefined, opts: import('./import.js').ImportOptions) => {
      const { runImport } = await import('./import.js');
      await runImport(ctx, feed, plan, opts);
    });
}

export function planCommand(ctx: Context): Command {
  return new Command('plan')
    .description(DESCRIPTIONS.plan)
    .addHelpText('after', examples(['mls plan init', 'mls plan check', 'mls plan build', 'mls plan today']))
    .addCommand(initCommand(ctx))
    .addCommand(exampleCommand(ctx))
    .addCommand(checkCommand(ctx))
    .addCommand(buildCommand(ctx))
    .addCommand(importCommand(ctx))
    .addCommand(todayCommand(ctx))
    .addCommand(weekCommand(ctx))
    .addCommand(recordCommand(ctx, 'done'))
    .addCommand(recordCommand(ctx, 'skip'))
    .addCommand(statusCommand(ctx));
}
