import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { ExitCode, UserError } from '../../errors.js';
import { readRange } from '../../store/read-range.js';
import { makeStyle } from '../../ui/color.js';
import { type Context, examples } from '../shared/context.js';
import { DESCRIPTIONS } from '../shared/descriptions.js';
import { loadSchedule } from './session.js';

function parseTimestamp(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
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
    .argument('<plan>', 'plan file (YAML or JSON)')
    .option('--json', 'print the workload report as JSON')
    .addHelpText(
      'after',
      `
Exit codes: 0 the plan fits, 2 the plan file is invalid, 4 the plan is overloaded.
${examples(['mls plan check plan.yaml', 'mls plan check plan.yaml --json'])}`,
    )
    .action(async (path: string, opts: { json?: boolean }) => {
      const { io } = ctx;
      const { plan, schedule } = await loadSchedule(path, ctx.now);
      const { workloadChart, workloadJson, overloadLines } = await import('../../ui/workload.js');
      if (opts.json) io.out(JSON.stringify(workloadJson(plan, schedule), null, 2));
      else io.out(workloadChart(plan, schedule, await makeStyle(io.stdoutIsTTY, io.env)));
      if (schedule.overloaded) {
        const style = await makeStyle(io.stderrIsTTY, io.env);
        io.err(
          style.red(
            `The plan is overloaded:\n${overloadLines(schedule)
              .map((l) => `  ${l}`)
              .join('\n')}`,
          ),
        );
        ctx.exitCode = ExitCode.overload;
      }
    });
}

function buildCommand(ctx: Context): Command {
  return new Command('build')
    .description('Schedule the plan and write it as an iCalendar (.ics) file')
    .argument('<plan>', 'plan file (YAML or JSON)')
    .requiredOption('-o, --output <file.ics>', 'calendar file to write (- for stdout)')
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
${examples(['mls plan build plan.yaml -o study.ics', 'mls plan build plan.yaml -o - --timestamp 2027-01-01T00:00:00Z'])}`,
    )
    .action(
      async (path: string, opts: { output: string; allowOverload?: boolean; timestamp?: Date; force?: boolean }) => {
        const { io, now } = ctx;
        const { plan, schedule } = await loadSchedule(path, ctx.now);
        if (schedule.overloaded && !opts.allowOverload) {
          const { overloadLines } = await import('../../ui/workload.js');
          throw new UserError(
            `the plan is overloaded; nothing was written:\n${overloadLines(schedule)
              .map((l) => `  ${l}`)
              .join('\n')}`,
            {
              exitCode: ExitCode.overload,
              hint: 'add availability, lower estimates or weekly hours, start earlier (settings.prepStartDays), or write it anyway with --allow-overload',
            },
          );
        }
        const toStdout = opts.output === '-';
        const existing = !toStdout && existsSync(opts.output);
        if (existing && statSync(opts.output).isDirectory()) {
          throw new UserError(`${opts.output} is a folder`, {
            hint: `give a file name, e.g. ${join(opts.output, 'study.ics')}`,
          });
        }
        if (existing && !opts.force) {
          // Only the first line matters, and a calendar can be large.
          if (readRange(opts.output, 0, 15).toString('utf8') !== 'BEGIN:VCALENDAR') {
            throw new UserError(`${opts.output} exists and is not a calendar; not overwriting it`, {
              hint: 'choose a .ics file name, or add --force',
            });
          }
        }
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
          await state?.saveCalendarState(opts.output, written.events, io.env);
        }
        const count = (kind: string) => schedule.blocks.filter((b) => b.kind === kind).length;
        const dates = schedule.blocks.map((b) => b.day);
        const { isoDate } = await import('../../time/dates.js');
        const span = dates.length ? `${isoDate(Math.min(...dates))} to ${isoDate(Math.max(...dates))}` : 'no sessions';
        io.err(
          `${toStdout ? 'Wrote' : `Wrote ${opts.output}:`} ${count('session')} study sessions, ${count('work')} work blocks, ${count('revise') + count('review')} revision blocks, ${schedule.deadlines.length} deadlines with reminders; ${span} (${plan.timezone})${schedule.overloaded ? '; OVERLOADED (see event descriptions)' : ''}.`,
        );
        for (const w of schedule.warnings) io.err(`warning: ${w}`);
      },
    );
}

function progressCommand(ctx: Context, name: 'today' | 'week' | 'status' | 'done' | 'skip'): Command {
  const descriptions = {
    today: 'Show today’s study blocks (numbered) and the next deadlines with days left',
    week: 'Show this week’s study blocks, day by day, and the deadlines ahead',
    status: 'Adherence over the last four weeks, this week’s sessions, and the deadlines at risk',
    done: 'Record study blocks as done (numbers from `mls plan today`; default: the current or last one)',
    skip: 'Record study blocks as skipped; `mls plan build` re-places their work later',
  } as const;
  const command = new Command(name).description(descriptions[name]).argument('<plan>', 'plan file (YAML or JSON)');
  if (name === 'done' || name === 'skip') command.argument('[numbers...]', 'block numbers from `mls plan today`');
  if (name !== 'status') command.option('--date <YYYY-MM-DD>', 'another day than today (week: any day of that week)');
  if (name === 'status')
    command.option('--threshold <share>', 'warn when more than this share of blocks was skipped', '0.25');
  if (name !== 'done' && name !== 'skip') command.option('--json', 'print JSON');
  command.addHelpText(
    'after',
    examples(
      name === 'done' || name === 'skip'
        ? [
            `mls plan ${name} plan.yaml`,
            `mls plan ${name} plan.yaml 2 3`,
            `mls plan ${name} plan.yaml 1 --date 2027-10-04`,
          ]
        : [`mls plan ${name} plan.yaml`, `mls plan ${name} plan.yaml --json`],
    ),
  );
  return command.action(async (path: string, ...rest: unknown[]) => {
    const { runProgress } = await import('./progress.js');
    const numbers = name === 'done' || name === 'skip' ? (rest[0] as string[]) : [];
    const opts = (name === 'done' || name === 'skip' ? rest[1] : rest[0]) as Record<
      string,
      string | boolean | undefined
    >;
    await runProgress(ctx, name, path, numbers, opts);
  });
}

function initCommand(ctx: Context): Command {
  const collect = (v: string, prev: string[] = []) => [...prev, v];
  return new Command('init')
    .description('Create a plan by answering questions (or from flags), then preview the weekly workload')
    .option('-o, --output <file>', 'plan file to write', 'plan.yaml')
    .option('--name <name>', 'plan and calendar name')
    .option('--timezone <zone>', 'IANA time zone (default: this computer’s)')
    .option('--term <name:start:end>', 'a term, e.g. "Fall 2027:2027-08-23:2027-12-10" (repeatable)', collect)
    .option('--slot <day start-end>', 'a weekly study slot, e.g. "mon 19:00-21:30" (repeatable)', collect)
    .option(
      '--course <code:title:hours>',
      'a course and its weekly study hours, e.g. "INFO 200:Information Communities:3" (repeatable)',
      collect,
    )
    .option(
      '--deadline <course|title|kind|due|hours>',
      'a deadline, e.g. "INFO 200|Paper|paper|2027-10-08 23:59|10" (repeatable)',
      collect,
    )
    .option('--ics <file.ics>', 'also write the calendar')
    .option('--force', 'replace an existing plan file')
    .option('--no-input', 'never ask; fail naming the flags that are missing')
    .addHelpText(
      'after',
      `
On a terminal, every value not given as a flag is asked for. Without a terminal (or with
--no-input) --term and --slot are required. Ctrl+C stops without writing anything (exit 130).
${examples([
  'mls plan init',
  'mls plan init --no-input --term "Fall 2027:2027-08-23:2027-12-10" --slot "mon 19:00-21:30" --slot "sat 09:00-12:00"',
  'mls plan init -o fall.yaml --course "INFO 200:Information Communities:3" --ics fall.ics',
])}`,
    )
    .action(async (opts: import('./init.js').InitOptions) => {
      const { runInit } = await import('./init.js');
      await runInit(ctx, opts);
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
    .addHelpText(
      'after',
      examples(['mls plan example -o plan.yaml', 'mls plan check plan.yaml', 'mls plan build plan.yaml -o study.ics']),
    )
    .addCommand(initCommand(ctx))
    .addCommand(exampleCommand(ctx))
    .addCommand(checkCommand(ctx))
    .addCommand(buildCommand(ctx))
    .addCommand(importCommand(ctx))
    .addCommand(progressCommand(ctx, 'today'))
    .addCommand(progressCommand(ctx, 'week'))
    .addCommand(progressCommand(ctx, 'done'))
    .addCommand(progressCommand(ctx, 'skip'))
    .addCommand(progressCommand(ctx, 'status'));
}
