import { readdirSync, readFileSync, statSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ROOT, runMls, tempHome } from '../helpers/run-mls.js';

const dist = join(ROOT, 'dist');

describe('the built program', () => {
  const source = Module.wrap(readFileSync(join(dist, 'mls.cjs'), 'utf8'));

  it('has a code cache for every command and for help, each accepted by this V8', () => {
    const caches = readdirSync(join(dist, 'cache')).sort();
    expect(caches).toEqual(['careers.v8', 'check.v8', 'data.v8', 'find.v8', 'help.v8', 'plan.v8', 'show.v8']);
    for (const name of caches) {
      const script = new Script(source, {
        filename: join(dist, 'mls.cjs'),
        cachedData: readFileSync(join(dist, 'cache', name)),
      });
      expect(script.cachedDataRejected, name).toBe(false);
    }
  });

  it('rejects a cache made for other code, which then only costs a normal compile', () => {
    const script = new Script(`${source}\n// changed`, {
      filename: join(dist, 'mls.cjs'),
      cachedData: readFileSync(join(dist, 'cache', 'find.v8')),
    });
    expect(script.cachedDataRejected).toBe(true);
  });

  it('makes its own cache in the user cache folder when the bundled one does not fit, then uses it', () => {
    const home = tempHome();
    const env = { HOME: home, XDG_CACHE_HOME: join(home, 'cache'), MLS_IGNORE_BUNDLED_CODE_CACHE: '1' };
    const first = runMls(['find', '--online-only'], { env });
    expect(first.code).toBe(0);
    const dir = join(home, 'cache', 'mls', `v8-${process.versions.v8}`);
    const [file] = readdirSync(dir);
    expect(file).toMatch(/^find-[0-9a-f]{16}\.v8$/);
    const path = join(dir, file ?? '');
    const made = statSync(path).mtimeMs;
    const script = new Script(source, { filename: join(dist, 'mls.cjs'), cachedData: readFileSync(path) });
    expect(script.cachedDataRejected).toBe(false);
    const second = runMls(['find', '--online-only'], { env });
    expect(second.stdout).toBe(first.stdout);
    expect(statSync(path).mtimeMs).toBe(made); // accepted, so not written again
  });
});
