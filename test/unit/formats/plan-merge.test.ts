import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ESTIMATES, type Feed, type FeedDeadline, TITLE_ESTIMATES } from '../../../src/calendar/lms-feed.js';
import { parsePlan } from '../../../src/formats/plan-file.js';
import { followDay, mergeFeed, PlanLimitError, readPlanFacts, similarTitles } from '../../../src/formats/plan-merge.js';
import { flowScalar, yamlScalar } from '../../../src/formats/yaml-scalar.js';
import { ROOT } from '../../helpers/run-mls.js';

const SPRING = readFileSync(join(ROOT, 'test', 'fixtures', 'lms', 'spring-plan.yaml'), 'utf8');
const hours = { ...DEFAULT_ESTIMATES, ...TITLE_ESTIMATES };
const feed = (deadlines: Partial<FeedDeadline>[], extra: Partial<Feed> = {}): Feed => ({
  source: 'Canvas',
  encoding: 'utf-8',
  warnings: [],
  skipped: [],
  breaks: [],
  deadlines: deadlines.map((d, i) => ({
    uid: `u${i}`,
    course: 'INFO 200',
    title: 'Reading reflection 3',
    kind: 'paper',
    due: '2027-02-20 23:59',
    ...d,
  })),
  ...extra,
});

describe('mergeFeed: the deadline limit', () => {
  const many = (n: number) => feed(Array.from({ length: n }, () => ({})));

  it('refuses as soon as the new deadlines would take the plan past 20,000, before building the merged text', () =>
    expect(() => mergeFeed(SPRING, many(20_000), { estimates: hours })).toThrow(
      new PlanLimitError('deadlines: at most 20000 deadlines (the plan has 1; the feed adds more than 19999)'),
    ));

  it('takes the plan up to the limit exactly', () =>
    expect(mergeFeed(SPRING, many(19_999), { estimates: hours }).report.added).toHaveLength(19_999));
});

describe('mergeFeed keeps the user’s YAML layout', () => {
  it('changes nothing but the lines it adds: alignment, flow lists, folded scalars, comments and blank lines stay', () => {
    const merged = mergeFeed(SPRING, feed([{}]), { estimates: hours });
    const added = [
      '  - id: u0',
      '    source: Canvas',
      '    course: INFO 200',
      '    title: Reading reflection 3',
      '    kind: paper',
      '    due: 2027-02-20 23:59',
      '    hours: 2',
    ].join('\n');
    expect(merged.text).toBe(SPRING.replace('    hours: 10\n', `    hours: 10\n${added}\n`));
  });

  it('a plan whose lines end in CRLF keeps CRLF on every line, the added ones too', () => {
    const crlf = SPRING.replace(/\n/g, '\r\n');
    const lf = mergeFeed(
      SPRING,
      feed([{}], { breaks: [{ name: 'Spring break', start: '2027-03-15', end: '2027-03-19' }] }),
      { estimates: hours, remember: { 'INFO-200-01': 'INFO 200' } },
    );
    const merged = mergeFeed(
      crlf,
      feed([{}], { breaks: [{ name: 'Spring break', start: '2027-03-15', end: '2027-03-19' }] }),
      { estimates: hours, remember: { 'INFO-200-01': 'INFO 200' } },
    );
    expect(lf.text).toContain('name: Spring break');
    expect(lf.text).toContain('courseAliases:');
    expect(merged.text).toBe(lf.text.replace(/\n/g, '\r\n'));
    expect(merged.text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('a JSON plan whose lines end in CRLF stays CRLF', () => {
    const json = `${JSON.stringify({ name: 'J', terms: [{ name: 'S', start: '2027-01-19', end: '2027-05-14' }], deadlines: [] }, null, 2)}\n`;
    const merged = mergeFeed(json.replace(/\n/g, '\r\n'), feed([{}]), { estimates: hours });
    expect(merged.format).toBe('json');
    expect(merged.text).toBe(mergeFeed(json, feed([{}]), { estimates: hours }).text.replace(/\n/g, '\r\n'));
  });

  it('`deadlines: []` becomes a block list (the one place the layout must change)', () => {
    const plan = SPRING.replace(/deadlines:[\s\S]*?\n\nsettings:/, 'deadlines: []\n\nsettings:');
    const merged = mergeFeed(plan, feed([{}]), { estimates: hours });
    expect(merged.text).toContain('\ndeadlines:\n  - id: u0\n    source: Canvas\n');
    expect(merged.text).not.toContain('[]');
    expect(merged.text).toContain('\n\nsettings:\n  reminders: [1d]');
  });

  it('a flow list of deadlines gets flow items; a block list of flow maps gets flow maps', () => {
    const flow = SPRING.replace(
      /deadlines:[\s\S]*?\n\nsettings:/,
      'deadlines: [{ course: INFO 200, title: Mine, due: 2027-02-01, hours: 1 }]\n\nsettings:',
    );
    expect(mergeFeed(flow, feed([{}]), { estimates: hours }).text).toContain(
      'hours: 1 }, { id: u0, source: Canvas, course: INFO 200, title: Reading reflection 3, kind: paper, due: 2027-02-20 23:59, hours: 2 }]',
    );
    const flowItems = SPRING.replace(
      /deadlines:[\s\S]*?\n\nsettings:/,
      'deadlines:\n  - { course: INFO 200, title: Mine, due: 2027-02-01, hours: 1 }\n\nsettings:',
    );
    expect(mergeFeed(flowItems, feed([{}]), { estimates: hours }).text).toContain(
      'hours: 1 }\n  - { id: u0, source: Canvas, course: INFO 200, title: Reading reflection 3, kind: paper, due: 2027-02-20 23:59, hours: 2 }\n',
    );
  });

  it('a break goes into its term, even a term written as a flow map', () => {
    const merged = mergeFeed(
      SPRING,
      feed([], { breaks: [{ name: 'Spring break', start: '2027-03-15', end: '2027-03-19' }] }),
      { estimates: hours },
    );
    expect(merged.text).toContain(
      '  - { name: Spring 2027, start: 2027-01-19, end: 2027-05-14, breaks: [{ name: Spring break, start: 2027-03-15, end: 2027-03-19 }] }',
    );
  });

  it('a changed due date is replaced where it stands, its comment kept', async () => {
    const once = mergeFeed(SPRING, feed([{ title: 'Community analysis paper', due: '2027-03-05 23:59' }]), {
      estimates: hours,
    }).text;
    expect(once).toContain(
      '    title: Community Analysis Paper   # typed in from the syllabus\n    due: 2027-03-05 23:59\n    hours: 10\n    feedUid: u0\n    source: Canvas\n',
    );
    const moved = mergeFeed(once, feed([{ title: 'Community analysis paper', due: '2027-03-08 23:59' }]), {
      estimates: hours,
    });
    expect(moved.report.changed).toEqual([
      {
        uid: 'u0',
        title: 'Community analysis paper',
        fromTitle: 'Community Analysis Paper',
        from: '2027-03-05 23:59',
        to: '2027-03-08 23:59',
        changes: ['due'],
      },
    ]);
    expect(moved.text).toBe(once.replace('due: 2027-03-05 23:59', 'due: 2027-03-08 23:59'));
    await parsePlan(moved.text, 'plan.yaml', 'UTC');
  });
});

describe('mergeFeed links a hand-entered deadline instead of adding a copy', () => {
  it.each([
    ['Community analysis paper', '2027-03-05 23:59', 'linked'], // case differs
    ['Community Analysis Paper (final)', '2027-03-05 12:00', 'linked'], // same day, longer title
    ['Community analysis paper', '2027-03-06 23:59', 'added'], // another day
    ['Reading reflection 1', '2027-03-05 23:59', 'added'], // another title
  ])('"%s" due %s is %s', (title, due, outcome) => {
    const r = mergeFeed(SPRING, feed([{ title, due }]), { estimates: hours }).report;
    expect(r.linked.length ? 'linked' : 'added').toBe(outcome);
  });

  it('a re-import of a linked deadline changes nothing', () => {
    const f = feed([{ title: 'Community analysis paper', due: '2027-03-05 23:59' }]);
    const once = mergeFeed(SPRING, f, { estimates: hours }).text;
    const twice = mergeFeed(once, f, { estimates: hours });
    expect(twice.changed).toBe(false);
    expect(twice.report.unchanged).toBe(1);
  });

  it.each([
    ['Quiz 1', 'quiz 1!', true],
    ['Community analysis paper', 'Community analysis paper: final draft', true],
    ['Discussion 3', 'Discussion 4', false],
    // Whole words only: "Exam" is not inside "Examples".
    ['Exam', 'Examples of metadata schemas', false],
    ['Exam', 'Midterm exam', true],
    // Numbers match as whole numbers.
    ['Quiz 1', 'Quiz 10', false],
    ['Paper #1: Community Analysis', 'Paper 1 - community analysis', true],
    ['Reading reflection 2', 'Reading reflection', true], // a number on one side only
  ])('similarTitles(%s, %s) is %s', (a, b, same) => expect(similarTitles(a, b)).toBe(same));

  it('an exact title wins over a looser one, and one typed deadline links to one feed event at most', () => {
    const plan = SPRING.replace(
      '    hours: 10\n',
      '    hours: 10\n  - course: INFO 200\n    title: Quiz 1\n    due: 2027-03-07\n    hours: 1\n',
    );
    const r = mergeFeed(
      plan,
      feed([
        { uid: 'q10', title: 'Quiz 10', due: '2027-03-07' },
        { uid: 'q1', title: 'Quiz 1', due: '2027-03-07' },
        { uid: 'p1', title: 'Community analysis paper: draft', due: '2027-03-05 23:59' },
        { uid: 'p2', title: 'Community Analysis Paper', due: '2027-03-05 23:59' },
      ]),
      { estimates: hours },
    ).report;
    expect(r.linked.map((d) => [d.uid, d.planTitle])).toEqual([
      ['q1', 'Quiz 1'],
      ['p2', 'Community Analysis Paper'],
    ]);
    expect(r.added.map((d) => d.uid)).toEqual(['q10', 'p1']);
  });
});

describe('mergeFeed on a JSON plan', () => {
  const json = `${JSON.stringify(
    {
      name: 'JSON plan',
      timezone: 'Asia/Tokyo',
      terms: [{ name: 'Spring', start: '2027-01-19', end: '2027-05-14' }],
      availability: [{ day: 'mon', start: '18:00', end: '22:00' }],
      courses: [{ code: 'INFO 200', weeklyHours: 1 }],
      deadlines: [],
    },
    null,
    2,
  )}\n`;

  it('stays JSON, with its indentation', async () => {
    const merged = mergeFeed(json, feed([{}]), { estimates: hours, remember: { 'INFO-200-01-SP27': 'INFO 200' } });
    expect(merged.format).toBe('json');
    const parsed = JSON.parse(merged.text);
    expect(parsed.deadlines).toEqual([
      {
        id: 'u0',
        source: 'Canvas',
        course: 'INFO 200',
        title: 'Reading reflection 3',
        kind: 'paper',
        due: '2027-02-20 23:59',
        hours: 2,
      },
    ]);
    expect(parsed.courseAliases).toEqual({ 'INFO-200-01-SP27': 'INFO 200' });
    expect(merged.text).toMatch(/^\{\n {2}"name"/);
    await parsePlan(merged.text, 'plan.json', 'UTC');
  });

  it('its quoted "timezone" key is the zone import uses', () =>
    expect(readPlanFacts(json)).toEqual({
      timezone: 'Asia/Tokyo',
      window: { start: '2027-01-19', end: '2027-05-14' },
      codes: ['INFO 200'],
      aliases: {},
    }));
});

describe('mergeFeed remembers course mappings and leaves out what the user chose', () => {
  it('writes courseAliases and maps the feed’s labels', async () => {
    const merged = mergeFeed(SPRING, feed([{ course: 'LIBR-200-01-SP27' }, { course: 'XYZ 1', uid: 'x' }]), {
      estimates: hours,
      courseOf: (label) => (label === 'XYZ 1' ? null : 'INFO 200'),
      remember: { 'LIBR-200-01-SP27': 'INFO 200' },
    });
    expect(merged.text.endsWith('courseAliases:\n  LIBR-200-01-SP27: INFO 200\n')).toBe(true);
    expect(merged.report.courseLeftOut.map((d) => d.uid)).toEqual(['x']);
    expect(merged.report.coursesAdded).toEqual([]);
    const { file } = await parsePlan(merged.text, 'plan.yaml', 'UTC');
    expect(file.courseAliases).toEqual({ 'LIBR-200-01-SP27': 'INFO 200' });
    expect(readPlanFacts(merged.text)?.aliases).toEqual({ 'LIBR-200-01-SP27': 'INFO 200' });
  });
});

describe('mergeFeed never writes a value the plan schema refuses', () => {
  it('a deadline or break past a limit is refused by name and the rest merged; the plan validates', async () => {
    const merged = mergeFeed(
      SPRING,
      feed(
        [
          { uid: 'long', title: 'x'.repeat(301) },
          { uid: 'empty', title: '' },
          { uid: 'i'.repeat(1001) },
          { uid: 'badcourse', course: '' },
          { uid: 'ok', title: 'Fine' },
        ],
        { breaks: [{ name: 'b'.repeat(301), start: '2027-03-15', end: '2027-03-19' }] },
      ),
      { estimates: hours },
    );
    expect(merged.report.added.map((d) => d.uid)).toEqual(['ok']);
    expect(
      merged.report.refused.map((d) => [
        d.uid.slice(0, 5),
        d.reason.replace(/^the plan cannot hold it \((.*)\)$/, '$1'),
      ]),
    ).toEqual([
      ['long', 'title: longer than 300 characters'],
      ['empty', 'title: empty'],
      ['iiiii', 'id: longer than 1000 characters'],
      ['badco', 'course: empty'],
      ['', 'break name: longer than 300 characters'],
    ]);
    expect(merged.report.breaksAdded).toEqual([]);
    await expect(parsePlan(merged.text, 'plan.yaml', 'UTC')).resolves.toBeTruthy();
  });
});

describe('followDay: a linked deadline follows the feed’s day, not its form', () => {
  it.each([
    ['2027-03-05', '2027-03-05 23:59', '2027-03-05'],
    ['2027-04-09 17:00', '2027-04-09', '2027-04-09 17:00'],
    ['2027-03-05 23:59', '2027-03-05 20:00', '2027-03-05 23:59'],
    ['2027-03-05', '2027-03-12 23:59', '2027-03-12'],
    ['2027-04-09 17:00', '2027-04-12', '2027-04-12 17:00'],
  ])('plan %s, feed %s: %s', (plan, fed, out) => expect(followDay(plan, fed)).toBe(out));
});

describe('mergeFeed: breaks outside a term', () => {
  it('a break crossing the end of a term is cut to the term; one outside every term is listed', () => {
    const r = mergeFeed(
      SPRING,
      feed([], {
        breaks: [
          { uid: 'br-span', name: 'Finals recess', start: '2027-05-10', end: '2027-05-19' },
          { uid: 'br-out', name: 'Summer break', start: '2027-06-01', end: '2027-06-09' },
        ],
      }),
      { estimates: hours },
    ).report;
    expect(r.breaksAdded).toEqual([
      { uid: 'br-span', name: 'Finals recess', start: '2027-05-10', end: '2027-05-14', term: 'Spring 2027' },
    ]);
    expect(r.breaksOutside).toEqual([{ uid: 'br-out', name: 'Summer break', start: '2027-06-01', end: '2027-06-09' }]);
  });
});

describe('mergeFeed remembers a course left out', () => {
  it('as `LABEL: null` in courseAliases, which the plan schema accepts and the facts read back as null', async () => {
    const merged = mergeFeed(SPRING, feed([{ course: 'ARTS 101', uid: 'x' }]), {
      estimates: hours,
      courseOf: () => null,
      remember: { 'ARTS 101': null },
    });
    expect(merged.text.endsWith('courseAliases:\n  ARTS 101: null\n')).toBe(true);
    expect(merged.report.added).toEqual([]);
    const { file } = await parsePlan(merged.text, 'plan.yaml', 'UTC');
    expect(file.courseAliases).toEqual({ 'ARTS 101': null });
    expect(readPlanFacts(merged.text)?.aliases).toEqual({ 'ARTS 101': null });
    // Remembered already: nothing more to write.
    const again = mergeFeed(merged.text, feed([{ course: 'ARTS 101', uid: 'x' }]), {
      estimates: hours,
      courseOf: () => null,
      remember: { 'ARTS 101': null },
    });
    expect(again.changed).toBe(false);
  });
});

describe('scalars every YAML reader types as strings', () => {
  it.each([
    ['Reading reflection 3', 'Reading reflection 3'],
    ['2027-02-20 23:59', '"2027-02-20 23:59"'],
    ['-0x0', '"-0x0"'],
    ['0o17', '"0o17"'],
    ['true', '"true"'],
    ['Null', '"Null"'],
    ['a: b', '"a: b"'],
    ['x #y', '"x #y"'],
    ['trailing ', '"trailing "'],
    ['line\nbreak', '"line\\nbreak"'],
  ])('%j -> %s', (value, written) => expect(yamlScalar(value)).toBe(written));

  it.each([
    ['due', '2027-02-20 23:59', '2027-02-20 23:59'],
    ['start', '2027-03-15', '2027-03-15'],
    ['title', '2027-03-05', '"2027-03-05"'],
    ['id', '2027-03-05', '"2027-03-05"'],
  ])('%s: %s -> %s (a date is plain only as a due, start or end)', (key, value, written) => {
    expect(yamlScalar(value, key)).toBe(written);
    expect(flowScalar(value, key)).toBe(written);
  });

  it('a comma is quoted in a flow collection', () => expect(flowScalar('a, b')).toBe('"a, b"'));
});

describe('mergeFeed on a plan written as one YAML flow map', () => {
  it('is YAML, not JSON, and stays valid', async () => {
    const plan =
      '{ name: Flow, timezone: UTC, terms: [{ name: S, start: 2027-01-19, end: 2027-05-14 }], availability: [{ day: mon, start: "18:00", end: "22:00" }], deadlines: [] }\n';
    const merged = mergeFeed(plan, feed([{}]), { estimates: hours });
    expect(merged.format).toBe('yaml');
    expect(merged.text).toContain('deadlines: [{ id: u0, source: Canvas');
    const { file } = await parsePlan(merged.text, 'plan.yaml', 'UTC');
    expect(file.deadlines).toHaveLength(1);
  });
});

describe('line-break-like characters are escaped', () => {
  it.each([['a\u0085b'], ['a\u2028b'], ['a\u2029b'], ['\uFEFFa']])('%j', (value) => {
    expect(yamlScalar(value)).toMatch(/^"[\x20-\x7e]*"$/);
    expect(JSON.parse(yamlScalar(value))).toBe(value);
  });
});
