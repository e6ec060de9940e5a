import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempHome } from '../helpers/run-mls.js';

const work = tempHome();
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the published package', () => {
  it('installs from its tarball into an empty folder with no dependencies, and `mls find --online-only` runs there', () => {
    const npm = (args: string[], cwd: string) =>
      spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
    // dist/ is already built by `npm test`; --ignore-scripts keeps `prepare` from building it again.
    const packed = npm(['pack', '--ignore-scripts', '--pack-destination', work], ROOT);
    expect(packed.status, packed.stderr).toBe(0);
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();

    const app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "name": "empty", "version": "1.0.0", "private": true }\n');
    const installed = npm(['install', '--offline', '--no-audit', '--no-fund', join(work, tarball ?? '')], app);
    expect(installed.status, installed.stderr).toBe(0);
    // Everything mls runs is in its bundle: installing it brings no other package.
    expect(readdirSync(join(app, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual(['mls-planner']);
    expect(existsSync(join(app, 'node_modules', 'mls-planner', 'dist', 'cache'))).toBe(false);

    const run = spawnSync(join(app, 'node_modules', '.bin', 'mls'), ['find', '--online-only'], {
      cwd: app,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: work, NO_COLOR: '1', TZ: 'UTC' },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim().split('\n').length).toBeGreaterThan(40);
    expect(run.stderr).toContain('--online-only');
  }, 120_000);
});
