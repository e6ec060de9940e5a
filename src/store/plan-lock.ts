/**
 * Commands that change a plan or its progress log (`plan import`, `plan done`, `plan skip`)
 * hold the plan's lock across their read-modify-write, so concurrent runs never lose a record.
 *
 * proper-lockfile makes the lock an atomic `mkdir` of `<real plan path>.lock` (symlinks
 * resolved), refreshes its time while held, and takes over a lock whose holder died
 * (not refreshed for STALE_MS): a killed run never leaves the plan locked for good.
 */
import { existsSync } from 'node:fs';
import { ExitCode, UserError } from '../errors.js';
import { fileSystemError } from './fs-errors.js';
import { resolveSymlinks } from './write-file.js';

/** A lock not refreshed for this long (its holder refreshes it every 10 s) was left by a killed run. */
const STALE_MS = 20_000;
/**
 * About 20 to 40 s of waiting in all, so a lock left by a killed run is taken over within one
 * wait; other commands hold the lock for well under a second each.
 */
const RETRIES = { retries: 55, factor: 1.15, minTimeout: 30, maxTimeout: 500, randomize: true } as const;

export type LockWait = { retries: number; factor?: number; minTimeout?: number; maxTimeout?: number };

export async function withPlanLock<T>(planPath: string, work: () => Promise<T>, wait: LockWait = RETRIES): Promise<T> {
  const target = resolveSymlinks(planPath);
  // No plan, nothing to protect: the work itself reports the missing file.
  if (!existsSync(target)) return work();
  const { lock } = await import('proper-lockfile');
  let release: () => Promise<void>;
  let compromised: Error | undefined;
  try {
    release = await lock(target, {
      stale: STALE_MS,
      retries: wait,
      realpath: false,
      // The default throws from a timer (an internal error); remember it and say so instead.
      onCompromised: (error) => {
        compromised = error;
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new UserError(`${planPath} is being changed by another mls command; nothing was changed`, {
        exitCode: ExitCode.ioError,
        hint: `run the command again in a moment (if no other mls is running, remove the folder ${target}.lock)`,
      });
    }
    throw fileSystemError(error, `${target}.lock`, 'lock');
  }
  try {
    const result = await work();
    if (compromised) {
      throw new UserError(`${planPath} was locked by another mls command while this one ran (${compromised.message})`, {
        exitCode: ExitCode.ioError,
        hint: 'check the plan and its progress log, then run the command again',
      });
    }
    return result;
  } finally {
    await release().catch(() => undefined);
  }
}
