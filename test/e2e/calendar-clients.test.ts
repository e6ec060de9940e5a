/**
 * The calendar read by real clients (Debian's khal, calcurse and python3-icalendar; CI installs
 * them when it can, and these tests are skipped where a client is missing). Plans whose study
 * slots cross the small hours of DST change nights, in zones with 60- and 30-minute shifts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMls, tempHome } from '../helpers/run-mls.js';

const has = (bin: string) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;
const PYTHON = '/usr/bin/python3';
/** khal reads dates in its locale's format: ISO, so the test's dates mean what they say. */
const DATE_FORMATS =
  'dateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\ndatetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\ntimeformat = %H:%M\n';
const hasIcalendar = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import icalendar']).status === 0;

/**
 * A term around a DST change night, with slots over the small hours and a deadline in the hour
 * the clocks skip (spring forward) or just after the hour they repeat (fall back).
 */
function dstPlan(zone: string, changeDay: string, start: string, end: string): string {
  return `name: DST ${zone}
timezone: ${zone}
terms:
  - { name: Term, start: ${start}, end: ${end} }
availability:
  - { day: sun, start: "00:30", end: "04:00" }
  - { day: sat, start: "22:00", end: "23:59" }
  - { day: wed, start: "19:00", end: "21:00" }
courses:
  - { code: INFO 200, weeklyHours: 3 }
deadlines:
  - { course: INFO 200, title: "Paper", kind: paper, due: ${changeDay} 02:15, hours: 3 }
  - { course: INFO 200, title: "Quiz", kind: quiz, due: ${end}, hours: 1 }
`;
}

const PLANS: [string, string, string, string][] = [
  ['America/New_York', '2027-03-14', '2027-03-01', '2027-03-28'],
  ['Europe/London', '2027-03-28', '2027-03-15', '2027-04-11'],
  ['Australia/Lord_Howe', '2027-10-03', '2027-09-20', '2027-10-17'],
  // Fall back: 01:00-02:00 happens twice (00:00-01:00 in the Azores, 01:30-02:00 at Lord Howe).
  ['America/New_York', '2027-11-07', '2027-10-25', '2027-11-21'],
  ['Atlantic/Azores', '2027-10-31', '2027-10-18', '2027-11-14'],
  ['Australia/Lord_Howe', '2027-04-04', '2027-03-22', '2027-04-18'],
];

/** The timed events of a calendar file as [start, end] in Unix seconds, sorted. */
function timedEvents(ics: string): string[] {
  const text = readFileSync(ics, 'utf8');
  const seconds = (v: string) =>
    Date.UTC(+v.slice(0, 4), +v.slice(4, 6) - 1, +v.slice(6, 8), +v.slice(9, 11), +v.slice(11, 13)) / 1000;
  return [...text.matchAll(/DTSTART:(\d{8}T\d{6}Z)\r\nDTEND:(\d{8}T\d{6}Z)/g)]
    .map((m) => `${seconds(m[1] ?? '')} ${seconds(m[2] ?? '')}`)
    .sort();
}

function build(zone: string, changeDay: string, start: string, end: string) {
  const home = tempHome();
  const plan = join(home, 'plan.yaml');
  writeFileSync(plan, dstPlan(zone, changeDay, start, end));
  const ics = join(home, 'study.ics');
  const r = runMls(['plan', 'build', plan, '-o', ics], { env: { HOME: home, MLS_NOW: '2027-01-01T00:00:00Z' } });
  expect(r.code, r.stderr).toBe(0);
  return { home, ics };
}

describe.each(PLANS)('a plan in %s across the DST change on %s', (zone, changeDay, start, end) => {
  it.skipIf(!hasIcalendar)('python-icalendar reads every event, each ending after it starts', () => {
    const { ics } = build(zone, changeDay, start, end);
    const out = execFileSync(
      PYTHON,
      [
        '-c',
        `import icalendar,sys
cal = icalendar.Calendar.from_ical(open(sys.argv[1],'rb').read())
evs = list(cal.walk('VEVENT'))
bad = [str(e.get('SUMMARY')) for e in evs if e.decoded('DTEND') <= e.decoded('DTSTART')]
print(len(evs), len(bad))`,
        ics,
      ],
      { encoding: 'utf8' },
    );
    const [events, bad] = out.trim().split(' ').map(Number);
    expect(events).toBeGreaterThan(5);
    expect(bad).toBe(0);
  });

  it.skipIf(!has('khal'))('khal imports every event', () => {
    const { home, ics } = build(zone, changeDay, start, end);
    const calendar = join(home, 'khal-cal');
    mkdirSync(calendar);
    const config = join(home, 'khal.conf');
    writeFileSync(
      config,
      `[calendars]\n[[study]]\npath = ${calendar}\ntype = calendar\n[locale]\nlocal_timezone = ${zone}\ndefault_timezone = ${zone}\n`,
    );
    const imported = spawnSync('khal', ['-c', config, 'import', '--batch', '-a', 'study', ics], { encoding: 'utf8' });
    expect(imported.status, imported.stderr).toBe(0);
    const events = execFileSync('grep', ['-c', 'BEGIN:VEVENT', ics], { encoding: 'utf8' }).trim();
    const stored = execFileSync('sh', ['-c', `ls "${calendar}" | wc -l`], { encoding: 'utf8' }).trim();
    expect(stored).toBe(events);
    // And lists every one (it left out events in the first pass of an hour repeated at midnight).
    writeFileSync(config, `${readFileSync(config, 'utf8')}${DATE_FORMATS}`);
    const listed = spawnSync('khal', ['-c', config, 'list', '--format', 'EVENT {title}', start, '40d'], {
      encoding: 'utf8',
    });
    expect(listed.stdout.split('\n').filter((l) => l.startsWith('EVENT ')).length).toBe(Number(events));
  });

  it.skipIf(!has('calcurse'))('calcurse imports every event and skips none', () => {
    const { home, ics } = build(zone, changeDay, start, end);
    const dir = join(home, 'calcurse');
    mkdirSync(dir);
    const r = spawnSync('calcurse', ['-D', dir, '-i', ics], { encoding: 'utf8', env: { ...process.env, TZ: zone } });
    expect(r.status, r.stderr).toBe(0);
    expect(`${r.stdout}${r.stderr}`).toMatch(/ 0 skipped/);
    // calcurse keeps wall-clock times: each timed event must come back as the same real interval
    // (a block in the repeated hour came back as 0 minutes, or as two hours).
    const [y, m, d] = start.split('-');
    const query = spawnSync(
      'calcurse',
      [
        '-D',
        dir,
        '-Q',
        '--filter-type',
        'apt',
        '--from',
        `${m}/${d}/${y}`,
        '--days',
        '40',
        '--format-apt',
        '%(start:%s) %(end:%s)\n',
      ],
      { encoding: 'utf8', env: { ...process.env, TZ: zone } },
    );
    const read = query.stdout
      .split('\n')
      .filter((l) => /^\d+ \d+$/.test(l))
      .sort();
    expect(read).toEqual(timedEvents(ics));
  });
});

describe.skipIf(!has('khal'))('a rebuilt calendar in khal', () => {
  it('importing the old then the new file leaves no active event of a removed deadline', () => {
    const { home, ics } = build(...(PLANS[0] as [string, string, string, string]));
    const plan = join(home, 'plan.yaml');
    const calendar = join(home, 'khal-cal');
    mkdirSync(calendar);
    const config = join(home, 'khal.conf');
    writeFileSync(
      config,
      `[calendars]\n[[study]]\npath = ${calendar}\ntype = calendar\n[locale]\nlocal_timezone = America/New_York\ndefault_timezone = America/New_York\n${DATE_FORMATS}`,
    );
    const khal = (...args: string[]) => spawnSync('khal', ['-c', config, ...args], { encoding: 'utf8' });
    expect(khal('import', '--batch', '-a', 'study', ics).status).toBe(0);
    writeFileSync(
      plan,
      dstPlan(...(PLANS[0] as [string, string, string, string])).replace(
        / {2}- \{ course: INFO 200, title: "Quiz".*\n/,
        '',
      ),
    );
    const rebuilt = runMls(['plan', 'build', plan, '-o', ics], {
      env: { HOME: home, MLS_NOW: '2027-01-01T00:00:00Z' },
    });
    expect(rebuilt.stderr).toMatch(/[1-9]\d* cancelled/);
    expect(khal('import', '--batch', '-a', 'study', ics).status).toBe(0);
    const listed = khal('list', '2027-03-01', '30d').stdout;
    const quizLines = listed.split('\n').filter((l) => l.includes('Quiz'));
    expect(quizLines.length).toBeGreaterThan(0);
    for (const line of quizLines) expect(line).toMatch(/^CANCELLED/);
  });
});
