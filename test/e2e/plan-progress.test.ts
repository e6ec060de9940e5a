import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEvents } from '../../src/calendar/ics-read.js';
import { ROOT, runMls, tempHome } from '../helpers/run-mls.js';

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

  it('a day with no blocks says so, with or without numbers', () => {
    const { plan, run } = setup();
    for (const numbers of [[], ['1']]) {
      const r = run(['plan', 'done', plan, ...numbers, '--date', '2027-10-08']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('error: there are no study blocks on 2027-10-08');
    }
  });

  it('says which block numbers exist', () => {
    const { plan, run } = setup();
    const r = run(['plan', 'done', plan, '9']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('there is no block 9 on that day (1 to 2)');
  });
});

describe('skipped blocks and the work re-placed for them', () => {
  const ONE_TERM = join(ROOT, 'test', 'fixtures', 'plans', 'one-term.yaml');
  function oneTerm() {
    const home = tempHome();
    const plan = join(home, 'plan.yaml');
    copyFileSync(ONE_TERM, plan);
    const run = (args: string[], now: string) => runMls(args, { env: { HOME: home, MLS_NOW: now } });
    return { home, plan, run };
  }
  const liveEvents = (ics: string) => parseEvents(ics).filter((e) => e.status !== 'CANCELLED');

  it('a re-placed block stays put once it starts, can be marked done, and its done record counts', () => {
    const { plan, run } = oneTerm();
    const skip = run(['plan', 'skip', plan, '1'], '2027-09-20T22:00:00-05:00');
    expect(skip.code).toBe(0);
    expect(skip.stderr).toContain(
      'Its work moves to later free time (see `mls plan week`); run `mls plan build` to update the calendar.',
    );
    const before = run(['plan', 'today', plan], '2027-09-23T20:29:00-05:00').stdout;
    expect(before).toMatch(/ 2\. 20:30-21:00 +Study: INFO 200 .*\(re-placed\)/);
    const during = run(['plan', 'today', plan], '2027-09-23T20:45:00-05:00').stdout;
    expect(during).toMatch(/ 2\. 20:30-21:00 +Study: INFO 200 .*\(re-placed\)/);
    const done = run(['plan', 'done', plan, '2'], '2027-09-23T21:05:00-05:00');
    expect(done.stderr).toContain('done: 2027-09-23 20:30-21:00 Study: INFO 200');
    expect(done.code).toBe(0);
    const check = run(['plan', 'check', plan, '--json'], '2027-09-27T08:00:00-05:00');
    expect(JSON.parse(check.stdout).missedSessions).toEqual([]);
    // The same events, with the same UIDs and times, whenever the calendar is built.
    const uids = (now: string) =>
      liveEvents(run(['plan', 'build', plan, '-o', '-'], now).stdout)
        .filter((e) => e.summary.includes('re-placed'))
        .map((e) => `${e.uid} ${e.start}`);
    expect(uids('2027-09-23T20:45:00-05:00')).toEqual(uids('2027-09-21T08:00:00-05:00'));
  });

  it('skipping a re-placed block takes it out of the calendar and places its work again', () => {
    const { plan, run } = oneTerm();
    const now = '2027-09-20T18:00:00-05:00';
    expect(run(['plan', 'skip', plan, '1'], now).code).toBe(0);
    const thursday = JSON.parse(run(['plan', 'today', plan, '--date', '2027-09-23', '--json'], now).stdout);
    const piece = thursday.blocks.find((b: { title: string }) => b.title.includes('re-placed'));
    expect(run(['plan', 'skip', plan, String(piece.number), '--date', '2027-09-23'], now).code).toBe(0);
    const events = liveEvents(run(['plan', 'build', plan, '-o', '-'], now).stdout);
    const thuPiece = events.filter((e) => e.summary.includes('re-placed') && e.start.startsWith('2027-09-24T01:30'));
    expect(thuPiece).toEqual([]);
    const replaced = events.filter((e) => e.summary.includes('Study: INFO 200') && e.summary.includes('re-placed'));
    const minutes = replaced.reduce((s, e) => s + (Date.parse(e.end) - Date.parse(e.start)) / 60_000, 0);
    const missed = JSON.parse(run(['plan', 'check', plan, '--json'], '2027-09-27T08:00:00-05:00').stdout);
    const missedMinutes = missed.missedSessions.reduce(
      (s: number, m: { missedHours: number }) => s + m.missedHours * 60,
      0,
    );
    expect(minutes + missedMinutes).toBe(90);
  });

  it('a skipped block’s time is not given to re-placed work, and numbers seen earlier still hold', () => {
    const { plan, run } = oneTerm();
    const now = '2027-09-20T18:00:00-05:00';
    const before = JSON.parse(run(['plan', 'today', plan, '--json'], now).stdout).blocks;
    expect(run(['plan', 'skip', plan, '1', '2'], now).code).toBe(0);
    const after = JSON.parse(run(['plan', 'today', plan, '--json'], now).stdout).blocks;
    expect(after.slice(0, before.length).map((b: { key: string }) => b.key)).toEqual(
      before.map((b: { key: string }) => b.key),
    );
    const skipped = after.filter((b: { status: string | null }) => b.status === 'skipped');
    for (const b of after.filter((x: { status: string | null }) => x.status !== 'skipped')) {
      for (const s of skipped) expect(b.end <= s.start || b.start >= s.end, `${b.title} over ${s.title}`).toBe(true);
    }
  });
});

describe('judged from now', () => {
  it('a deadline whose work window has ended but is not yet due is missed work, not an overload', () => {
    const home = tempHome();
    const plan = join(home, 'plan.yaml');
    writeFileSync(
      plan,
      `name: Past window
timezone: America/New_York
terms:
  - { name: Fall 2027, start: 2027-09-06, end: 2027-12-17 }
availability:
  - { day: tue, start: "19:00", end: "20:00" }
  - { day: sat, start: "10:00", end: "12:00" }
courses:
  - { code: LIS 600, title: Research Methods, weeklyHours: 0 }
deadlines:
  - { course: LIS 600, title: Literature review, kind: project, due: "2027-10-04 23:59", hours: 20 }
`,
    );
    const env = { HOME: home, MLS_NOW: '2027-10-04T10:00:00-04:00' };
    const check = runMls(['plan', 'check', plan], { env });
    expect(check.stderr).not.toContain('overloaded');
    expect(check.stdout).not.toContain('OVER');
    expect(check.stdout).toContain(
      '"Literature review" (LIS 600, due 2027-10-04): 23.0 h of its work found no time before its work window ended on 2027-10-01',
    );
    expect(check.code).toBe(0);
    const build = runMls(['plan', 'build', plan, '-o', join(home, 'out.ics')], { env });
    expect(build.stderr).not.toContain('add availability');
    expect(build.code).toBe(0);
  });
});

describe('a progress log whose last line was cut off', () => {
  it('is read without that line, with one warning, and the next record replaces the cut piece', () => {
    const { home, plan, run } = setup();
    const log = join(home, 'plan.progress.jsonl');
    expect(run(['plan', 'done', plan, '1', '--date', '2027-10-03']).code).toBe(0);
    writeFileSync(log, `${readFileSync(log, 'utf8')}{"key":"session|INFO 202|2027-09-27|2","sta`);
    const today = run(['plan', 'today', plan]);
    expect(today.code).toBe(0);
    expect(today.stderr).toBe(
      'warning: plan.progress.jsonl:2: the last line is cut off (a write was interrupted); it is ignored\n',
    );
    const done = run(['plan', 'done', plan, '1']);
    expect(done.code).toBe(0);
    const lines = readFileSync(log, 'utf8').split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.slice(0, 2).map((l) => JSON.parse(l).status)).toEqual(['done', 'done']);
    const after = run(['plan', 'build', plan, '-o', '-']);
    expect(after.code).toBe(0);
    expect(after.stderr).not.toContain('warning');
  });

  it('a bad line that is not the cut last one stays an error naming its line', () => {
    const { home, plan, run } = setup();
    const log = join(home, 'plan.progress.jsonl');
    writeFileSync(log, '{"key":"a","sta\n{"key":"b","status":"done","at":"2027-10-01T00:00:00Z"}\n');
    const r = run(['plan', 'today', plan]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('plan.progress.jsonl:1: not a progress record');
  });
});

describe('records stay with the blocks they were made for', () => {
  // Every evening free; Essay's work blocks are numbered from its first one, so moving its due
  // date renumbers them: the skip of Monday's `work|LIS 1|Essay|13` went to a Wednesday block.
  function evenings() {
    const home = tempHome();
    const plan = join(home, 'plan.yaml');
    copyFileSync(join(ROOT, 'test', 'fixtures', 'plans', 'free-evenings.yaml'), plan);
    const run = (args: string[], now = '2027-10-04T21:00:00Z') => runMls(args, { env: { HOME: home, MLS_NOW: now } });
    const blocks = (date: string) =>
      JSON.parse(run(['plan', 'today', plan, '--date', date, '--json']).stdout).blocks as {
        title: string;
        start: string;
        status: string | null;
      }[];
    return { home, plan, run, blocks };
  }

  it('a skip stays on its block when an edit renumbers its deadline’s blocks', () => {
    const { plan, run, blocks } = evenings();
    expect(run(['plan', 'skip', plan, '2']).stderr).toContain('skipped: 2027-10-04 19:30-21:00 Work: Essay');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('due: 2027-10-15 23:59', 'due: 2027-10-09 23:59'));
    const monday = blocks('2027-10-04');
    expect(monday.find((b) => b.start === '19:30')).toMatchObject({ title: 'Work: Essay (LIS 1)', status: 'skipped' });
    for (const day of ['2027-09-27', '2027-09-28', '2027-09-29', '2027-09-30', '2027-10-01']) {
      expect(blocks(day).filter((b) => b.status !== null)).toEqual([]);
    }
  });

  it('records of blocks the plan no longer has (a renamed course) are not counted, and a warning says so', () => {
    const { plan, run } = evenings();
    expect(run(['plan', 'done', plan, '1']).code).toBe(0);
    writeFileSync(plan, readFileSync(plan, 'utf8').replaceAll('LIS 1', 'LIS 101'));
    const r = run(['plan', 'status', plan, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).adherence.done).toBe(0);
    expect(r.stderr).toContain('plan.progress.jsonl has records of 1 block the plan no longer has at that time');
  });

  it('skipping a block already skipped adds no second record', () => {
    const { home, plan, run } = evenings();
    expect(run(['plan', 'skip', plan, '2']).code).toBe(0);
    const again = run(['plan', 'skip', plan, '2']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already skipped: 2027-10-04 19:30-21:00 Work: Essay');
    expect(readFileSync(join(home, 'plan.progress.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
  });
});
