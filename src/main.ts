import { CommanderError } from 'commander';
import { createProgram } from './cli.js';
import type { Context } from './commands/shared/context.js';
import { ExitCode, isUserError } from './errors.js';
import { type Io, processIo } from './io.js';
import { makeStyle } from './ui/color.js';

/** Runs the program on `argv` and returns the exit code. The single top-level error handler. */
export async function main(argv: string[], io: Io, now: Date): Promise<number> {
  const ctx: Context = { io, now, exitCode: ExitCode.ok };
  const program = await createProgram(ctx, argv);
  if (argv.length <= 2) {
    io.out(program.helpInformation());
    return ExitCode.ok;
  }
  try {
    await program.parseAsync(argv);
    return ctx.exitCode;
  } catch (error) {
    return await handleError(error, io);
  }
}

async function handleError(error: unknown, io: Io): Promise<number> {
  const chalk = await makeStyle(io.stderrIsTTY, io.env);
  if (error instanceof CommanderError) {
    // Commander has already printed its message (with a suggestion for a typo).
    if (error.exitCode === 0) return ExitCode.ok;
    return ExitCode.usage;
  }
  if (isUserError(error)) {
    const where = error.where ? `${error.where}: ` : '';
    io.err(`${chalk.red('error:')} ${where}${error.message}`);
    if (error.hint) io.err(chalk.dim(`hint: ${error.hint}`));
    return error.exitCode;
  }
  if (isInterrupt(error)) return ExitCode.interrupted;
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.err(`${chalk.red('internal error:')} ${stack}`);
  io.err('This is a bug in mls. Please report it with the command you ran and the output above.');
  return ExitCode.failure;
}

function isInterrupt(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/** The one place the clock is read. MLS_NOW (ISO 8601) pins it, for tests and demonstrations. */
function clockNow(env: NodeJS.ProcessEnv): Date {
  const pinned = env.MLS_NOW ? new Date(env.MLS_NOW) : null;
  return pinned && !Number.isNaN(pinned.getTime()) ? pinned : new Date();
}

/** Entry point used by bin/mls.js. */
export async function start(): Promise<void> {
  // `mls find | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await main(process.argv, processIo(), clockNow(process.env));
}
