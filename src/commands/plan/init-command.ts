/** Registers `mls plan init`; the wizard itself (init.ts) is loaded only when run. */
import { Command } from 'commander';
import { type Context, examples } from '../shared/context.js';

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function initCommand(ctx: Context): Command {
  return new Command('init')
    .description('Create a plan by answering questions (or from flags), then preview the weekly workload')
    .option('-o, --output <file>', 'plan file to write (default: $MLS_PLAN, else plan.yaml)')
    .option('--name <name>', 'plan and calendar name')
    .option(
      '--timezone <zone>',
      'time zone: IANA name, city or region, e.g. America/Chicago, chicago (default: this computer’s)',
    )
    .option(
      '--term <name:start:end>',
      'a term, e.g. "Fall 2027:2027-08-23:2027-12-10" or "Fall 2027:Aug 23:Dec 10" (repeatable)',
      collect,
    )
    .option(
      '--break <name:start:end>',
      'a break or holiday inside a term, e.g. "Thanksgiving:2027-11-24:2027-11-28" (repeatable)',
      collect,
    )
    .option(
      '--slot <day start-end>',
      'a weekly study slot, e.g. "mon 19:00-21:30" or "sat 9am-noon" (repeatable)',
      collect,
    )
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
    .option('--ics <file.ics>', 'also write the calendar, as `mls plan build` would')
    .option('--allow-overload', 'write the calendar even when the plan is overloaded')
    .option('--force', 'replace an existing plan file, and a --ics file that is not a calendar')
    .option('--no-input', 'never ask; fail naming the flags that are missing')
    .addHelpText(
      'after',
      `
On a terminal, every value not given as a flag is asked for; an answer the plan file
would reject is asked again, with the reason. Dates may be typed as 2027-01-19, 1/19/2027
or Jan 19; times as 19:00 or 7pm; the zone as a city or region (chicago, Central).
Without a terminal (or with --no-input) --term and --slot are required.
Ctrl+C stops without writing anything (exit 130). With --ics the calendar follows the rules
of \`mls plan build\`: an overloaded plan exits 4 without it (see --allow-overload).
${examples([
  'mls plan init',
  'mls plan init --no-input --term "Fall 2027:2027-08-23:2027-12-10" --slot "mon 19:00-21:30" --slot "sat 09:00-12:00"',
  'mls plan init -o fall.yaml --timezone chicago --course "INFO 200:Information Communities:3" --ics fall.ics',
])}`,
    )
    .action(async (opts: import('./init.js').InitOptions) => {
      const { runInit } = await import('./init.js');
      await runInit(ctx, opts);
    });
}
