import { describe, expect, it } from 'vitest';
import { gatherPlan, type InitOptions } from '../../../src/commands/plan/init.js';
import {
  addBreakFlag,
  checkFlags,
  courseFlag,
  deadlineFlag,
  draftFromFlags,
  slotFlag,
  termFlag,
  zoneFlag,
} from '../../../src/commands/plan/init-flags.js';
import { UserError } from '../../../src/errors.js';
import { parsePlan } from '../../../src/formats/plan-file.js';
import { planYaml } from '../../../src/formats/plan-yaml.js';
import { dayNumber } from '../../../src/time/dates.js';
import type { Prompter } from '../../../src/ui/prompts.js';

const TODAY = dayNumber('2027-06-15');

/**
 * Answers prompts from a script, checking each question is the one expected. An answer the
 * prompt's validation refuses is recorded and the question is asked again with the next one,
 * as the terminal prompt does.
 */
function scripted(answers: [RegExp, unknown][]): Prompter & { left(): number; refused: string[] } {
  const queue = [...answers];
  const refused: string[] = [];
  const next = (message: string) => {
    const item = queue.shift();
    if (!item) throw new Error(`unexpected question: ${message}`);
    expect(message).toMatch(item[0]);
    return item[1];
  };
  const input: Prompter['input'] = async (message, options) => {
    const answer = next(message) as string;
    const value = answer === '' && options?.default !== undefined ? options.default : answer;
    const valid = options?.validate?.(value) ?? true;
    if (valid === true) return value;
    refused.push(`${value}: ${valid}`);
    return input(message, options);
  };
  return {
    input,
    confirm: async (message) => next(message) as boolean,
    select: async (message) => next(message) as never,
    left: () => queue.length,
    refused,
  };
}

const noFlags: InitOptions = { input: true };

const FALL: [RegExp, unknown][] = [
  [/Term name/, 'Fall 2027'],
  [/First day of the term/, '2027-08-23'],
  [/Last day of the term/, '2027-12-10'],
  [/Any breaks or holidays in Fall 2027/, false],
  [/another term/, false],
];

describe('plan init wizard', () => {
  it('builds a valid plan from scripted answers, in the forms people type', async () => {
    const p = scripted([
      [/Name of the plan/, 'Fall plan'],
      [/Time zone/, 'chicago'],
      [/Term name/, 'Fall 2027'],
      [/First day of the term/, 'Aug 23'],
      [/Last day of the term/, '12/10/2027'],
      [/Any breaks or holidays in Fall 2027/, true],
      [/Name of the break/, 'Thanksgiving'],
      [/First day of the break/, 'Nov 24'],
      [/Last day of the break/, 'Nov 28'],
      [/Add another break/, false],
      [/another term/, false],
      [/Which day/, 'mon'],
      [/From/, '7pm'],
      [/Until/, '9:30pm'],
      [/another weekly time slot/, true],
      [/Which day/, 'sat'],
      [/From/, '09:00'],
      [/Until/, 'noon'],
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
      [/Due/, 'Oct 8 11:59pm'],
      [/estimate/, '8'],
      [/Add another deadline/, false],
    ]);
    const plan = await gatherPlan(noFlags, p, 'UTC', TODAY);
    expect(p.left()).toBe(0);
    expect(p.refused).toEqual([]);
    const { plan: parsed } = await parsePlan(planYaml(plan), 'plan.yaml', 'UTC');
    expect(parsed.timezone).toBe('America/Chicago');
    expect(parsed.availability).toEqual([
      { weekday: 0, start: 19 * 60, end: 21.5 * 60 },
      { weekday: 5, start: 9 * 60, end: 12 * 60 },
    ]);
    expect(plan.terms[0]).toMatchObject({ start: '2027-08-23', end: '2027-12-10' });
    expect(plan.terms[0]?.breaks).toEqual([{ name: 'Thanksgiving', start: '2027-11-24', end: '2027-11-28' }]);
    expect(plan.deadlines[0]).toMatchObject({ title: 'Community analysis paper', due: '2027-10-08 23:59' });
    expect(planYaml(plan)).toContain('start: "19:00"');
  });

  it('asks again, with the reason, instead of failing: an impossible date keeps every answer', async () => {
    const p = scripted([
      [/Term name/, 'Spring'],
      [/First day of the term/, '2027-02-30'],
      [/First day of the term/, '2028-01-10'],
      [/Last day of the term/, '2027-12-01'],
      [/Last day of the term/, '2028-04-28'],
      [/Any breaks/, true],
      [/Name of the break/, ''],
      [/First day of the break/, '2028-06-01'],
      [/First day of the break/, '2028-03-13'],
      [/Last day of the break/, '2028-03-17'],
      [/Add another break/, false],
      [/another term/, false],
      [/Which day/, 'tue'],
      [/From/, '7'],
      [/From/, '18:00'],
      [/Until/, '17:00'],
      [/Until/, '20:00'],
      [/another weekly time slot/, false],
      [/Add your courses/, false],
    ]);
    const plan = await gatherPlan({ ...noFlags, name: 'x', timezone: 'UTC' }, p, 'UTC', TODAY);
    expect(p.left()).toBe(0);
    expect(p.refused).toEqual([
      '2027-02-30: "2027-02-30" is not a date (use YYYY-MM-DD, M/D/YYYY or a month and day such as Jan 19)',
      '2027-12-01: the term ends before it starts',
      '2028-06-01: the break is outside its term',
      '7: say 7 am or 7 pm, or use HH:MM (24-hour)',
      '17:00: the slot ends before it starts: a slot cannot cross midnight; write it as two, `tue 18:00-23:59` and `wed 00:00-17:00`',
    ]);
    expect(plan.terms[0]?.breaks).toEqual([{ name: 'Break', start: '2028-03-13', end: '2028-03-17' }]);
  });

  it('a second slot on the same day: a From inside a slot is asked again; an overlap asks the whole slot again', async () => {
    const p = scripted([
      ...FALL,
      [/Which day/, 'mon'],
      [/From/, '7pm'],
      [/Until/, '9:30pm'],
      [/another weekly time slot/, true],
      [/Which day/, 'mon'],
      [/From/, '8pm'],
      [/From/, '6pm'],
      [/Until/, '8pm'],
      [/mon 18:00-20:00 overlaps mon 19:00-21:30.*again/, true],
      [/Which day/, 'mon'],
      [/From/, '5pm'],
      [/Until/, '7pm'],
      [/another weekly time slot/, true],
      [/Which day/, 'mon'],
      [/From/, '9pm'],
      [/From/, '10pm'],
      [/Until/, '11pm'],
      [/another weekly time slot/, true],
      [/Which day/, 'mon'],
      [/From/, '4pm'],
      [/Until/, '11:30pm'],
      [/mon 16:00-23:30 overlaps mon 19:00-21:30.*again/, false],
      [/another weekly time slot/, false],
      [/Add your courses/, false],
    ]);
    const plan = await gatherPlan({ ...noFlags, name: 'x', timezone: 'UTC' }, p, 'UTC', TODAY);
    expect(p.left()).toBe(0);
    expect(p.refused).toEqual([
      '8pm: 20:00 is inside mon 19:00-21:30, a slot given already',
      '9pm: 21:00 is inside mon 19:00-21:30, a slot given already',
    ]);
    expect(plan.availability).toEqual([
      { day: 'mon', start: '19:00', end: '21:30' },
      { day: 'mon', start: '17:00', end: '19:00' },
      { day: 'mon', start: '22:00', end: '23:00' },
    ]);
  });

  it('offers a list when a zone name fits several', async () => {
    const p = scripted([
      [/Time zone/, 'Mars'],
      [/Time zone/, 'Central'],
      [/Which time zone/, 'America/Winnipeg'],
      ...FALL,
      [/Which day/, 'mon'],
      [/From/, ''],
      [/Until/, ''],
      [/another weekly time slot/, false],
      [/Add your courses/, false],
    ]);
    const plan = await gatherPlan({ ...noFlags, name: 'x' }, p, 'UTC', TODAY);
    expect(plan.timezone).toBe('America/Winnipeg');
    expect(p.refused).toEqual([
      'Mars: no time zone by that name: type its IANA name (Area/City) or the nearest large city that has a zone of its own',
    ]);
  });

  it('on a terminal, a --timezone that fits several zones is a choice', async () => {
    const p = scripted([
      [/Which time zone/, 'America/Winnipeg'],
      [/Add your courses/, false],
    ]);
    const flags = { ...noFlags, name: 'x', timezone: 'Central', term: ['F:Aug 23:Dec 10'], slot: ['mon 7pm-9pm'] };
    expect((await gatherPlan(flags, p, 'UTC', TODAY)).timezone).toBe('America/Winnipeg');
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
      TODAY,
    );
    expect(plan.name).toBe('My study plan');
    expect(plan.terms).toEqual([{ name: 'Spring', start: '2028-01-10', end: '2028-04-28', breaks: [] }]);
  });

  it('a course listed twice is asked again', async () => {
    const p = scripted([
      [/Add your courses/, true],
      [/Course code/, 'A'],
      [/Course title/, ''],
      [/weekly study hours/, '61'],
      [/weekly study hours/, '2'],
      [/Add another course/, true],
      [/Course code/, 'A'],
      [/Course code/, 'B'],
      [/Course title/, ''],
      [/weekly study hours/, ''],
      [/Add another course/, false],
      [/Add deadlines/, false],
    ]);
    const flags = { ...noFlags, name: 'x', timezone: 'UTC', term: ['F:2027-08-23:2027-12-10'], slot: ['mon 7pm-9pm'] };
    const plan = await gatherPlan(flags, p, 'UTC', TODAY);
    expect(plan.courses.map((c) => c.code)).toEqual(['A', 'B']);
    expect(p.refused[1]).toBe('A: course A is listed twice');
  });

  it('without a terminal, names the missing flags', async () => {
    await expect(gatherPlan(noFlags, null, 'UTC', TODAY)).rejects.toThrow(UserError);
    await expect(gatherPlan(noFlags, null, 'UTC', TODAY)).rejects.toThrow(/missing --term .* and --slot/);
  });
});

describe('init flags, read by the same parsers and checked by the same rules', () => {
  const term = (text: string) => termFlag(text, TODAY);
  it('--term with ISO dates', () =>
    expect(term('Fall 2027:2027-08-23:2027-12-10')).toMatchObject({ start: '2027-08-23', end: '2027-12-10' }));
  it('--term with month names', () => expect(term('Fall:Aug 23:Dec 10')).toMatchObject({ end: '2027-12-10' }));
  it('--term with an impossible date', () => expect(() => term('F:2027-02-30:2027-05-01')).toThrow(/is not a date/));
  it('--slot Wednesday 18:30-20:00', () =>
    expect(slotFlag('Wednesday 18:30-20:00')).toEqual({ day: 'wed', start: '18:30', end: '20:00' }));
  it('--slot someday', () => expect(() => slotFlag('someday')).toThrow(/--slot "someday": /));
  it('--course LIS 1:Intro:2.5', () =>
    expect(courseFlag('LIS 1:Intro:2.5')).toEqual({ code: 'LIS 1', title: 'Intro', weeklyHours: 2.5 }));
  it('--deadline with an all-day date', () =>
    expect(deadlineFlag('LIS 1|Essay|paper|2027-10-01|6', TODAY)).toEqual({
      course: 'LIS 1',
      title: 'Essay',
      kind: 'paper',
      due: '2027-10-01',
      hours: 6,
    }));
  it('--deadline with an unknown kind', () =>
    expect(() => deadlineFlag('LIS 1|Essay|poem|2027-10-01|6', TODAY)).toThrow(/kinds: assignment/));
  it('--timezone chicago', () => expect(zoneFlag('chicago')).toBe('America/Chicago'));
  it('--timezone america/chicago', () => expect(zoneFlag('america/chicago')).toBe('America/Chicago'));
  it('--timezone Central lists the candidates', () =>
    expect(() => zoneFlag('Central')).toThrow(/more than one time zone fits: America\/Chicago, America\/Winnipeg/));
  it('--timezone Mars', () => expect(() => zoneFlag('Mars')).toThrow(/no time zone by that name/));
  it('--break goes into the term that holds it', () => {
    const terms = [term('F:2027-08-23:2027-12-10')];
    addBreakFlag(terms, 'Thanksgiving:Nov 24:Nov 28', TODAY);
    expect(terms[0]?.breaks).toEqual([{ name: 'Thanksgiving', start: '2027-11-24', end: '2027-11-28' }]);
  });
  it('--break outside every term', () =>
    expect(() => addBreakFlag([term('F:2027-08-23:2027-12-10')], 'X:2028-01-01:2028-01-02', TODAY)).toThrow(
      /outside every term/,
    ));
  it('--term that ends before it starts names the flag', () => {
    const flags = { term: ['F:2027-12-10:2027-08-23'], slot: ['mon 7pm-9pm'] };
    expect(() => checkFlags(draftFromFlags(flags, 'p', 'UTC', TODAY), flags)).toThrow(
      '--term "F:2027-12-10:2027-08-23": the term ends before it starts (terms[0].end)',
    );
  });
  it('an empty --name names the flag', () => {
    const flags = { name: '', term: ['F:2027-08-23:2027-12-10'], slot: ['mon 7pm-9pm'] };
    expect(() => checkFlags(draftFromFlags(flags, 'p', 'UTC', TODAY), flags)).toThrow(/^--name "": /);
  });
  it('overlapping --slot flags name the flag', () => {
    const flags = { term: ['F:2027-08-23:2027-12-10'], slot: ['mon 7pm-9pm', 'mon 8pm-10pm'] };
    expect(() => checkFlags(draftFromFlags(flags, 'p', 'UTC', TODAY), flags)).toThrow(
      '--slot "mon 8pm-10pm": overlaps mon 19:00-21:00 (availability[1])',
    );
  });
});
