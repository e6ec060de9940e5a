import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExitCode, UserError } from '../../../src/errors.js';
import { fileSystemError } from '../../../src/store/fs-errors.js';
import { withPlanLock } from '../../../src/store/plan-lock.js';
import { removeStaleTemps, writableTarget, writeFileAtomic } from '../../../src/store/write-file.js';

const dir = mkdtempSync(join(tmpdir(), 'mls-unit-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const errno = (code: string) => Object.assign(new Error(`${code}: failed`), { code, errno: -1, syscall: 'open' });

describe('fileSystemError: an OS fault is one line, exit 74, never a bug', () => {
  it.each([
    ['EACCES', 'cannot write /x/study.ics: permission denied (EACCES)'],
    ['EROFS', 'cannot write /x/study.ics: the file system is read-only (EROFS)'],
    ['ENOSPC', 'cannot write /x/study.ics: no space left on the device (ENOSPC)'],
    ['EFBIG', 'cannot write /x/study.ics: the file is too large (file system or `ulimit -f` limit) (EFBIG)'],
    ['EWHATEVER', 'cannot write /x/study.ics: EWHATEVER from the operating system (EWHATEVER)'],
  ])('%s', (code, message) => {
    const error = fileSystemError(errno(code), '/x/study.ics', 'write') as UserError;
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(message);
    expect(error.exitCode).toBe(ExitCode.ioError);
    expect(error.hint).toBeTruthy();
  });
  it('leaves a bug a bug', () => {
    const bug = new TypeError('x is undefined');
    expect(fileSystemError(bug, '/x', 'read')).toBe(bug);
  });
});

describe('the guarded write path', () => {
  it('refuses a character device without opening it, and suggests -o -, never --force', () => {
    const error = (() => {
      try {
        writableTarget('/dev/null');
      } catch (e) {
        return e as UserError;
      }
    })();
    expect(error?.message).toBe('/dev/null is a character device, not a regular file; mls writes only regular files');
    expect(error?.hint).toContain('-o -');
    expect(error?.hint).not.toContain('--force');
  });

  it('writes a new file and replaces an existing one', async () => {
    const file = join(dir, 'new', 'out.txt');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
  });

  it('removes only temporary files of that name older than a minute', () => {
    const sub = join(dir, 'temps');
    mkdirSync(sub);
    const names = ['.study.ics.0123456789ab.tmp', '.study.ics.aaaaaaaaaaaa.tmp', '.other.ics.0123456789ab.tmp'];
    for (const n of names) writeFileSync(join(sub, n), 'x');
    const old = new Date(Date.now() - 120_000);
    utimesSync(join(sub, names[0] as string), old, old);
    utimesSync(join(sub, names[2] as string), old, old);
    expect(removeStaleTemps(join(sub, 'study.ics'))).toEqual([join(sub, names[0] as string)]);
  });
});

describe('withPlanLock', () => {
  it('a second writer waits, then fails with a clear message while the first holds the lock', async () => {
    const plan = join(dir, 'locked.yaml');
    writeFileSync(plan, 'x');
    let release: (() => void) | undefined;
    const held = withPlanLock(plan, () => new Promise<void>((done) => (release = done)));
    while (!release) await new Promise((r) => setTimeout(r, 10));
    await expect(withPlanLock(plan, async () => 'second', { retries: 2, minTimeout: 20 })).rejects.toThrow(
      `${plan} is being changed by another mls command; nothing was changed`,
    );
    release?.();
    await held;
    expect(await withPlanLock(plan, async () => 'after')).toBe('after');
  });

  it('takes over a lock left by a killed run', async () => {
    const plan = join(dir, 'stale.yaml');
    writeFileSync(plan, 'x');
    mkdirSync(`${plan}.lock`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${plan}.lock`, old, old);
    expect(await withPlanLock(plan, async () => 'taken', { retries: 0 })).toBe('taken');
  });
});
