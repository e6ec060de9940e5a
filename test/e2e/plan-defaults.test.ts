import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMls, tempHome } from '../helpers/run-mls.js';

// Monday 2027-10-04, 18:00 in Chicago: before that evening's blocks.
const MONDAY = '2027-10-04T23:00:00Z';

/** A folder holding the example plan as plan.yaml; commands run inside it. */
function folder() {
  const home = tempHome();
  runMls(['plan', 'example', '-o', join(home, 'plan.yaml')], { env: { HOME: home } });
  const run = (args: string[], env: Record<string, string> = {}) =>
    runMls(args, { env: { HOME: home, MLS_NOW: MONDAY, ...env }, cwd: home });
  return { home, run };
}

describe('plan commands default to ./plan.yaml', () => {
  it('check, today, week and status find plan.yaml in the current folder', () => {
    const { run } = folder();
    expect(run(['plan', 'check']).stdout).toContain('MLIS study plan (America/Chicago)');
    expect(run(['plan', 'today']).stdout).toContain('Mon 2027-10-04 (America/Chicago)');
    expect(run(['plan', 'week']).stdout).toContain('Week of 2027-10-04');
    expect(run(['plan', 'status']).code).toBe(0);
  });

  it('build without -o writes the plan’s name with .ics', () => {
    const { home, run } = folder();
    const r = run(['plan', 'build']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Wrote plan.ics:');
    expect(readFileSync(join(home, 'plan.ics'), 'utf8')).toContain('BEGIN:VCALENDAR');
  });

  it('build plan.yaml without -o writes plan.ics beside it', () => {
    const { home } = folder();
    const r = runMls(['plan', 'build', join(home, 'plan.yaml')], { env: { HOME: home, MLS_NOW: MONDAY } });
    expect(r.code).toBe(0);
    expect(existsSync(join(home, 'plan.ics'))).toBe(true);
  });

  it('done takes block numbers without a plan argument', () => {
    const { home, run } = folder();
    expect(run(['plan', 'done', '1', '--date', '2027-10-03']).code).toBe(0);
    expect(readFileSync(join(home, 'plan.progress.jsonl'), 'utf8')).toContain('"status":"done"');
  });

  it('MLS_PLAN names the plan when none is given', () => {
    const { home } = folder();
    const elsewhere = tempHome();
    const r = runMls(['plan', 'today'], {
      env: { HOME: elsewhere, MLS_NOW: MONDAY, MLS_PLAN: join(home, 'plan.yaml') },
      cwd: elsewhere,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Mon 2027-10-04 (America/Chicago)');
  });

  it('without a plan argument or plan.yaml, says how to give one', () => {
    const home = tempHome();
    const r = runMls(['plan', 'check'], { env: { HOME: home }, cwd: home });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no plan given, and there is no plan.yaml in this folder');
    expect(r.stderr).toContain('set MLS_PLAN, or create one with `mls plan init`');
  });
});

describe('--date', () => {
  it('rejects an impossible date with a usage error instead of rolling it over', () => {
    const { run } = folder();
    for (const command of ['today', 'week']) {
      const r = run(['plan', command, '--date', '2027-13-45']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--date: "2027-13-45" is not a date');
    }
  });

  it('done --date 2027-13-45 records nothing', () => {
    const { home, run } = folder();
    const r = run(['plan', 'done', '1', '--date', '2027-13-45']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--date: "2027-13-45" is not a date');
    expect(existsSync(join(home, 'plan.progress.jsonl'))).toBe(false);
  });

  it('build --timestamp rejects an impossible date instead of rolling it over', () => {
    const { home, run } = folder();
    const r = run(['plan', 'build', '--timestamp', '2027-02-30T00:00:00Z']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"2027-02-30T00:00:00Z" is not a date-time');
    expect(existsSync(join(home, 'plan.ics'))).toBe(false);
  });

  it('accepts the forms people type', () => {
    const { run } = folder();
    expect(run(['plan', 'today', '--date', '10/6/2027']).stdout).toContain('Wed 2027-10-06');
    expect(run(['plan', 'today', '--date', 'Oct 6']).stdout).toContain('Wed 2027-10-06');
  });

  it('week --date labels deadlines from that day, not from the week’s Monday', () => {
    const { run } = folder();
    const monday = run(['plan', 'week']).stdout;
    expect(monday).toMatch(/2027-10-08 23:59 +in 4 days +Community analysis paper/);
    const wednesday = run(['plan', 'week', '--date', '2027-10-06']);
    expect(wednesday.stdout).toContain('Week of 2027-10-04');
    expect(wednesday.stdout).toMatch(/2027-10-08 23:59 +in 2 days +Community analysis paper/);
    const json = JSON.parse(run(['plan', 'week', '--date', '2027-10-06', '--json']).stdout);
    expect(json.deadlines[0]).toMatchObject({ title: 'Community analysis paper', daysLeft: 2 });
  });

  it('week and today say "nothing due" when no deadline is near, instead of a bare heading', () => {
    const { run } = folder();
    // The example plan's deadlines: 2027-12-08, then 2028-03-03 (the last).
    const week = run(['plan', 'week', '--date', '2027-12-09']).stdout;
    expect(week).toMatch(/Deadlines in the next two weeks\n {2}nothing due\s*$/);
    const today = run(['plan', 'today', '--date', '2028-03-04']).stdout;
    expect(today).toMatch(/Next deadlines\n {2}nothing due\s*$/);
  });
});

describe('a deadline due at 00:00', () => {
  it('is listed by plan week and plan today on its own day', () => {
    const home = tempHome();
    const plan = join(home, 'plan.yaml');
    writeFileSync(
      plan,
      `name: Midnight
timezone: America/Chicago
terms:
  - { name: T, start: 2027-09-06, end: 2027-10-01 }
availability:
  - { day: mon, start: "19:00", end: "21:00" }
courses:
  - { code: C 100, weeklyHours: 1 }
deadlines:
  - { course: C 100, title: At midnight, due: 2027-09-15 00:00, hours: 0 }
  - { course: C 100, title: All day, due: 2027-09-15, hours: 0 }
`,
    );
    const env = { HOME: home, MLS_NOW: '2027-09-01T12:00:00Z' };
    for (const command of ['week', 'today']) {
      const out = runMls(['plan', command, plan, '--date', '2027-09-15'], { env }).stdout;
      expect(out, command).toContain('At midnight');
      expect(out, command).toContain('All day');
    }
  });
});
