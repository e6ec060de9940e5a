import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runMls, tempHome } from '../helpers/run-mls.js';
import { hasTmux, Terminal } from '../helpers/terminal.js';

const lms = (name: string) => join(ROOT, 'test', 'fixtures', 'lms', name);

/** The spring plan (INFO 200, INFO 202, LIS 701 and one hand-entered deadline) in a fresh home. */
function springPlan(edit: (text: string) => string = (t) => t): { home: string; path: string } {
  const home = tempHome();
  const path = join(home, 'plan.yaml');
  writeFileSync(path, edit(readFileSync(lms('spring-plan.yaml'), 'utf8')));
  return { home, path };
}

/** A copy of a fixture plan in a fresh home. */
function planOf(fixture: string): { home: string; path: string } {
  const home = tempHome();
  const path = join(home, 'plan.yaml');
  writeFileSync(path, readFileSync(lms(fixture), 'utf8'));
  return { home, path };
}

/** A feed file of the given VEVENT bodies (lines joined with CRLF) in `home`. */
function feedOf(home: string, events: string[][], head: string[] = ['X-WR-CALNAME:Test (Canvas)']): string {
  const path = join(home, `feed-${Math.random().toString(36).slice(2, 8)}.ics`);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Instructure//Canvas LMS//EN', ...head];
  for (const e of events) lines.push('BEGIN:VEVENT', 'DTSTAMP:20270110T120000Z', ...e, 'END:VEVENT');
  lines.push('END:VCALENDAR', '');
  writeFileSync(path, lines.join('\r\n'));
  return path;
}

const importInto = (home: string, args: string[]) =>
  runMls(['plan', 'import', ...args], { env: { HOME: home }, cwd: home });

describe.runIf(hasTmux)('mls plan import in a terminal: leaving a course out', () => {
  it('"leave its events out" adds nothing, remembers the choice as `LABEL: null`, and the next import asks nothing', async () => {
    const { home, path } = springPlan();
    const t = new Terminal(home, `"${process.execPath}" "${BIN}" plan import "${lms('unknown-course.ics')}" plan.yaml`);
    try {
      // Nothing in the plan is like ARTS 101: the answer offered first is a new course.
      const screen = await t.waitFor('The feed\'s course "ARTS 101" is not one of your plan\'s courses');
      await new Promise((r) => setTimeout(r, 150));
      expect(t.screen()).toMatch(/❯ a new course: ARTS 101/);
      expect(screen).toContain('leave its events out');
      await t.answer('a new course: ARTS 101', ['Down']);
      await t.answer(/❯ leave its events out/, ['Enter']);
      const done = await t.waitFor(/EXIT=\d+/);
      expect(done).toContain('EXIT=0');
      expect(done).toMatch(/skipped +2027-03-07 23:59 +Quiz: course ARTS 101 left out/);
    } finally {
      t.close();
    }
    const text = readFileSync(path, 'utf8');
    expect(text).not.toMatch(/(course|code): ARTS/);
    expect(text).not.toContain('title: Quiz');
    expect(text).toContain('title: Paper');
    expect(text.endsWith('courseAliases:\n  ARTS 101: null\n')).toBe(true);
    const again = importInto(home, [lms('unknown-course.ics'), path, '--json']);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('warning');
    const out = JSON.parse(again.stdout);
    expect(out.added).toEqual([]);
    expect(out.courseLeftOut.map((d: { uid: string }) => d.uid)).toEqual(['l3']);
    expect(runMls(['plan', 'check', path], { env: { HOME: home } }).code).toBe(0);
  });
});

describe('mls plan import: feed content never makes an invalid plan (never exit 70)', () => {
  it('an empty, missing or bracket-only SUMMARY: that event is listed as not imported (no title), the rest imported', () => {
    const { home, path } = springPlan();
    const feed = feedOf(home, [
      ['UID:e-empty', 'DTSTART:20270305T045900Z', 'SUMMARY:'],
      ['UID:e-nosum', 'DTSTART:20270306T045900Z'],
      ['UID:e-bracketonly', 'DTSTART:20270307T045900Z', 'SUMMARY:[INFO-200-01-SP27]'],
      ['UID:e-ok', 'DTSTART:20270308T045900Z', 'SUMMARY:Essay [INFO-200-01-SP27]'],
    ]);
    const r = importInto(home, [feed, path, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.added.map((d: { uid: string }) => d.uid)).toEqual(['e-ok']);
    expect(out.notImported).toEqual([
      { uid: 'e-empty', summary: '', reason: 'no title (empty SUMMARY)' },
      { uid: 'e-nosum', summary: '', reason: 'no title (empty SUMMARY)' },
      { uid: 'e-bracketonly', summary: '[INFO-200-01-SP27]', reason: 'no title (empty SUMMARY)' },
    ]);
    expect(runMls(['plan', 'check', path], { env: { HOME: home } }).code).toBe(0);
  });

  it('over-long titles, calendar names and break names are cut at a word with an ellipsis; an over-long UID becomes a stable shorter key', () => {
    const { home, path } = springPlan();
    const title = `Annotated bibliography ${'very long title '.repeat(30)}`.trim();
    const calname = 'X'.repeat(1200);
    const uid = 'U'.repeat(1100);
    const feed = feedOf(
      home,
      [
        ['UID:e-long', 'DTSTART:20270308T045900Z', `SUMMARY:${title} [INFO-200-01-SP27]`],
        [`UID:${uid}`, 'DTSTART:20270309T045900Z', 'SUMMARY:Essay [INFO 200]'],
        [
          'UID:br1',
          'DTSTART;VALUE=DATE:20270315',
          'DTEND;VALUE=DATE:20270320',
          `SUMMARY:Spring break ${'y'.repeat(400)}`,
        ],
      ],
      [`X-WR-CALNAME:${calname}`],
    );
    const r = importInto(home, [feed, path, '--json']);
    expect(r.stderr).not.toContain('bug');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const [long, keyed] = out.added as { uid: string; title: string }[];
    expect(long?.title.length).toBeLessThanOrEqual(300);
    expect(long?.title.endsWith('…')).toBe(true);
    // Cut at a word: what is left is the feed's title up to a space.
    expect(`${title} `.startsWith(`${long?.title.slice(0, -1)} `)).toBe(true);
    expect(keyed?.uid.length).toBeLessThanOrEqual(1000);
    expect(keyed?.uid).toMatch(/^U{100}…sha256:[0-9a-f]{64}$/);
    expect(out.source).toHaveLength(1000);
    expect(out.source.endsWith('…')).toBe(true);
    expect(out.breaksAdded[0].name.length).toBeLessThanOrEqual(300);
    expect(runMls(['plan', 'check', path], { env: { HOME: home } }).code).toBe(0);
    // The same feed again matches on the same shortened key and name: nothing changes.
    const again = importInto(home, [feed, path]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('is already up to date');
  });

  it('--course with a code longer than a plan allows is a usage error (exit 2), not a bug', () => {
    const { home, path } = springPlan();
    const feed = feedOf(home, [['UID:e-ok', 'DTSTART:20270308T045900Z', 'SUMMARY:Essay [INFO-200-01-SP27]']]);
    const r = importInto(home, [feed, path, '--course', `INFO-200-01-SP27=${'X'.repeat(301)}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--course: the plan code is longer than 300 characters');
  });
});

describe('mls plan import: a deadline you typed, linked to the feed', () => {
  it('typed `due: 2027-03-05`, the feed says 23:59 that day: a second import of the same feed changes nothing', () => {
    const { home, path } = planOf('link-plan.yaml');
    expect(importInto(home, [lms('link-a.ics'), path]).stdout).toMatch(/^linked/m);
    const after = readFileSync(path, 'utf8');
    expect(after).toContain('    due: 2027-03-05\n');
    const again = importInto(home, [lms('link-a.ics'), path]);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain('0 changed');
    expect(again.stderr).toContain('is already up to date');
    expect(readFileSync(path, 'utf8')).toBe(after);
  });

  it('typed `due: 2027-04-09 17:00`, Canvas says all day: the 17:00 is kept, a second import changes nothing', () => {
    const { home, path } = planOf('link-allday.yaml');
    importInto(home, [lms('link-allday.ics'), path]);
    const again = importInto(home, [lms('link-allday.ics'), path]);
    expect(again.stderr).toContain('is already up to date');
    expect(readFileSync(path, 'utf8')).toContain('due: 2027-04-09 17:00');
  });

  it('the feed moves the day: the typed deadline moves with it, keeping its own form, and the change is reported', () => {
    const { home, path } = planOf('link-plan.yaml');
    importInto(home, [lms('link-a.ics'), path]);
    const moved = importInto(home, [lms('link-b.ics'), path]);
    expect(moved.stdout).toMatch(/^changed +2027-03-12 +Community analysis paper \(due was 2027-03-05\)$/m);
    expect(readFileSync(path, 'utf8')).toContain('    due: 2027-03-12\n');
  });

  it('a due that moves outside every term: that deadline keeps its due, with a warning; the other changes are applied', () => {
    const { home, path } = planOf('link-plan.yaml');
    importInto(home, [lms('link-a.ics'), path]);
    const r = importInto(home, [lms('link-b.ics'), path, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.changed).toEqual([
      {
        uid: 'u-paper',
        title: 'Community analysis paper',
        fromTitle: 'Community Analysis Paper',
        from: '2027-03-05',
        to: '2027-03-12',
        changes: ['due'],
      },
    ]);
    expect(out.notImported).toContainEqual({
      uid: 'u-mid',
      summary: 'Midterm Exam',
      due: '2027-05-31 23:59',
      reason: 'moved to 2027-05-31 23:59, outside every term of the plan; the plan keeps 2027-03-19 23:59',
    });
    expect(r.stderr).toContain(
      'warning: "Midterm Exam" (UID u-mid) moved to 2027-05-31 23:59, outside every term of the plan; the plan keeps 2027-03-19 23:59',
    );
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('    due: 2027-03-12\n');
    expect(text).toContain('    due: 2027-03-19 23:59\n');
    // Valid (4 is an overloaded week, not an invalid plan).
    expect(runMls(['plan', 'check', path], { env: { HOME: home } }).code).not.toBe(2);
  });
});

describe('mls plan import: which typed deadline a feed event is', () => {
  it('whole words and whole numbers, the best match first, one feed event per typed deadline', () => {
    const { home, path } = planOf('link-words.yaml');
    const r = importInto(home, [lms('link-words.ics'), path, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.linked.map((d: { title: string; planTitle: string }) => [d.title, d.planTitle])).toEqual([
      ['Paper 1 - community analysis', 'Paper #1: Community Analysis'],
      ['Quiz 1', 'Quiz 1'],
    ]);
    expect(out.added.map((d: { title: string }) => d.title)).toEqual(['Examples of metadata schemas', 'Quiz 10']);
  });
});

describe('mls plan import: every event of the feed is imported, linked or listed with a reason', () => {
  it('a recurring series with no occurrence in the terms is listed (text and --json)', () => {
    const { home, path } = planOf('fall-plan.yaml');
    const text = importInto(home, [lms('recurring.ics'), path, '--dry-run']);
    expect(text.stdout).toMatch(
      /^skipped +Discussion post \[INFO 202-01 Spring 2027\]: no occurrence within the terms of the plan$/m,
    );
    const out = JSON.parse(importInto(home, [lms('recurring.ics'), path, '--json']).stdout);
    expect(out.notImported.map((d: { uid: string }) => d.uid).sort()).toEqual([
      'quiz-1@canvas.example.edu',
      'quiz-1@canvas.example.edu',
      'weekly-discussion@canvas.example.edu',
      'weekly-discussion@canvas.example.edu/20270212T235900',
    ]);
  });

  it('an all-day break crossing the end of the term is cut to the term; one outside every term is listed', () => {
    const { home, path } = springPlan();
    const r = importInto(home, [lms('breaks-edges.ics'), path, '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.breaksAdded).toEqual([
      { uid: 'br-span', name: 'Finals recess', start: '2027-05-10', end: '2027-05-14', term: 'Spring 2027' },
    ]);
    expect(out.notImported).toContainEqual({
      uid: 'br-out',
      summary: 'Summer break',
      due: '2027-06-01',
      reason: 'a break (2027-06-01 to 2027-06-09) outside every term of the plan',
    });
    expect(runMls(['plan', 'check', path], { env: { HOME: home } }).code).not.toBe(2);
  });
});
