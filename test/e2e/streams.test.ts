import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIN, tempHome } from '../helpers/run-mls.js';

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
