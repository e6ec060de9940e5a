import { existsSync, readFileSync } from 'node:fs';
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
      await t.answer('Time zone', ['C-u', 'America/Chicago', 'Enter']);
      await t.answer('Term name', ['Enter']);
      await t.answer('First day of the term', ['2027-08-23', 'Enter']);
      await t.answer('Last day of the term', ['2027-12-10', 'Enter']);
      await t.answer('Add another term?', ['n', 'Enter']);
      await t.answer('Which day can you study?', ['Enter']);
      await t.answer('From (HH:MM)', ['Enter']);
      await t.answer('Until (HH:MM)', ['Enter']);
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
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toContain('timezone: America/Chicago');
    expect(readFileSync(join(dir, 'study.ics'), 'utf8')).toContain('BEGIN:VCALENDAR');
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
});
