import { Command } from 'commander';
import { type Context, examples } from './commands/shared/context.js';
import { DESCRIPTIONS } from './commands/shared/descriptions.js';
import { sanitizeText } from './ui/sanitize.js';
import { VERSION } from './version.js';

/**
 * The commands, each in its own module, loaded only when it is the one being run: a
 * CLI pays for every module it loads at start-up. The others are listed by name and
 * description only (enough for `mls --help` and for suggestions on a typo).
 */
const COMMANDS: { name: string; description: string; load: (ctx: Context) => Promise<Command> }[] = [
  {
    name: 'find',
    description: DESCRIPTIONS.find,
    load: async (ctx) => (await import('./commands/find/index.js')).findCommand(ctx),
  },
  {
    name: 'show',
    description: DESCRIPTIONS.show,
    load: async (ctx) => (await import('./commands/show/index.js')).showCommand(ctx),
  },
  {
    name: 'check',
    description: DESCRIPTIONS.check,
    load: async (ctx) => (await import('./commands/check/index.js')).checkCommand(ctx),
  },
  {
    name: 'careers',
    description: DESCRIPTIONS.careers,
    load: async (ctx) => (await import('./commands/careers/index.js')).careersCommand(ctx),
  },
  {
    name: 'plan',
    description: DESCRIPTIONS.plan,
    load: async (ctx) => (await import('./commands/plan/index.js')).planCommand(ctx),
  },
  {
    name: 'data',
    description: DESCRIPTIONS.data,
    load: async (ctx) => (await import('./commands/data/index.js')).dataCommand(ctx),
  },
];

const EXIT_CODES = `
Exit codes:
  0    success (check: accredited)
  1    check: no recognized accreditation on record
  2    usage error: bad flag, bad value, invalid input file
  3    not found, or ambiguous
  4    study plan overloaded (nothing written)
  70   internal error: a bug in mls (please report it)
  74   a file or folder could not be read or written (permissions, full disk...)
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
      outputError: (text, write) => write(sanitizeText(text)),
    });
  for (const sub of command.commands) configureTree(sub, ctx);
}

function fullName(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** The program for `argv`: the invoked command in full, the rest by name (all in full with `full`). */
export async function createProgram(ctx: Context, argv: readonly string[], full = false): Promise<Command> {
  const invoked = argv[2] === 'help' ? argv[3] : argv[2];
  const program = new Command('mls')
    .description(
      'Find ALA-accredited library science master’s programs (online first), check accreditation, and plan study time.',
    )
    .version(VERSION, '-v, --version');
  for (const c of COMMANDS) {
    program.addCommand(full || c.name === invoked ? await c.load(ctx) : new Command(c.name).description(c.description));
  }
  program.addHelpText(
    'after',
    `${examples(['mls find --online-only', 'mls show "San Jose State"', 'mls check SJSU', 'mls data info'])}${EXIT_CODES}`,
  );
  configureTree(program, ctx);
  return program;
}
