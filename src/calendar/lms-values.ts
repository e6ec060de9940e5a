/**
 * Checks of an event's date, date-time, period and duration values as the file wrote them, before
 * ical.js reads them: ical.js throws on some malformed values and rolls impossible ones over
 * (`RDATE:20270231…` to 3 March), so an event would be imported on a wrong day. Pure.
 */
import { isRealDay } from '../time/dates.js';

/** RFC 5545 date and date-time as written (ical.js would roll 2027-02-30 over to 2 March). */
export function realDateTime(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?/.exec(value);
  if (!m) return false;
  return isRealDay(value) && (m[4] === undefined || (Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6]) < 60));
}

/** Why a DATE or DATE-TIME value as written is not one (null when it is a real one). */
function dateProblem(name: string, value: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/i.exec(value);
  if (!m) return `${name} ${value || '(empty)'} is not an iCalendar date (write it as 20270305 or 20270305T235900Z)`;
  if (!realDateTime(`${m[1]}-${m[2]}-${m[3]}`)) return `${name} ${value} is not a real date`;
  if (m[4] !== undefined && !realDateTime(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`)) {
    return `${name} ${value} is not a real time (hours 00-23, minutes and seconds 00-59)`;
  }
  return null;
}

const DURATION = /^[+-]?P(?:\d+W|(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?)$/i;

/** The lines of a property in an event's text: its parameters and its value, as written. */
export function propertyLines(block: string, name: string): { params: string; value: string }[] {
  const line = new RegExp(`^${name}((?:;[A-Z0-9-]+=(?:"[^"\\r\\n]*"|[^";:\\r\\n]*))*):([^\\r\\n]*)$`, 'gim');
  return [...block.matchAll(line)].map((m) => ({ params: m[1] ?? '', value: (m[2] ?? '').trim() }));
}

/**
 * Why an event's DTSTART cannot be read, judged on the text as the file wrote it: ical.js
 * throws on some malformed values (`2027-03-05T12:00:00Z`, `garbage`) and rolls impossible
 * ones over (`20270230`, a second of 60). Null when it is a real RFC 5545 date or date-time,
 * or when the event has no DTSTART line this can read (ical.js then decides).
 */
export function startProblem(block: string, name: 'DTSTART' | 'DUE' = 'DTSTART'): string | null {
  const [line] = propertyLines(block, name);
  return line ? dateProblem(name, line.value) : null;
}

/**
 * Why an event's DTEND, RDATE, EXDATE or DURATION cannot be read (ical.js would roll
 * `RDATE:20270231…` over to 3 March and ignore an impossible EXDATE, so the event would be
 * imported on a wrong day or with occurrences meant to be excluded): null when all are real.
 */
export function valueProblem(block: string): string | null {
  for (const name of ['DTEND', 'RECURRENCE-ID', 'EXDATE', 'RDATE']) {
    for (const { params, value } of propertyLines(block, name)) {
      const period = name === 'RDATE' && /;VALUE=PERIOD(?=;|$)/i.test(params);
      for (const item of name === 'EXDATE' || name === 'RDATE' ? value.split(',') : [value]) {
        if (!period) {
          const problem = dateProblem(name, item.trim());
          if (problem) return problem;
          continue;
        }
        const [from = '', to = ''] = item.trim().split('/');
        if (!/^\d{8}T\d{6}Z?$/i.test(from) || !(/^\d{8}T\d{6}Z?$/i.test(to) || DURATION.test(to))) {
          return `RDATE ${item.trim()} is not a period (write it as 20270312T170000Z/PT1H or 20270312T170000Z/20270312T180000Z)`;
        }
        const problem = dateProblem(name, from) ?? (DURATION.test(to) ? null : dateProblem(name, to));
        if (problem) return problem;
      }
    }
  }
  for (const { value } of propertyLines(block, 'DURATION')) {
    if (!DURATION.test(value)) {
      return `DURATION ${value || '(empty)'} is not an iCalendar duration (write it as PT1H, P1D or P1W)`;
    }
  }
  return null;
}
