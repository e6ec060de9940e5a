import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runMls, tempHome } from '../helpers/run-mls.js';
import { hasTmux, Terminal } from '../helpers/terminal.js';

const lms = (name: string) => join(ROOT, 'test', 'fixtures', 'lms', `${name}.ics`);

function plan(): { home: string; path: string } {
  const home = tempHome();
  const path = join(home, 'plan.yaml');
  expect(runMls(['plan', 'example', '-o', path], { env: { HOME: home } }).code).toBe(0);
  // Start from the example without its own deadlines, so the feeds' deadlines fit.
  const text = readFileSync(path, 'utf8');
  writeFileSync(path, text.replace(/deadlines:[\s\S]*?\nsettings:/, 'deadlines: []\n\nsettings:'));
  return { home, path };
}

describe('mls plan import', () => {
  it.each([['canvas'], ['moodle'], ['blackboard'], ['d2l']])(
    'imports a %s export, and a second import changes nothing',
    (name) => {
      const { home, path } = plan();
      const first = runMls(['plan', 'import', lms(name), '--plan', path], { env: { HOME: home } });
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/^added/m);
      const after = readFileSync(path, 'utf8');
      expect(after).toContain('# mls study plan');
      const second = runMls(['plan', 'import', lms(name), '--plan', path], { env: { HOME: home } });
      expect(second.code).toBe(0);
      expect(second.stderr).toContain('is already up to date');
      expect(readFileSync(path, 'utf8')).toBe(after);
      expect(runMls(['plan', 'check', path, '--json'], { env: { HOME: home } }).code).not.toBe(2);
    },
  );

  it('keeps every deadline’s local due time right in the built calendar', () => {
    const { home, path } = plan();
    runMls(['plan', 'import', lms('blackboard'), '--plan', path], { env: { HOME: home } });
    const out = JSON.parse(runMls(['plan', 'check', path, '--json'], { env: { HOME: home } }).stdout);
    expect(out.deadlines.map((d: { due: string }) => d.due)).toEqual(['2027-10-12 22:59', '2027-11-09 22:59']);
  });

  it('--dry-run and --json report without writing', () => {
    const { home, path } = plan();
    const before = readFileSync(path, 'utf8');
    const r = runMls(['plan', 'import', lms('canvas'), '--plan', path, '--dry-run', '--json'], { env: { HOME: home } });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ dryRun: true, written: false, source: 'Student Calendar (Canvas)' });
    expect(out.added).toHaveLength(4);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('rejects a file that is not a calendar, and a missing plan', () => {
    const { home, path } = plan();
    const bad = runMls(['plan', 'import', path, '--plan', path], { env: { HOME: home } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not a readable iCalendar file');
    expect(runMls(['plan', 'import', lms('canvas'), '--plan', join(home, 'none.yaml')]).stderr).toContain('not found');
  });
});

/** The spring plan (INFO 200, INFO 202, LIS 701 and one hand-entered deadline) in a fresh home. */
function springPlan(edit: (text: string) => string = (t) => t, name = 'plan.yaml'): { home: string; path: string } {
  const home = tempHome();
  const path = join(home, name);
  writeFileSync(path, edit(readFileSync(join(ROOT, 'test', 'fixtures', 'lms', 'spring-plan.yaml'), 'utf8')));
  return { home, path };
}

const importInto = (home: string, args: string[], env: Record<string, string> = {}) =>
  runMls(['plan', 'import', ...args], { env: { HOME: home, ...env }, cwd: home });

describe('mls plan import: real LMS exports', () => {
  it('Canvas codes like [INFO-200-01-SP27] match the plan’s INFO 200: no new course, no copy of a hand-entered deadline', () => {
    const { home, path } = springPlan();
    const r = importInto(home, [lms('canvas-codes'), path, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.coursesAdded).toEqual([]);
    expect(out.added.map((d: { course: string }) => d.course)).toEqual(['INFO 200', 'INFO 202', 'LIS 701']);
    expect(out.linked).toEqual([
      {
        uid: 'event-assignment-6101',
        title: 'Community analysis paper',
        due: '2027-03-05 23:59',
        course: 'INFO 200',
        planTitle: 'Community Analysis Paper',
      },
    ]);
    const text = readFileSync(path, 'utf8');
    expect(text.match(/Community analysis paper/gi)).toHaveLength(1);
    expect(text).not.toContain('weeklyHours: 0');
    expect(runMls(['plan', 'check', path], { env: { HOME: home } }).code).toBe(0);
  });

  it('names every event it did not import, with the reason, in text and in --json', () => {
    const { home, path } = springPlan();
    const text = importInto(home, [lms('canvas-codes'), path, '--dry-run']);
    expect(text.stdout).toContain(
      'skipped                    Office hours with Dr. Lee [INFO 202-01 Spring 2027]: not a deadline',
    );
    expect(text.stdout).toContain('skipped  2027-05-31 20:00  Portfolio reflection: outside every term of the plan');
    expect(text.stderr).toContain('2 events not imported');
    const json = JSON.parse(importInto(home, [lms('canvas-codes'), path, '--dry-run', '--json']).stdout);
    expect(json.notImported).toEqual([
      {
        uid: 'event-calendar-event-6901',
        summary: 'Office hours with Dr. Lee [INFO 202-01 Spring 2027]',
        reason: 'not a deadline',
      },
      {
        uid: 'event-calendar-event-6902',
        summary: 'Portfolio reflection',
        due: '2027-05-31 20:00',
        reason: 'outside every term of the plan',
      },
    ]);
  });

  it('the source is the LMS’s name when the feed has no calendar name, never the raw PRODID', () => {
    const { home, path } = springPlan();
    const r = importInto(home, [lms('moodle-no-name'), path]);
    expect(r.stderr).toMatch(/^Moodle: 1 added/m);
    expect(readFileSync(path, 'utf8')).toContain('    source: Moodle\n');
    expect(readFileSync(path, 'utf8')).not.toContain('PRODID');
  });

  it('an impossible date (DTSTART:20270230...) is rejected naming the event, not rolled over to March', () => {
    const { home, path } = springPlan();
    const r = importInto(home, [lms('moodle-no-name'), path]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'warning: "Cataloging exercise is due" (UID 2202@moodle.example.edu): DTSTART 20270230T045900Z is not a real date; the event was not imported',
    );
    expect(readFileSync(path, 'utf8')).not.toContain('2027-03-02');
  });

  it('`deadlines: []` becomes a block list, and the rest of the layout is kept byte for byte', () => {
    const { home, path } = springPlan((t) =>
      t.replace(/deadlines:[\s\S]*?\n\nsettings:/, 'deadlines: []\n\nsettings:'),
    );
    const before = readFileSync(path, 'utf8');
    expect(importInto(home, [lms('canvas-codes'), path]).code).toBe(0);
    const after = readFileSync(path, 'utf8');
    expect(after).toContain('\ndeadlines:\n  - id: event-assignment-6101\n');
    expect(after.slice(0, before.indexOf('deadlines:'))).toBe(before.slice(0, before.indexOf('deadlines:')));
    expect(after.endsWith('\n\nsettings:\n  reminders: [1d]\n')).toBe(true);
  });

  it('a weekly RRULE is expanded within the terms, its RECURRENCE-ID override and a duplicated UID applied', () => {
    const { home, path } = springPlan();
    const r = importInto(home, [lms('recurring'), path, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.added.filter((d: { title: string }) => d.title.startsWith('Discussion post'))).toHaveLength(10);
    expect(out.added.map((d: { due: string }) => d.due)).toContain('2027-02-14 23:59');
    expect(out.added.filter((d: { uid: string }) => d.uid === 'quiz-1@canvas.example.edu')).toEqual([
      { uid: 'quiz-1@canvas.example.edu', course: 'INFO 202', title: 'Quiz 1', kind: 'quiz', due: '2027-02-26 23:59' },
    ]);
    expect(runMls(['plan', 'check', path], { env: { HOME: home } }).code).toBe(0);
  });

  it('Windows zone names (TZID="Eastern Standard Time") map to IANA zones; an unknown TZID is a warning naming the event', () => {
    const { home, path } = springPlan((t) => t.replace('America/New_York', 'America/Chicago'));
    const r = importInto(home, [lms('outlook-zones'), path, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).added.map((d: { due: string }) => d.due)).toEqual([
      '2027-03-15 22:59',
      '2027-03-16 22:00',
    ]);
    expect(r.stderr).toContain(
      'warning: "LIS 701: Field report" (UID 040000008200E00074C5B7101A82E00800000000A3): unknown time zone TZID=Mars Standard Time',
    );
  });

  it.each([['encoding-utf8-bom'], ['encoding-utf16le'], ['encoding-utf16be'], ['encoding-latin1']])(
    'a %s file is decoded: its title arrives intact',
    (name) => {
      const { home, path } = springPlan();
      const r = importInto(home, [lms(name), path]);
      expect(r.code).toBe(0);
      expect(readFileSync(path, 'utf8')).toContain('title: "Résumé critique"');
      expect(readFileSync(path, 'utf8')).not.toContain('\uFFFD');
    },
  );

  it('a UTF-32 file is refused with a message naming the encoding', () => {
    const { home, path } = springPlan();
    const r = importInto(home, [lms('encoding-utf32'), path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('encoding-utf32.ics: it is encoded in UTF-32; save it as UTF-8');
    expect(r.stderr).not.toContain('Cannot read properties');
  });

  it('a JSON plan: its quoted "timezone" decides the due times, and it stays JSON', () => {
    const { home } = springPlan();
    const path = join(home, 'plan.json');
    const plan = {
      name: 'JSON plan',
      timezone: 'Asia/Tokyo',
      terms: [{ name: 'Spring', start: '2027-01-19', end: '2027-05-14' }],
      availability: [{ day: 'sat', start: '09:00', end: '17:00' }],
      courses: [{ code: 'INFO 200', weeklyHours: 1 }, { code: 'INFO 202' }, { code: 'LIS 701' }],
      deadlines: [],
    };
    writeFileSync(path, `${JSON.stringify(plan, null, 2)}\n`);
    const r = importInto(home, [lms('canvas-codes'), path], { TZ: 'America/Los_Angeles' });
    expect(r.code).toBe(0);
    const after = JSON.parse(readFileSync(path, 'utf8'));
    expect(after.deadlines.map((d: { due: string }) => d.due)).toEqual([
      '2027-03-06 13:59',
      '2027-02-13 13:59',
      '2027-03-20 12:59',
      '2027-04-09',
    ]);
  });
});

describe('mls plan import FEED [PLAN]', () => {
  it('takes the plan as its second argument, like the other plan commands', () => {
    const { home, path } = springPlan();
    expect(importInto(home, [lms('canvas-codes'), path]).stderr).toContain(`Updated ${path}`);
  });

  it('--plan still works', () => {
    const { home, path } = springPlan();
    expect(importInto(home, [lms('canvas-codes'), '--plan', path]).stderr).toContain(`Updated ${path}`);
  });

  it('defaults to ./plan.yaml, or $MLS_PLAN', () => {
    const { home } = springPlan();
    expect(importInto(home, [lms('canvas-codes')]).stderr).toContain('Updated plan.yaml');
    const other = springPlan(undefined, 'other.yaml');
    expect(importInto(other.home, [lms('canvas-codes')], { MLS_PLAN: other.path }).stderr).toContain(
      `Updated ${other.path}`,
    );
  });

  it('two different plans is a usage error', () => {
    const { home, path } = springPlan();
    const r = importInto(home, [lms('canvas-codes'), path, '--plan', join(home, 'x.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('two plans given');
  });

  it('--course maps an unknown feed code to a plan course and remembers it in the plan', () => {
    const { home, path } = springPlan((t) => t.replace('code: LIS 701', 'code: LIBR 701'));
    const r = importInto(home, [lms('canvas-codes'), path, '--course', 'LIS 701 (40123) SP27=LIBR 701']);
    expect(r.code).toBe(0);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('courseAliases:\n  LIS 701 (40123) SP27: LIBR 701\n');
    expect(text).toContain('    course: LIBR 701\n    title: Research essay');
  });

  it('without a terminal, an unmatched course is added under its normalised code, with a warning naming --course', () => {
    const { home, path } = springPlan((t) => t.replace('code: LIS 701', 'code: LIBR 701'));
    const r = importInto(home, [lms('canvas-codes'), path]);
    expect(r.stderr).toContain(
      'warning: the feed\'s course "LIS 701 (40123) SP27" matches none of your courses; imported as LIS 701 (to use one of yours: --course "LIS 701 (40123) SP27=LIBR 701")',
    );
  });
});

describe.runIf(hasTmux)('mls plan import in a terminal', () => {
  it('asks once which plan course an unknown feed code is, then remembers the answer in the plan', async () => {
    const { home, path } = springPlan((t) => t.replace('code: LIS 701', 'code: LIBR 701'));
    const t = new Terminal(home, `"${process.execPath}" "${BIN}" plan import "${lms('canvas-codes')}" plan.yaml`);
    try {
      await t.answer('The feed\'s course "LIS 701 (40123) SP27" is not one of your plan\'s courses', ['Enter']);
      const screen = await t.waitFor(/EXIT=\d+/);
      expect(screen).toContain('EXIT=0');
    } finally {
      t.close();
    }
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('courseAliases:\n  LIS 701 (40123) SP27: LIBR 701\n');
    expect(text).toContain('    course: LIBR 701\n    title: Research essay');
    // Remembered: the next import asks nothing, even without a terminal.
    const again = importInto(home, [lms('canvas-codes'), path]);
    expect(again.stderr).not.toContain('warning');
    expect(again.stderr).toContain('is already up to date');
  });
});

describe('mls plan import on a plan that is already invalid', () => {
  it('reports the problem at the plan’s own line (not a line of the merged text) and writes nothing', () => {
    const { home, path } = springPlan((t) => t.replace('    hours: 10', '    hours: -3'));
    const before = readFileSync(path, 'utf8');
    const r = importInto(home, [lms('canvas-codes'), path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('plan.yaml:30:12: deadlines[0].hours: -3 must not be negative');
    expect(readFileSync(path, 'utf8')).toBe(before);
  });
});
