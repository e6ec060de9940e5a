import { CommanderError } from 'commander';
import { createProgram } from './cli.js';
import type { Context } from './commands/shared/context.js';
import { ExitCode, isUserError } from './errors.js';
import { type Io, processIo, type StreamFailure } from './io.js';
import { makeStyle } from './ui/color.js';
import { sanitizeText } from './ui/sanitize.js';

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
  const system = systemFailure(error);
  if (system) {
    io.err(`${chalk.red('error:')} ${sanitizeText(system)}`);
    return ExitCode.ioError;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.err(`${chalk.red('internal error:')} ${sanitizeText(stack)}`);
  io.err('This is a bug in mls. Please report it with the command you ran and the output above.');
  return ExitCode.internal;
}

/** What the operating system's error codes mean to a user. */
const SYSTEM_ERRORS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  EFBIG: 'the file is too large',
  EIO: 'input/output error',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENOENT: 'no such file or folder',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EBUSY: 'the file is busy',
};

/**
 * An operating-system failure that reached the top (a file mls could not read or write):
 * one line naming the path and the cause. Not a bug, so no stack. The store turns the
 * failures it expects into UserErrors with advice; this is the net under it.
 */
function systemFailure(error: unknown): string | undefined {
  const e = error as NodeJS.ErrnoException;
  if (!(error instanceof Error) || typeof e.code !== 'string' || !(e.code in SYSTEM_ERRORS)) return undefined;
  if (typeof e.syscall !== 'string') return undefined;
  const target = e.path ? ` ${e.path}` : '';
  return `cannot ${e.syscall}${target}: ${SYSTEM_ERRORS[e.code]} (${e.code})`;
}

function describeStreamFailure(failure: StreamFailure): string {
  return `error: cannot write to ${failure.stream}: ${SYSTEM_ERRORS[failure.code] ?? 'write failed'} (${failure.code})`;
}

function isInterrupt(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/** The one place the clock is read. MLS_NOW (ISO 8601) pins it, for tests and demonstrations. */
function clockNow(env: NodeJS.ProcessEnv, io: Io): Date {
  if (!env.MLS_NOW) return new Date();
  const pinned = new Date(env.MLS_NOW);
  if (!Number.isNaN(pinned.getTime())) return pinned;
  io.err(`warning: MLS_NOW="${sanitizeText(env.MLS_NOW)}" is not an ISO 8601 date-time; using the real clock`);
  return new Date();
}

/** Entry point used by bin/mls.js. */
export async function start(): Promise<void> {
  const io = processIo((failure) => {
    // Output was lost: whatever the command concluded, the run failed.
    process.exitCode = ExitCode.ioError;
    if (failure.stream === 'standard output') io.err(describeStreamFailure(failure));
  });
  const code = await main(process.argv, io, clockNow(process.env, io));
  process.exitCode = io.failure() ? ExitCode.ioError : code;
}
