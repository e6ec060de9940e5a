import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, tempHome } from '../helpers/run-mls.js';

const env = () => ({ PATH: process.env.PATH, HOME: tempHome(), TZ: 'UTC', NO_COLOR: '1' });

/** Runs mls with both output pipes closed by the reader before it writes a byte. */
function runWithClosedPipes(args: string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    child.stderr.destroy();
    child.on('close', (code) => resolve(code));
  });
}

describe('standard streams', () => {
  it('a reader that goes away (mls check X 2>&1 | head -1) keeps the command’s own exit code', async () => {
    expect(await runWithClosedPipes(['check', 'USC', '--no-input'])).toBe(3);
    expect(await runWithClosedPipes(['find', '--json'])).toBe(0);
  });

  it.skipIf(!existsSync('/dev/full'))('a full device on stdout (mls find > /dev/full) is one line and exit 74', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" find --online-only > /dev/full`], {
      env: env(),
      encoding: 'utf8',
    });
    expect(r.status).toBe(74);
    const errorLines = r.stderr.split('\n').filter((l) => l.startsWith('error:'));
    expect(errorLines).toEqual(['error: cannot write to standard output: no space left on the device (ENOSPC)']);
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

/** A preload that prints, at exit, the Node built-in modules the run loaded. */
function builtinsHook(): string {
  const hook = join(mkdtempSync(join(tmpdir(), 'mls-hook-')), 'builtins.cjs');
  writeFileSync(
    hook,
    "process.on('exit', () => require('fs').writeSync(2, '\\nBUILTINS ' + process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).join(',') + '\\n'));",
  );
  return hook;
}

describe('output written straight to the descriptor', () => {
  it.skipIf(!existsSync('/dev/full'))(
    'both streams full (plan week > /dev/full 2> /dev/full) is exit 74, not a crash on the report of it',
    () => {
      const plan = join(ROOT, 'test', 'fixtures', 'plans', 'one-term.yaml');
      for (const args of [`plan week "${plan}"`, 'find --online-only']) {
        const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${args} > /dev/full 2> /dev/full`], {
          env: env(),
          encoding: 'utf8',
        });
        expect(r.status, args).toBe(74);
      }
    },
  );

  it('a command printing to pipes loads neither net nor child_process (making process.stdout did; commander asked for child_process)', () => {
    const hook = builtinsHook();
    const plan = join(ROOT, 'test', 'fixtures', 'plans', 'one-term.yaml');
    const home = tempHome();
    for (const args of [
      ['find', '--online-only'],
      ['plan', 'build', plan, '-o', join(home, 'plan.ics')],
      ['check', 'Nowhere University of Nothing'],
    ]) {
      const r = spawnSync(process.execPath, ['--require', hook, BIN, ...args], { env: env(), encoding: 'utf8' });
      const loaded = /BUILTINS (.*)/.exec(r.stderr)?.[1]?.split(',') ?? [];
      expect(loaded.length, args.join(' ')).toBeGreaterThan(0);
      expect(loaded, args.join(' ')).not.toContain('NativeModule net');
      expect(loaded, args.join(' ')).not.toContain('NativeModule child_process');
      expect(r.stdout.length + r.stderr.length).toBeGreaterThan(100);
    }
  });

  it('a descriptor that cannot take more at once (a non-blocking pipe, a slow reader) still gets every byte, in order', () => {
    // Making process.stdout first sets the pipe non-blocking (as a parent sharing it may have):
    // the pipe fills long before the reader, back after 300 ms, starts reading.
    const script = `process.stdout; process.argv = [process.argv[0], ${JSON.stringify(BIN)}, 'find', '--json']; require(${JSON.stringify(BIN)});`;
    const r = spawnSync('sh', ['-c', `"${process.execPath}" -e "$SCRIPT" | (sleep 0.3; cat)`], {
      env: { ...env(), SCRIPT: script },
      encoding: 'utf8',
      maxBuffer: 10_000_000,
    });
    expect(r.status).toBe(0);
    const direct = spawnSync(process.execPath, [BIN, 'find', '--json'], { env: env(), encoding: 'utf8' });
    expect(r.stdout.length).toBeGreaterThan(65_536 * 2);
    expect(r.stdout).toBe(direct.stdout);
    expect(JSON.parse(r.stdout).programs.length).toBeGreaterThan(50);
  });
});

describe('MLS_NOW', () => {
  it('a value that is not a date-time is named in a warning, and the real clock is used', () => {
    const r = spawnSync(process.execPath, [BIN, 'find', '--online-only'], {
      env: { ...env(), MLS_NOW: 'garbage' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('warning: MLS_NOW="garbage" is not an ISO 8601 date-time; using the real clock');
  });
});
