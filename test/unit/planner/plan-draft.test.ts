import { describe, expect, it } from 'vitest';
import { draftIssues } from '../../../src/planner/plan-draft.js';
import type { PlanInput } from '../../../src/schema/plan.js';

const TERM = { name: 'Fall', start: '2027-08-23', end: '2027-12-10', breaks: [] };
const SLOT = { day: 'mon', start: '19:00', end: '21:00' } as const;
const base: PlanInput = { name: 'p', terms: [TERM], availability: [SLOT], courses: [], deadlines: [] };
const issue = (draft: Partial<PlanInput>, path: (string | number)[] = []) =>
  draftIssues({ ...base, ...draft }, path)[0]?.message ?? 'ok';

describe('a plan being written is checked by the plan file’s own rules', () => {
  it('a complete plan -> ok', () => expect(issue({})).toBe('ok'));
  it('no terms yet, a slot -> ok', () => expect(issue({ terms: [] }, ['availability'])).toBe('ok'));
  it('a term ending before it starts', () =>
    expect(issue({ terms: [{ ...TERM, end: '2027-08-01' }] }, ['terms', 0])).toBe('the term ends before it starts'));
  it('an impossible date', () =>
    expect(issue({ terms: [{ ...TERM, start: '2027-02-30' }] }, ['terms', 0])).toMatch(/is not a date/));
  it('a break outside its term', () =>
    expect(
      issue({ terms: [{ ...TERM, breaks: [{ start: '2028-01-01', end: '2028-01-02' }] }] }, ['terms', 0, 'breaks', 0]),
    ).toBe('the break is outside its term'));
  it('an empty slot', () =>
    expect(issue({ availability: [{ ...SLOT, end: '19:00' }] }, ['availability', 0])).toMatch(/the slot is empty/));
  it('overlapping slots', () =>
    expect(issue({ availability: [SLOT, { ...SLOT, start: '20:00', end: '22:00' }] }, ['availability', 1])).toBe(
      'overlaps mon 19:00-21:00',
    ));
  it('61 weekly hours', () =>
    expect(issue({ courses: [{ code: 'A', weeklyHours: 61 }] }, ['courses', 0])).not.toBe('ok'));
  it('a course listed twice', () =>
    expect(issue({ courses: [{ code: 'A' }, { code: 'A' }] }, ['courses', 1])).toBe('course A is listed twice'));
  it('a deadline outside every term', () =>
    expect(issue({ deadlines: [{ course: 'A', title: 't', due: '2028-03-01', hours: 1 }] }, ['deadlines', 0])).toBe(
      'the due date is outside every term',
    ));
  it('problems elsewhere are not reported at a path', () =>
    expect(issue({ terms: [{ ...TERM, end: '2027-08-01' }] }, ['availability'])).toBe('ok'));
});
