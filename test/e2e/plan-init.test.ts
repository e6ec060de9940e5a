import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runMls, tempHome } from '../helpers/run-mls.js';
import { hasTmux, Terminal } from '../helpers/terminal.js';

describe.runIf(hasTmux)('mls plan init in a terminal', () => {
  it('goes from nothing to a plan and a calendar by answering questions', async () => {
    const dir = tempHome();
    const t = new Terminal(dir, `"${process.execPath}" "${BIN}" plan init`);
    try {
      await t.answer('Name of the plan', ['Enter']);
      await t.answer('Time zone', ['C-u', 'chicago', 'Enter']);
      await t.answer('Term name', ['Enter']);
      await t.answer('First day of the term', ['2027-02-30', 'Enter']);
      await t.answer('"2027-02-30" is not a date', ['C-u', '8/23/2027', 'Enter']);
      await t.answer('Last day of the term', ['Dec 10', 'Enter']);
      await t.answer('Any breaks or holidays in Fall term', ['y', 'Enter']);
      await t.answer('Name of the break', ['Thanksgiving', 'Enter']);
      await t.answer('First day of the break', ['Nov 24', 'Enter']);
      await t.answer('Last day of the break', ['Nov 28', 'Enter']);
      await t.answer('Add another break?', ['n', 'Enter']);
      await t.answer('Add another term?', ['n', 'Enter']);
      await t.answer('Which day can you study?', ['Enter']);
      await t.answer('From', ['C-u', '7pm', 'Enter']);
      await t.answer('Until', ['C-u', '9:30pm', 'Enter']);
      await t.answer('Add another weekly time slot?', ['n', 'Enter']);
      await t.answer('Add your courses now?', ['n', 'Enter']);
      await t.answer('Write the plan to plan.yaml?', ['Enter']);
      await t.answer('Also write the calendar', ['Enter']);
      await t.answer('Calendar file', ['Enter']);
      const screen = await t.waitFor(/EXIT=\d+/);
      expect(screen).toContain('EXIT=0');
      expect(screen).toContain('My study plan (America/Chicago)');
    } finally {
      t.close();
    }
    const plan = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    expect(plan).toContain('timezone: America/Chicago');
    expect(plan).toContain('start: 2027-08-23');
    expect(plan).toContain('name: Thanksgiving');
    expect(plan).toContain('end: "21:30"');
    expect(readFileSync(join(dir, 'plan.ics'), 'utf8')).toContain('BEGIN:VCALENDAR');
  });

  it('keeps an existing plan and asks for another file name, losing no answer', async () => {
    const dir = tempHome();
    writeFileSync(join(dir, 'plan.yaml'), 'name: mine\n');
    const flags = '--name x --timezone UTC --term "F:2027-08-23:2027-12-10" --slot "mon 7pm-9pm"';
    const t = new Terminal(dir, `"${process.execPath}" "${BIN}" plan init ${flags}`);
    try {
      await t.answer('Add your courses now?', ['n', 'Enter']);
      await t.answer('plan.yaml exists. Replace it?', ['Enter']);
      await t.answer('Write the plan to which file instead?', ['fall.yaml', 'Enter']);
      await t.answer('Also write the calendar', ['n', 'Enter']);
      expect(await t.waitFor(/EXIT=\d+/)).toContain('EXIT=0');
    } finally {
      t.close();
    }
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe('name: mine\n');
    expect(readFileSync(join(dir, 'fall.yaml'), 'utf8')).toContain('name: x');
  });

  it('declining to write an overloaded calendar keeps the plan file, writes no calendar and exits 4 naming the shortfalls', async () => {
    const dir = tempHome();
    const t = new Terminal(dir, `"${process.execPath}" "${BIN}" plan init -o w.yaml`);
    try {
      await t.answer('Name of the plan', ['Enter']);
      await t.answer('Time zone', ['C-u', 'chicago', 'Enter']);
      await t.answer('Term name', ['C-u', 'Spring', 'Enter']);
      await t.answer('First day of the term', ['2027-01-18', 'Enter']);
      await t.answer('Last day of the term', ['2027-05-14', 'Enter']);
      await t.answer('Any breaks or holidays in Spring', ['y', 'Enter']);
      await t.answer('Name of the break', ['C-u', 'Spring break', 'Enter']);
      await t.answer('First day of the break', ['Mar 15', 'Enter']);
      await t.answer('Last day of the break', ['Mar 21', 'Enter']);
      await t.answer('Add another break?', ['n', 'Enter']);
      await t.answer('Add another term?', ['n', 'Enter']);
      await t.answer('Which day can you study?', ['Enter']);
      await t.answer('From', ['C-u', '7pm', 'Enter']);
      await t.answer('Until', ['C-u', '9:30pm', 'Enter']);
      await t.answer('Add another weekly time slot?', ['n', 'Enter']);
      await t.answer('Add your courses now?', ['Enter']);
      await t.answer('Course code', ['INFO 200', 'Enter']);
      await t.answer('Course title', ['Enter']);
      await t.answer('Steady weekly study hours', ['C-u', '3', 'Enter']);
      await t.answer('Add another course?', ['n', 'Enter']);
      await t.answer('Add deadlines you already know?', ['Enter']);
      await t.answer(/Course\s*\n.*INFO 200/, ['Enter']);
      await t.answer('What is due', ['Paper', 'Enter']);
      await t.answer('Kind', ['Enter']);
      await t.answer('Due (e.g.', ['Mar 5 11:59pm', 'Enter']);
      await t.answer('Your estimate of the work', ['C-u', '10', 'Enter']);
      await t.answer('Add another deadline?', ['n', 'Enter']);
      await t.answer('Write the plan to w.yaml?', ['Enter']);
      await t.answer('Also write the calendar', ['Enter']);
      await t.answer('Write the calendar anyway', ['n', 'Enter']);
      const screen = await t.waitFor(/EXIT=\d+/);
      expect(screen).toContain('EXIT=4');
      expect(screen).toContain('Wrote w.yaml.');
      expect(screen).toContain('the plan is overloaded; the calendar was not written (the plan is saved in w.yaml)');
      expect(screen).toMatch(/"Paper" \(INFO 200, due 2027-03-05\): short by/);
      expect(screen).toMatch(/weekly study for INFO 200: short by 0\.5 h a week in the \d+ weeks of 2027-01-18/);
      expect(screen).toMatch(/weeks over capacity: 2027-01-18/);
    } finally {
      t.close();
    }
    expect(readFileSync(join(dir, 'w.yaml'), 'utf8')).toContain('title: Paper');
    expect(existsSync(join(dir, 'w.ics'))).toBe(false);
  });

  it('an overloaded plan: no to the calendar itself exits 0, no to writing it anyway with --ics exits 4', async () => {
    const dir = tempHome();
    const flags = '--name x --timezone UTC --term "F:2027-08-23:2027-12-10" --slot "mon 7pm-9pm" --course "A::20"';
    const t = new Terminal(dir, `"${process.execPath}" "${BIN}" plan init -o w.yaml ${flags}`);
    try {
      await t.answer('Add deadlines you already know?', ['n', 'Enter']);
      await t.answer('Write the plan to w.yaml?', ['Enter']);
      await t.answer('Also write the calendar', ['n', 'Enter']);
      const screen = await t.waitFor(/EXIT=\d+/);
      expect(screen).toContain('EXIT=0');
      expect(screen).toContain('The plan is overloaded: see `mls plan check w.yaml`.');
    } finally {
      t.close();
    }
    const withIcs = new Terminal(dir, `"${process.execPath}" "${BIN}" plan init -o v.yaml ${flags} --ics v.ics`);
    try {
      await withIcs.answer('Add deadlines you already know?', ['n', 'Enter']);
      await withIcs.answer('Write the plan to v.yaml?', ['Enter']);
      await withIcs.answer('Write the calendar anyway', ['Enter']);
      const screen = await withIcs.waitFor(/EXIT=\d+/);
      expect(screen).toContain('EXIT=4');
      expect(screen).toContain('the calendar was not written (the plan is saved in v.yaml)');
    } finally {
      withIcs.close();
    }
    expect(existsSync(join(dir, 'v.yaml'))).toBe(true);
    expect(existsSync(join(dir, 'v.ics'))).toBe(false);
  });

  it('Ctrl+C exits 130 quietly and writes nothing', async () => {
    const dir = tempHome();
    const t = new Terminal(dir, `"${process.execPath}" "${BIN}" plan init`);
    try {
      await t.answer('Name of the plan', ['C-c']);
      const screen = await t.waitFor(/EXIT=\d+/);
      expect(screen).toContain('EXIT=130');
      expect(screen).not.toContain('internal error');
    } finally {
      t.close();
    }
    expect(existsSync(join(dir, 'plan.yaml'))).toBe(false);
  });
});

describe('mls plan init without a terminal', () => {
  it('names the missing flags and exits 2', () => {
    const r = runMls(['plan', 'init']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing --term "Name:YYYY-MM-DD:YYYY-MM-DD" and --slot "mon 19:00-21:30"');
  });

  it('writes a plan and calendar from flags alone, and never overwrites without --force', () => {
    const home = tempHome();
    const args = [
      'plan',
      'init',
      '--no-input',
      '--term',
      'Fall 2027:2027-08-23:2027-12-10',
      '--slot',
      'mon 19:00-21:30',
      '--slot',
      'sat 09:00-13:00',
      '--course',
      'INFO 200:Information Communities:2',
      '--ics',
      'fall.ics',
    ];
    const r = runMls(args, { env: { HOME: home } });
    expect(r.code).toBe(0);
    expect(existsSync(join(home, 'plan.yaml'))).toBe(true);
    expect(readFileSync(join(home, 'fall.ics'), 'utf8')).toContain('Study: INFO 200 Information Communities');
    const again = runMls(args, { env: { HOME: home } });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists; not overwriting it');
    expect(runMls([...args, '--force'], { env: { HOME: home } }).code).toBe(0);
  });

  const FALL = ['--term', 'Fall 2027:2027-08-23:2027-12-10', '--slot', 'mon 19:00-21:30'];

  it('an impossible date in a flag is a usage error naming the flag, and nothing is written', () => {
    const home = tempHome();
    const r = runMls(['plan', 'init', '--term', 'Fall:2027-02-30:2027-12-10', '--slot', 'mon 7pm-9pm'], {
      env: { HOME: home },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--term "Fall:2027-02-30:2027-12-10": "2027-02-30" is not a date');
    expect(r.stderr).not.toContain('plan.yaml:');
    expect(existsSync(join(home, 'plan.yaml'))).toBe(false);
  });

  it('reads the forms people type: month names, 7pm, a city for the zone', () => {
    const home = tempHome();
    const r = runMls(
      [
        'plan',
        'init',
        '--term',
        'Fall:Aug 23 2027:Dec 10 2027',
        '--slot',
        'Monday 7pm-9:30pm',
        '--timezone',
        'chicago',
      ],
      { env: { HOME: home } },
    );
    expect(r.code).toBe(0);
    const plan = readFileSync(join(home, 'plan.yaml'), 'utf8');
    expect(plan).toContain('timezone: America/Chicago');
    expect(plan).toContain('start: 2027-08-23');
    expect(plan).toContain('end: "21:30"');
  });

  it('an ambiguous zone lists the candidates', () => {
    const r = runMls(['plan', 'init', ...FALL, '--timezone', 'Central']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('more than one time zone fits: America/Chicago, America/Winnipeg');
  });

  it('a misspelt zone is refused with the zones spelt closest, not a fixed example', () => {
    const r = runMls(['plan', 'init', ...FALL, '--timezone', 'chicgo']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--timezone "chicgo": no time zone by that name (did you mean America/Chicago?)');
    const far = runMls(['plan', 'init', ...FALL, '--timezone', 'Boston']);
    expect(far.code).toBe(2);
    expect(far.stderr).not.toContain('America/Chicago');
  });

  it('a city with accents is read as without them', () => {
    const home = tempHome();
    const r = runMls(['plan', 'init', ...FALL, '--timezone', 'São Paulo'], { env: { HOME: home } });
    expect(r.code).toBe(0);
    expect(readFileSync(join(home, 'plan.yaml'), 'utf8')).toContain('timezone: America/Sao_Paulo');
  });

  it('GMT and IST are a choice of zones, not a guess', () => {
    const gmt = runMls(['plan', 'init', ...FALL, '--timezone', 'GMT']);
    expect(gmt.code).toBe(2);
    expect(gmt.stderr).toContain('more than one time zone fits: Europe/London, Europe/Dublin, UTC');
    const ist = runMls(['plan', 'init', ...FALL, '--timezone', 'IST']);
    expect(ist.code).toBe(2);
    expect(ist.stderr).toContain('more than one time zone fits: Asia/Kolkata, Europe/Dublin, Asia/Jerusalem');
  });

  it('a renamed zone is written with its current name (Asia/Calcutta -> Asia/Kolkata)', () => {
    const home = tempHome();
    const r = runMls(['plan', 'init', ...FALL, '--timezone', 'Asia/Calcutta'], { env: { HOME: home } });
    expect(r.code).toBe(0);
    expect(readFileSync(join(home, 'plan.yaml'), 'utf8')).toContain('timezone: Asia/Kolkata');
    expect(runMls(['plan', 'check'], { env: { HOME: home } }).code).toBe(0);
  });

  it('--ics never replaces a file that is not a calendar, and writes no plan then', () => {
    const home = tempHome();
    writeFileSync(join(home, 'notes.ics'), 'my notes\n');
    const r = runMls(['plan', 'init', ...FALL, '--ics', 'notes.ics'], { env: { HOME: home } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('notes.ics exists and is not a calendar; not overwriting it');
    expect(readFileSync(join(home, 'notes.ics'), 'utf8')).toBe('my notes\n');
    expect(existsSync(join(home, 'plan.yaml'))).toBe(false);
  });

  it('an overloaded plan keeps its plan file but gets no calendar, as plan build would refuse it (exit 4)', () => {
    const home = tempHome();
    const args = [...FALL, '--course', 'A:Heavy:20', '--ics', 'fall.ics'];
    const r = runMls(['plan', 'init', ...args], { env: { HOME: home } });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('the plan is overloaded; the calendar was not written (the plan is saved in plan.yaml)');
    expect(existsSync(join(home, 'plan.yaml'))).toBe(true);
    expect(existsSync(join(home, 'fall.ics'))).toBe(false);
    const build = runMls(['plan', 'build'], { env: { HOME: home } });
    expect(build.code).toBe(4);
    const allowed = runMls(['plan', 'init', ...args, '--force', '--allow-overload'], { env: { HOME: home } });
    expect(allowed.code).toBe(0);
    expect(readFileSync(join(home, 'fall.ics'), 'utf8')).toContain('BEGIN:VCALENDAR');
  });

  it('judges the plan from now, exactly as plan check and plan build do: past weeks and deadlines are missed work', () => {
    const home = tempHome();
    const env = { HOME: home, MLS_NOW: '2027-10-15T12:00:00-05:00' };
    const past = [
      '--no-input',
      '--timezone',
      'chicago',
      '--term',
      'F:2027-08-24:2027-12-10',
      '--slot',
      'mon 19:00-21:00',
      '--slot',
      'wed 19:00-21:00',
      '--course',
      'A:a:3',
      '--deadline',
      'A|Old paper|paper|2027-09-10|30',
    ];
    const withIcs = runMls(['plan', 'init', ...past, '--ics', 'cal.ics'], { env });
    expect(withIcs.stderr).not.toMatch(/plan is overloaded/i);
    expect(withIcs.code).toBe(0);
    expect(readFileSync(join(home, 'cal.ics'), 'utf8')).toContain('BEGIN:VCALENDAR');
    expect(runMls(['plan', 'check'], { env }).code).toBe(0);
    const planOnly = runMls(['plan', 'init', ...past, '-o', 'p2.yaml'], { env });
    expect(planOnly.stderr).not.toMatch(/plan is overloaded/i);
    expect(planOnly.code).toBe(0);
  });

  it('--break puts a holiday in its term', () => {
    const home = tempHome();
    const r = runMls(['plan', 'init', ...FALL, '--break', 'Thanksgiving:2027-11-24:2027-11-28'], {
      env: { HOME: home },
    });
    expect(r.code).toBe(0);
    expect(readFileSync(join(home, 'plan.yaml'), 'utf8')).toMatch(
      /breaks:\n\s+- name: Thanksgiving\n\s+start: 2027-11-24/,
    );
  });
});
