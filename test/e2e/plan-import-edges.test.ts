import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runMls, tempHome } from '../helpers/run-mls.js';

const lms = (name: string) => join(ROOT, 'test', 'fixtures', 'lms', name);

/** A copy of a fixture plan (the spring plan unless named) in a fresh home. */
function planOf(fixture = 'spring-plan.yaml'): { home: string; path: string } {
  const home = tempHome();
  const path = join(home, 'plan.yaml');
  writeFileSync(path, readFileSync(lms(fixture), 'utf8'));
  return { home, path };
}

const importInto = (home: string, args: string[]) =>
  runMls(['plan', 'import', ...args], { env: { HOME: home }, cwd: home });

/** `--json` of importing a fixture feed into a fresh spring plan. */
function importJson(feed: string, args: string[] = []) {
  const { home, path } = planOf();
  const r = importInto(home, [lms(feed), path, '--json', ...args]);
  expect(r.code).toBe(0);
  return { ...JSON.parse(r.stdout), stderr: r.stderr, plan: readFileSync(path, 'utf8') };
}

const JS_INTERNALS = /is not a function|Cannot read propert|is not iterable|undefined|\bnull\b/;

describe('mls plan import: unusual but valid feeds, and files it cannot read', () => {
  it('two VCALENDARs in one file: the events of both are imported', () => {
    const out = importJson('two-vcalendars.ics');
    expect(out.added.map((d: { title: string }) => d.title)).toEqual(['Essay', 'Paper']);
  });

  it('RDATE;VALUE=PERIOD: an occurrence at the start of the period', () => {
    const out = importJson('recurrence-edge.ics');
    expect(
      out.added.filter((d: { uid: string }) => d.uid.startsWith('r3/')).map((d: { due: string }) => d.due),
    ).toContain('2027-03-12 12:00');
    expect(out.stderr).not.toMatch(JS_INTERNALS);
  });

  it.each([
    [
      'line-without-colon.ics',
      'error: line-without-colon.ics:3: "no colon here" is not an iCalendar line: it has no colon (write NAME:value; a line that continues the one above starts with a space)',
    ],
    [
      'missing-end-vcalendar.ics',
      'error: missing-end-vcalendar.ics:1: BEGIN:VCALENDAR is never closed (add END:VCALENDAR after line 7, the last line)',
    ],
  ])('%s is refused at its line, exit 2, with how to fix it', (feed, message) => {
    const { home, path } = planOf();
    const before = readFileSync(path, 'utf8');
    const r = importInto(home, [lms(feed), path]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(message);
    expect(r.stderr).toContain('hint: ');
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('a property name with a space in it: file, line and column', () => {
    const { home, path } = planOf();
    const feed = join(home, 'col.ics');
    writeFileSync(feed, 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX WR-CALNAME:a\r\nEND:VCALENDAR\r\n');
    const r = importInto(home, [feed, path]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(/^error: col\.ics:3:2: "X WR-CALNAME:a" is not an iCalendar line/);
  });

  it('no message of a JavaScript exception reaches the output of any of these feeds', () => {
    for (const feed of ['recurrence-edge.ics', 'bad-dates.ics', 'two-vcalendars.ics', 'line-without-colon.ics']) {
      const { home, path } = planOf();
      const r = importInto(home, [lms(feed), path]);
      expect(`${r.stdout}${r.stderr}`).not.toMatch(JS_INTERNALS);
    }
  });
});

describe('mls plan import: impossible or malformed dates besides DTSTART', () => {
  it('an event with a bad DTEND, EXDATE, RDATE or DURATION is listed with the property and value, not imported', () => {
    const out = importJson('bad-dates.ics');
    const reasons = Object.fromEntries(out.notImported.map((n: { uid: string; reason: string }) => [n.uid, n.reason]));
    expect(reasons).toMatchObject({
      b7: 'DTEND garbage is not an iCalendar date (write it as 20270305 or 20270305T235900Z)',
      b10: 'EXDATE 20270399T120000Z is not a real date',
      b15: 'RDATE 20270231T120000Z is not a real date',
      b16: 'DURATION P1Xyz is not an iCalendar duration (write it as PT1H, P1D or P1W)',
    });
    expect(out.added.map((d: { uid: string }) => d.uid.split('/')[0])).not.toContain('b15');
    expect(out.stderr).toContain(
      'warning: "Bad rdate [INFO 200]" (UID b15): RDATE 20270231T120000Z is not a real date; the event was not imported',
    );
    expect(out.plan).not.toContain('2027-03-03');
  });
});

describe('mls plan import: recurrence as RFC 5545 has it', () => {
  const dues = (out: { added: { uid: string; due: string }[] }, uid: string) =>
    out.added.filter((d) => d.uid.startsWith(`${uid}/`)).map((d) => d.due);

  it('RDATE without RRULE keeps DTSTART; a UTC EXDATE excludes the TZID occurrence; a UTC RECURRENCE-ID replaces one', () => {
    const out = importJson('recurrence-edge.ics');
    expect(dues(out, 'r1')).toEqual(['2027-03-05 12:00', '2027-03-10 12:00', '2027-03-17 13:00']);
    expect(dues(out, 'r2')).toEqual(['2027-01-22 23:59', '2027-02-05 23:59', '2027-02-12 23:59']);
    expect(
      out.added
        .filter((d: { uid: string }) => d.uid.startsWith('r5/'))
        .map((d: { title: string; due: string }) => `${d.due} ${d.title}`),
    ).toEqual([
      '2027-03-26 12:00 TZ series',
      '2027-04-02 12:00 Override utc for tz series',
      '2027-04-09 12:00 TZ series',
    ]);
  });
});

describe('mls plan import: the course a feed gives', () => {
  it('the LMS course field (D2L LOCATION, Moodle CATEGORIES) wins over a "CODE: " title prefix, which stays in the title', () => {
    const out = importJson('title-prefixes.ics');
    expect(out.added.slice(0, 2).map((d: { course: string; title: string }) => [d.course, d.title])).toEqual([
      ['LIS 701', 'MARC 21: bibliographic records quiz'],
      ['LIS 701', 'ISO 2709: record structure'],
    ]);
    expect(out.coursesAdded).toEqual([]);
  });
});

describe('mls plan import: what a title says', () => {
  it('deadline words win over "seminar" and "break"; plurals and "Quiz1" are read; an exam review session is listed', () => {
    const words = importJson('deadline-words.ics');
    expect(words.added.map((d: { title: string; kind: string }) => `${d.title} (${d.kind})`)).toEqual([
      'Seminar paper (paper)',
      'Spring break reflection (paper)',
    ]);
    expect(words.breaksAdded).toEqual([]);
    const kinds = importJson('kinds.ics');
    const kindOf = Object.fromEntries(kinds.added.map((d: { title: string; kind: string }) => [d.title, d.kind]));
    expect(kindOf).toMatchObject({ 'Weekly discussions': 'discussion', 'Group projects': 'project', Quiz1: 'quiz' });
    expect(kinds.plan).toMatch(/title: Weekly discussions\n\s+kind: discussion\n\s+due: 2027-03-01\n\s+hours: 1\n/);
    expect(kinds.plan).toMatch(/title: Quiz1\n\s+kind: quiz\n\s+due: 2027-03-03\n\s+hours: 2\n/);
    expect(kinds.notImported).toContainEqual(
      expect.objectContaining({ uid: 'k4', reason: 'not a deadline (an exam review session)' }),
    );
  });
});

describe('mls plan import: text that looks like markup', () => {
  it('namespaced and unknown tags in a title are text, written quoted in the plan', () => {
    const out = importJson('title-prefixes.ics');
    expect(out.added.find((d: { uid: string }) => d.uid === 'dc')?.title).toBe('Compare <dc:title> and <title> tags');
    expect(out.plan).toContain('title: "Compare <dc:title> and <title> tags"');
  });
});

describe('mls plan import: what it writes', () => {
  it('a due written as a YAML anchor changes for its deadline only; the deadline reusing it keeps its due', () => {
    const { home, path } = planOf('anchor-plan.yaml');
    expect(importInto(home, [lms('anchor-a.ics'), path]).code).toBe(0);
    const r = importInto(home, [lms('anchor-b.ics'), path]);
    expect(r.code).toBe(0);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('    title: Paper one\n    due: 2027-03-12 23:59\n');
    expect(text).toContain('    title: Essay two\n    due: &d 2027-03-05 23:59\n');
    const check = runMls(['plan', 'check', path], { env: { HOME: home }, cwd: home });
    expect(check.code).toBe(0);
  });

  it('titles and --course values YAML 1.1 reads as booleans are quoted', () => {
    const { home, path } = planOf();
    const feed = join(home, 'words.ics');
    writeFileSync(
      feed,
      [
        'BEGIN:VCALENDAR',
        'X-WR-CALNAME:Test',
        'BEGIN:VEVENT',
        'UID:w1',
        'DTSTART:20270305T120000Z',
        'SUMMARY:No [ARTS 101]',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:w2',
        'DTSTART:20270306T120000Z',
        'SUMMARY:On [INFO 200]',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    expect(importInto(home, [feed, path, '--course', 'ARTS 101=Off']).code).toBe(0);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('title: "No"');
    expect(text).toContain('title: "On"');
    expect(text).toContain('course: "Off"');
    expect(text).toContain('ARTS 101: "Off"');
    expect(text).not.toMatch(/: (No|On|Off)$/m);
  });

  it('--json outsideTerms[].course is the plan course the label matched', () => {
    const { home, path } = planOf();
    const feed = join(home, 'late.ics');
    writeFileSync(
      feed,
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:late\r\nDTSTART:20270601T120000Z\r\nSUMMARY:Quiz [LIS-701-01-SP27]\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
    );
    const r = importInto(home, [feed, path, '--json']);
    expect(JSON.parse(r.stdout).outsideTerms).toEqual([
      { uid: 'late', course: 'LIS 701', title: 'Quiz', kind: 'quiz', due: '2027-06-01 08:00' },
    ]);
  });
});
