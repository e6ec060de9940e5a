import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../../src/formats/plan-file.js';
import { buildSchedule, replaceSkipped } from '../../../src/planner/schedule.js';
import { dayNumber } from '../../../src/time/dates.js';
import { zoneRules } from '../../../src/time/zone.js';
import { plain } from '../../../src/ui/color.js';
import { workloadChart } from '../../../src/ui/workload.js';

/** Three weeks, two evenings a week, one course and one essay: small enough to read whole. */
const plan = (extra = '', weeklyHours = 2) => `name: Tiny
timezone: UTC
terms: [{ name: T, start: 2027-09-06, end: 2027-09-26 }]
availability: [{ day: mon, start: "19:00", end: "21:00" }, { day: wed, start: "19:00", end: "21:00" }]
courses: [{ code: C1, weeklyHours: ${weeklyHours} }]
deadlines: [{ course: C1, title: Essay, kind: paper, due: 2027-09-22, hours: 2 }${extra}]
`;

async function chart(text: string, width = 10): Promise<string> {
  const { plan: parsed } = await parsePlan(text, 'plan.yaml', 'UTC');
  return workloadChart(parsed, buildSchedule(parsed, zoneRules('UTC')), plain, width);
}

describe('workloadChart', () => {
  it('a bar per week (planned against available hours), the due count, then the deadlines', async () => {
    expect(await chart(plan())).toBe(
      [
        'Tiny (UTC)',
        'week of      planned / available  hours        due',
        '2027-09-06  ██████████    4.0/4.0',
        '2027-09-13  ████████░░    3.0/4.0',
        '2027-09-20  ██████░░░░    2.5/4.0    1 due',
        '',
        'Deadlines',
        '  2027-09-22        Essay (C1)                                      3.0 h from 2027-09-06  planned',
      ].join('\n'),
    );
  });

  it('bars scale to the width asked for', async () => {
    const lines = (await chart(plan(), 20)).split('\n');
    expect(lines[2]).toBe('2027-09-06  ████████████████████    4.0/4.0');
  });

  it('a deadline whose work cannot fit is marked short by the missing hours', async () => {
    const text = plan(', { course: C1, title: Thesis, kind: project, due: 2027-09-08, hours: 20 }');
    const out = await chart(text);
    expect(out).toMatch(/Thesis \(C1\)\s+30\.0 h from \S+\s+short \d+\.\d h/);
  });
});

describe('workloadChart at a terminal’s width', () => {
  it('narrows deadline titles so that no line is wider than 80 columns', async () => {
    const long =
      ', { course: C1, title: A very long title for a paper about information communities, kind: paper, due: 2027-09-23, hours: 1 }';
    const { plan: parsed } = await parsePlan(plan(long), 'plan.yaml', 'UTC');
    const out = workloadChart(parsed, buildSchedule(parsed, zoneRules('UTC')), plain, 30, 80);
    expect(Math.max(...out.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(out).toContain('A very long title…'); // 61 characters besides the title: `missed 999.9 h` is the longest status
  });
});

describe('missed work on a terminal', () => {
  it('a missed deadline’s status and its missed-work line fit 80 columns (they ran to 81 and 194)', async () => {
    const long =
      ', { course: C1, title: "A very long title for a paper about information communities and their many users", kind: paper, due: 2027-09-23, hours: 80 }';
    const { plan: parsed } = await parsePlan(plan(long), 'plan.yaml', 'UTC');
    const now = { day: dayNumber('2027-09-23'), minute: 0 };
    const schedule = replaceSkipped(parsed, buildSchedule(parsed, zoneRules('UTC')), new Map(), now);
    const out = workloadChart(parsed, schedule, plain, 30, 80);
    expect(out).toContain('Missed work');
    expect(Math.max(...out.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
  });
});
