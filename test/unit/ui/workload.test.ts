import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../../src/planner/schedule.js';
import { dayNumber } from '../../../src/time/dates.js';
import { missedLines, overloadLines } from '../../../src/ui/workload.js';

const week = (date: string, shortMinutes: number, overloaded = shortMinutes > 0) => ({
  weekStart: dayNumber(date),
  availableMinutes: 180,
  plannedMinutes: 180,
  deadlines: 0,
  shortMinutes,
  missedMinutes: 0,
  overloaded,
});
const shortfall = (course: string, date: string, shortMinutes: number) => ({
  course,
  weekStart: dayNumber(date),
  shortMinutes,
});

const schedule = (s: Partial<Schedule>): Schedule => ({
  blocks: [],
  deadlines: [],
  weeks: [],
  sessionShortfalls: [],
  overloaded: false,
  warnings: [],
  ...s,
});

describe('overloadLines', () => {
  it('groups repeated weekly-study shortfalls into one line per course, weeks listed once, and the summary once', () => {
    const lines = overloadLines(
      schedule({
        sessionShortfalls: [
          shortfall('INFO 200', '2027-02-01', 90),
          shortfall('INFO 200', '2027-02-01', 30),
          shortfall('INFO 200', '2027-02-08', 60),
          shortfall('LIS 600', '2027-02-08', 15),
        ],
        weeks: [week('2027-02-01', 120), week('2027-02-08', 75)],
      }),
    );
    expect(lines).toEqual([
      'weekly study for INFO 200: short by 3.0 h in all over the 2 weeks of 2027-02-01, 2027-02-08',
      'weekly study for LIS 600: short by 0.3 h in the week of 2027-02-08',
      'weeks over capacity: 2027-02-01, 2027-02-08',
    ]);
  });

  it('says how short each week is when every week lacks the same, not the total as if per week', () => {
    const mondays = ['2027-02-01', '2027-02-08', '2027-02-15', '2027-02-22', '2027-03-01', '2027-03-08', '2027-03-15'];
    const lines = overloadLines(schedule({ sessionShortfalls: mondays.map((m) => shortfall('INFO 200', m, 90)) }));
    expect(lines).toEqual([`weekly study for INFO 200: short by 1.5 h a week in the 7 weeks of ${mondays.join(', ')}`]);
  });
});

describe('missedLines', () => {
  it('reports missed weekly study per course', () => {
    const lines = missedLines(schedule({ missedSessions: [shortfall('INFO 200', '2027-02-01', 90)] }));
    expect(lines).toEqual(['weekly study for INFO 200: 1.5 h missed in the week of 2027-02-01']);
  });

  it('gives the missed hours a week, or the total over the weeks when they differ', () => {
    const same = missedLines(
      schedule({ missedSessions: [shortfall('A', '2027-02-01', 90), shortfall('A', '2027-02-08', 90)] }),
    );
    expect(same).toEqual(['weekly study for A: 1.5 h a week missed in the 2 weeks of 2027-02-01, 2027-02-08']);
    const differ = missedLines(
      schedule({ missedSessions: [shortfall('A', '2027-02-01', 90), shortfall('A', '2027-02-08', 30)] }),
    );
    expect(differ).toEqual(['weekly study for A: 2.0 h missed in all over the 2 weeks of 2027-02-01, 2027-02-08']);
  });
});
