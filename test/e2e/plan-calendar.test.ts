import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEvents } from '../../src/calendar/ics-read.js';
import { runMls, tempHome } from '../helpers/run-mls.js';

const STAMP = '2027-01-01T00:00:00Z';

function planIn(text: string): { home: string; plan: string; ics: string } {
  const home = tempHome();
  const plan = join(home, 'plan.yaml');
  writeFileSync(plan, text);
  return { home, plan, ics: join(home, 'study.ics') };
}

const FULL_WEEK = `name: Full week
timezone: America/Chicago
terms:
  - name: Spring 2027
    start: 2027-02-01
    end: 2027-03-12
availability:
  - { day: mon, start: "19:00", end: "20:30" }
  - { day: wed, start: "19:00", end: "20:30" }
courses:
  - code: INFO 200
    weeklyHours: 3
deadlines:
  - course: INFO 200
    title: Reflection
    due: 2027-03-03
    hours: 0
  - course: INFO 200
    title: Paper
    due: 2027-03-10 03:00
    hours: 0
`;

describe('mls plan build: the past never blocks the future', () => {
  it('writes the calendar (exit 0) after one skipped session in a full week, reporting the missed work', () => {
    const { home, plan, ics } = planIn(FULL_WEEK);
    const skip = runMls(['plan', 'skip', plan, '1', '--date', '2027-02-01'], {
      env: { HOME: home, MLS_NOW: '2027-02-02T03:00:00Z' },
    });
    expect(skip.code).toBe(0);
    const build = runMls(['plan', 'build', plan, '-o', ics, '--timestamp', STAMP], {
      env: { HOME: home, MLS_NOW: '2027-02-10T12:00:00Z' },
    });
    expect(build.stderr).toContain('weekly study for INFO 200: 1.5 h missed in the week of 2027-02-01');
    expect(build.code).toBe(0);
    const check = runMls(['plan', 'check', plan], { env: { HOME: home, MLS_NOW: '2027-02-10T12:00:00Z' } });
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('2027-02-01');
    expect(check.stdout).toContain('missed 1.5 h');
  });
});

describe('mls plan build: changed plans update calendars cleanly', () => {
  it('writes a removed deadline’s events as CANCELLED and says "N added, N changed, N cancelled"', () => {
    const { home, plan, ics } = planIn(FULL_WEEK);
    const env = { HOME: home, MLS_NOW: '2027-01-15T12:00:00Z' };
    const first = runMls(['plan', 'build', plan, '-o', ics, '--timestamp', STAMP], { env });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/Calendar: \d+ added, 0 changed, 0 cancelled\./);
    writeFileSync(plan, FULL_WEEK.replace(/ {2}- course: INFO 200\n {4}title: Paper\n.*\n.*\n$/, ''));
    const second = runMls(['plan', 'build', plan, '-o', ics, '--timestamp', STAMP], { env });
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('Calendar: 0 added, 0 changed, 2 cancelled');
    const cancelled = parseEvents(readFileSync(ics, 'utf8')).filter((e) => e.status === 'CANCELLED');
    expect(cancelled.map((e) => [e.summary, e.sequence])).toEqual(
      expect.arrayContaining([
        ['Due: Paper (INFO 200)', 1],
        ['Start: Paper (INFO 200)', 1],
      ]),
    );
  });
});

describe('mls plan build: a deadline removed, rebuilt twice, then put back', () => {
  it('comes back with a SEQUENCE above its cancellation (the state remembers it), counted as added', () => {
    const { home, plan, ics } = planIn(FULL_WEEK);
    const env = { HOME: home, MLS_NOW: '2027-01-15T12:00:00Z' };
    const build = () => runMls(['plan', 'build', plan, '-o', ics, '--timestamp', STAMP], { env });
    expect(build().code).toBe(0);
    writeFileSync(plan, FULL_WEEK.replace(/ {2}- course: INFO 200\n {4}title: Paper\n.*\n.*\n$/, ''));
    expect(build().stderr).toContain('2 cancelled');
    expect(build().stderr).toContain('Calendar: 0 added, 0 changed, 0 cancelled');
    writeFileSync(plan, FULL_WEEK);
    expect(build().stderr).toContain('Calendar: 2 added, 0 changed, 0 cancelled');
    const back = parseEvents(readFileSync(ics, 'utf8')).filter((e) => e.summary.endsWith('Paper (INFO 200)'));
    expect(back.map((e) => [e.status ?? '', e.sequence])).toEqual([
      ['', 2],
      ['', 2],
    ]);
  });
});

describe('mls plan build: DST and text', () => {
  it('writes a deadline due 03:00 on 2027-03-14 in New York with DTEND after DTSTART', () => {
    const { home, plan } = planIn(
      FULL_WEEK.replace('America/Chicago', 'America/New_York')
        .replace('end: 2027-03-12', 'end: 2027-03-20')
        .replace('title: Paper\n    due: 2027-03-10 03:00', 'title: "Paper\\nsecond line"\n    due: 2027-03-14 03:00'),
    );
    const r = runMls(['plan', 'build', plan, '-o', '-', '--timestamp', STAMP], {
      env: { HOME: home, MLS_NOW: '2027-01-15T12:00:00Z' },
    });
    expect(r.code).toBe(0);
    for (const e of parseEvents(r.stdout)) expect(e.end > e.start).toBe(true);
    expect(r.stdout).toContain('SUMMARY:Due: Paper second line (INFO 200)');
  });

  it('leaves the hour that happens twice free on a fall-back night, and plan week shows the times the file holds', () => {
    // Earlier builds put a block at 01:00 EDT-01:00 EST, which calcurse stored as 0 minutes.
    const { home, plan } = planIn(`name: Fall back
timezone: America/New_York
terms:
  - { name: Fall 2027, start: 2027-11-01, end: 2027-11-07 }
availability:
  - { day: sun, start: "00:00", end: "03:00" }
courses:
  - { code: INFO 200, weeklyHours: 2 }
settings: { sessionMinutes: 60 }
`);
    const env = { HOME: home, MLS_NOW: '2027-10-01T12:00:00Z' };
    const built = runMls(['plan', 'build', plan, '-o', '-', '--timestamp', STAMP], { env });
    expect(built.code).toBe(0);
    const events = parseEvents(built.stdout).filter((e) => e.summary === 'Study: INFO 200');
    expect(events.map((e) => [e.start, e.end])).toEqual([
      ['2027-11-07T04:00:00.000Z', '2027-11-07T05:00:00.000Z'],
      ['2027-11-07T07:00:00.000Z', '2027-11-07T08:00:00.000Z'],
    ]);
    const week = runMls(['plan', 'week', plan, '--date', '2027-11-07', '--json'], { env });
    const day = JSON.parse(week.stdout).days.find((d: { date: string }) => d.date === '2027-11-07');
    expect(day.blocks.map((b: { start: string; end: string }) => [b.start, b.end])).toEqual([
      ['00:00', '01:00'],
      ['02:00', '03:00'],
    ]);
  });

  it('refuses a zero reminder as a plan error (exit 2), never TRIGGER:-P', () => {
    const { home, plan } = planIn(`${FULL_WEEK}settings:\n  reminders: [0m]\n`);
    const r = runMls(['plan', 'build', plan, '-o', '-'], { env: { HOME: home } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('settings.reminders[0]: a reminder must be from 1m to 56d before the due time');
  });
});

describe('mls plan build: clocks that change at midnight (Santiago, 2027-09-05 starts at 01:00)', () => {
  const SANTIAGO = `name: Santiago
timezone: America/Santiago
terms:
  - name: Spring
    start: 2027-08-30
    end: 2027-09-12
availability:
  - { day: sun, start: "00:00", end: "00:30" }
  - { day: sun, start: "01:00", end: "02:00" }
courses:
  - code: C 100
    weeklyHours: 1
deadlines:
  - { course: C 100, title: Gap, due: 2027-09-05 00:30, hours: 0 }
  - { course: C 100, title: First minute, due: 2027-09-05 01:00, hours: 0 }
`;

  it('places nothing in the missing hour, and moves only a deadline inside it, to 01:00', () => {
    const { home, plan, ics } = planIn(SANTIAGO);
    const env = { HOME: home, MLS_NOW: '2027-01-01T00:00:00Z' };
    const build = runMls(['plan', 'build', plan, '-o', ics, '--timestamp', STAMP, '--allow-overload'], { env });
    expect(build.code).toBe(0);
    const events = parseEvents(readFileSync(ics, 'utf8'));
    for (const e of events.filter((x) => !x.allDay)) {
      expect(Date.parse(e.end) - Date.parse(e.start)).toBeGreaterThanOrEqual(15 * 60_000);
    }
    const gap = events.find((e) => e.summary === 'Due: Gap (C 100)');
    const first = events.find((e) => e.summary === 'Due: First minute (C 100)');
    expect(gap?.end).toBe('2027-09-05T04:00:00.000Z');
    expect(gap?.description).toContain('00:30 does not exist on 2027-09-05 in America/Santiago');
    expect(gap?.description).toContain('due at 01:00');
    expect(first?.end).toBe('2027-09-05T04:00:00.000Z');
    expect(first?.description).not.toContain('does not exist');
    const week = runMls(['plan', 'week', plan, '--date', '2027-09-05'], { env });
    expect(week.stdout).not.toMatch(/00:00-01:01|\b00:[0-5]\d-/);
  });
});

describe('mls plan check: a week is over when none of its study days is left', () => {
  // The term ends on Friday 2027-12-10; in its last week only the Tuesday slot is inside it: it asks
  // 2/5 of each course's 3 h (the share of the week's availability), 2.5 h in all, in 2 h.
  const LAST_WEEK = `name: Last week
timezone: America/Chicago
terms:
  - name: Fall 2027
    start: 2027-09-01
    end: 2027-12-10
availability:
  - { day: tue, start: "19:00", end: "21:00" }
  - { day: sat, start: "09:00", end: "12:00" }
courses:
  - code: INFO 200
    weeklyHours: 3
  - code: INFO 202
    weeklyHours: 3
deadlines: []
`;

  it('after the term’s last day (a Saturday), the last week’s shortfall is missed work: exit 0', () => {
    const { home, plan, ics } = planIn(LAST_WEEK);
    const env = { HOME: home, MLS_NOW: '2027-12-11T20:00:00Z' };
    const check = runMls(['plan', 'check', plan], { env });
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('2027-12-06');
    expect(runMls(['plan', 'build', plan, '-o', ics], { env }).code).toBe(0);
  });

  it('while study days of that week are still ahead (Wednesday), work that cannot fit in them is an overload: exit 4', () => {
    const { home, plan } = planIn(LAST_WEEK);
    const check = runMls(['plan', 'check', plan], { env: { HOME: home, MLS_NOW: '2027-12-08T12:00:00Z' } });
    expect(check.code).toBe(4);
    expect(check.stdout + check.stderr).toContain('2027-12-06');
  });
});

describe('mls plan check: a first partial week with no slot on its study days', () => {
  it('asks the share of the weekly hours its availability is of a full week’s: none, so no shortfall', () => {
    // The term starts on Tuesday 2027-08-24; the only slot is on Mondays.
    const { home, plan } = planIn(`name: First week
timezone: America/Chicago
terms:
  - { name: Fall, start: 2027-08-24, end: 2027-10-29 }
availability:
  - { day: mon, start: "19:00", end: "22:00" }
courses:
  - { code: INFO 200, weeklyHours: 2 }
`);
    const check = runMls(['plan', 'check', plan], { env: { HOME: home, MLS_NOW: '2027-08-01T00:00:00Z' } });
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
  });
});

describe('mls plan build: no block shorter than the shortest block', () => {
  it('89 free minutes for 90 of weekly study: 60 and 30, not 89 and a 1-minute block', () => {
    const { home, plan } = planIn(`name: Slot to 23:59
timezone: UTC
terms:
  - { name: T, start: 2027-09-06, end: 2027-09-26 }
availability:
  - { day: mon, start: "22:30", end: "23:59" }
  - { day: tue, start: "19:00", end: "20:00" }
courses:
  - { code: C 100, weeklyHours: 1.5 }
`);
    const r = runMls(['plan', 'build', plan, '-o', '-', '--timestamp', STAMP], {
      env: { HOME: home, MLS_NOW: '2027-01-01T00:00:00Z' },
    });
    expect(r.code).toBe(0);
    const lengths = parseEvents(r.stdout)
      .filter((e) => !e.allDay)
      .map((e) => (Date.parse(e.end) - Date.parse(e.start)) / 60_000);
    expect(lengths.length).toBe(6);
    expect(Math.min(...lengths)).toBe(30);
    expect(lengths.reduce((a, b) => a + b, 0)).toBe(3 * 90);
  });
});
