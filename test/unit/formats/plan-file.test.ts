import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../../src/formats/plan-file.js';
import { EXAMPLE_PLAN } from '../../../src/planner/example-plan.js';
import { planProblem, SMALL_PLAN } from '../../helpers/plan-text.js';

const problem = planProblem;

const base = SMALL_PLAN;

describe('parsePlan', () => {
  it('accepts the example plan, JSON too, and fills in the defaults', async () => {
    const { plan } = await parsePlan(EXAMPLE_PLAN, 'plan.yaml', 'UTC');
    expect(plan.timezone).toBe('America/Chicago');
    expect(plan.settings.revisionBufferDays).toBe(3);
    expect(plan.settings.reminders).toEqual([1440, 120]);
    const json = JSON.stringify({
      terms: [{ name: 'T', start: '2027-01-04', end: '2027-02-01' }],
      availability: [{ day: 'tue', start: '10:00', end: '11:00' }],
    });
    expect((await parsePlan(json, 'plan.json', 'Europe/London')).plan.timezone).toBe('Europe/London');
  });

  it('reports a YAML syntax error with line and column', async () => {
    const error = await problem('terms:\n  - name: "Fall\n    start: x\n');
    expect(error.where).toMatch(/^plan\.yaml:\d+:\d+$/);
    expect(error.message).toMatch(/^YAML syntax error/);
    expect(error.exitCode).toBe(2);
  });

  it('reports an impossible date with its line and path', async () => {
    const error = await problem(base.replace('due: 2027-10-01', 'due: 2027-02-30'));
    expect(error.message).toBe('plan.yaml:15:10: deadlines[0].due: 2027-02-30 is not a date (use YYYY-MM-DD)');
  });

  it('reports a term that ends before it starts', async () => {
    const error = await problem(base.replace('end: 2027-12-10', 'end: 2027-08-01'));
    expect(error.message.split('\n')[0]).toBe('plan.yaml:6:10: terms[0].end: the term ends before it starts');
  });

  it('reports a deadline outside every term', async () => {
    const error = await problem(base.replace('due: 2027-10-01', 'due: 2028-10-01'));
    expect(error.message).toBe('plan.yaml:15:10: deadlines[0].due: the due date is outside every term');
  });

  it('reports an unknown time zone', async () => {
    const error = await problem(base.replace('America/Chicago', 'Mars/Olympus_Mons'));
    expect(error.message).toBe(
      'plan.yaml:2:11: timezone: unknown time zone "Mars/Olympus_Mons" (use an IANA name such as America/Chicago)',
    );
  });

  it('reports overlapping and empty availability', async () => {
    const overlapping = await problem(
      base.replace(
        '  - { day: mon, start: "19:00", end: "21:00" }',
        '  - { day: mon, start: "19:00", end: "21:00" }\n  - { day: mon, start: "20:00", end: "22:00" }',
      ),
    );
    expect(overlapping.message).toBe('plan.yaml:9:5: availability[1]: overlaps mon 19:00-21:00');
    const empty = await problem(base.replace('end: "21:00"', 'end: "19:00"'));
    expect(empty.message).toBe(
      'plan.yaml:8:38: availability[0].end: the slot is empty: its end is not after its start',
    );
  });

  it('reports a negative estimate', async () => {
    const error = await problem(base.replace('hours: 2', 'hours: -2'));
    expect(error.message).toBe('plan.yaml:16:12: deadlines[0].hours: -2 must not be negative');
  });

  it('reports unknown keys and lists every problem at once', async () => {
    const error = await problem(
      base.replace('name: Test', 'name: Test\ncolour: blue').replace('hours: 2', 'hours: -2'),
    );
    expect(error.message.split('\n')).toHaveLength(2);
    expect(error.message).toContain('unknown key colour');
  });
});
