import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/run-mls.js';

const require = createRequire(join(ROOT, 'package.json'));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};

describe('the ics adapter’s private entry points', () => {
  it('ics is pinned to one exact version, the one installed', () => {
    const pinned = pkg.dependencies?.ics ?? pkg.devDependencies?.ics;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules/ics/package.json'), 'utf8')) as {
      version: string;
    };
    expect(installed.version).toBe(pinned);
  });

  it.each([
    ['dist/pipeline/build.js', ['buildHeader']],
    ['dist/pipeline/format.js', ['formatEvent', 'formatHeader', 'formatFooter']],
  ])('node_modules/ics/%s still exports %j (src/calendar/ics-adapter.ts needs them)', (file, names) => {
    const module = require(join(ROOT, 'node_modules/ics', file)) as Record<string, unknown>;
    for (const name of names) expect(typeof module[name], `${file} ${name}`).toBe('function');
  });

  it('ics/dist/utils still imports ./fold-line, which the build replaces (scripts/ics-private.mjs)', () => {
    const utils = readFileSync(join(ROOT, 'node_modules/ics/dist/utils/index.js'), 'utf8');
    expect(utils).toContain('./fold-line');
  });
});
