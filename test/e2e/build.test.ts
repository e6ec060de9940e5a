import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ROOT, runMls, tempHome } from '../helpers/run-mls.js';

const HEADER = 12;
const hasOwnCompileCache = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

/** A home whose user cache folder is known; returns where the find command's cache lands. */
function cacheHome() {
  const home = tempHome();
  const env = { HOME: home, XDG_CACHE_HOME: join(home, 'cache') };
  const dir = join(home, 'cache', 'mls', `v8-${process.versions.v8}`);
  const file = () => {
    const [name] = readdirSync(dir).filter((f) => f.startsWith('find-') && f.endsWith('.v8'));
    return join(dir, name ?? 'missing');
  };
  return { home, env, dir, file };
}

describe.skipIf(hasOwnCompileCache)('the V8 code cache (Node 20: vm.Script + cachedData)', () => {
  // `find` runs from the catalog part of the program (src/boot.ts bundleFor).
  const source = Module.wrap(readFileSync(join(ROOT, 'dist', 'catalog.cjs'), 'utf8'));

  it('ships no cache: the first run of a command makes one in the user cache folder, and later runs use it', () => {
    const { env, file } = cacheHome();
    const first = runMls(['find', '--online-only'], { env });
    expect(first.code).toBe(0);
    const path = file();
    expect(path).toMatch(/find-[0-9a-f]{16}\.v8$/);
    const script = new Script(source, {
      filename: join(ROOT, 'dist', 'catalog.cjs'),
      cachedData: readFileSync(path).subarray(HEADER),
    });
    expect(script.cachedDataRejected).toBe(false);
    const made = statSync(path).mtimeMs;
    const second = runMls(['find', '--online-only'], { env });
    expect(second.stdout).toBe(first.stdout);
    expect(statSync(path).mtimeMs).toBe(made); // accepted, so not written again
  });

  it('a cache with flipped bytes is ignored and made again, never handed to V8 (which would crash)', () => {
    const { env, file } = cacheHome();
    const first = runMls(['find', '--online-only'], { env });
    const path = file();
    const bytes = readFileSync(path);
    for (let i = HEADER + 64; i < bytes.length; i += 97) bytes[i] = (bytes[i] ?? 0) ^ 0xff;
    writeFileSync(path, bytes);
    const damaged = runMls(['find', '--online-only'], { env });
    expect(damaged.code).toBe(0);
    expect(damaged.stdout).toBe(first.stdout);
    expect(readFileSync(file()).equals(bytes)).toBe(false); // replaced by a good one
  });

  it.each([
    ['cut in half', (path: string) => writeFileSync(path, readFileSync(path).subarray(0, 5000))],
    ['empty', (path: string) => writeFileSync(path, '')],
    [
      'a folder',
      (path: string) => {
        rmSync(path);
        mkdirSync(path);
      },
    ],
    [
      'a FIFO (a read would block)',
      (path: string) => {
        rmSync(path);
        execFileSync('mkfifo', [path]);
      },
    ],
  ])('a cache file that is %s neither crashes nor hangs the run', (_what, damage) => {
    const { env, file } = cacheHome();
    const first = runMls(['find', '--online-only'], { env });
    damage(file());
    const again = runMls(['find', '--online-only'], { env });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
  });

  it('each plan and data subcommand, and find with --career, keeps its own cache, and none removes another’s', () => {
    const { env, dir, home } = cacheHome();
    expect(runMls(['plan', 'example', '-o', join(home, 'plan.yaml')], { env }).code).toBe(0);
    expect(runMls(['plan', 'check', join(home, 'plan.yaml')], { env }).code).toBe(0);
    expect(runMls(['plan', '--help'], { env }).code).toBe(0);
    expect(runMls(['find', '--online-only'], { env }).code).toBe(0);
    expect(runMls(['find', '--career', 'Metadata Librarian'], { env }).code).toBe(0);
    const names = readdirSync(dir).map((f) => f.replace(/-[0-9a-f]{16}\.v8$/, ''));
    expect(names.sort()).toEqual(['find', 'find-departments', 'plan', 'plan-check', 'plan-example']);
  });

  it('a read-only cache folder only means compiling each time', () => {
    const { env, home } = cacheHome();
    writeFileSync(join(home, 'cache'), 'not a folder');
    const r = runMls(['find', '--online-only'], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('error');
  });
});

describe('the built program', () => {
  it('MLS_CODE_CACHE=off runs without any cache and writes none', () => {
    const { env, home } = cacheHome();
    const r = runMls(['find', '--online-only'], { env: { ...env, MLS_CODE_CACHE: 'off' } });
    expect(r.code).toBe(0);
    expect(() => readdirSync(join(home, 'cache'))).toThrow();
  });

  it.each(['mls.cjs', 'catalog.cjs', 'plan-build.cjs', 'plan.cjs'])(
    'has no import() left in dist/%s (vm.Script code has no module loader)',
    (file) => {
      expect(readFileSync(join(ROOT, 'dist', file), 'utf8')).not.toMatch(/\bimport\((?!\s*\))/);
    },
  );

  it('the parts hold what they serve and leave out the rest (src/boot.ts chooses by command)', () => {
    const catalog = readFileSync(join(ROOT, 'dist', 'catalog.cjs'), 'utf8');
    const plan = readFileSync(join(ROOT, 'dist', 'plan.cjs'), 'utf8');
    const whole = readFileSync(join(ROOT, 'dist', 'mls.cjs'), 'utf8');
    expect(catalog.length).toBeLessThan(whole.length * 0.5);
    expect(plan.length).toBeLessThan(whole.length * 0.7);
    expect(catalog).toContain('commands/plan/index.js is not in this bundle');
    expect(plan).toContain('commands/find/index.js is not in this bundle');
    expect(plan).toContain('./import.js is not in this bundle');
    expect(plan).toContain('./build.js is not in this bundle');
    const build = readFileSync(join(ROOT, 'dist', 'plan-build.cjs'), 'utf8');
    expect(build).toContain('./today.js is not in this bundle');
    expect(build).not.toContain('./build.js is not in this bundle');
    expect(whole).not.toContain('is not in this bundle');
  });

  it.each([
    [['find', '--online-only'], 0],
    [['check', '00115500'], 0],
    [['careers', 'metadata'], 0],
    [['show', 'drexel'], 0],
    [['plan', 'example'], 0],
    [['plan', 'build', '--help'], 0],
    [['help', 'plan'], 0],
  ])('%j runs from its part with its own cache', (args, code) => {
    const { env } = cacheHome();
    expect(runMls(args, { env }).code).toBe(code);
    expect(runMls(args, { env }).code).toBe(code);
  });
});
