import { describe, expect, it } from 'vitest';
import {
  type Answer,
  parseClockAnswer,
  parseDateAnswer,
  parseDueAnswer,
  parseHoursAnswer,
  parseSlotAnswer,
} from '../../../src/formats/plan-answers.js';
import { dayNumber } from '../../../src/time/dates.js';

const TODAY = dayNumber('2027-06-15');
const shown = <T>(a: Answer<T>) => ('value' in a ? a.value : `error: ${a.error}`);

describe('dates: the forms people type, read as YYYY-MM-DD; impossible days refused', () => {
  const onOrAfter = (text: string) => shown(parseDateAnswer(text, TODAY));
  const nearest = (text: string) => shown(parseDateAnswer(text, TODAY, 'nearest'));
  it('2027-01-19 -> itself', () => expect(onOrAfter('2027-01-19')).toBe('2027-01-19'));
  it('1/19/2027 -> 2027-01-19', () => expect(onOrAfter('1/19/2027')).toBe('2027-01-19'));
  it('1/19/27 -> 2027-01-19', () => expect(onOrAfter('1/19/27')).toBe('2027-01-19'));
  it('January 19, 2028 -> 2028-01-19', () => expect(onOrAfter('January 19, 2028')).toBe('2028-01-19'));
  it('19 Jan 2028 -> 2028-01-19', () => expect(onOrAfter('19 Jan 2028')).toBe('2028-01-19'));
  it('Jan 19 (after mid-June 2027) -> 2028-01-19', () => expect(onOrAfter('Jan 19')).toBe('2028-01-19'));
  it('Aug 23 (after mid-June 2027) -> 2027-08-23', () => expect(onOrAfter('Aug 23')).toBe('2027-08-23'));
  it('sept. 7 -> 2027-09-07', () => expect(onOrAfter('sept. 7')).toBe('2027-09-07'));
  it('Jun 15 is today, so this year -> 2027-06-15', () => expect(onOrAfter('Jun 15')).toBe('2027-06-15'));
  it('Jan 19, nearest -> 2027-01-19', () => expect(nearest('Jan 19')).toBe('2027-01-19'));
  it('Dec 1, nearest -> 2027-12-01', () => expect(nearest('Dec 1')).toBe('2027-12-01'));
  it('2027-02-30 is refused', () => expect(onOrAfter('2027-02-30')).toMatch(/^error: "2027-02-30" is not a date/));
  it('2027-13-45 is refused', () => expect(onOrAfter('2027-13-45')).toMatch(/^error: "2027-13-45" is not a date/));
  it('2/30/2027 is refused', () => expect(onOrAfter('2/30/2027')).toMatch(/^error: /));
  it('Feb 29 2027 is refused', () => expect(onOrAfter('Feb 29 2027')).toMatch(/^error: /));
  it('Feb 29, nearest (mid-June 2027) -> 2028-02-29', () => expect(nearest('Feb 29')).toBe('2028-02-29'));
  it('2/29, on or after (mid-June 2027) -> 2028-02-29', () => expect(onOrAfter('2/29')).toBe('2028-02-29'));
  it('Feb 29, nearest to 2026-01-10 -> 2024-02-29', () =>
    expect(shown(parseDateAnswer('Feb 29', dayNumber('2026-01-10'), 'nearest'))).toBe('2024-02-29'));
  it('Feb 30 is refused', () => expect(nearest('Feb 30')).toMatch(/^error: "Feb 30" is not a date/));
  it('tomorrow is refused, with the forms to use', () => expect(onOrAfter('tomorrow')).toMatch(/use YYYY-MM-DD/));
  it('an empty answer is refused', () => expect(onOrAfter('  ')).toMatch(/^error: /));
});

describe('clock times: 24-hour and am/pm, as HH:MM', () => {
  const cases: [string, string][] = [
    ['19:00', '19:00'],
    ['7pm', '19:00'],
    ['7 PM', '19:00'],
    ['7:30pm', '19:30'],
    ['7:30 p.m.', '19:30'],
    ['9am', '09:00'],
    ['9:05', '09:05'],
    ['12am', '00:00'],
    ['12pm', '12:00'],
    ['noon', '12:00'],
    ['1930', '19:30'],
  ];
  for (const [text, want] of cases) it(`${text} -> ${want}`, () => expect(shown(parseClockAnswer(text))).toBe(want));
  it('7 is ambiguous: say am or pm', () => expect(shown(parseClockAnswer('7'))).toMatch(/say 7 am or 7 pm/));
  it('25:00 is refused', () => expect(shown(parseClockAnswer('25:00'))).toMatch(/not a time of day/));
  it('13pm is refused', () => expect(shown(parseClockAnswer('13pm'))).toMatch(/not a time of day/));
});

describe('due moments: a date, or a date and a time', () => {
  const due = (text: string) => shown(parseDueAnswer(text, TODAY));
  it('2027-10-08 -> all day', () => expect(due('2027-10-08')).toBe('2027-10-08'));
  it('2027-10-08 23:59 -> itself', () => expect(due('2027-10-08 23:59')).toBe('2027-10-08 23:59'));
  it('2027-10-08T23:59 -> with a space', () => expect(due('2027-10-08T23:59')).toBe('2027-10-08 23:59'));
  it('Oct 8 11:59pm -> 2027-10-08 23:59', () => expect(due('Oct 8 11:59pm')).toBe('2027-10-08 23:59'));
  it('Oct 8 at 5 pm -> 2027-10-08 17:00', () => expect(due('Oct 8 at 5 pm')).toBe('2027-10-08 17:00'));
  it('10/8/2027 9am -> 2027-10-08 09:00', () => expect(due('10/8/2027 9am')).toBe('2027-10-08 09:00'));
  it('2027-02-30 23:59 is refused', () => expect(due('2027-02-30 23:59')).toMatch(/^error: .*not a due date/));
});

describe('hours', () => {
  it('3 -> 3', () => expect(shown(parseHoursAnswer('3'))).toBe(3));
  it('1.5 -> 1.5', () => expect(shown(parseHoursAnswer('1.5'))).toBe(1.5));
  it('10 hours -> 10', () => expect(shown(parseHoursAnswer('10 hours'))).toBe(10));
  it('2h -> 2', () => expect(shown(parseHoursAnswer('2h'))).toBe(2));
  it('-1 is refused', () => expect(shown(parseHoursAnswer('-1'))).toMatch(/not a number of hours/));
  it('lots is refused', () => expect(shown(parseHoursAnswer('lots'))).toMatch(/not a number of hours/));
});

describe('weekly slots', () => {
  const slot = (text: string) => shown(parseSlotAnswer(text));
  it('mon 19:00-21:30', () => expect(slot('mon 19:00-21:30')).toEqual({ day: 'mon', start: '19:00', end: '21:30' }));
  it('Wednesday 7pm to 9:30pm', () =>
    expect(slot('Wednesday 7pm to 9:30pm')).toEqual({ day: 'wed', start: '19:00', end: '21:30' }));
  it('sat 9am-noon', () => expect(slot('sat 9am-noon')).toEqual({ day: 'sat', start: '09:00', end: '12:00' }));
  it('someday is refused', () => expect(slot('someday')).toMatch(/use e.g. mon 19:00-21:30/));
  it('mon 7-9 is refused (am or pm?)', () => expect(slot('mon 7-9')).toMatch(/say 7 am or 7 pm/));
});
