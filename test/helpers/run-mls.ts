import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'mls.js');

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

const homes: string[] = [];

// Every test file that makes temporary homes removes them when it ends (they were left behind: ~99 a run).
afterAll(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

/** A fresh HOME and data folder, so no test sees another's imports; removed after the test file. */
export function tempHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'mls-e2e-'));
  homes.push(home);
  return home;
}

/** Runs the built `mls` as a user would: pinned TZ, NO_COLOR, its own HOME, no stdin. */
export function runMls(
  args: string[],
  options: { env?: Record<string, string | undefined>; cwd?: string; input?: string; timeoutMs?: number } = {},
): RunResult {
  const { env, home } = childEnv(options.env);
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env,
    cwd: options.cwd ?? home,
    input: options.input ?? '',
    encoding: 'utf8',
    // A hang is a failure, not a stuck test run.
    timeout: options.timeoutMs ?? 60_000,
  });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

function childEnv(extra: Record<string, string | undefined> | undefined): { env: NodeJS.ProcessEnv; home: string } {
  const home = extra?.HOME ?? tempHome();
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: home,
    TZ: 'UTC',
    NO_COLOR: '1',
    MLS_DATA_HOME: join(home, 'mls-data'),
    ...extra,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return { env: env as NodeJS.ProcessEnv, home };
}

/** Like runMls, without blocking: for running several at once. */
export function runMlsAsync(
  args: string[],
  options: { env?: Record<string, string | undefined>; cwd?: string } = {},
): Promise<RunResult> {
  const { env, home } = childEnv(options.env);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd: options.cwd ?? home, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.stdin.end();
    child.on('error', fail);
    child.on('close', (code) => done({ stdout, stderr, code }));
  });
}
