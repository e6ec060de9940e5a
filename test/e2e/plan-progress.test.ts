import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEvents } from '../../src/calendar/ics-read.js';
import { runMls, tempHome } from '../helpers/run-mls.js';

// Monday 2027-10-04, 18:00 in Chicago: before that evening's blocks.
const MONDAY = '2027-10-04T23:00:00Z';

function setup() {
  const home = tempHome();
  const plan = join(home, 'plan.yaml');
  runMls(['plan', 'example', '-o', plan], { env: { HOME: home } });
  const run = (args: string[], now = MONDAY) => runMls(args, { env: { HOME: home, MLS_NOW: now } });
  return { home, plan, run };
}

describe('keeping to the plan', () => {
  it('today lists the day’s blocks, numbered, and the next deadlines with days left', () => {
    const { plan, run } = setup();
    const r = run(['plan', 'today', plan]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Mon 2027-10-04 (America/Chicago)');
    expect(r.stdout).toMatch(/ 1\. 19:00-20:30 +Study: INFO 200/);
    expect(r.stdout).toMatch(/2027-10-08 23:59 +in 4 days +Community analysis paper/);
    const json = JSON.parse(run(['plan', 'today', plan, '--json']).stdout);
    expect(json.blocks[0]).toMatchObject({ number: 1, start: '19:00', status: null });
  });

  it('week shows each day of the week', () => {
    const { plan, run } = setup();
    const r = run(['plan', 'week', plan]);
    expect(r.stdout).toContain('Week of 2027-10-04');
    expect(r.stdout).toContain('Sun 2027-10-10');
  });

  it('done and skip are recorded beside the plan; status reports adherence and warns past 1 in 4', () => {
    const { home, plan, run } = setup();
    expect(run(['plan', 'done', plan, '1', '--date', '2027-10-03']).code).toBe(0);
    expect(run(['plan', 'skip', plan, '2', '--date', '2027-10-03']).code).toBe(0);
    expect(run(['plan', 'skip', plan, '1', '--date', '2027-10-02']).code).toBe(0);
    const log = readFileSync(join(home, 'plan.progress.jsonl'), 'utf8').trim().split('\n');
    expect(log.map((l) => JSON.parse(l).status)).toEqual(['done', 'skipped', 'skipped']);
    const status = JSON.parse(run(['plan', 'status', plan, '--json']).stdout);
    expect(status.adherence).toMatchObject({ done: 1, skipped: 2 });
    const text = run(['plan', 'status', plan, '--threshold', '0.05']).stdout;
    expect(text).toContain('the plan is slipping');
    expect(text).toContain('This week (from 2027-10-04)');
  });

  it('build re-places skipped work in later free time', () => {
    const { home, plan, run } = setup();
    const today = JSON.parse(run(['plan', 'today', plan, '--json']).stdout);
    const work = today.blocks.find((b: { kind: string }) => b.kind === 'work');
    expect(run(['plan', 'skip', plan, String(work.number)]).code).toBe(0);
    const ics = join(home, 'study.ics');
    expect(run(['plan', 'build', plan, '-o', ics]).code).toBe(0);
    const events = parseEvents(readFileSync(ics, 'utf8'));
    const moved = events.filter((e) => e.summary.startsWith('Work (re-placed)'));
    expect(moved.length).toBeGreaterThan(0);
    for (const e of moved) expect(e.start > '2027-10-05T02:30:00.000Z').toBe(true);
  });

  it('says which block numbers exist', () => {
    const { plan, run } = setup();
    const r = run(['plan', 'done', plan, '9']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('there is no block 9 on that day (1 to 2)');
  });
});
