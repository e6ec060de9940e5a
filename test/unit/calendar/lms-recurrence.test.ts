import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it, vi } from 'vitest';
import { readLmsFeed } from '../../../src/calendar/lms-feed.js';
import { ROOT } from '../../helpers/run-mls.js';

const bytes = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'lms', name));
const spring = { zone: 'America/New_York', window: { start: '2027-01-19', end: '2027-05-14' } };
const read = (name: string) => readLmsFeed(bytes(name), spring);
const event = (lines: string) =>
  `BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:r\n${lines}\nSUMMARY:Quiz\nEND:VEVENT\nEND:VCALENDAR\n`;
/**
 * Runs `run` counting the dates ical.js's rule iterators look at: the bound is a count of work,
 * checked exactly (a rule that never matched searched for minutes), never a time.
 */
const counted = <T>(run: () => T): { value: T; steps: number } => {
  const spy = vi.spyOn(ICAL.RecurIterator.prototype, 'check_contracting_rules');
  try {
    const value = run();
    return { value, steps: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
  }
};
/** The steps lms-recurrence.ts allows a series (MAX_STEPS). */
const MAX_STEPS = 20_000;

describe('readLmsFeed: rules that never give a date', () => {
  it.each([
    ['rrule-never-matches.ics', 'never'],
    ['rrule-never-1900.ics', 'never'],
  ])('%s is read at once and listed with the reason', (name, uid) => {
    const { value: f, steps } = counted(() => read(name));
    expect(steps).toBeLessThanOrEqual(MAX_STEPS);
    expect(f.deadlines.filter((d) => d.uid.startsWith(uid) && d.due > '2027-01-21')).toEqual([]);
    expect([...f.warnings, ...f.skipped.map((s) => s.reason)].join('\n')).toMatch(/its rule never gives a date/);
  });

  it('a daily rule with an impossible BYMONTHDAY in some months only is bounded by the terms', () => {
    const { value: f, steps } = counted(() =>
      readLmsFeed(event('DTSTART:20270120T170000Z\nRRULE:FREQ=DAILY;BYMONTH=2,4;BYMONTHDAY=30'), spring),
    );
    expect(steps).toBeLessThanOrEqual(MAX_STEPS);
    expect(f.deadlines.map((d) => d.due)).toEqual(['2027-01-20 12:00', '2027-04-30 13:00']);
  });

  it('a FREQ=MINUTELY rule from 1970 stops after 20,000 steps, and the warning says so truly', () => {
    const f = readLmsFeed(event('DTSTART:19700101T000000Z\nRRULE:FREQ=MINUTELY'), spring);
    expect(f.deadlines).toEqual([]);
    expect(f.warnings).toEqual([
      '"Quiz" (UID r): its rule was followed for 20,000 steps from its DTSTART (1970-01-01) and had not reached the terms; its occurrences were not imported',
    ]);
    expect(f.skipped.map((s) => s.reason)).toEqual([
      'its rule takes more than 20,000 steps from its DTSTART (1970-01-01) to reach the terms',
    ]);
  });
});

describe('readLmsFeed: UNTIL in UTC is an instant', () => {
  it.each([
    ['until-east.ics', ['2027-03-01 03:00', '2027-03-02 03:00', '2027-03-03 03:00']],
    ['until-west.ics', ['2027-03-01 09:00', '2027-03-02 09:00']],
  ])('%s', (name, dues) => expect(read(name).deadlines.map((d) => d.due)).toEqual(dues));

  it('with a Windows zone name too', () =>
    expect(
      readLmsFeed(
        event('DTSTART;TZID="W. Europe Standard Time":20270301T090000\nRRULE:FREQ=DAILY;UNTIL=20270303T080000Z'),
        spring,
      ).deadlines.map((d) => d.due),
    ).toEqual(['2027-03-01 03:00', '2027-03-02 03:00', '2027-03-03 03:00']));
});

describe('readLmsFeed: DTSTART is the first instance, and COUNT counts it', () => {
  it('a Wednesday DTSTART of a Friday rule with COUNT=2 is the Wednesday and the first Friday', () =>
    expect(read('dtstart-not-in-rule.ics').deadlines.map((d) => d.due)).toEqual([
      '2027-02-03 12:00',
      '2027-02-05 12:00',
    ]));

  it('a yearly rule on 31 February gives only its DTSTART, never a rolled-over date', () => {
    const f = read('rrule-never-yearly.ics');
    expect(f.deadlines.map((d) => d.due)).toEqual(['2027-01-19 19:00']);
    expect(f.warnings.join('\n')).toMatch(/its rule never gives a date/);
  });

  it('a yearly rule on 31 February and 31 March gives 31 March, not 3 March', () =>
    expect(
      readLmsFeed(event('DTSTART:20270120T170000Z\nRRULE:FREQ=YEARLY;BYMONTH=2,3;BYMONTHDAY=31'), spring).deadlines.map(
        (d) => d.due,
      ),
    ).toEqual(['2027-01-20 12:00', '2027-03-31 13:00']));
});

describe('readLmsFeed: HTML entities are decoded once, after the tags are removed', () => {
  it('entity.ics: `Paper &lt\\;b&gt\\; tags` is `Paper <b> tags`', () =>
    expect(read('entity.ics').deadlines.map((d) => d.title)).toEqual(['Paper <b> tags']));

  it('`a &lt;b&gt;bold&lt;/b&gt; c` keeps its escaped tags as text', () =>
    expect(
      readLmsFeed(
        event('DTSTART:20270301T150000Z').replace('SUMMARY:Quiz', 'SUMMARY:Quiz a &lt;b&gt;bold&lt;/b&gt; c'),
        spring,
      ).deadlines[0]?.title,
    ).toBe('Quiz a <b>bold</b> c'));
});

describe('readLmsFeed: feed times RFC 5545 reads in a particular way', () => {
  it('a time in a spring-forward gap uses the offset before the gap (RFC 5545 3.3.5): 02:30 is 03:30', () =>
    expect(read('dst-gap.ics').deadlines.map((d) => d.due)).toEqual(['2027-03-14 03:30']));

  it.each([
    ['DTSTART:20270422', '2027-04-22'],
    ['DTSTART;TZID=America/New_York:20270422', '2027-04-22'],
  ])('%s (a date without VALUE=DATE) is read as the date', (line, due) => {
    const f = readLmsFeed(event(line), spring);
    expect(f.deadlines.map((d) => d.due)).toEqual([due]);
    expect(f.skipped).toEqual([]);
  });

  it('a to-do with DUE:20270422 is due that day', () => {
    const text = event('DUE:20270422').replace(/VEVENT/g, 'VTODO');
    expect(readLmsFeed(text, spring).deadlines.map((d) => d.due)).toEqual(['2027-04-22']);
  });
});

describe('readLmsFeed: two RRULEs', () => {
  it('a second rule that never matches is bounded too', () => {
    const { value: f, steps } = counted(() =>
      readLmsFeed(
        event('DTSTART:20270120T170000Z\nRRULE:FREQ=WEEKLY;COUNT=2\nRRULE:FREQ=DAILY;BYMONTH=2,4;BYMONTHDAY=31'),
        spring,
      ),
    );
    expect(steps).toBeLessThanOrEqual(MAX_STEPS);
    expect(f.deadlines.map((d) => d.due)).toEqual(['2027-01-20 12:00', '2027-01-27 12:00']);
  });
});

describe('the ical.js internals lms-recurrence.ts wraps', () => {
  it('a rule iterator still has check_contracting_rules (an ical.js update that drops it must fail here, not hang an import)', async () => {
    const { default: ICAL } = await import('ical.js');
    const recur = ICAL.Recur.fromString('FREQ=DAILY;COUNT=2');
    const iterator = recur.iterator(ICAL.Time.fromDateTimeString('2027-01-20T00:00:00'));
    expect(typeof (iterator as unknown as { check_contracting_rules?: unknown }).check_contracting_rules).toBe(
      'function',
    );
  });
});
