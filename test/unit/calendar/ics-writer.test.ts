import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { createEvents } from 'ics';
import { convertIcsCalendar } from 'ts-ics';
import { describe, expect, it } from 'vitest';
import { DURATION, refoldIcs } from '../../../src/calendar/ical-text.js';
import { alarmsFromEnd } from '../../../src/calendar/ics-adapter.js';
import { parseEvents, previousEvents } from '../../../src/calendar/ics-read.js';
import { CALENDAR_HEADER, eventUid, icsEvents, writeCalendar } from '../../../src/calendar/ics-writer.js';
import { parsePlan } from '../../../src/formats/plan-file.js';
import { EXAMPLE_PLAN } from '../../../src/planner/example-plan.js';
import type { Plan } from '../../../src/planner/plan.js';
import { buildSchedule } from '../../../src/planner/schedule.js';
import { clock, isoDate } from '../../../src/time/dates.js';
import { wallClock, zoneRules } from '../../../src/time/zone.js';
import { planArb } from '../../helpers/plans.js';
import { ROOT } from '../../helpers/run-mls.js';

const STAMP = new Date('2027-01-01T00:00:00Z');
const example = (await parsePlan(EXAMPLE_PLAN, 'plan.yaml', 'UTC')).plan;

function build(plan: Plan, previous?: Map<string, { sequence: number; signature: string }>) {
  const schedule = buildSchedule(plan);
  return {
    schedule,
    text: writeCalendar(plan, schedule, { zone: zoneRules(plan.timezone), timestamp: STAMP, previous }),
  };
}

/** Every block's event, read back by a parser, is at the block's wall-clock time in the plan's zone. */
function expectEventsMatchSchedule(plan: Plan, text: string) {
  const schedule = buildSchedule(plan);
  const byUid = new Map(parseEvents(text).map((e) => [e.uid, e]));
  expect(byUid.size).toBe(schedule.blocks.length + 2 * schedule.deadlines.length);
  for (const block of schedule.blocks) {
    const event = byUid.get(eventUid(plan, block.key));
    expect(event, block.key).toBeDefined();
    const start = wallClock(new Date(event?.start ?? ''), plan.timezone);
    const end = wallClock(new Date(event?.end ?? ''), plan.timezone);
    expect(start).toEqual({ date: isoDate(block.day), time: clock(block.start) });
    expect(end.time === '00:00' ? '24:00' : end.time).toBe(clock(block.end));
  }
}

describe('writeCalendar on the example plan', () => {
  const { schedule, text } = build(example);

  it('publishes one named calendar with CRLF lines of at most 75 octets', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text).toContain('\r\nMETHOD:PUBLISH\r\n');
    expect(text).toContain('\r\nX-WR-CALNAME:MLIS study plan\r\n');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('writes every TRIGGER in the RFC 5545 duration grammar', () => {
    const triggers = [...text.matchAll(/^TRIGGER(?:;[^:]*)?:(.*)$/gm)].map((m) => m[1]?.trim() ?? '');
    expect(triggers.length).toBe(2 * schedule.deadlines.length);
    for (const t of triggers) expect(t).toMatch(DURATION);
  });

  it('reads back in ical.js with every event at its planned local time', () => {
    expectEventsMatchSchedule(example, text);
  });

  it('reads back in a second, independent parser (ts-ics) with the same instants', () => {
    const calendar = convertIcsCalendar(undefined, text);
    const fromIcalJs = new Map(parseEvents(text).map((e) => [e.uid, e]));
    expect(calendar.events?.length).toBe(fromIcalJs.size);
    for (const e of calendar.events ?? []) {
      const other = fromIcalJs.get(e.uid);
      if (e.start.type === 'DATE') expect(other?.allDay).toBe(true);
      else expect(e.start.date.toISOString()).toBe(other?.start);
    }
  });

  it('writes all-day deadlines as DATE values ending the next day, with reminders counted back from the end of the due day', () => {
    const events = parseEvents(text);
    const reflection = events.find((e) => e.summary === 'Due: Final reflection (INFO 200)');
    expect(reflection).toMatchObject({ allDay: true, start: '2027-12-08', end: '2027-12-09' });
    // Due at the end of 2027-12-08: alarms count back from the event's end, "1d" a calendar day
    // (00:00 on the due day), "2h" two real hours (22:00 that day).
    expect(reflection?.triggers).toEqual(['-P1D', '-PT2H']);
    expect(reflection?.related).toEqual(['END', 'END']);
    const paperDue = events.find((e) => e.summary === 'Due: Community analysis paper (INFO 200)');
    expect(paperDue?.triggers).toEqual(['-P1D', '-PT2H']);
    expect(paperDue?.related).toEqual(['END', 'END']);
    const paper = events.find((e) => e.summary === 'Due: Community analysis paper (INFO 200)');
    expect(paper?.allDay).toBe(false);
    expect(wallClock(new Date(paper?.end ?? ''), 'America/Chicago')).toEqual({ date: '2027-10-08', time: '23:59' });
  });

  it('escapes TEXT values', () => {
    const plan: Plan = {
      ...example,
      deadlines: [{ ...(example.deadlines[0] as Plan['deadlines'][number]), title: 'Essay; part 1, draft\\final' }],
    };
    const { text: escaped } = build(plan);
    expect(escaped).toContain('Essay\\; part 1\\, draft\\\\final');
    // ics escapes only line breaks in an alarm's DESCRIPTION; mls escapes the rest.
    expect(escaped).toContain('\r\nDESCRIPTION:Due: Essay\\; part 1\\, draft\\\\final (INFO 200)\r\n');
    expect(parseEvents(escaped).some((e) => e.summary === 'Due: Essay; part 1, draft\\final (INFO 200)')).toBe(true);
  });

  it('is what the ics package’s validating createEvents() writes for the same events, refolded', () => {
    const events = icsEvents(example, schedule, { zone: zoneRules(example.timezone), timestamp: STAMP });
    const { error, value } = createEvents(events, { ...CALENDAR_HEADER, calName: example.name });
    expect(error).toBeFalsy();
    expect(alarmsFromEnd(refoldIcs(value ?? ''))).toBe(text);
  });

  it('matches the golden file byte for byte (UIDs and DTSTAMP pinned)', () => {
    const golden = join(ROOT, 'test', 'golden', 'example-plan.ics');
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, text);
    expect(text).toBe(readFileSync(golden, 'utf8'));
  });
});

describe('daylight saving time', () => {
  const plan: Plan = {
    name: 'DST',
    timezone: 'America/New_York',
    terms: [{ name: 'Fall-Spring', start: 20758, end: 20940, breaks: [] }], // 2026-10-31 .. 2027-05-01
    availability: [{ weekday: 0, start: 19 * 60, end: 20 * 60 }],
    courses: [{ code: 'LIS 1', title: 'LIS 1', weeklyMinutes: 60, terms: null }],
    deadlines: [],
    settings: { ...example.settings },
  };

  it('keeps a weekly Monday 19:00 session at 19:00 local across the November and March changes', () => {
    const { schedule, text } = build(plan);
    const events = parseEvents(text);
    expect(events.length).toBe(schedule.blocks.length);
    const utcHours = new Set(events.map((e) => new Date(e.start).getUTCHours()));
    expect([...utcHours].sort()).toEqual([0, 23]); // EST 19:00 = 00:00Z, EDT 19:00 = 23:00Z
    for (const e of events) expect(wallClock(new Date(e.start), 'America/New_York').time).toBe('19:00');
  });
});

describe('stable identities', () => {
  it('gives the same bytes for the same plan and timestamp', () => {
    expect(build(example).text).toBe(build(example).text);
  });

  it('keeps a deadline’s UID when its due date changes, and raises SEQUENCE', () => {
    const first = build(example).text;
    const moved: Plan = {
      ...example,
      deadlines: example.deadlines.map((d, i) => (i === 0 ? { ...d, due: { ...d.due, day: d.due.day + 1 } } : d)),
    };
    const second = build(moved, previousEvents(first)).text;
    const key = `due|${example.deadlines[0]?.key}`;
    const before = parseEvents(first).find((e) => e.uid === eventUid(example, key));
    const after = parseEvents(second).find((e) => e.uid === eventUid(example, key));
    expect(before?.sequence).toBe(0);
    expect(after?.sequence).toBe(1);
    expect(after?.start).not.toBe(before?.start);
    // An unchanged deadline keeps SEQUENCE 0.
    const other = `due|${example.deadlines[1]?.key}`;
    expect(parseEvents(second).find((e) => e.uid === eventUid(example, other))?.sequence).toBe(0);
  });
});

describe('calendar writer properties', () => {
  const zones = [
    'UTC',
    'America/Los_Angeles',
    'America/New_York',
    'Asia/Kolkata',
    'Pacific/Auckland',
    'Europe/London',
    'Australia/Lord_Howe',
  ];
  it('for random plans and zones: valid lines and triggers, and events back at their local times', () => {
    fc.assert(
      fc.property(planArb, fc.constantFrom(...zones), (generated, timezone) => {
        const plan = { ...generated, timezone };
        const { text } = build(plan);
        for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
        const triggers = [...text.matchAll(/^TRIGGER(?:;RELATED=END)?:(.*)$/gm)];
        expect(triggers.length).toBe(text.match(/^BEGIN:VALARM/gm)?.length ?? 0);
        for (const m of triggers) expect(m[1]?.trim()).toMatch(DURATION);
        expectEventsMatchSchedule(plan, text);
      }),
      { numRuns: 150 },
    );
  });
});
