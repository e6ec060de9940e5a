import { describe, expect, it } from 'vitest';
import { normalisePlan, planIssues } from '../../../src/planner/plan.js';
import { type PlanInput, planSchema } from '../../../src/schema/plan.js';

/** A small valid plan; each case changes one thing. */
function base(): PlanInput {
  return {
    name: 'Plan',
    timezone: 'America/Chicago',
    terms: [{ name: 'Fall', start: '2027-08-23', end: '2027-12-10', breaks: [] }],
    availability: [{ day: 'mon', start: '19:00', end: '21:00' }],
    courses: [{ code: 'INFO 200', weeklyHours: 2 }],
    deadlines: [{ course: 'INFO 200', title: 'Paper', kind: 'paper', due: '2027-10-08', hours: 4 }],
  };
}

function issuesOf(change: Change): string[] {
  const input = base();
  change(input);
  const file = planSchema.parse(input);
  return planIssues(normalisePlan(file, 'America/Chicago')).map((i) => `${i.path.join('.')}: ${i.message}`);
}

type Change = (p: PlanInput) => unknown;
const term = (p: PlanInput) => p.terms[0] as NonNullable<PlanInput['terms'][number]>;
const firstDeadline = (p: PlanInput) => p.deadlines?.[0] as NonNullable<PlanInput['deadlines']>[number];
const firstCourse = (p: PlanInput) => p.courses?.[0] as NonNullable<PlanInput['courses']>[number];

describe('planIssues: the cross-record rules of a plan', () => {
  it.each<[string, Change, string[]]>([
    ['a valid plan has none', () => {}, []],
    [
      'a term ending before it starts',
      (p) => Object.assign(term(p), { end: '2027-08-01' }),
      ['terms.0.end: the term ends before it starts', 'deadlines.0.due: the due date is outside every term'],
    ],
    [
      'a break ending before it starts',
      (p) => Object.assign(term(p), { breaks: [{ name: 'B', start: '2027-11-25', end: '2027-11-22' }] }),
      ['terms.0.breaks.0.end: the break ends before it starts'],
    ],
    [
      'a break outside its term',
      (p) => Object.assign(term(p), { breaks: [{ name: 'B', start: '2027-12-20', end: '2027-12-24' }] }),
      ['terms.0.breaks.0: the break is outside its term'],
    ],
    [
      'an empty slot',
      (p) => Object.assign(p, { availability: [{ day: 'mon', start: '21:00', end: '21:00' }] }),
      ['availability.0.end: the slot is empty: its end is not after its start'],
    ],
    [
      'a slot across midnight (it was called empty, with no way out)',
      (p) => Object.assign(p, { availability: [{ day: 'sat', start: '23:00', end: '03:00' }] }),
      [
        'availability.0.end: the slot ends before it starts: a slot cannot cross midnight; write it as two, `sat 23:00-23:59` and `sun 00:00-03:00`',
      ],
    ],
    [
      'a slot ending at midnight',
      (p) => Object.assign(p, { availability: [{ day: 'sun', start: '22:00', end: '00:00' }] }),
      [
        'availability.0.end: the slot ends before it starts: a slot cannot cross midnight; write it as `sun 22:00-23:59`',
      ],
    ],
    [
      'overlapping slots on one day',
      (p) => p.availability.push({ day: 'mon', start: '20:00', end: '22:00' }),
      ['availability.1: overlaps mon 19:00-21:00'],
    ],
    [
      'the same times on different days do not overlap',
      (p) => p.availability.push({ day: 'tue', start: '19:00', end: '21:00' }),
      [],
    ],
    [
      'a course listed twice',
      (p) => p.courses?.push({ code: 'INFO 200', weeklyHours: 1 }),
      ['courses.1.code: course INFO 200 is listed twice'],
    ],
    [
      'a course naming a term that does not exist',
      (p) => Object.assign(firstCourse(p), { terms: ['Winter'] }),
      ['courses.0.terms.0: no term has this name'],
    ],
    [
      'a deadline for a course not in courses',
      (p) => Object.assign(firstDeadline(p), { course: 'INFO 999' }),
      ['deadlines.0.course: course INFO 999 is not in courses'],
    ],
    [
      'a deadline outside every term',
      (p) => Object.assign(firstDeadline(p), { due: '2028-01-05' }),
      ['deadlines.0.due: the due date is outside every term'],
    ],
    [
      'the same deadline twice',
      (p) => p.deadlines?.push({ ...firstDeadline(p) }),
      ['deadlines.1: the same deadline is listed twice'],
    ],
    [
      'a zero reminder',
      (p) => Object.assign(p, { settings: { reminders: ['0m'] } }),
      ['settings.reminders.0: a reminder must be from 1m to 56d before the due time (e.g. 1d, 2h, 30m)'],
    ],
  ])('%s', (_what, change, expected) => expect(issuesOf(change)).toEqual(expected));
});
