import { describe, expect, it } from 'vitest';
import { parseEvents, previousEvents } from '../../../src/calendar/ics-read.js';
import { eventUid, type PreviousEvent, renderCalendar } from '../../../src/calendar/ics-writer.js';
import { parsePlan } from '../../../src/formats/plan-file.js';
import { EXAMPLE_PLAN } from '../../../src/planner/example-plan.js';
import type { Plan } from '../../../src/planner/plan.js';
import { buildSchedule } from '../../../src/planner/schedule.js';
import { DEFAULT_SETTINGS } from '../../../src/schema/plan-vocabulary.js';
import { clock, dayNumber, weekdayIndex, weekStart } from '../../../src/time/dates.js';
import { zoneRules } from '../../../src/time/zone.js';
import { calendarChangesLine } from '../../../src/ui/calendar-changes.js';

const STAMP = new Date('2027-01-01T00:00:00Z');
const example = (await parsePlan(EXAMPLE_PLAN, 'plan.yaml', 'UTC')).plan;

function render(plan: Plan, previous?: ReadonlyMap<string, PreviousEvent>) {
  return renderCalendar(plan, buildSchedule(plan), { zone: zoneRules(plan.timezone), timestamp: STAMP, previous });
}

/** One availability slot on the weekday of `date`, a term of the whole week around it. */
function dstPlan(zone: string, date: string, slot: [number, number], extra: Partial<Plan> = {}): Plan {
  const day = dayNumber(date);
  return {
    name: 'DST',
    timezone: zone,
    terms: [{ name: 'term', start: weekStart(day), end: weekStart(day) + 6, breaks: [] }],
    availability: [{ weekday: weekdayIndex(day), start: slot[0], end: slot[1] }],
    courses: [],
    deadlines: [],
    settings: { ...DEFAULT_SETTINGS, reminders: [1440] },
    ...extra,
  };
}

const deadline = (date: string, minute: number, hours = 0) => ({
  key: 'C|due',
  course: 'C',
  title: 'Paper',
  kind: 'paper' as const,
  due: { day: dayNumber(date), minute },
  allDay: minute === 1440,
  estimateMinutes: hours * 60,
  bufferDays: 0,
  index: 0,
});

const minutes = (e: { start: string; end: string }) => (Date.parse(e.end) - Date.parse(e.start)) / 60_000;

describe('DST edges (the issue’s reproductions)', () => {
  it('a deadline due 03:00 on 2027-03-14 in New York ends after it starts (15 real minutes)', () => {
    const plan = dstPlan('America/New_York', '2027-03-14', [1140, 1200], { deadlines: [deadline('2027-03-14', 180)] });
    const due = parseEvents(render(plan).text).find((e) => e.summary === 'Due: Paper (C)');
    expect(due?.end).toBe('2027-03-14T07:00:00.000Z');
    expect(due && minutes(due)).toBe(15);
  });

  it('a deadline due at a time the clocks skip (02:30) is due at 03:00 and says so', () => {
    const plan = dstPlan('America/New_York', '2027-03-14', [1140, 1200], { deadlines: [deadline('2027-03-14', 150)] });
    const due = parseEvents(render(plan).text).find((e) => e.summary === 'Due: Paper (C)');
    expect(due?.end).toBe('2027-03-14T07:00:00.000Z');
    expect(due?.description).toContain('02:30 does not exist on 2027-03-14 in America/New_York');
    expect(due?.description).toContain('due at 03:00');
  });

  it.each([
    // zone, fall-back day, slot (local minutes), the real interval both passes of the repeated wall-clock time cover
    ['America/New_York', '2027-11-07', [0, 180], '2027-11-07T05:00:00.000Z', '2027-11-07T07:00:00.000Z'],
    ['Europe/London', '2027-10-31', [0, 180], '2027-10-31T00:00:00.000Z', '2027-10-31T02:00:00.000Z'],
    // The clocks go back at midnight: 00:00-01:00 happens twice.
    ['Atlantic/Azores', '2027-10-31', [0, 180], '2027-10-31T00:00:00.000Z', '2027-10-31T02:00:00.000Z'],
    // A 30-minute change: 01:30-02:00 happens twice.
    ['Australia/Lord_Howe', '2027-04-04', [60, 180], '2027-04-03T14:30:00.000Z', '2027-04-03T15:30:00.000Z'],
  ] as const)(
    'the time that happens twice on the fall-back night in %s (%s) is left free',
    (zone, date, slot, from, to) => {
      // Earlier builds placed blocks in it: 01:00-01:00 in New York, which calcurse stored as 0 minutes
      // beside an overlapping one, and events in its first pass that `khal list` does not show.
      const plan = dstPlan(zone, date, [slot[0], slot[1]], {
        courses: [{ code: 'C', title: 'C', weeklyMinutes: 240, terms: null }],
      });
      const schedule = buildSchedule(plan, zoneRules(zone));
      const [start, end] = [Date.parse(from), Date.parse(to)];
      expect(schedule.blocks.length).toBeGreaterThan(0);
      for (const b of schedule.blocks) expect(b.endAt <= start || b.startAt >= end).toBe(true);
      // Around it the slot is used up to its edges, and each block's wall-clock times read as its real length.
      expect(
        schedule.blocks.some((b) => b.endAt === start) || start === zoneRules(zone).toUtc(dayNumber(date), slot[0]),
      ).toBe(true);
      expect(schedule.blocks.some((b) => b.startAt === end)).toBe(true);
      for (const b of schedule.blocks) expect(b.end - b.start).toBe((b.endAt - b.startAt) / 60_000);
      expect(schedule.weeks.reduce((sum, w) => sum + w.availableMinutes, 0)).toBe(
        (zoneRules(zone).toUtc(dayNumber(date), slot[1]) -
          zoneRules(zone).toUtc(dayNumber(date), slot[0]) -
          (end - start)) /
          60_000,
      );
    },
  );

  it('a London block stays inside its slot 00:30-01:30 on 2027-03-28, which is 30 real minutes long', () => {
    const plan = dstPlan('Europe/London', '2027-03-28', [30, 90], {
      courses: [{ code: 'C', title: 'C', weeklyMinutes: 60, terms: null }],
    });
    const blocks = parseEvents(render(plan).text).filter((e) => e.summary === 'Study: C');
    expect(blocks.map((e) => [e.start, e.end])).toEqual([['2027-03-28T00:30:00.000Z', '2027-03-28T01:00:00.000Z']]);
  });

  it('a block ending at a London slot’s end that the clocks skip (01:00 on 2027-03-28) shows the time the file holds', () => {
    const plan = dstPlan('Europe/London', '2027-03-28', [20, 60], {
      courses: [{ code: 'C', title: 'C', weeklyMinutes: 35, terms: null }],
    });
    const [block] = buildSchedule(plan).blocks;
    expect(block && [clock(block.start), clock(block.end)]).toEqual(['00:20', '02:00']);
    expect(block && (block.endAt - block.startAt) / 60_000).toBe(40); // the whole slot: 00:20-01:00 GMT
  });

  it.each([
    ['America/New_York', '2027-03-14'],
    ['Europe/London', '2027-03-28'],
    ['Australia/Sydney', '2027-10-03'],
    ['Australia/Lord_Howe', '2027-10-03'],
  ])(
    'a slot over the spring-forward gap in %s on %s never starts a block at a time that does not exist',
    (zone, date) => {
      const plan = dstPlan(zone, date, [90, 210], {
        courses: [{ code: 'C', title: 'C', weeklyMinutes: 150, terms: null }],
        deadlines: [deadline(date, 165, 1)],
      });
      const rules = zoneRules(zone);
      const schedule = buildSchedule(plan, rules);
      for (const b of schedule.blocks) {
        expect(b.endAt).toBeGreaterThan(b.startAt);
        expect(rules.isSkipped(b.day, b.start)).toBe(false);
      }
      for (const e of parseEvents(render(plan).text)) expect(e.end > e.start).toBe(true);
    },
  );
});

describe('reminders of an all-day deadline on a 23-hour day (New York, 2027-03-14)', () => {
  it('count back from the end of the due day: none fires after the deadline', () => {
    const plan = dstPlan('America/New_York', '2027-03-14', [1140, 1200], {
      deadlines: [deadline('2027-03-14', 1440)],
      settings: { ...DEFAULT_SETTINGS, reminders: [1440, 120, 30, 2880] },
    });
    const due = parseEvents(render(plan).text).find((e) => e.summary === 'Due: Paper (C)');
    expect(due?.allDay).toBe(true);
    expect(due?.triggers).toEqual(['-P1D', '-PT2H', '-PT30M', '-P2D']);
    expect(due?.related).toEqual(['END', 'END', 'END', 'END']);
  });
});

describe('text every client accepts', () => {
  it('line breaks and controls in titles and the plan name become spaces in SUMMARY and X-WR-CALNAME', () => {
    const plan: Plan = {
      ...example,
      name: 'Fall, 2027; A\\B\nnext',
      deadlines: example.deadlines.map((d, i) => (i === 0 ? { ...d, title: 'Line one\nline\ttwo\u0007' } : d)),
    };
    const { text } = render(plan);
    expect(text).toContain('X-WR-CALNAME:Fall\\, 2027\\; A\\\\B next\r\n');
    expect(text).toContain('SUMMARY:Due: Line one line two  (INFO 200)');
    expect(text).not.toMatch(/^SUMMARY:.*\\n/m);
  });
});

describe('changed plans update calendars cleanly', () => {
  const first = render(example);
  const without: Plan = { ...example, deadlines: example.deadlines.slice(1) };
  const second = render(without, first.events);

  it('writes the events of a removed deadline once more as CANCELLED with a higher SEQUENCE', () => {
    const gone = eventUid(example, `due|${example.deadlines[0]?.key}`);
    const event = parseEvents(second.text).find((e) => e.uid === gone);
    expect(event?.status).toBe('CANCELLED');
    expect(event?.sequence).toBe(1);
    expect(second.changes.cancelled).toBeGreaterThanOrEqual(2); // its due and start events, and its blocks
    expect(second.changes.added).toBe(0);
  });

  it('leaves no active stale event in a client that imports the old file, then the new one (by UID and SEQUENCE)', () => {
    const client = new Map<string, ReturnType<typeof parseEvents>[number]>();
    for (const text of [first.text, second.text]) {
      for (const e of parseEvents(text)) {
        const held = client.get(e.uid);
        if (!held || e.sequence >= held.sequence) client.set(e.uid, e);
      }
    }
    const active = [...client.values()].filter((e) => e.status !== 'CANCELLED').map((e) => e.uid);
    const current = parseEvents(second.text)
      .filter((e) => e.status !== 'CANCELLED')
      .map((e) => e.uid);
    expect(active.sort()).toEqual(current.sort());
  });

  it('does not write a cancelled event again on the next build, and reads its state back from the file', () => {
    const third = render(without, previousEvents(second.text));
    expect(third.changes).toMatchObject({ added: 0, changed: 0, cancelled: 0 });
    expect(parseEvents(third.text).some((e) => e.status === 'CANCELLED')).toBe(false);
  });

  it('remembers a cancelled event’s SEQUENCE after it is no longer written: back two builds later, it is above it', () => {
    const third = render(without, second.events); // the cancellation is not written again
    expect(parseEvents(third.text).some((e) => e.status === 'CANCELLED')).toBe(false);
    const back = render(example, third.events);
    const uid = eventUid(example, `due|${example.deadlines[0]?.key}`);
    expect(parseEvents(back.text).find((e) => e.uid === uid)?.sequence).toBe(2);
    expect(back.changes.added).toBe(second.changes.cancelled);
    expect(back.changes.cancelled).toBe(0);
  });

  it('counts a deadline that comes back as added, with a SEQUENCE above its cancelled one', () => {
    const back = render(example, second.events);
    const uid = eventUid(example, `due|${example.deadlines[0]?.key}`);
    expect(parseEvents(back.text).find((e) => e.uid === uid)?.sequence).toBe(2);
    expect(back.changes.added).toBe(second.changes.cancelled);
  });

  it.each([
    [{ added: 3, changed: 1, unchanged: 5, cancelled: 0 }, 'Calendar: 3 added, 1 changed, 0 cancelled.'],
    [
      { added: 0, changed: 0, unchanged: 5, cancelled: 2 },
      'Calendar: 0 added, 0 changed, 2 cancelled (events no longer in the plan are written as CANCELLED: import the file again to remove them).',
    ],
  ])('%o -> %s', (changes, line) => expect(calendarChangesLine(changes)).toBe(line));
});
