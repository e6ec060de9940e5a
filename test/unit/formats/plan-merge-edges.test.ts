import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_ESTIMATES, type Feed, type FeedDeadline, TITLE_ESTIMATES } from '../../../src/calendar/lms-feed.js';
import { parsePlan } from '../../../src/formats/plan-file.js';
import { mergeFeed } from '../../../src/formats/plan-merge.js';
import { flowScalar, yamlScalar } from '../../../src/formats/yaml-scalar.js';

const hours = { ...DEFAULT_ESTIMATES, ...TITLE_ESTIMATES };
const feed = (deadlines: FeedDeadline[]): Feed => ({
  source: 'Test (Canvas)',
  encoding: 'utf-8',
  warnings: [],
  skipped: [],
  breaks: [],
  deadlines,
});
const PLAN = (paper: string, essay: string, third = '') =>
  [
    'name: Anchor test',
    'timezone: America/New_York',
    'terms:',
    '  - { name: Spring 2027, start: 2027-01-19, end: 2027-05-14 }',
    'availability:',
    '  - {day: sat, start: "09:00", end: "17:00"}',
    'deadlines:',
    '  - course: INFO 200',
    '    title: Paper one',
    `    due: ${paper}`,
    '    hours: 3',
    '    feedUid: a1',
    '    source: Test (Canvas)',
    '  - course: INFO 200',
    '    title: Essay two',
    `    due: ${essay}`,
    '    hours: 4',
    '    feedUid: a2',
    '    source: Test (Canvas)',
    ...(third ? ['  - course: INFO 200', '    title: Quiz three', `    due: ${third}`, '    hours: 1'] : []),
    '',
  ].join('\n');
const paper = (due: string): FeedDeadline => ({
  uid: 'a1',
  course: 'INFO 200',
  title: 'Paper one',
  kind: 'paper',
  due,
});
const essay = (due: string): FeedDeadline => ({
  uid: 'a2',
  course: 'INFO 200',
  title: 'Essay two',
  kind: 'paper',
  due,
});
/** The dues as a YAML reader sees them, after the plan validates. */
async function dues(text: string): Promise<string[]> {
  await parsePlan(text, 'plan.yaml', 'America/New_York');
  return (parse(text) as { deadlines: { due: string }[] }).deadlines.map((d) => d.due);
}

describe('mergeFeed: a due that is a YAML anchor or alias changes for its own deadline only', () => {
  it('the anchor moves: its other users keep the old value (the anchor moves to the first of them)', async () => {
    const text = PLAN('&d 2027-03-05 23:59', '*d', '*d');
    const merged = mergeFeed(text, feed([paper('2027-03-12 23:59'), essay('2027-03-05 23:59')]), { estimates: hours });
    expect(merged.text).toBe(PLAN('2027-03-12 23:59', '&d 2027-03-05 23:59', '*d'));
    expect(await dues(merged.text)).toEqual(['2027-03-12 23:59', '2027-03-05 23:59', '2027-03-05 23:59']);
  });

  it('the anchor and its first user both move: the next user holds the old value', async () => {
    const text = PLAN('&d 2027-03-05 23:59', '*d', '*d');
    const merged = mergeFeed(text, feed([paper('2027-03-12 23:59'), essay('2027-03-19 23:59')]), { estimates: hours });
    expect(merged.text).toBe(PLAN('2027-03-12 23:59', '2027-03-19 23:59', '&d 2027-03-05 23:59'));
  });

  it('an alias that moves becomes a plain value; the anchor stays', async () => {
    const text = PLAN('&d 2027-03-05 23:59', '*d');
    const merged = mergeFeed(text, feed([paper('2027-03-05 23:59'), essay('2027-03-19 23:59')]), { estimates: hours });
    expect(merged.text).toBe(PLAN('&d 2027-03-05 23:59', '2027-03-19 23:59'));
  });
});

describe('scalars YAML 1.1 readers (PyYAML) would not read as strings are quoted', () => {
  it.each([
    'No',
    'no',
    'NO',
    'Yes',
    'yes',
    'On',
    'on',
    'OFF',
    'Off',
    'y',
    'Y',
    'n',
    'N',
    '~',
    'null',
    'Null',
    '1e3',
    '0x10',
    '.inf',
    '-.Inf',
    '.NaN',
    '12:30',
    '1_000',
    '0b101',
    '=',
    '<<',
  ])('%s', (value) => {
    expect(yamlScalar(value)).toBe(JSON.stringify(value));
    expect(flowScalar(value)).toBe(JSON.stringify(value));
  });
  it.each(['Note', 'Yesterday quiz', 'Online essay', 'INFO 200', 'Nope'])('%s stays plain', (value) =>
    expect(yamlScalar(value)).toBe(value),
  );
});
