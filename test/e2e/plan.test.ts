import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEvents } from '../../src/calendar/ics-read.js';
import { wallClock } from '../../src/time/zone.js';
import { ROOT, runMls, tempHome } from '../helpers/run-mls.js';

const overloaded = join(ROOT, 'test', 'fixtures', 'plans', 'overloaded.yaml');
const STAMP = '2027-01-01T00:00:00Z';

function examplePlan(): { home: string; plan: string } {
  const home = tempHome();
  const plan = join(home, 'plan.yaml');
  const r = runMls(['plan', 'example', '-o', plan], { env: { HOME: home } });
  expect(r.code).toBe(0);
  return { home, plan };
}

describe('mls plan example', () => {
  it('prints a commented plan, or writes it, and never overwrites without --force', () => {
    const printed = runMls(['plan', 'example']);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain('# mls study plan');
    expect(printed.stdout).toContain('revisionBufferDays: 3');
    const { home, plan } = examplePlan();
    writeFileSync(plan, 'name: mine\n');
    const again = runMls(['plan', 'example', '-o', plan], { env: { HOME: home } });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists; not overwriting it');
    expect(readFileSync(plan, 'utf8')).toBe('name: mine\n');
    expect(runMls(['plan', 'example', '-o', plan, '--force'], { env: { HOME: home } }).code).toBe(0);
  });
});

describe('mls plan check', () => {
  it('shows the weekly workload chart and the deadlines', () => {
    const { home, plan } = examplePlan();
    const r = runMls(['plan', 'check', plan], { env: { HOME: home } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('MLIS study plan (America/Chicago)');
    expect(r.stdout).toMatch(/2027-08-23 {2}█+░* +\d+\.\d\/14\.0/);
    expect(r.stdout).toContain('Community analysis paper (INFO 200)');
  });

  it('--json reports weeks and deadlines', () => {
    const { home, plan } = examplePlan();
    const out = JSON.parse(runMls(['plan', 'check', plan, '--json'], { env: { HOME: home } }).stdout);
    expect(out.schemaVersion).toBe(1);
    expect(out.overloaded).toBe(false);
    expect(out.deadlines).toHaveLength(5);
    expect(out.weeks[0]).toMatchObject({ weekStart: '2027-08-23', availableHours: 14 });
  });

  it('exits 4 for an overloaded plan and names the short deadline and week', () => {
    const r = runMls(['plan', 'check', overloaded]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('"Literature review" (LIS 600, due 2027-10-01): short by 27.0 h');
    expect(r.stderr).toContain('weeks over capacity: 2027-09-27');
  });
});

describe('mls plan build', () => {
  it('writes a calendar whose events sit at their local times, and says what it wrote', () => {
    const { home, plan } = examplePlan();
    const ics = join(home, 'study.ics');
    const r = runMls(['plan', 'build', plan, '-o', ics], { env: { HOME: home } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^Wrote .*study\.ics: \d+ study sessions, \d+ work blocks, \d+ revision blocks, 5 deadlines with reminders/,
    );
    const events = parseEvents(readFileSync(ics, 'utf8'));
    const paper = events.find((e) => e.summary === 'Due: Community analysis paper (INFO 200)');
    expect(wallClock(new Date(paper?.end ?? ''), 'America/Chicago')).toEqual({ date: '2027-10-08', time: '23:59' });
  });

  it('takes zone aliases, rejects an unknown zone with exit 2, and writes nothing', () => {
    const { home, plan } = examplePlan();
    const text = readFileSync(plan, 'utf8');
    writeFileSync(plan, text.replace('America/Chicago', 'Asia/Calcutta'));
    const alias = runMls(['plan', 'build', plan, '-o', '-', '--timestamp', STAMP], { env: { HOME: home } });
    expect(alias.code).toBe(0);
    expect(alias.stderr).toContain('(Asia/Kolkata)'); // an old name is written with its current one
    const ics = join(home, 'mars.ics');
    writeFileSync(plan, text.replace('America/Chicago', 'Mars/Olympus_Mons'));
    const r = runMls(['plan', 'build', plan, '-o', ics], { env: { HOME: home } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('timezone: unknown time zone "Mars/Olympus_Mons"');
    expect(existsSync(ics)).toBe(false);
  });

  it.each([
    ['EST', 'America/New_York or America/Toronto'],
    ['GMT', 'Europe/London or Europe/Dublin or UTC'],
    ['Central', 'America/Chicago or America/Winnipeg'],
  ])('refuses timezone: %s (a fixed offset or several zones), offering %s, exit 2', (zone, choices) => {
    const { home, plan } = examplePlan();
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('America/Chicago', zone));
    const r = runMls(['plan', 'check', plan], { env: { HOME: home } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/plan\.yaml:\d+:\d+: timezone: /);
    expect(r.stderr).toContain(`e.g. ${choices}`);
  });

  it('says so when the output is a folder, with exit 2', () => {
    const { home, plan } = examplePlan();
    const r = runMls(['plan', 'build', plan, '-o', home], { env: { HOME: home } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: ${home} is a folder`);
  });

  it('gives the same bytes under every host TZ', () => {
    const { home, plan } = examplePlan();
    const outputs = ['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland'].map(
      (TZ) => runMls(['plan', 'build', plan, '-o', '-', '--timestamp', STAMP], { env: { HOME: home, TZ } }).stdout,
    );
    expect(outputs[0]?.length).toBeGreaterThan(1000);
    for (const o of outputs) expect(o).toBe(outputs[0]);
  });

  it('matches the golden file for the example plan', () => {
    const { home, plan } = examplePlan();
    const r = runMls(['plan', 'build', plan, '-o', '-', '--timestamp', STAMP], { env: { HOME: home } });
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'test', 'golden', 'example-plan.ics'), 'utf8'));
  });

  it('keeps UIDs on a rebuild and raises SEQUENCE for a moved deadline', () => {
    const { home, plan } = examplePlan();
    const ics = join(home, 'study.ics');
    expect(runMls(['plan', 'build', plan, '-o', ics, '--timestamp', STAMP], { env: { HOME: home } }).code).toBe(0);
    const first = parseEvents(readFileSync(ics, 'utf8'));
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('due: 2027-12-08', 'due: 2027-12-09'));
    expect(runMls(['plan', 'build', plan, '-o', ics, '--timestamp', STAMP], { env: { HOME: home } }).code).toBe(0);
    const second = parseEvents(readFileSync(ics, 'utf8'));
    const before = first.find((e) => e.summary === 'Due: Final reflection (INFO 200)');
    const after = second.find((e) => e.summary === 'Due: Final reflection (INFO 200)');
    expect(after?.uid).toBe(before?.uid);
    expect(after?.start).toBe('2027-12-09');
    expect(after?.sequence).toBe((before?.sequence ?? 0) + 1);
  });

  it('reads the old calendar itself when it changed since mls wrote it', () => {
    const { home, plan } = examplePlan();
    const ics = join(home, 'study.ics');
    expect(runMls(['plan', 'build', plan, '-o', ics, '--timestamp', STAMP], { env: { HOME: home } }).code).toBe(0);
    // Edited elsewhere (here: rewritten with a later SEQUENCE): the saved state no longer applies.
    writeFileSync(ics, readFileSync(ics, 'utf8').replaceAll('SEQUENCE:0', 'SEQUENCE:5'));
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('due: 2027-12-08', 'due: 2027-12-09'));
    expect(runMls(['plan', 'build', plan, '-o', ics, '--timestamp', STAMP], { env: { HOME: home } }).code).toBe(0);
    const events = parseEvents(readFileSync(ics, 'utf8'));
    expect(events.find((e) => e.summary === 'Due: Final reflection (INFO 200)')?.sequence).toBe(6);
    expect(events.find((e) => e.summary === 'Due: Midterm exam (INFO 202)')?.sequence).toBe(5);
  });

  it('exits 4 for an overloaded plan and writes nothing; --allow-overload writes it with the shortfall', () => {
    const home = tempHome();
    const ics = join(home, 'study.ics');
    const r = runMls(['plan', 'build', overloaded, '-o', ics], { env: { HOME: home } });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('the plan is overloaded; nothing was written');
    expect(r.stderr).toContain('short by 27.0 h');
    expect(existsSync(ics)).toBe(false);
    const allowed = runMls(['plan', 'build', overloaded, '-o', ics, '--allow-overload'], { env: { HOME: home } });
    expect(allowed.code).toBe(0);
    expect(readFileSync(ics, 'utf8')).toContain('OVERLOADED');
  });

  it('rejects an invalid plan with file:line, exit 2, and writes nothing', () => {
    const { home, plan } = examplePlan();
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('due: 2027-12-08', 'due: 2027-02-30'));
    const ics = join(home, 'study.ics');
    const r = runMls(['plan', 'build', plan, '-o', ics], { env: { HOME: home } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /error: plan\.yaml:\d+:\d+: deadlines\[3\]\.due: 2027-02-30 is not a date \(use YYYY-MM-DD\)/,
    );
    expect(existsSync(ics)).toBe(false);
  });

  it('will not overwrite a file that is not a calendar', () => {
    const { home, plan } = examplePlan();
    const notes = join(home, 'notes.txt');
    writeFileSync(notes, 'my notes\n');
    const r = runMls(['plan', 'build', plan, '-o', notes], { env: { HOME: home } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('exists and is not a calendar; not overwriting it');
    expect(readFileSync(notes, 'utf8')).toBe('my notes\n');
  });

  it('says so when the plan file is missing', () => {
    const r = runMls(['plan', 'check', 'nope.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('plan file nope.yaml not found');
  });
});
