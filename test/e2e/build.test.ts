import { readdirSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-mls.js';

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
});
