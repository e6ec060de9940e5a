/** Registers the daily commands (`today`, `week`, `done`, `skip`, `status`); each is loaded when run. */
import { Command } from 'commander';
import { type Context, examples } from '../shared/context.js';
import { PLAN_ARGUMENT } from './session.js';

const DATE_OPTION = '--date <date>';
const DATE_HELP = 'another day than today: YYYY-MM-DD, 1/19/2027 or Jan 19 (the nearest)';

function dailyExamples(name: string): string {
  return examples([`mls plan ${name}`, `mls plan ${name} fall.yaml --json`]);
}

export function todayCommand(ctx: Context): Command {
  return new Command('today')
    .description('Show today’s study blocks (numbered) and the next deadlines with days left')
    .argument('[plan]', PLAN_ARGUMENT)
    .option(DATE_OPTION, DATE_HELP)
    .option('--json', 'print JSON')
    .addHelpText('after', dailyExamples('today'))
    .action(async (plan: string | undefined, opts: import('./today.js').TodayOptions) => {
      await (await import('./today.js')).runToday(ctx, plan, opts);
    });
}

export function weekCommand(ctx: Context): Command {
  return new Command('week')
    .description('Show this week’s study blocks, day by day, and the deadlines ahead')
    .argument('[plan]', PLAN_ARGUMENT)
    .option(DATE_OPTION, `${DATE_HELP}; shows that day's week, deadlines counted from that day`)
    .option('--json', 'print JSON')
    .addHelpText('after', dailyExamples('week'))
    .action(async (plan: string | undefined, opts: import('./week.js').WeekOptions) => {
      await (await import('./week.js')).runWeek(ctx, plan, opts);
    });
}

export function statusCommand(ctx: Context): Command {
  return new Command('status')
    .description('Adherence over the last four weeks, this week’s sessions, and the deadlines at risk')
    .argument('[plan]', PLAN_ARGUMENT)
    .option('--threshold <share>', 'warn when more than this share of blocks was skipped', '0.25')
    .option('--json', 'print JSON')
    .addHelpText('after', dailyExamples('status'))
    .action(async (plan: string | undefined, opts: import('./status.js').StatusOptions) => {
      await (await import('./status.js')).runStatus(ctx, plan, opts);
    });
}

export function recordCommand(ctx: Context, name: 'done' | 'skip'): Command {
  return new Command(name)
    .description(
      name === 'done'
        ? 'Record study blocks as done (numbers from `mls plan today`; default: the current or last one)'
        : 'Record study blocks as skipped; `mls plan build` re-places their work later',
    )
    .argument('[plan]', PLAN_ARGUMENT)
    .argument('[numbers...]', 'block numbers from `mls plan today`')
    .option(DATE_OPTION, DATE_HELP)
    .addHelpText(
      'after',
      examples([`mls plan ${name}`, `mls plan ${name} 2 3`, `mls plan ${name} fall.yaml 1 --date 2027-10-04`]),
    )
    .action(async (plan: string | undefined, numbers: string[], opts: import('./record.js').RecordOptions) => {
      const record = await import('./record.js');
      await (name === 'done' ? record.runDone : record.runSkip)(ctx, plan, numbers, opts);
    });
}
