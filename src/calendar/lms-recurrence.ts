/**
 * Bounds on a series' recurrence rules before ical.js expands them (see prepareRules). The one
 * place that reaches into ical.js's iterator: its inner search for the next date has no limit of
 * its own (`FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30` searched for minutes), so each iterator's
 * `check_contracting_rules` is wrapped to count the dates it looks at. docs/ARCHITECTURE.md
 * records why; test/unit/calendar/lms-recurrence.test.ts pins the behaviour if ical.js changes.
 */
import ICAL from 'ical.js';

/** Occurrences of one series read at most. */
export const MAX_OCCURRENCES = 5000;
/** Dates a series' rules may look at (ical.js's own candidate checks), before or in the terms. */
const MAX_STEPS = 20_000;
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether a BYMONTH/BYMONTHDAY pair can give any date (`BYMONTH=2;BYMONTHDAY=30` cannot). */
function possibleMonthDays(months: readonly number[] | undefined, days: readonly number[] | undefined): boolean {
  if (!days || days.length === 0) return true;
  const within = months && months.length > 0 ? months : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  return within.some((m) => days.some((d) => d !== 0 && Math.abs(d) <= (MONTH_DAYS[m - 1] ?? 0)));
}

/** Whether a date the rule gave has the rule's month and day of month (ical.js rolls 31 February over). */
function hasMonthDay(time: ICAL.Time, months: readonly number[] | undefined, days: readonly number[] | undefined) {
  if (months && months.length > 0 && !months.includes(time.month)) return false;
  if (!days || days.length === 0) return true;
  const length = ICAL.Time.daysInMonth(time.month, time.year);
  return days.some((d) => (d > 0 ? d : length + 1 + d) === time.day);
}

export interface Rules {
  /** Shared by every rule of the series: ical.js's candidate checks so far. */
  work: { steps: number; exhausted: boolean };
  /** The rule that can give no date, as written (`BYMONTH=2;BYMONTHDAY=30`); it is not expanded. */
  never: string | null;
  /** A UTC UNTIL as an instant, compared with each occurrence's instant. */
  until: number | null;
  count: number | null;
  gives: (time: ICAL.Time) => boolean;
}

/** Counts every date a rule's iterators look at, and ends the rule past the terms (see prepareRules). */
function bound(recur: ICAL.Recur, work: Rules['work'], windowEnd: string | null): void {
  const make = recur.iterator.bind(recur);
  recur.iterator = (startTime: ICAL.Time) => {
    const iterator = make(startTime);
    const check = iterator.check_contracting_rules.bind(iterator);
    // Returning true ends ical.js's inner search: the date it gives is then past the terms
    // (visit stops there) or the work is exhausted (visit stops and says so).
    iterator.check_contracting_rules = () => {
      work.steps += 1;
      if (work.steps > MAX_STEPS) work.exhausted = true;
      if (work.exhausted) return true;
      if (windowEnd && iterator.last.toString().slice(0, 10) > windowEnd) return true;
      return check();
    };
    return iterator;
  };
}

/**
 * Bounds a master's RRULE before ical.js expands it: ical.js's iterator can look at dates
 * without end inside one call (`FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30` never matches, and a
 * rule from 1900 walks every day to the terms), so every date it looks at is counted, at most
 * MAX_STEPS for the series, and one past the terms ends the rule. A rule that can give no
 * date is removed (only DTSTART and RDATEs stay). A UTC UNTIL is kept as an instant: ical.js
 * compares it with the wall-clock time of a TZID series.
 */
export function prepareRules(master: ICAL.Component, windowEnd: string | null): Rules {
  const work = { steps: 0, exhausted: false };
  const rules: Rules = { work, never: null, until: null, count: null, gives: () => true };
  const property = master.getFirstProperty('rrule');
  const recur = property?.getFirstValue();
  if (!(recur instanceof ICAL.Recur)) return rules;
  const months = recur.parts.BYMONTH as number[] | undefined;
  const days = recur.parts.BYMONTHDAY as number[] | undefined;
  if (!possibleMonthDays(months, days)) {
    rules.never = [months ? `BYMONTH=${months.join(',')}` : '', `BYMONTHDAY=${(days ?? []).join(',')}`]
      .filter(Boolean)
      .join(';');
    master.removeAllProperties('rrule');
    return rules;
  }
  rules.gives = (time) => hasMonthDay(time, months, days);
  rules.count = recur.count ?? null;
  const until = recur.until;
  if (until && !until.isDate && until.zone?.tzid === 'UTC') {
    rules.until = Date.UTC(until.year, until.month - 1, until.day, until.hour, until.minute, until.second);
    // Wall-clock times run at most 14 hours ahead of UTC: ical.js stops the rule after this.
    const bound = ICAL.Time.fromData({
      year: until.year,
      month: until.month,
      day: until.day,
      hour: until.hour,
      minute: until.minute,
      second: until.second,
    });
    bound.addDuration(ICAL.Duration.fromData({ hours: 15 }));
    recur.until = bound;
  }
  // Every RRULE of the series is bounded (RFC 5545 says one; some feeds write more).
  for (const other of master.getAllProperties('rrule')) {
    const rule = other.getFirstValue();
    if (rule instanceof ICAL.Recur) bound(rule, work, windowEnd);
  }
  return rules;
}
