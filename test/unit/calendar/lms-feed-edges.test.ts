import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ESTIMATES,
  estimateFor,
  FeedSyntaxError,
  guessKind,
  plainText,
  readLmsFeed,
  readSummary,
  TITLE_ESTIMATES,
} from '../../../src/calendar/lms-feed.js';
import { isBreak, notDeadlineReason } from '../../../src/calendar/lms-summary.js';
import { ROOT } from '../../helpers/run-mls.js';

const bytes = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'lms', name));
const spring = { zone: 'America/New_York', window: { start: '2027-01-19', end: '2027-05-14' } };
const read = (name: string) => readLmsFeed(bytes(name), spring);
/** The error readLmsFeed throws for a file, as line, column and message. */
function syntaxError(input: string | Uint8Array): { line: number | null; column: number | null; message: string } {
  try {
    readLmsFeed(input, spring);
  } catch (error) {
    if (error instanceof FeedSyntaxError) return { line: error.line, column: error.column, message: error.message };
    throw error;
  }
  throw new Error('no error');
}
const JS_INTERNALS = /is not a function|Cannot read propert|is not iterable|undefined|\bnull\b/;

describe('readLmsFeed: files that are iCalendar, but unusual', () => {
  it('two VCALENDARs in one file (RFC 5545 allows it): the events of both are read', () => {
    const f = read('two-vcalendars.ics');
    expect(f.deadlines.map((d) => [d.uid, d.title])).toEqual([
      ['x1', 'Essay'],
      ['x2', 'Paper'],
    ]);
  });

  it('the calendar name comes from the first VCALENDAR that has one', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'PRODID:-//Moodle//EN',
      'END:VCALENDAR',
      'BEGIN:VCALENDAR',
      'X-WR-CALNAME:Second',
      'BEGIN:VEVENT',
      'UID:a',
      'DTSTART:20270305T120000Z',
      'SUMMARY:Essay [INFO 200]',
      'END:VEVENT',
      'END:VCALENDAR',
      'BEGIN:VCALENDAR',
      'X-WR-CALNAME:Third',
      'END:VCALENDAR',
    ].join('\r\n');
    expect(readLmsFeed(text, spring).source).toBe('Second');
  });

  it('RDATE;VALUE=PERIOD: the period starts an occurrence', () => {
    const f = read('recurrence-edge.ics');
    expect(f.deadlines.filter((d) => d.uid.startsWith('r3/')).map((d) => d.due)).toContain('2027-03-12 12:00');
    expect(f.skipped.filter((s) => s.uid === 'r3')).toEqual([]);
  });
});

describe('readLmsFeed: a file it cannot read names the line and how to fix it', () => {
  it('a line without a colon', () =>
    expect(syntaxError(bytes('line-without-colon.ics'))).toEqual({
      line: 3,
      column: null,
      message:
        '"no colon here" is not an iCalendar line: it has no colon (write NAME:value; a line that continues the one above starts with a space)',
    }));

  it('a missing END:VCALENDAR names the BEGIN it would close', () =>
    expect(syntaxError(bytes('missing-end-vcalendar.ics'))).toEqual({
      line: 1,
      column: null,
      message: 'BEGIN:VCALENDAR is never closed (add END:VCALENDAR after line 7, the last line)',
    }));

  it('an END that closes another component than the last BEGIN', () =>
    expect(syntaxError('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nEND:VTODO\r\nEND:VCALENDAR\r\n').message).toBe(
      'END:VTODO does not close BEGIN:VEVENT of line 2 (write END:VEVENT)',
    ));

  it('a property name with a space in it: the column of the space', () =>
    expect(syntaxError('BEGIN:VCALENDAR\r\nX WR-CALNAME:a\r\nEND:VCALENDAR\r\n')).toMatchObject({
      line: 2,
      column: 2,
    }));

  it('line numbers count the lines of the file, folded lines included', () => {
    const text = 'BEGIN:VCALENDAR\r\nX-WR-CALNAME:a very\r\n  long name\r\nno colon\r\nEND:VCALENDAR\r\n';
    expect(syntaxError(Buffer.from(text)).line).toBe(4);
    expect(syntaxError(text).line).toBe(4);
  });

  it('no message of a JavaScript exception reaches the reasons or warnings', () => {
    for (const name of ['recurrence-edge.ics', 'bad-dates.ics', 'two-vcalendars.ics']) {
      const f = read(name);
      for (const text of [...f.warnings, ...f.skipped.map((s) => s.reason)]) expect(text).not.toMatch(JS_INTERNALS);
    }
  });
});

describe('readLmsFeed: an impossible or malformed DTEND, RDATE, EXDATE or DURATION refuses that event, by name', () => {
  it.each([
    ['RDATE:20270231T120000Z', 'RDATE 20270231T120000Z is not a real date'],
    [
      'RDATE:20270310T120000Z,2027-03-17',
      'RDATE 2027-03-17 is not an iCalendar date (write it as 20270305 or 20270305T235900Z)',
    ],
    [
      'RDATE;VALUE=PERIOD:20270312T170000Z/PT1Q',
      'RDATE 20270312T170000Z/PT1Q is not a period (write it as 20270312T170000Z/PT1H or 20270312T170000Z/20270312T180000Z)',
    ],
    ['EXDATE:20270399T120000Z', 'EXDATE 20270399T120000Z is not a real date'],
    ['EXDATE:20270312T126000Z', 'EXDATE 20270312T126000Z is not a real time (hours 00-23, minutes and seconds 00-59)'],
    ['DTEND:garbage', 'DTEND garbage is not an iCalendar date (write it as 20270305 or 20270305T235900Z)'],
    ['DTEND:20270230T130000Z', 'DTEND 20270230T130000Z is not a real date'],
    ['DURATION:P1Xyz', 'DURATION P1Xyz is not an iCalendar duration (write it as PT1H, P1D or P1W)'],
  ])('%s', (line, reason) => {
    const text = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'UID:bad',
      'DTSTART:20270305T120000Z',
      'RRULE:FREQ=WEEKLY;COUNT=3',
      line,
      'SUMMARY:Weekly quiz [INFO 200]',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:good',
      'DTSTART:20270305T120000Z',
      'SUMMARY:Essay [INFO 200]',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const f = readLmsFeed(text, spring);
    expect(f.deadlines.map((d) => d.uid)).toEqual(['good']);
    expect(f.skipped).toEqual([{ uid: 'bad', summary: 'Weekly quiz [INFO 200]', reason }]);
    expect(f.warnings).toEqual([`"Weekly quiz [INFO 200]" (UID bad): ${reason}; the event was not imported`]);
  });

  it('bad-dates.ics: the events with a bad DTEND, EXDATE, RDATE or DURATION are listed, none imported', () => {
    const f = read('bad-dates.ics');
    const reasons = Object.fromEntries(f.skipped.map((s) => [s.uid, s.reason]));
    expect(reasons).toMatchObject({
      b7: 'DTEND garbage is not an iCalendar date (write it as 20270305 or 20270305T235900Z)',
      b10: 'EXDATE 20270399T120000Z is not a real date',
      b15: 'RDATE 20270231T120000Z is not a real date',
      b16: 'DURATION P1Xyz is not an iCalendar duration (write it as PT1H, P1D or P1W)',
    });
    const imported = new Set(f.deadlines.map((d) => d.uid.split('/')[0]));
    for (const uid of ['b7', 'b10', 'b15', 'b16']) expect(imported.has(uid)).toBe(false);
  });
});

describe('readLmsFeed: recurrence as RFC 5545 has it', () => {
  const dues = (uid: string) =>
    read('recurrence-edge.ics')
      .deadlines.filter((d) => d.uid.startsWith(`${uid}/`))
      .map((d) => [d.title, d.due]);

  it('RDATE without RRULE: DTSTART is the first instance, then each RDATE', () =>
    expect(dues('r1')).toEqual([
      ['RDATE only', '2027-03-05 12:00'],
      ['RDATE only', '2027-03-10 12:00'],
      ['RDATE only', '2027-03-17 13:00'],
    ]));

  it('RDATE;VALUE=PERIOD without RRULE: DTSTART, then the period start', () =>
    expect(dues('r3').map(([, due]) => due)).toEqual(['2027-03-05 12:00', '2027-03-12 12:00']));

  it('an EXDATE written in UTC excludes the TZID occurrence at the same instant', () =>
    expect(dues('r2').map(([, due]) => due)).toEqual(['2027-01-22 23:59', '2027-02-05 23:59', '2027-02-12 23:59']));

  it('an EXDATE in the zone of the series excludes DTSTART of an RDATE-only series', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'UID:e1',
      'DTSTART;TZID=America/New_York:20270305T120000',
      'RDATE;TZID=America/New_York:20270310T120000',
      'EXDATE;TZID=America/New_York:20270305T120000',
      'SUMMARY:Essay [INFO 200]',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    expect(readLmsFeed(text, spring).deadlines.map((d) => d.due)).toEqual(['2027-03-10 12:00']);
  });

  it('a RECURRENCE-ID written in UTC replaces the TZID occurrence at that instant, once', () =>
    expect(dues('r5')).toEqual([
      ['TZ series', '2027-03-26 12:00'],
      ['Override utc for tz series', '2027-04-02 12:00'],
      ['TZ series', '2027-04-09 12:00'],
    ]));
});

describe('readSummary: the LMS course field wins over a "CODE: " title prefix', () => {
  const one = (summary: string, categories: string[], location: string | null) => {
    const { title, course } = readSummary(summary, categories, location);
    return [course, title];
  };
  it.each([
    // [summary, CATEGORIES, LOCATION, course, title]
    [
      'MARC 21: bibliographic records quiz - Due',
      [],
      'LIS 701 - Cataloging - Spring 2027',
      'LIS 701',
      'MARC 21: bibliographic records quiz',
    ],
    ['ISO 2709: record structure is due', ['LIS701_SP27'], null, 'LIS701_SP27', 'ISO 2709: record structure'],
    ['MARC 21: crosswalk [INFO-200-01-SP27]', [], null, 'INFO-200-01-SP27', 'MARC 21: crosswalk'],
    ['LIS 510: Final exam', [], 'LIS 510', 'LIS 510', 'Final exam'],
    ['LIS-510-01-FA27: Final exam', [], 'LIS 510', 'LIS 510', 'Final exam'],
    ['LIS 510: Final exam', [], null, 'LIS 510', 'Final exam'],
  ])('%s (CATEGORIES %j, LOCATION %s) -> %s / %s', (summary, categories, location, course, title) =>
    expect(one(summary, categories, location)).toEqual([course, title]),
  );
});

describe('keyword guesses: deadline words win, plurals and numbers glued to a word count', () => {
  const hours = { ...DEFAULT_ESTIMATES, ...TITLE_ESTIMATES };
  it.each([
    // [title, kind, hours]
    ['Weekly discussions', 'discussion', 1],
    ['Group projects', 'project', 12],
    ['Reflection essays', 'paper', 8],
    ['Quiz1', 'quiz', 2],
    ['Quiz 1', 'quiz', 2],
    ['Quizzes 3-4', 'quiz', 2],
    ['Midterm exams', 'exam', 6],
    ['Research papers', 'paper', 8],
    ['Seminar paper', 'paper', 8],
    ['Spring break reflection', 'paper', 2],
    ['Problem set 2', 'assignment', 4],
  ] as const)('%s -> %s, %d h', (title, kind, h) => {
    expect(guessKind(title)).toBe(kind);
    expect(estimateFor(title, guessKind(title), hours)).toBe(h);
  });

  it.each([
    ['Seminar paper', null],
    ['Office hours: submit your draft', null],
    ['Zoom discussion post', null],
    ['Weekly seminar', 'not a deadline'],
    ['Office hours with Dr. Lee', 'not a deadline'],
    ['Exams review', 'not a deadline (an exam review session)'],
    ['Midterm review session', 'not a deadline (an exam review session)'],
    ['Final exam review quiz', null],
    ['Peer review', null],
  ])('%s: %s', (title, reason) => expect(notDeadlineReason(title)).toBe(reason));

  it.each([
    ['Spring break', true],
    ['Thanksgiving break - no classes', true],
    ['Spring break reflection', false],
    ['Reading week essay due', false],
  ])('%s is a break: %s', (title, yes) => expect(isBreak(title)).toBe(yes));

  it('the feeds: a seminar paper is a deadline, an all-day "Spring break reflection" is no break', () => {
    const f = read('deadline-words.ics');
    expect(f.deadlines.map((d) => [d.title, d.kind])).toEqual([
      ['Seminar paper', 'paper'],
      ['Spring break reflection', 'paper'],
    ]);
    expect(f.breaks).toEqual([]);
    expect(read('kinds.ics').deadlines.map((d) => d.kind)).toEqual([
      'discussion',
      'paper',
      'quiz',
      'project',
      'discussion',
      'paper',
      'paper',
      'quiz',
      'exam',
    ]);
  });
});

describe('plainText: only real HTML is stripped', () => {
  it.each([
    ['Compare <dc:title> and <title> tags', 'Compare <dc:title> and <title> tags'],
    ['<b>Draft</b> &amp; <i>outline</i>&nbsp;', 'Draft & outline'],
    ['<span class="x" data-id=\'3\'>Quiz</span><br/>1', 'Quiz1'],
    ['<a href="https://x.test/?a=1&amp;b=2">Essay</a>', 'Essay'],
    ['<P>Paper</P>', 'Paper'],
    ['Use <marc:record> and <mods> elements', 'Use <marc:record> and <mods> elements'],
    ['x < y and y > z', 'x < y and y > z'],
    ['<b >bold</b>', 'bold'],
    ['<bogus>text</bogus>', '<bogus>text</bogus>'],
  ])('%s -> %s', (input, output) => expect(plainText(input)).toBe(output));
});
