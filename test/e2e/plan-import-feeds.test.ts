/** `mls plan import` on feeds as real exporters write them wrong: encodings, folds, broken dates, labels. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runMls, tempHome } from '../helpers/run-mls.js';

interface Event {
  uid: string;
  start: string;
  summary: string;
}

/** A feed of the given events (lines as written, CRLF), in front of the spring plan (Spring 2027, New York). */
function calendar(
  events: Event[],
  head = 'PRODID:-//Instructure//Canvas LMS//EN\r\nX-WR-CALNAME:Spring 2027\r\n',
): string {
  const body = events
    .map(
      (e) =>
        `BEGIN:VEVENT\r\nUID:${e.uid}\r\nDTSTAMP:20270110T120000Z\r\n${e.start}\r\nSUMMARY:${e.summary}\r\nEND:VEVENT\r\n`,
    )
    .join('');
  return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${head}${body}END:VCALENDAR\r\n`;
}

function setUp(feed: string | Uint8Array, editPlan: (text: string) => string = (t) => t) {
  const home = tempHome();
  const plan = join(home, 'plan.yaml');
  const feedPath = join(home, 'feed.ics');
  writeFileSync(plan, editPlan(readFileSync(join(ROOT, 'test', 'fixtures', 'lms', 'spring-plan.yaml'), 'utf8')));
  writeFileSync(feedPath, feed);
  const run = (...args: string[]) =>
    runMls(['plan', 'import', feedPath, plan, ...args], { env: { HOME: home }, cwd: home });
  return { home, plan, run };
}

describe('mls plan import: encodings', () => {
  it('a Windows-1252 feed keeps its smart quotes, dashes and € (bytes 0x80-0x9F)', () => {
    const summary = 'Réflexion über Café naïve — “quotes” 5 € [INFO-200-01-SP27]';
    const bytes = Buffer.from(
      [...calendar([{ uid: 'cp-1', start: 'DTSTART:20270305T170000Z', summary }])].map(
        (ch) => CP1252[ch] ?? ch.charCodeAt(0),
      ),
    );
    const { run } = setUp(bytes);
    const r = run('--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.encoding).toBe('windows-1252');
    expect(out.added[0].title).toBe('Réflexion über Café naïve — “quotes” 5 €');
    expect(r.stderr).toContain('warning: the feed is not UTF-8; it was read as Windows-1252');
  });

  it('a fold in the middle of a UTF-8 character is undone before decoding: no mojibake, no warning', () => {
    const text = calendar([
      { uid: 'fold-1', start: 'DTSTART:20270305T170000Z', summary: 'Résumé critique [INFO-200-01-SP27]' },
    ]);
    const bytes = Buffer.from(text);
    const at = bytes.indexOf(Buffer.from('é')) + 1; // between the two bytes of the first é
    const { run } = setUp(Buffer.concat([bytes.subarray(0, at), Buffer.from('\r\n '), bytes.subarray(at)]));
    const r = run('--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.encoding).toBe('utf-8');
    expect(out.added[0].title).toBe('Résumé critique');
    expect(r.stderr).not.toContain('warning');
  });
});

/** Three events in the term; the middle one starts as given. */
const threeEvents = (start: string) =>
  calendar([
    { uid: 'first@lms', start: 'DTSTART:20270304T170000Z', summary: 'Reading notes 1 [INFO-200-01-SP27]' },
    { uid: 'middle@lms', start, summary: 'Reading notes 2 [INFO-200-01-SP27]' },
    { uid: 'last@lms', start: 'DTSTART:20270306T170000Z', summary: 'Reading notes 3 [INFO-200-01-SP27]' },
  ]);

describe('mls plan import: one malformed event', () => {
  it('an ISO date (DTSTART:2027-03-05T12:00:00Z) rejects that event by name; the others are imported', () => {
    const { run, plan } = setUp(threeEvents('DTSTART:2027-03-05T12:00:00Z'));
    const reason = 'DTSTART 2027-03-05T12:00:00Z is not an iCalendar date (write it as 20270305 or 20270305T235900Z)';
    const r = run();
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `warning: "Reading notes 2 [INFO-200-01-SP27]" (UID middle@lms): ${reason}; the event was not imported`,
    );
    expect(r.stdout).toContain(`skipped                    Reading notes 2 [INFO-200-01-SP27]: ${reason}`);
    expect(r.stderr).toContain(
      'Spring 2027: 2 added, 0 linked, 0 changed, 0 removed, 0 unchanged; 1 event not imported',
    );
    expect(readFileSync(plan, 'utf8')).toContain('Reading notes 3');
  });

  it.each([
    ['DTSTART:garbage', 'DTSTART garbage is not an iCalendar date (write it as 20270305 or 20270305T235900Z)'],
    [
      'DTSTART:20270305T1200Z',
      'DTSTART 20270305T1200Z is not an iCalendar date (write it as 20270305 or 20270305T235900Z)',
    ],
    [
      'DTSTART:20270305T235960Z',
      'DTSTART 20270305T235960Z is not a real time (hours 00-23, minutes and seconds 00-59)',
    ],
  ])('%s is listed in --json notImported with its reason', (start, reason) => {
    const r = setUp(threeEvents(start)).run('--json', '--dry-run');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.added.map((d: { uid: string }) => d.uid)).toEqual(['first@lms', 'last@lms']);
    expect(out.notImported).toEqual([{ uid: 'middle@lms', summary: 'Reading notes 2 [INFO-200-01-SP27]', reason }]);
  });

  it('an unquoted Exchange TZID (tzone://Microsoft/Utc) is read as UTC', () => {
    const r = setUp(threeEvents('DTSTART;TZID=tzone://Microsoft/Utc:20270305T170000')).run('--json', '--dry-run');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).added.map((d: { due: string }) => d.due)).toEqual([
      '2027-03-04 12:00',
      '2027-03-05 12:00',
      '2027-03-06 12:00',
    ]);
  });
});

describe('mls plan import: course labels', () => {
  const blackboard = (summaries: string[]) =>
    calendar(
      summaries.map((summary, i) => ({ uid: `bb-${i}`, start: `DTSTART:2027030${i + 1}T170000Z`, summary })),
      'PRODID:-//Blackboard Inc//Blackboard Learn//EN\r\n',
    );
  const withLis510 = (t: string) => t.replace('code: LIS 701', 'code: LIS 510');

  it('Blackboard course IDs before ": " (202710-LIS-510-01, LIS-510-01-FA27, LIS 510-01) map to the plan’s LIS 510', () => {
    const feed = blackboard([
      '202710-LIS-510-01: Annotated bibliography',
      'LIS-510-01-FA27: Midterm Exam',
      'LIS 510-01: Reading notes',
    ]);
    const r = setUp(feed, withLis510).run('--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.added.map((d: { course: string; title: string }) => [d.course, d.title])).toEqual([
      ['LIS 510', 'Annotated bibliography'],
      ['LIS 510', 'Midterm Exam'],
      ['LIS 510', 'Reading notes'],
    ]);
    expect(out.coursesAdded).toEqual([]);
    expect(r.stderr).not.toContain('warning');
  });

  it('events without a course label: the warning says so and never suggests mapping IMPORTED to a course', () => {
    const { run, plan } = setUp(blackboard(['Annotated bibliography', 'LIS 510-01: Reading notes']), withLis510);
    const r = run();
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `warning: 1 event has no course label the feed's LMS writes (Canvas "Title [CODE]", Blackboard "CODE: Title", Moodle CATEGORIES, D2L LOCATION); its deadline goes under the course IMPORTED: set the right course in ${plan}`,
    );
    expect(r.stderr).not.toContain('IMPORTED=');
  });
});

describe('mls plan import: the calendar name', () => {
  it('X-WR-CALNAME:Line\\nBreak\\, name has its TEXT escapes undone and is one line, in the plan and the summary', () => {
    const feed = calendar(
      [{ uid: 'n-1', start: 'DTSTART:20270305T170000Z', summary: 'Essay [INFO-200-01-SP27]' }],
      'PRODID:-//Instructure//Canvas LMS//EN\r\nX-WR-CALNAME:Line\\nBreak\\, name\r\n',
    );
    const { run, plan } = setUp(feed);
    const r = run();
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Line Break, name: 1 added/m);
    expect(readFileSync(plan, 'utf8')).toContain('    source: "Line Break, name"\n');
  });
});

describe('mls plan import: the deadline limit', () => {
  it('a feed of 20,000 new deadlines is refused at the limit, naming it, and the plan is not written', () => {
    const events = Array.from({ length: 20_000 }, (_, i) => ({
      uid: `many-${i}`,
      start: `DTSTART:202703${String(1 + (i % 28)).padStart(2, '0')}T170000Z`,
      summary: `Task ${i} [INFO-200-01-SP27]`,
    }));
    const { run, plan } = setUp(calendar(events));
    const before = readFileSync(plan, 'utf8');
    const r = run();
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error: importing feed.ics would take ${plan} past a limit: deadlines: at most 20000 deadlines (the plan has 1; the feed adds more than 19999)\n` +
        'hint: import the feed of one term or course at a time (docs/files.md lists the limits)\n',
    );
    expect(readFileSync(plan, 'utf8')).toBe(before);
  });
});

describe('mls plan import: after the import', () => {
  it('a plan whose lines end in CRLF gets CRLF lines, validates, and a second import changes nothing', () => {
    const { run, plan, home } = setUp(threeEvents('DTSTART:20270305T170000Z'), (t) => t.replace(/\n/g, '\r\n'));
    expect(run().code).toBe(0);
    const after = readFileSync(plan, 'utf8');
    expect(after).toContain('Reading notes 3\r\n');
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(runMls(['plan', 'check', plan], { env: { HOME: home }, cwd: home }).code).toBe(0);
    expect(run().stderr).toContain('is already up to date');
  });

  it('the hint names the command that refreshes the calendar plan build writes by default (plan.ics)', () => {
    const { run, plan, home } = setUp(threeEvents('DTSTART:20270305T170000Z'));
    const r = run();
    expect(r.code).toBe(0);
    const calendarPath = join(home, 'plan.ics');
    expect(r.stderr).toContain(
      `Updated ${plan}; run \`mls plan build ${plan}\` to refresh the calendar (${calendarPath}).`,
    );
    expect(runMls(['plan', 'build', plan], { env: { HOME: home }, cwd: home }).code).toBe(0);
    expect(existsSync(calendarPath)).toBe(true);
  });
});

/** The characters of the test's text that Windows-1252 writes at 0x80-0x9F or above 0x7F. */
const CP1252: Record<string, number> = { '€': 0x80, '—': 0x97, '“': 0x93, '”': 0x94, é: 0xe9, ü: 0xfc, ï: 0xef };
