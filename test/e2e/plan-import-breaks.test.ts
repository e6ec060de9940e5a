/** `mls plan import` and the breaks of a feed: every break is added, unchanged, changed or listed. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runMls, tempHome } from '../helpers/run-mls.js';

const lms = (name: string) => join(ROOT, 'test', 'fixtures', 'lms', name);

function breaksPlan() {
  const home = tempHome();
  const plan = join(home, 'plan.yaml');
  writeFileSync(plan, readFileSync(lms('breaks-plan.yaml'), 'utf8'));
  const run = (feed: string, ...args: string[]) =>
    runMls(['plan', 'import', lms(feed), plan, ...args], { env: { HOME: home }, cwd: home });
  return { plan, run };
}

describe('mls plan import: breaks', () => {
  it('a feed break with the dates of a typed one is counted as already in the plan, and the summary counts breaks', () => {
    const { run } = breaksPlan();
    const r = run('breaks.ics', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.breaksUnchanged).toBe(1);
    expect(out.breaksAdded.map((b: { name: string; term: string }) => `${b.name} (${b.term})`)).toEqual([
      'Summer recess (Spring 2027)',
      'Summer recess (Summer 2027)',
      'Independence Day holiday (Summer 2027)',
      'Zero-length break (Spring 2027)',
      'Reading week (Spring 2027)',
    ]);
    expect(r.stderr).toMatch(/; breaks: 5 added, 0 changed, 1 unchanged; 1 event not imported\./);
  });

  it('a break running across two terms is added to each, for its days in it', () => {
    const { plan, run } = breaksPlan();
    expect(run('breaks.ics').code).toBe(0);
    const text = readFileSync(plan, 'utf8');
    expect(text).toContain('{ name: Summer recess, start: 2027-05-10, end: 2027-05-14 }');
    expect(text).toMatch(/name: Summer recess\n\s+start: 2027-06-01\n\s+end: 2027-06-04/);
  });

  it('a re-import counts every break as unchanged', () => {
    const { run } = breaksPlan();
    run('breaks.ics');
    const r = run('breaks.ics');
    expect(r.stderr).toMatch(/; breaks: 0 added, 0 changed, 6 unchanged; 1 event not imported\./);
  });

  it('a break the feed moves or renames is changed in the plan, not added again', () => {
    const { plan, run } = breaksPlan();
    run('breaks.ics');
    const r = run('breaks-moved.ics', '--json');
    const out = JSON.parse(r.stdout);
    expect(out.breaksAdded).toEqual([]);
    expect(out.breaksChanged).toEqual([
      {
        uid: 'B2',
        name: 'Summer recess',
        start: '2027-05-12',
        end: '2027-05-14',
        term: 'Spring 2027',
        fromName: 'Summer recess',
        fromStart: '2027-05-10',
        fromEnd: '2027-05-14',
      },
      {
        uid: 'B7',
        name: 'Reading week (moved)',
        start: '2027-04-01',
        end: '2027-04-01',
        term: 'Spring 2027',
        fromName: 'Reading week',
        fromStart: '2027-04-01',
        fromEnd: '2027-04-01',
      },
    ]);
    const text = readFileSync(plan, 'utf8');
    expect(text).toContain('{ name: Summer recess, start: 2027-05-12, end: 2027-05-14 }');
    expect(text).not.toContain('start: 2027-05-10');
    expect(text).toContain('{ name: Reading week (moved), start: 2027-04-01, end: 2027-04-01 }');
    const textRun = run('breaks.ics');
    expect(textRun.stdout).toContain(
      'changed  2027-05-10 to 2027-05-14  Summer recess (Spring 2027) (was 2027-05-12 to 2027-05-14)',
    );
    expect(textRun.stdout).toContain(
      'changed  2027-04-01 to 2027-04-01  Reading week (Spring 2027) (was "Reading week (moved)")',
    );
  });
});
