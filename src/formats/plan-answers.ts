/**
 * What people type, read into the plan file's own forms: dates (`2027-01-19`, `1/19/2027`,
 * `Jan 19`), clock times (`7pm`, `19:00`), due moments, hours, weekdays and weekly slots
 * (time zones: zone-answers.ts). Used by `mls plan init` (answers and flags) and by every
 * `--date`. Pure: "today" comes in as a day number.
 *
 * Each parser returns the value in the plan file's spelling or a message saying what to
 * type; whether the value fits the plan (a term that ends before it starts, an hour count
 * over the limit) is the plan schema's call (planner/plan-draft.ts), not this file's.
 */
import { format, isValid, parse } from 'date-fns';
import { WEEKDAYS, type Weekday } from '../schema/plan-vocabulary.js';
import { type DayNumber, dayNumber, isoDate } from '../time/dates.js';

export type Answer<T> = { value: T } | { error: string };

const DATED = ['yyyy-MM-dd', 'M/d/yyyy', 'M/d/yy', 'MMM d yyyy', 'MMMM d yyyy', 'd MMM yyyy', 'd MMMM yyyy'];
const YEARLESS = ['M/d', 'MMM d', 'MMMM d', 'd MMM', 'd MMMM'];
const DATE_HELP = 'use YYYY-MM-DD, M/D/YYYY or a month and day such as Jan 19';

function tidyDate(text: string): string {
  return text
    .trim()
    .replace(/,/g, ' ')
    .replace(/\b(sept)\.?(?=\s|$)/i, 'Sep')
    .replace(/\b([a-z]{3,})\./i, '$1')
    .replace(/\s+/g, ' ');
}

function localDate(day: DayNumber): Date {
  const [y, m, d] = isoDate(day).split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/** The first of `formats` that reads `text` as a real calendar date, as YYYY-MM-DD. */
function readDate(text: string, formats: readonly string[], reference: Date): string | undefined {
  for (const f of formats) {
    const date = parse(text, f, reference);
    if (isValid(date) && date.getFullYear() >= 1000) {
      return format(date, 'yyyy-MM-dd');
    }
  }
  return undefined;
}

/**
 * A date. Without a year (`Jan 19`) it is the first such day on or after `reference`
 * (`after`), or the one nearest to it (`nearest`, for "that day" questions such as --date).
 */
export function parseDateAnswer(
  text: string,
  reference: DayNumber,
  year: 'after' | 'nearest' = 'after',
): Answer<string> {
  const tidy = tidyDate(text);
  if (!tidy) return { error: DATE_HELP };
  const dated = readDate(tidy, DATED, localDate(reference));
  if (dated) return { value: dated };
  // The month and day read in a leap year, so Feb 29 is a day; then the years around the
  // reference that have it (Feb 29: the nearest leap year, up to four years away).
  const monthDay = readDate(tidy, YEARLESS, new Date(2000, 0, 1));
  if (!monthDay) return { error: `"${text.trim()}" is not a date (${DATE_HELP})` };
  const y = Number(isoDate(reference).slice(0, 4));
  const candidates = [-4, -3, -2, -1, 0, 1, 2, 3, 4]
    .map((n) => `${y + n}${monthDay.slice(4)}`)
    .filter((iso) => readDate(iso, ['yyyy-MM-dd'], localDate(reference)) === iso);
  const pick =
    year === 'after'
      ? candidates.find((iso) => dayNumber(iso) >= reference)
      : candidates.sort((a, b) => Math.abs(dayNumber(a) - reference) - Math.abs(dayNumber(b) - reference))[0];
  return pick ? { value: pick } : { error: `"${text.trim()}" is not a date (${DATE_HELP})` };
}

const CLOCKS = ['H:mm', 'h:mma', 'ha', 'HHmm'];

/** A clock time, `19:00`, `7pm`, `7:30 p.m.`, `noon`, as HH:MM (24-hour). */
export function parseClockAnswer(text: string): Answer<string> {
  const tidy = text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/a\.?m\.?$/, 'am')
    .replace(/p\.?m\.?$/, 'pm')
    .replace(/^noon$/, '12:00')
    .replace(/^(\d{1,2})\.(\d{2})/, '$1:$2');
  if (/^\d{1,2}$/.test(tidy)) return { error: `say ${tidy} am or ${tidy} pm, or use HH:MM (24-hour)` };
  const reference = new Date(2000, 0, 1);
  for (const f of CLOCKS) {
    const date = parse(tidy, f, reference);
    if (isValid(date)) return { value: format(date, 'HH:mm') };
  }
  return { error: `"${text.trim()}" is not a time of day (use 19:00 or 7pm)` };
}

/** A due moment: a date (all day) or a date and a time, `Oct 8 11:59pm`, `2027-10-08 23:59`. */
export function parseDueAnswer(text: string, reference: DayNumber): Answer<string> {
  const tidy = tidyDate(text.replace(/(\d)T(\d)/, '$1 $2').replace(/\s+at\s+/i, ' '));
  const whole = parseDateAnswer(tidy, reference);
  if ('value' in whole) return whole;
  const words = tidy.split(' ');
  for (let k = words.length - 1; k >= 1; k -= 1) {
    const date = parseDateAnswer(words.slice(0, k).join(' '), reference);
    const time = parseClockAnswer(words.slice(k).join(' '));
    if ('value' in date && 'value' in time) return { value: `${date.value} ${time.value}` };
  }
  return { error: `"${text.trim()}" is not a due date (use YYYY-MM-DD HH:MM, or e.g. Oct 8 11:59pm)` };
}

/** Hours: `3`, `1.5`, `2h`, `10 hours`. */
export function parseHoursAnswer(text: string): Answer<number> {
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*(?:h|hrs?|hours?)?$/i.exec(text.trim());
  return m ? { value: Number(m[1]) } : { error: `"${text.trim()}" is not a number of hours (e.g. 3 or 1.5)` };
}

/** A weekday: `mon`, `Monday`, `Thurs`. */
export function parseWeekdayAnswer(text: string): Answer<Weekday> {
  const day = WEEKDAYS.find((d) => text.trim().toLowerCase().startsWith(d));
  return day ? { value: day } : { error: `"${text.trim()}" is not a day of the week (mon, tue, ... sun)` };
}

/** A weekly slot: `mon 19:00-21:30`, `Wednesday 7pm to 9:30pm`. */
export function parseSlotAnswer(text: string): Answer<{ day: Weekday; start: string; end: string }> {
  const m = /^(\S+)\s+(.+?)\s*(?:-|\u2013|\bto\b)\s*(.+)$/i.exec(text.trim());
  const day = parseWeekdayAnswer(m?.[1] ?? '');
  const start = parseClockAnswer(m?.[2] ?? '');
  const end = parseClockAnswer(m?.[3] ?? '');
  if (!m || 'error' in day) return { error: `"${text.trim()}" is not a weekly slot (use e.g. mon 19:00-21:30)` };
  if ('error' in start) return start;
  if ('error' in end) return end;
  return { value: { day: day.value, start: start.value, end: end.value } };
}
