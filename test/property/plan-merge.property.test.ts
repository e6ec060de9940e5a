import fc from 'fast-check';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_ESTIMATES, type Feed } from '../../src/calendar/lms-feed.js';
import { parsePlan } from '../../src/formats/plan-file.js';
import { mergeFeed } from '../../src/formats/plan-merge.js';
import { flowScalar, yamlScalar } from '../../src/formats/yaml-scalar.js';
import { DEADLINE_KINDS } from '../../src/schema/plan-vocabulary.js';

const PLAN = `# my plan
name: Property plan
timezone: America/Chicago
terms:
  - name: Fall
    start: 2027-08-23
    end: 2027-12-10 # last day of finals
availability:
  - { day: mon, start: "19:00", end: "21:00" }
courses:
  - code: LIS 1
deadlines:
  - course: LIS 1
    title: My own deadline # keep me
    due: 2027-10-01
    hours: 3
`;

const dayArb = fc.integer({ min: 0, max: 140 }).map((n) => {
  const d = new Date(Date.UTC(2027, 7, 10 + n));
  return d.toISOString().slice(0, 10);
});

/** Strings other YAML readers type as numbers, booleans or null, or that need quoting. */
const TRICKY = [
  '-0x0',
  '0x1F',
  '0o17',
  '+.5',
  '1_000',
  '1e3',
  '.inf',
  '.NaN',
  'true',
  'Null',
  '~',
  'y',
  '- a',
  'a: b',
  '#x',
  "'q'",
  '"q"',
  '[a]',
  '{a}',
  'a, b',
  '@x',
  '`x',
  '!x',
  '&x',
  '*x',
  '%x',
  '|',
  '>',
  ' a',
  'a ',
  'é',
  'a\\b',
];
const text = (plain: fc.Arbitrary<string>) =>
  fc.oneof(
    plain,
    fc.constantFrom(...TRICKY),
    fc.string({ minLength: 1, maxLength: 20 }).filter((s) => /\S/.test(s)),
  );

const feedArb: fc.Arbitrary<Feed> = fc
  .uniqueArray(
    fc.record({
      uid: text(fc.stringMatching(/^[a-z0-9-]{3,12}$/)),
      course: fc.constantFrom('LIS 1', 'LIS 2'),
      title: text(fc.stringMatching(/^[A-Za-z][A-Za-z0-9 :&,'-]{0,30}$/)),
      kind: fc.constantFrom(...DEADLINE_KINDS),
      day: dayArb,
      time: fc.option(fc.constantFrom('09:00', '17:00', '23:59'), { nil: undefined }),
    }),
    { selector: (d) => d.uid, maxLength: 12 },
  )
  .map((items) => ({
    source: 'Property feed',
    encoding: 'utf-8',
    warnings: [],
    breaks: [],
    skipped: [],
    deadlines: items.map(({ day, time, ...d }) => ({ ...d, due: time ? `${day} ${time}` : day })),
  }));

describe('LMS import properties', () => {
  it('importing a feed a second time changes nothing, and the plan stays valid with its comments', async () => {
    await fc.assert(
      fc.asyncProperty(feedArb, async (feed) => {
        const first = mergeFeed(PLAN, feed, { estimates: DEFAULT_ESTIMATES });
        const second = mergeFeed(first.text, feed, { estimates: DEFAULT_ESTIMATES });
        expect(second.changed).toBe(false);
        expect(second.text).toBe(first.text);
        expect(second.report.added).toEqual([]);
        expect(second.report.changed).toEqual([]);
        expect(second.report.unchanged).toBe(first.report.added.length + first.report.linked.length);
        expect(first.text).toContain('# keep me');
        expect(first.text).toContain('# last day of finals');
        const { plan } = await parsePlan(first.text, 'plan.yaml', 'UTC');
        expect(plan.deadlines.filter((d) => d.key !== 'LIS 1|My own deadline')).toHaveLength(first.report.added.length);
      }),
      { numRuns: 150 },
    );
  });

  it.each([['-0x0'], ['0x1F'], ['true'], ['~'], ['1e3'], ['a: b']])(
    'a feed UID %s is read back as the same string, so the plan stays valid (yaml writes, js-yaml reads)',
    async (uid) => {
      const feed: Feed = {
        source: 'Property feed',
        encoding: 'utf-8',
        warnings: [],
        breaks: [],
        skipped: [],
        deadlines: [{ uid, course: 'LIS 1', title: uid, kind: 'quiz', due: '2027-10-05' }],
      };
      const merged = mergeFeed(PLAN, feed, { estimates: DEFAULT_ESTIMATES });
      const { file } = await parsePlan(merged.text, 'plan.yaml', 'UTC');
      expect(file.deadlines.at(-1)).toMatchObject({ id: uid, title: uid });
      expect(mergeFeed(merged.text, feed, { estimates: DEFAULT_ESTIMATES }).changed).toBe(false);
    },
  );

  it('a changed due date is updated in place, keeping the estimate the user set', async () => {
    const feed: Feed = {
      source: 'Property feed',
      encoding: 'utf-8',
      warnings: [],
      breaks: [],
      skipped: [],
      deadlines: [{ uid: 'a1', course: 'LIS 1', title: 'Essay', kind: 'paper', due: '2027-10-05 23:59' }],
    };
    const first = mergeFeed(PLAN, feed, { estimates: DEFAULT_ESTIMATES }).text.replace('hours: 8', 'hours: 11');
    const moved = { ...feed, deadlines: [{ ...feed.deadlines[0], due: '2027-10-07 23:59' }] } as Feed;
    const second = mergeFeed(first, moved, { estimates: DEFAULT_ESTIMATES });
    expect(second.report.changed).toEqual([
      {
        uid: 'a1',
        title: 'Essay',
        fromTitle: 'Essay',
        from: '2027-10-05 23:59',
        to: '2027-10-07 23:59',
        changes: ['due'],
      },
    ]);
    expect(second.text).toContain('hours: 11');
    expect(second.text).toContain('due: 2027-10-07 23:59');
    const gone = mergeFeed(second.text, { ...feed, deadlines: [] }, { estimates: DEFAULT_ESTIMATES });
    expect(gone.report.removed.map((r) => r.uid)).toEqual(['a1']);
    expect(gone.changed).toBe(false);
  });
});

describe('YAML round trip of written values', () => {
  it('every string is read back as itself by js-yaml (the plan reader) and by yaml, in block and flow context', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom(...TRICKY)), (value) => {
        const block = `k: ${yamlScalar(value)}\n`;
        const flow = `k: [${flowScalar(value)}]\n`;
        expect(load(block, { schema: CORE_SCHEMA })).toEqual({ k: value });
        expect(parse(block)).toEqual({ k: value });
        expect(load(flow, { schema: CORE_SCHEMA })).toEqual({ k: [value] });
        expect(parse(flow)).toEqual({ k: [value] });
      }),
      { numRuns: 500 },
    );
  });

  it('the plan’s own lines survive in order: an import only inserts lines', () => {
    fc.assert(
      fc.property(feedArb, (feed) => {
        const merged = mergeFeed(PLAN, feed, { estimates: DEFAULT_ESTIMATES }).text.split('\n');
        let at = 0;
        for (const line of PLAN.split('\n')) {
          at = merged.indexOf(line, at);
          expect(at).toBeGreaterThanOrEqual(0);
          at += 1;
        }
      }),
      { numRuns: 100 },
    );
  });
});
