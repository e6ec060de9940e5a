/** Plan text for tests of the plan file's checks, and the error a plan is rejected with. */
import { UserError } from '../../src/errors.js';
import { parsePlan } from '../../src/formats/plan-file.js';

/** A small valid plan, one term, one course, one deadline; tests add to it or change a line. */
export const SMALL_PLAN = `name: Test
timezone: America/Chicago
terms:
  - name: Fall
    start: 2027-08-23
    end: 2027-12-10
availability:
  - { day: mon, start: "19:00", end: "21:00" }
courses:
  - code: LIS 1
    weeklyHours: 1
deadlines:
  - course: LIS 1
    title: Paper
    due: 2027-10-01
    hours: 2
`;

/** The error `text` is rejected with (the test fails if it is accepted). */
export async function planProblem(text: string): Promise<UserError> {
  try {
    await parsePlan(text, 'plan.yaml', 'UTC');
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected the plan to be rejected');
}
