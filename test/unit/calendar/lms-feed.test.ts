import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ESTIMATES,
  estimateFor,
  guessKind,
  plainText,
  readLmsFeed,
  readSummary,
  TITLE_ESTIMATES,
} from '../../../src/calendar/lms-feed.js';
import { shorten } from '../../../src/calendar/lms-summary.js';
import { ROOT } from '../../helpers/run-mls.js';

const feed = (name: string, zone = 'America/Chicago') =>
  readLmsFeed(readFileSync(join(ROOT, 'test', 'fixtures', 'lms', `${name}.ics`), 'utf8'), zone);

describe('readLmsFeed', () => {
  it('Canvas: course from the brackets, duplicated VALUE=DATE, zero-length UTC events, HTML, breaks, non-deadlines', () => {
    const f = feed('canvas');
    expect(f.source).toBe('Student Calendar (Canvas)');
    expect(f.deadlines.map((d) => [d.course, d.title, d.kind, d.due])).toEqual([
      ['INFO 200-01 Fall 2027', 'Reading reflection 1', 'paper', '2027-09-15'],
      ['INFO 200-01 Fall 2027', 'Community analysis paper: draft & outline', 'paper', '2027-10-08 23:59'],
      ['INFO 202-02 Fall 2027', 'Midterm exam (online, proctored)', 'exam', '2027-10-20 19:00'],
      ['INFO 202-02 Fall 2027', 'Discussion: introduce yourself', 'discussion', '2027-09-17 23:59'],
    ]);
    expect(f.breaks).toEqual([
      {
        uid: 'event-calendar-event-7002',
        name: 'Thanksgiving break - no classes',
        start: '2027-11-22',
        end: '2027-11-28',
      },
    ]);
    expect(f.skipped.map((s) => s.reason)).toEqual(['not a deadline']);
  });

  it('Moodle: course from CATEGORIES, "is due" and "closes" kept, "opens" and lectures skipped', () => {
    const f = feed('moodle');
    expect(f.deadlines.map((d) => [d.course, d.title, d.due])).toEqual([
      ['LIS 653', 'Metadata schema assignment', '2027-09-29 23:59'],
      ['LIS 653', 'Cataloging quiz', '2027-10-07 23:59'],
      ['LIS 653', 'Final project report', '2027-12-07 23:59'],
    ]);
    expect(f.skipped).toHaveLength(2);
  });

  it('Blackboard: TZID with VTIMEZONE is read as New York time, shown in the plan zone, across the DST change', () => {
    expect(feed('blackboard').deadlines.map((d) => d.due)).toEqual(['2027-10-12 22:59', '2027-11-09 22:59']);
    expect(feed('blackboard', 'America/New_York').deadlines.map((d) => d.due)).toEqual([
      '2027-10-12 23:59',
      '2027-11-09 23:59',
    ]);
  });

  it('D2L: "- Due" kept, "- Availability Starts" skipped, course from LOCATION', () => {
    const f = feed('d2l');
    expect(f.deadlines.map((d) => [d.course, d.title, d.kind])).toEqual([
      ['LIS 560', 'Annotated bibliography', 'paper'],
    ]);
  });

  it('reads a TZID without its VTIMEZONE in that IANA zone, and a floating time in the plan’s zone', () => {
    expect(feed('tzid-without-vtimezone').deadlines.map((d) => d.due)).toEqual([
      '2027-10-12 22:59',
      '2027-10-12 23:59',
    ]);
  });

  it('gives the same local due times whatever the host TZ (the plan zone decides)', () => {
    expect(feed('canvas', 'Asia/Kolkata').deadlines[1]?.due).toBe('2027-10-09 10:29');
  });
});

describe('summary helpers', () => {
  it.each([
    ['Final exam', 'exam'],
    ['Quiz 3', 'quiz'],
    ['Reply to two classmates', 'discussion'],
    ['Capstone project proposal', 'project'],
    ['Literature review', 'paper'],
    ['Problem set 2', 'assignment'],
  ])('%s is a %s', (title, kind) => {
    expect(guessKind(title)).toBe(kind);
  });

  it('turns control characters (a terminal escape in a title) into spaces', () => {
    expect(plainText('Essay\u001b[31m red\u0007\u0085 end')).toBe('Essay [31m red end');
  });

  it('strips HTML and decodes entities', () => {
    expect(plainText('<b>Draft</b> &amp; <i>outline</i>&nbsp;')).toBe('Draft & outline');
  });

  it('reads a Blackboard "COURSE: Title" summary', () => {
    expect(readSummary('LIS 510: Final exam', [], null)).toEqual({
      title: 'Final exam',
      course: 'LIS 510',
      skip: null,
    });
  });

  it.each([
    ['202710-LIS-510-01: Annotated bibliography', '202710-LIS-510-01', 'Annotated bibliography'],
    ['LIS-510-01-FA27: Midterm Exam', 'LIS-510-01-FA27', 'Midterm Exam'],
    ['LIS 510-01: Reading notes', 'LIS 510-01', 'Reading notes'],
    ['LIS653_F27: Quiz', 'LIS653_F27', 'Quiz'],
  ])('reads the Blackboard course ID in "%s"', (summary, course, title) => {
    expect(readSummary(summary, [], null)).toEqual({ title, course, skip: null });
  });

  it.each([
    ['Discussion: introduce yourself'],
    ['Unit 12: Reading notes'],
    ['QUIZ 3: Chapter two'],
    ['Reading: LIS 510: notes'],
  ])('"%s" carries no course label', (summary) => {
    expect(readSummary(summary, [], null)).toEqual({ title: summary, course: null, skip: null });
  });
});

const spring = { zone: 'America/New_York', window: { start: '2027-01-19', end: '2027-05-14' } };
const read = (name: string, options = spring) =>
  readLmsFeed(readFileSync(join(ROOT, 'test', 'fixtures', 'lms', `${name}.ics`)), options);

describe('readLmsFeed: real-world feeds', () => {
  it('keeps each course label as the feed writes it (matched to the plan on import)', () => {
    expect(read('canvas-codes').deadlines.map((d) => d.course)).toEqual([
      'INFO-200-01-SP27',
      'INFO-200-01-SP27',
      'INFO 202-01 Spring 2027',
      'LIS 701 (40123) SP27',
      'LIS-701-01-SP27',
    ]);
  });

  it('lists every event it leaves out, with its UID and reason', () => {
    expect(read('canvas-codes').skipped).toEqual([
      {
        uid: 'event-calendar-event-6901',
        summary: 'Office hours with Dr. Lee [INFO 202-01 Spring 2027]',
        reason: 'not a deadline',
      },
    ]);
  });

  it.each([
    ['canvas-codes', 'Spring 2027 (Canvas)'],
    ['moodle-no-name', 'Moodle'],
    ['outlook-zones', 'Outlook'],
    ['encoding-latin1', 'Brightspace - Café'],
  ])('%s: the source is the calendar’s name or the LMS’s, never the raw PRODID (%s)', (name, source) => {
    expect(read(name).source).toBe(source);
  });

  it('expands a weekly RRULE within the terms and applies its RECURRENCE-ID override', () => {
    const weekly = read('recurring').deadlines.filter((d) => d.title.startsWith('Discussion post'));
    expect(weekly).toHaveLength(10);
    expect(weekly[3]).toEqual({
      uid: 'weekly-discussion@canvas.example.edu/20270212T235900',
      course: 'INFO 202-01 Spring 2027',
      title: 'Discussion post (moved to Sunday)',
      kind: 'discussion',
      due: '2027-02-14 23:59',
    });
    expect(new Set(weekly.map((d) => d.uid)).size).toBe(10);
  });

  it('stops expanding at the end of the plan’s terms', () => {
    const short = read('recurring', { zone: 'America/New_York', window: { start: '2027-01-19', end: '2027-02-07' } });
    expect(short.deadlines.filter((d) => d.title === 'Discussion post')).toHaveLength(3);
  });

  it('two events with one UID: the higher SEQUENCE is the event, the other is listed as an older copy', () => {
    const f = read('recurring');
    expect(f.deadlines.filter((d) => d.uid === 'quiz-1@canvas.example.edu').map((d) => d.due)).toEqual([
      '2027-02-26 23:59',
    ]);
    expect(f.skipped.map((s) => s.reason)).toEqual(['an older copy of an event with the same UID (SEQUENCE 0)']);
  });

  it('maps Windows zone names through CLDR, and names an event with an unknown TZID instead of guessing', () => {
    const f = read('outlook-zones', { zone: 'America/Chicago', window: spring.window });
    expect(f.deadlines.map((d) => [d.title, d.due])).toEqual([
      ['Annotated bibliography', '2027-03-15 22:59'],
      ['Quiz 2', '2027-03-16 22:00'],
    ]);
    expect(f.warnings).toEqual([
      '"LIS 701: Field report" (UID 040000008200E00074C5B7101A82E00800000000A3): unknown time zone TZID=Mars Standard Time (no IANA or Windows name, no VTIMEZONE); the event was not imported',
    ]);
    expect(f.skipped.map((s) => s.reason)).toEqual(['unknown time zone TZID=Mars Standard Time']);
  });

  it('rejects an impossible date, naming the event, instead of rolling it over to March', () => {
    const f = read('moodle-no-name');
    expect(f.deadlines.map((d) => d.title)).toEqual(['Metadata quiz']);
    expect(f.warnings[0]).toBe(
      '"Cataloging exercise is due" (UID 2202@moodle.example.edu): DTSTART 20270230T045900Z is not a real date; the event was not imported',
    );
  });

  it.each([['encoding-utf8-bom'], ['encoding-utf16le'], ['encoding-utf16be'], ['encoding-latin1']])(
    '%s: decoded, title intact',
    (name) => {
      expect(read(name).deadlines.map((d) => d.title)).toEqual(['Résumé critique']);
    },
  );

  it('uses a feed’s own VTIMEZONE without registering it for the whole process', () => {
    const text = `BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VTIMEZONE\nTZID:Campus Time\nBEGIN:STANDARD\nDTSTART:19700101T000000\nTZOFFSETFROM:+0530\nTZOFFSETTO:+0530\nEND:STANDARD\nEND:VTIMEZONE\nBEGIN:VEVENT\nUID:x\nDTSTART;TZID=Campus Time:20270301T120000\nSUMMARY:Essay\nEND:VEVENT\nEND:VCALENDAR\n`;
    expect(readLmsFeed(text, 'UTC').deadlines[0]?.due).toBe('2027-03-01 06:30');
    expect(ICAL.TimezoneService.has('Campus Time')).toBe(false);
  });
});

describe('estimateFor: a title word first, then the kind', () => {
  const hours = { ...DEFAULT_ESTIMATES, ...TITLE_ESTIMATES };
  it.each([
    ['Weekly discussion', 'assignment', 1],
    ['Reading reflection 2', 'paper', 2],
    ['Quiz 3', 'quiz', 2],
    ['Midterm exam', 'exam', 6],
    ['Position paper', 'paper', 8],
    ['Research essay', 'assignment', 8],
    ['Final project', 'project', 12],
    ['Problem set', 'assignment', 4],
    ['Literature review', 'paper', 8],
  ] as const)('%s (%s) -> %d h', (title, kind, expected) => expect(estimateFor(title, kind, hours)).toBe(expected));

  it('--estimate essay=5 changes the word’s estimate', () =>
    expect(estimateFor('Research essay', 'paper', { ...hours, essay: 5 })).toBe(5));
});

describe('readLmsFeed: runaway recurrence rules', () => {
  it('a rule from long before the terms stops after a bounded number of steps, with a warning naming it', () => {
    const text = `BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:tick\nDTSTART:19700101T000000Z\nRRULE:FREQ=MINUTELY\nSUMMARY:Quiz\nEND:VEVENT\nEND:VCALENDAR\n`;
    const f = readLmsFeed(text, spring);
    expect(f.deadlines).toEqual([]);
    expect(f.warnings).toEqual([
      '"Quiz" (UID tick): its rule was followed for 20,000 steps from its DTSTART (1970-01-01) and had not reached the terms; its occurrences were not imported',
    ]);
  });

  it('an endless weekly rule yields the weeks of the terms only', () => {
    const text = `BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:weekly\nDTSTART;VALUE=DATE:20260105\nRRULE:FREQ=WEEKLY\nSUMMARY:Quiz\nEND:VEVENT\nEND:VCALENDAR\n`;
    const dues = readLmsFeed(text, spring).deadlines.map((d) => d.due);
    expect(dues[0]).toBe('2027-01-18');
    expect(dues.at(-1)).toBe('2027-05-10');
  });
});

/** Three events in the spring term; the middle one's start line (and any extra lines) as given. */
const threeEvents = (middle: string) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'BEGIN:VEVENT\r\nUID:a1\r\nDTSTART:20270304T120000Z\r\nSUMMARY:First\r\nEND:VEVENT',
    `BEGIN:VEVENT\r\nUID:b2\r\n${middle}\r\nSUMMARY:Middle\\, the broken one\r\nEND:VEVENT`,
    'BEGIN:VEVENT\r\nUID:c3\r\nDTSTART:20270306T120000Z\r\nSUMMARY:Last\r\nEND:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');

describe('readLmsFeed: one malformed event is refused by name, the others are read', () => {
  const notForm = (v: string) => `DTSTART ${v} is not an iCalendar date (write it as 20270305 or 20270305T235900Z)`;
  it.each([
    ['DTSTART:2027-03-05T12:00:00Z', notForm('2027-03-05T12:00:00Z')],
    ['DTSTART:garbage', notForm('garbage')],
    ['DTSTART:20270305T1200Z', notForm('20270305T1200Z')],
    [
      'DTSTART:20270305T235960Z',
      'DTSTART 20270305T235960Z is not a real time (hours 00-23, minutes and seconds 00-59)',
    ],
    [
      'DTSTART:20270305T240000Z',
      'DTSTART 20270305T240000Z is not a real time (hours 00-23, minutes and seconds 00-59)',
    ],
    ['DTSTART;VALUE=DATE:20270229', 'DTSTART 20270229 is not a real date'],
  ])('%s: %s', (start, reason) => {
    const f = readLmsFeed(threeEvents(start), spring);
    expect(f.deadlines.map((d) => d.title)).toEqual(['First', 'Last']);
    expect(f.skipped).toEqual([{ uid: 'b2', summary: 'Middle, the broken one', reason }]);
    expect(f.warnings).toEqual([`"Middle, the broken one" (UID b2): ${reason}; the event was not imported`]);
  });

  it.each([
    ['an RRULE', 'DTSTART:20270305T120000Z\r\nRRULE:FREQ=WEEKLY;UNTIL=xx'],
    ['an unknown FREQ', 'DTSTART:20270305T120000Z\r\nRRULE:FREQ=SOMETIMES'],
    ['a COUNT that is no number', 'DTSTART:20270305T120000Z\r\nRRULE:FREQ=WEEKLY;COUNT=abc'],
    ['a line with no colon', 'DTSTART:20270305T120000Z\r\nthis line has no colon'],
  ])('a series with %s ical.js cannot read is refused by name', (_, lines) => {
    const f = readLmsFeed(threeEvents(lines), spring);
    expect(f.deadlines.map((d) => d.title)).toEqual(['First', 'Last']);
    expect(f.skipped.map((s) => [s.uid, s.summary, s.reason.split(' (')[0]])).toEqual([
      ['b2', 'Middle, the broken one', 'not readable'],
    ]);
    expect(f.warnings[0]).toMatch(
      /^"Middle, the broken one" \(UID b2\): not readable \(.+\); the event was not imported$/,
    );
  });

  it.each([
    ['DTSTART;TZID=tzone://Microsoft/Utc:20270305T120000', '2027-03-05 07:00'],
    ['DTSTART;TZID=tzone://Microsoft/Eastern Standard Time:20270305T120000', '2027-03-05 12:00'],
  ])('an unquoted Exchange TZID is read: %s', (start, due) => {
    const f = readLmsFeed(threeEvents(start), spring);
    expect(f.deadlines.map((d) => d.due)).toEqual(['2027-03-04 07:00', due, '2027-03-06 07:00']);
    expect(f.warnings).toEqual([]);
  });

  it('a file that is not iCalendar at all is still refused whole', () =>
    expect(() => readLmsFeed('name: plan\n', spring)).toThrow('it does not start with BEGIN:VCALENDAR'));
});

describe('readLmsFeed: TEXT escapes are undone in every value it reads', () => {
  const feedWith = (calendarLines: string, eventLines: string) =>
    readLmsFeed(
      `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${calendarLines}BEGIN:VEVENT\r\nUID:e1\r\nDTSTART:20270305T120000Z\r\n${eventLines}END:VEVENT\r\nEND:VCALENDAR\r\n`,
      spring,
    );

  it('X-WR-CALNAME:Line\\nBreak\\, name is the one-line source "Line Break, name"', () =>
    expect(feedWith('X-WR-CALNAME:Line\\nBreak\\, name\r\n', 'SUMMARY:Essay\r\n').source).toBe('Line Break, name'));

  it.each([
    ['X-WR-CALNAME:A\\;B\\\\C', 'A;B\\C'],
    ['X-WR-CALNAME:Fall\\N2027', 'Fall 2027'],
  ])('%s is the source %s', (line, source) => expect(feedWith(`${line}\r\n`, 'SUMMARY:Essay\r\n').source).toBe(source));

  it.each([
    ['SUMMARY:Draft\\, outline\\; notes\\nand sources', 'IMPORTED', 'Draft, outline; notes and sources'],
    ['SUMMARY:Essay [LIS 510\\, section 1]', 'LIS 510, section 1', 'Essay'],
    ['SUMMARY:Essay\r\nCATEGORIES:LIS\\,510,Other', 'LIS,510', 'Essay'],
    ['SUMMARY:Essay - Due\r\nLOCATION:LIS 560\\; Research - Fall 2027', 'LIS 560; Research', 'Essay'],
  ])('%s: course %s, title %s', (lines, course, title) => {
    const [d] = feedWith('', `${lines}\r\n`).deadlines;
    expect([d?.course, d?.title]).toEqual([course, title]);
  });
});

describe('shorten: over-long feed text cut at a word, with an ellipsis', () => {
  it.each([
    ['short', 10, 'short'],
    ['one two three four', 12, 'one two…'],
    ['one two three, four', 15, 'one two three…'],
    ['abcdefghijklmnop', 8, 'abcdefg…'],
    ['aaaa bbbbbbbbbbbb', 10, 'aaaa…'],
    [`aaaa ${'b'.repeat(100)}`, 60, `aaaa ${'b'.repeat(54)}…`],
  ])('%j to %i characters is %j', (text, max, out) => {
    expect(shorten(text, max)).toBe(out);
    expect(shorten(text, max).length).toBeLessThanOrEqual(max);
  });
});

/** A calendar of the given VEVENT/VTODO blocks (lines joined with CRLF). */
const calendarOf = (...blocks: string[][]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', ...blocks.flat(), 'END:VCALENDAR', ''].join('\r\n');

describe('readLmsFeed: every event is imported or listed with a reason', () => {
  const springNY = { zone: 'America/New_York', window: { start: '2027-01-19', end: '2027-05-14' } };

  it('a recurring series with no occurrence in the terms is listed', () => {
    const f = readLmsFeed(
      calendarOf([
        'BEGIN:VEVENT',
        'UID:fall-weekly',
        'DTSTART;TZID=America/New_York:20270922T235900',
        'RRULE:FREQ=WEEKLY;COUNT=10',
        'SUMMARY:Discussion post [INFO 202]',
        'END:VEVENT',
      ]),
      springNY,
    );
    expect(f.deadlines).toEqual([]);
    expect(f.skipped).toEqual([
      {
        uid: 'fall-weekly',
        summary: 'Discussion post [INFO 202]',
        reason: 'no occurrence within the terms of the plan',
      },
    ]);
  });

  it('an override whose RECURRENCE-ID is no instance of the rule adds that instance (RFC 5545 3.8.4.4)', () => {
    const f = readLmsFeed(
      calendarOf(
        [
          'BEGIN:VEVENT',
          'UID:wk@x',
          'DTSTART;TZID=America/New_York:20270122T235900',
          'RRULE:FREQ=WEEKLY;COUNT=3',
          'SUMMARY:Weekly reflection [INFO 200]',
          'END:VEVENT',
        ],
        [
          'BEGIN:VEVENT',
          'UID:wk@x',
          'RECURRENCE-ID;TZID=America/New_York:20270201T235900',
          'DTSTART;TZID=America/New_York:20270203T235900',
          'SUMMARY:Weekly reflection LATE [INFO 200]',
          'END:VEVENT',
        ],
      ),
      springNY,
    );
    expect(f.deadlines.map((d) => [d.uid, d.title, d.due])).toEqual([
      ['wk@x/20270122T235900', 'Weekly reflection', '2027-01-22 23:59'],
      ['wk@x/20270129T235900', 'Weekly reflection', '2027-01-29 23:59'],
      ['wk@x/20270205T235900', 'Weekly reflection', '2027-02-05 23:59'],
      ['wk@x/20270201T235900', 'Weekly reflection LATE', '2027-02-03 23:59'],
    ]);
  });

  it('a VTODO with DUE is a deadline; one without DUE, or completed, is listed', () => {
    const f = readLmsFeed(
      calendarOf(
        ['BEGIN:VTODO', 'UID:t1', 'DUE:20270306T045900Z', 'SUMMARY:Annotated bibliography [INFO 200]', 'END:VTODO'],
        ['BEGIN:VTODO', 'UID:t2', 'SUMMARY:Read chapter 3 [INFO 200]', 'END:VTODO'],
        ['BEGIN:VTODO', 'UID:t3', 'DUE:20270307T045900Z', 'STATUS:COMPLETED', 'SUMMARY:Quiz [INFO 200]', 'END:VTODO'],
      ),
      springNY,
    );
    expect(f.deadlines).toEqual([
      { uid: 't1', course: 'INFO 200', title: 'Annotated bibliography', kind: 'paper', due: '2027-03-05 23:59' },
    ]);
    expect(f.skipped).toEqual([
      { uid: 't2', summary: 'Read chapter 3 [INFO 200]', reason: 'a to-do (VTODO) without a due date' },
      { uid: 't3', summary: 'Quiz [INFO 200]', reason: 'a completed to-do' },
    ]);
  });
});
