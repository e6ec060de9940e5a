/**
 * Calendar arithmetic on local dates as whole day numbers (days since 1970-01-01)
 * and times as minutes since midnight. No Date objects in a time zone, so
 * nothing here depends on the host's TZ.
 */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;

export function dayNumber(isoDate: string): DayNumber {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/**
 * Whether a text's leading YYYY-MM-DD names a real day (Date would roll 2027-02-30 over to
 * 2 March). src/schema/plan.ts keeps its own copy: the schema imports nothing of ours.
 */
export function isRealDay(text: string): boolean {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function isoDate(day: DayNumber): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayIndex(day: DayNumber): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The Monday of the ISO week holding `day`. */
export function weekStart(day: DayNumber): DayNumber {
  return day - weekdayIndex(day);
}

export function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

export function clock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** A point in local time: a day and a minute of it (1440 = the end of the day). */
export interface LocalMoment {
  day: DayNumber;
  minute: number;
}

export function momentKey(m: LocalMoment): number {
  return m.day * 1440 + m.minute;
}
