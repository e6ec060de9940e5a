import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import { parsePlan } from '../../../src/formats/plan-file.js';

const plan = (reminders: string) => `name: Test
timezone: America/Chicago
terms:
  - name: Fall
    start: 2027-08-23
    end: 2027-12-10
availability:
  - { day: mon, start: "19:00", end: "21:00" }
settings:
  reminders: [${reminders}]
`;

async function firstProblem(text: string): Promise<string> {
  try {
    await parsePlan(text, 'plan.yaml', 'UTC');
  } catch (error) {
    if (error instanceof UserError) return error.message.split('\n')[0] ?? '';
    throw error;
  }
  return 'accepted';
}

describe('reminders mean what they say', () => {
  it.each([
    [
      '0m',
      'plan.yaml:10:15: settings.reminders[0]: a reminder must be from 1m to 56d before the due time (e.g. 1d, 2h, 30m)',
    ],
    // Too many digits for the schema's own pattern: refused there, before the range check.
    [
      '99999999999999999999d',
      'plan.yaml:10:15: settings.reminders[0]: 99999999999999999999d use a whole number and d, h or m: 1d, 2h, 30m',
    ],
    [
      '57d',
      'plan.yaml:10:15: settings.reminders[0]: a reminder must be from 1m to 56d before the due time (e.g. 1d, 2h, 30m)',
    ],
    ['1d, 2h, 1m, 56d', 'accepted'],
    [
      '2h, 2h',
      'plan.yaml:10:19: settings.reminders[1]: this reminder is the same time as an earlier one (each would ring twice): remove one',
    ],
    [
      '1d, 24h',
      'plan.yaml:10:19: settings.reminders[1]: this reminder is the same time as an earlier one (each would ring twice): remove one',
    ],
  ])('reminders [%s] -> %s', async (reminders, expected) => {
    expect(await firstProblem(plan(reminders))).toBe(expected);
  });
});
