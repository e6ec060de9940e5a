import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runMls, tempHome } from '../helpers/run-mls.js';

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
