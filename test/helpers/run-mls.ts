import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'mls.js');

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** A fresh HOME and data folder, so no test sees another's imports. */
export function tempHome(): string {
  return mkdtempSync(join(tmpdir(), 'mls-e2e-'));
}

/** Runs the built `mls` as a user would: pinned TZ, NO_COLOR, its own HOME, no stdin. */
export function runMls(
  args: string[],
  options: { env?: Record<string, string | undefined>; cwd?: string; input?: string } = {},
): RunResult {
  const home = options.env?.HOME ?? tempHome();
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: home,
    TZ: 'UTC',
    NO_COLOR: '1',
    MLS_DATA_HOME: join(home, 'mls-data'),
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: env as NodeJS.ProcessEnv,
    cwd: options.cwd ?? home,
    input: options.input ?? '',
    encoding: 'utf8',
  });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}
