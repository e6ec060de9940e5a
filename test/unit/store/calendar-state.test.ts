import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCalendar } from '../../../src/calendar/ics-writer.js';
import { parsePlan } from '../../../src/formats/plan-file.js';
import { EXAMPLE_PLAN } from '../../../src/planner/example-plan.js';
import { buildSchedule } from '../../../src/planner/schedule.js';
import { readPreviousEvents, saveCalendarState } from '../../../src/store/calendar-state.js';
import { zoneRules } from '../../../src/time/zone.js';

const example = (await parsePlan(EXAMPLE_PLAN, 'plan.yaml', 'UTC')).plan;

/** A calendar written and its state saved, in a fresh folder; returns the paths. */
async function written() {
  const dir = mkdtempSync(join(tmpdir(), 'mls-state-'));
  const env = { MLS_DATA_HOME: join(dir, 'data') };
  const output = join(dir, 'study.ics');
  const calendar = renderCalendar(example, buildSchedule(example), {
    zone: zoneRules(example.timezone),
    timestamp: new Date('2027-01-01T00:00:00Z'),
  });
  writeFileSync(output, calendar.text);
  await saveCalendarState(output, calendar.events, env);
  const stateDir = join(dir, 'data', 'calendars');
  const state = join(stateDir, readdirSync(stateDir)[0] ?? '');
  return { env, output, state, events: calendar.events };
}

describe('calendar state is validated, never trusted verbatim', () => {
  it('reads back what it saved', async () => {
    const { env, output, events } = await written();
    expect(await readPreviousEvents(output, env)).toEqual(events);
  });

  it.each([
    ['a SEQUENCE with a line break', (row: unknown[]) => row.splice(1, 1, 'abc\r\nX-INJECTED:1')],
    ['a negative SEQUENCE', (row: unknown[]) => row.splice(1, 1, -1)],
    ['a summary with a line break', (row: unknown[]) => row.splice(2, 1, `${row[2]}\r\nX-INJECTED:1`)],
    ['a foreign UID', (row: unknown[]) => row.splice(0, 1, 'x\r\nX-INJECTED:1')],
  ])('ignores a state file with %s and reads the calendar itself', async (_, damage) => {
    const { env, output, state, events } = await written();
    const json = JSON.parse(readFileSync(state, 'utf8'));
    damage(json.events[0]);
    writeFileSync(state, JSON.stringify(json));
    const previous = await readPreviousEvents(output, env);
    expect([...(previous?.values() ?? [])].every((e) => Number.isInteger(e.sequence))).toBe(true);
    expect(previous?.size).toBe(events.size);
    expect(JSON.stringify([...(previous ?? [])])).not.toContain('X-INJECTED');
  });

  it('ignores a state file that is not JSON', async () => {
    const { env, output, state, events } = await written();
    writeFileSync(state, '{"version": 3, "events": [');
    expect((await readPreviousEvents(output, env))?.size).toBe(events.size);
  });

  it('when the calendar was touched since (a sync client, a restored backup), keeps what the file holds but never lowers a SEQUENCE nor forgets a cancellation', async () => {
    const { env, output, state } = await written();
    const json = JSON.parse(readFileSync(state, 'utf8'));
    const [uid] = json.events[0];
    json.events[0][1] = 5; // a higher SEQUENCE than the file's
    json.events.push(['0123456789abcdef01234567@mls-planner', 2, '2027-01-05|2027-01-06|Gone', true]);
    writeFileSync(state, JSON.stringify(json));
    utimesSync(output, new Date(), new Date(Date.now() + 5000)); // touched: the state no longer matches it
    const previous = await readPreviousEvents(output, env);
    expect(previous?.get(uid)?.sequence).toBe(5);
    expect(previous?.get('0123456789abcdef01234567@mls-planner')).toMatchObject({ sequence: 2, cancelled: true });
  });
});
