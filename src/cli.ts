import { Command } from 'commander';
import { careersCommand } from './commands/careers.js';
import { checkCommand } from './commands/check.js';
import { type Context, examples } from './commands/context.js';
import { dataCommand } from './commands/data.js';
import { findCommand } from './commands/find.js';
import { planCommand } from './commands/plan.js';
import { showCommand } from './commands/show.js';
import { VERSION } from './version.js';

const EXIT_CODES = `
Exit codes:
  0    success (check: accredited)
  1    unexpected error (check: no recognized accreditation on record)
  2    usage error: bad flag, bad value, invalid input file
  3    not found, or ambiguous
  4    study plan overloaded (nothing written)
  130  interrupted
`;

/** Settings every command needs; `addCommand` does not pass them down, so apply them to the tree. */
function configureTree(command: Command, ctx: Context): void {
  command
    .exitOverride()
    .showHelpAfterError(`(run \`${fullName(command)} --help\` for usage)`)
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => ctx.io.out(text),
      writeErr: (text) => ctx.io.err(text),
      outputError: (text, write) => write(text),
    });
  for (const sub of command.commands) configureTree(sub, ctx);
}

function fullName(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

export function createProgram(ctx: Context): Command {
  const program = new Command('mls')
    .description(
      'Find ALA-accredited library science master’s programs (online first), check accreditation, and plan study time.',
    )
    .version(VERSION, '-v, --version')
    .addCommand(findCommand(ctx))
    .addCommand(showCommand(ctx))
    .addCommand(checkCommand(ctx))
    .addCommand(careersCommand(ctx))
    .addCommand(planCommand(ctx))
    .addCommand(dataCommand(ctx))
    .addHelpText(
      'after',
      `${examples(['mls find --online-only', 'mls show "San Jose State"', 'mls check SJSU', 'mls data info'])}${EXIT_CODES}`,
    );
  configureTree(program, ctx);
  return program;
}
