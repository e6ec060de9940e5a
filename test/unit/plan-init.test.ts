import { describe, expect, it } from 'vitest';
import {
  gatherPlan,
  type InitOptions,
  parseCourse,
  parseDeadline,
  parseSlot,
  parseTerm,
  planYaml,
} from '../../src/commands/plan/init.js';
import { UserError } from '../../src/errors.js';
import { parsePlan } from '../../src/formats/plan-file.js';
import type { Prompter } from '../../src/ui/prompts.js';

/** Answers prompts from a script, checking each question is the one expected. */
function scripted(answers: [RegExp, unknown][]): Prompter & { left(): number } {
  const queue = [...answers];
  const next = (message: string) => {
    const item = queue.shift();
    if (!item) throw new Error(`unexpected question: ${message}`);
    expect(message).toMatch(item[0]);
    return item[1];
  };
  return {
    input: async (message, options) => {
      const answer = next(message) as string;
      const value = answer === '' && options?.default !== undefined ? options.default : answer;
      const valid = options?.validate?.(value) ?? true;
      if (valid !== true) throw new Error(`"${value}" rejected: ${valid}`);
      return value;
    },
    confirm: async (message) => next(message) as boolean,
    select: async (message) => next(message) as never,
    left: () => queue.length,
  };
}

const noFlags: InitOptions = { output: 'plan.yaml', input: true };

describe('plan init wizard', () => {
  it('builds a valid plan from scripted answers', async () => {
    const p = scripted([
      [/Name of the plan/, 'Fall plan'],
      [/Time zone/, 'America/Chicago'],
      [/Term name/, 'Fall 2027'],
      [/First day/, '2027-08-23'],
      [/Last day/, '2027-12-10'],
      [/another term/, false],
      [/Which day/, 'mon'],
      [/From/, '19:00'],
      [/Until/, '21:30'],
      [/another weekly time slot/, true],
      [/Which day/, 'sat'],
      [/From/, '09:00'],
      [/Until/, '12:00'],
      [/another weekly time slot/, false],
      [/Add your courses/, true],
      [/Course code/, 'INFO 200'],
      [/Course title/, 'Information Communities'],
      [/weekly study hours/, '3'],
      [/Add another course/, false],
      [/Add deadlines/, true],
      [/^Course$/, 'INFO 200'],
      [/What is due/, 'Community analysis paper'],
      [/Kind/, 'paper'],
      [/Due/, '2027-10-08 23:59'],
      [/estimate/, '8'],
      [/Add another deadline/, false],
    ]);
    const plan = await gatherPlan(noFlags, p, 'UTC');
    expect(p.left()).toBe(0);
    const { plan: parsed } = await parsePlan(planYaml(plan), 'plan.yaml', 'UTC');
    expect(parsed.timezone).toBe('America/Chicago');
    expect(parsed.availability).toHaveLength(2);
    expect(parsed.deadlines[0]).toMatchObject({ course: 'INFO 200', title: 'Community analysis paper', kind: 'paper' });
    expect(planYaml(plan)).toContain('start: "19:00"');
  });

  it('asks only for what the flags leave out', async () => {
    const p = scripted([
      [/Name of the plan/, ''],
      [/Add your courses/, false],
    ]);
    const plan = await gatherPlan(
      { ...noFlags, timezone: 'Europe/London', term: ['Spring:2028-01-10:2028-04-28'], slot: ['tue 18:00-20:00'] },
      p,
      'UTC',
    );
    expect(plan.name).toBe('My study plan');
    expect(plan.terms).toEqual([{ name: 'Spring', start: '2028-01-10', end: '2028-04-28', breaks: [] }]);
  });

  it('rejects a bad answer through the prompt’s own validation', async () => {
    const p = scripted([
      [/Name of the plan/, 'x'],
      [/Time zone/, 'Mars/Base'],
    ]);
    await expect(gatherPlan(noFlags, p, 'UTC')).rejects.toThrow(/not a time zone/);
  });

  it('without a terminal, names the missing flags', async () => {
    await expect(gatherPlan(noFlags, null, 'UTC')).rejects.toThrow(UserError);
    await expect(gatherPlan(noFlags, null, 'UTC')).rejects.toThrow(/missing --term .* and --slot/);
  });
});

describe('init flags', () => {
  it('parse terms, slots, courses and deadlines', () => {
    expect(parseTerm('Fall 2027:2027-08-23:2027-12-10')).toMatchObject({ name: 'Fall 2027', start: '2027-08-23' });
    expect(parseSlot('Wednesday 18:30-20:00')).toEqual({ day: 'wed', start: '18:30', end: '20:00' });
    expect(parseCourse('LIS 1:Intro:2.5')).toEqual({ code: 'LIS 1', title: 'Intro', weeklyHours: 2.5 });
    expect(parseDeadline('LIS 1|Essay|paper|2027-10-01|6')).toEqual({
      course: 'LIS 1',
      title: 'Essay',
      kind: 'paper',
      due: '2027-10-01',
      hours: 6,
    });
    expect(() => parseDeadline('LIS 1|Essay|poem|2027-10-01|6')).toThrow(/kinds: assignment/);
    expect(() => parseSlot('someday')).toThrow(/use "mon 19:00-21:30"/);
  });
});
