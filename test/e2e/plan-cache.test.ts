import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runMls, tempHome } from '../helpers/run-mls.js';

const ONE_TERM = readFileSync(join(ROOT, 'test', 'fixtures', 'plans', 'one-term.yaml'), 'utf8');
const STAMP = ['--timestamp', '2027-01-01T00:00:00Z'];

/** Builds plan.yaml into `output` (each output keeps its own SEQUENCE state). */
function build(home: string, env: Record<string, string> = {}, output = 'plan.ics') {
  const r = runMls(['plan', 'build', 'plan.yaml', '-o', output, '--force', ...STAMP], {
    cwd: home,
    env: { HOME: home, ...env },
  });
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(join(home, output), 'utf8');
}

describe('a plan read again from the plan cache', () => {
  it('gives the calendar a fresh read gives, and an edited plan is read afresh', () => {
    const home = tempHome();
    writeFileSync(join(home, 'plan.yaml'), ONE_TERM);
    const first = build(home);
    expect(readdirSync(join(home, '.cache', 'mls', 'plans'))).toHaveLength(1);
    expect(build(home)).toBe(first);
    expect(build(home, { MLS_CODE_CACHE: 'off' })).toBe(first);

    writeFileSync(join(home, 'plan.yaml'), ONE_TERM.replace(/^name: .*$/m, 'name: Renamed plan'));
    const edited = build(home);
    expect(edited).toContain('X-WR-CALNAME:Renamed plan');
    expect(edited).not.toBe(first);
    expect(readdirSync(join(home, '.cache', 'mls', 'plans'))).toHaveLength(1);
  });

  it('a plan that names no zone is read in the host zone of each run', () => {
    const home = tempHome();
    const zoneless = ONE_TERM.replace(/^timezone:.*\n/m, '');
    expect(zoneless).not.toBe(ONE_TERM);
    writeFileSync(join(home, 'plan.yaml'), zoneless);
    const chicago = build(home, { TZ: 'America/Chicago' }, 'chicago.ics');
    const london = build(home, { TZ: 'Europe/London' }, 'london.ics');
    expect(london).toContain('(Europe/London)');
    expect(chicago).toContain('(America/Chicago)');
    expect(build(home, { TZ: 'America/Chicago' }, 'chicago.ics')).toBe(chicago);
    expect(build(home, { TZ: 'Europe/London', MLS_CODE_CACHE: 'off' }, 'london.ics')).toBe(london);
  });
});
