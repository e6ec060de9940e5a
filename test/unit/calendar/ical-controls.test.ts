import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeCalendar } from '../../../src/calendar/ics-writer.js';
import { parsePlan } from '../../../src/formats/plan-file.js';
import { EXAMPLE_PLAN } from '../../../src/planner/example-plan.js';
import type { Plan } from '../../../src/planner/plan.js';
import { buildSchedule } from '../../../src/planner/schedule.js';
import { zoneRules } from '../../../src/time/zone.js';

const example = (await parsePlan(EXAMPLE_PLAN, 'plan.yaml', 'UTC')).plan;

/** RFC 5545 §3.1, §3.3.11: no control character but HTAB, and CR only before LF. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const FORBIDDEN = /[\x00-\x08\x0a-\x1f\x7f]/;

function calendarWith(text: string): string {
  const plan: Plan = {
    ...example,
    name: `Plan ${text}`,
    courses: example.courses.map((c) => ({ ...c, title: `${c.title} ${text}` })),
    deadlines: example.deadlines.map((d) => ({ ...d, title: `${d.title} ${text}` })),
  };
  const schedule = buildSchedule(plan);
  return writeCalendar(plan, schedule, { zone: zoneRules(plan.timezone), timestamp: new Date(0) });
}

/** The content lines of a calendar, each without its CRLF; a lone CR or LF stays inside a line. */
const contentLines = (text: string) => text.split('\r\n');

describe('no control character reaches the .ics', () => {
  it.each([
    ['NUL', 'Paper\x00 1'],
    ['a terminal escape', '\x1b]0;pwned\x07x'],
    ['a lone CR', 'a\rb'],
    ['a line break', 'one\ntwo'],
    ['C1 controls and line separators', 'a\x85b\u2028c\u2029d\x9b'],
  ])('%s in the plan name and every title', (_name, text) => {
    const ics = calendarWith(text);
    expect(ics.endsWith('\r\n')).toBe(true);
    for (const line of contentLines(ics)) expect(FORBIDDEN.test(line), JSON.stringify(line)).toBe(false);
  });

  it('for any text in the titles: no control character, lines of at most 75 octets', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        for (const line of contentLines(calendarWith(text))) {
          expect(FORBIDDEN.test(line), JSON.stringify(line)).toBe(false);
          expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
        }
      }),
      { numRuns: 40 },
    );
  });
});
