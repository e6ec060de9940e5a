/**
 * The one time-zone module: zone names, a zone's rules (local time to instant and back),
 * and an Intl reading of wall-clock time. Everything that needs a zone uses this file.
 *
 * Time-zone rules are read from the JavaScript engine's own local time.
 *
 * For the length of one synchronous computation the process's TZ is pointed at the
 * zone and Date's local-time fields answer the question; then TZ is put back. V8
 * takes local time from ICU, the same time-zone data Intl uses, so the answers are
 * Intl's (a property test compares them). Why not Intl: building the first
 * Intl.DateTimeFormat with a time zone costs 12-17 ms, a tenth of the whole start-up
 * budget of `mls plan build`; this costs about 0.2 ms. Only whole synchronous
 * functions run inside `withZone`, so nothing else sees the borrowed TZ. Node resets
 * V8's and ICU's zone whenever TZ is assigned, on POSIX and Windows alike
 * (nodejs/node#20026, #38642).
 */
import type { DayNumber, LocalMoment } from './dates.js';

/**
 * A time zone's rules as the calendar writer needs them, passed in by the caller
 * (zoneRules() below reads them from the engine).
 */
export interface ZoneRules {
  readonly zone: string;
  /**
   * The UTC instant (ms) of a local wall-clock time. A time skipped by a spring-forward
   * change does not exist: it becomes the first instant that does (the moment of the
   * change, e.g. 02:30 -> 03:00 in New York). A time repeated by a fall-back change takes
   * its first occurrence.
   */
  toUtc(day: DayNumber, minute: number): number;
  /** The local day and minute (wall clock) of a UTC instant (ms); seconds are dropped. */
  toLocal(instant: number): LocalMoment;
  /** Whether a local wall-clock time falls in a spring-forward gap (never shows on a clock). */
  isSkipped(day: DayNumber, minute: number): boolean;
  /**
   * The real intervals (UTC ms, end excluded) within [from, to) whose wall-clock time happens
   * twice: both passes through the hour a fall-back change repeats (01:00 EDT to 02:00 EST on
   * 2027-11-07 in New York). Empty on almost every day.
   */
  repeatedBetween(from: number, to: number): { start: number; end: number }[];
}

/** Whether Intl knows `name` as a time zone (building a formatter costs ~15 ms the first time). */
export function intlKnowsZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * Wall-clock date and time of an instant in a time zone, with Intl. Slow to start (the
 * first formatter costs ~15 ms), so it serves LMS import and the tests, where it is the
 * independent check of ZoneRules.
 */
export function wallClock(instant: Date, zone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/** Runs `compute` with the process's local time zone set to `zone`, then restores it. */
export function withZone<T>(zone: string, compute: () => T): T {
  const previous = process.env.TZ;
  process.env.TZ = zone;
  try {
    return compute();
  } finally {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  }
}

let canonicalZones: Set<string> | undefined;

/** The canonical zone names this engine knows (about 1.5 ms to ask, once per run). */
function zoneNames(): Set<string> {
  return new Set(Intl.supportedValuesOf('timeZone'));
}

let lowerCaseZones: Map<string, string> | undefined;

/**
 * The spelling of an IANA time zone that every part of mls (and the engine's TZ) accepts,
 * or undefined when `name` is no zone. Intl accepts any letter case, but the engine's
 * local time does not: `america/chicago` would silently be UTC. So a name takes the
 * canonical list's spelling whatever its case (`America/Chicago`), an alias the list leaves
 * out takes the name Intl resolves it to (`US/Pacific` -> `America/Los_Angeles`), and a zone IANA
 * renamed takes its current name (`Asia/Calcutta` -> `Asia/Kolkata`), which the list lacks.
 */
export function canonicalTimeZone(name: string): string | undefined {
  // The usual case, a geographic zone spelled as IANA spells it: the engine's local time says
  // whether it knows that spelling (an unknown TZ reads as UTC) in ~0.2 ms, where listing every
  // zone takes 1.5-2.3. A zone on UTC all year, and any other spelling, takes the longer way.
  if (GEOGRAPHIC.test(name) && offsetsIn(name) !== UTC_OFFSETS) return currentZoneName(name);
  const found = listedOrResolved(name);
  return found === undefined ? undefined : currentZoneName(found);
}

/** IANA's geographic names (America/Chicago, America/Argentina/Cordoba); US/..., Etc/... are aliases. */
const GEOGRAPHIC =
  /^(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)(\/[A-Z][A-Za-z_+-]*){1,2}$/;

/** UTC's offsets as offsetsIn reads them: what an unknown zone reads as too. */
const UTC_OFFSETS = '0,0';

/** The zone's UTC offsets in January and July, as the engine's local time reads them. */
const offsetsIn = (zone: string): string =>
  withZone(zone, () => `${new Date(2027, 0, 1).getTimezoneOffset()},${new Date(2027, 6, 1).getTimezoneOffset()}`);

function listedOrResolved(name: string): string | undefined {
  canonicalZones ??= zoneNames();
  if (canonicalZones.has(name)) return name;
  lowerCaseZones ??= new Map([...canonicalZones].map((z) => [z.toLowerCase(), z]));
  const listed = lowerCaseZones.get(name.toLowerCase());
  if (listed) return listed;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * Zones IANA renamed whose old name ICU still lists as the canonical one (what
 * `Intl.supportedValuesOf('timeZone')` gives on Node 20 and 22, which accept the new name
 * too but resolve it to the old one).
 */
export const RENAMED_ZONES: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};
/**
 * The current name of a renamed zone (Asia/Calcutta -> Asia/Kolkata) when the engine's local time
 * knows it as the same zone (an unknown TZ would silently be UTC); else the name as it is.
 */
export function currentZoneName(zone: string): string {
  const current = RENAMED_ZONES[zone];
  if (!current) return zone;
  return offsetsIn(current) === offsetsIn(zone) ? current : zone;
}

/** Every canonical zone name (for suggestions when a name is not a zone). */
export function timeZoneNames(): string[] {
  canonicalZones ??= zoneNames();
  return [...canonicalZones];
}

/** Whether `name` names an IANA time zone in any spelling (use canonicalTimeZone for the one to keep). */
export function isTimeZone(name: string): boolean {
  return canonicalTimeZone(name) !== undefined;
}

function localDate(day: DayNumber, minute: number): Date {
  const utc = new Date(day * MS_PER_DAY);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), 0, minute);
}

/** The local day and minute of an instant in `zone`. */
export function localMomentIn(instant: Date, zone: string): LocalMoment {
  return withZone(zone, () => ({
    day: Math.round(Date.UTC(instant.getFullYear(), instant.getMonth(), instant.getDate()) / MS_PER_DAY),
    minute: instant.getHours() * 60 + instant.getMinutes(),
  }));
}

/** Days tabulated per visit to the zone: a term or two; a two-year plan takes about six visits. */
const CHUNK = 128;

/**
 * The zone's rules as a table of days: a day whose offset is the same at 00:00 and
 * 23:59 keeps that one offset; on a day with a DST change each minute asked for is
 * converted alone (and kept), a repeated time taking its first instant as the engine's
 * Date does, and a skipped time the moment of the change (the first minute after it that
 * reads back as itself). docs/planner.md states the rules the planner builds on this.
 */
export function zoneRules(zone: string): ZoneRules {
  let rules = rulesByZone.get(zone);
  if (!rules) {
    rules = tabulatedRules(zone);
    rulesByZone.set(zone, rules);
  }
  return rules;
}

/** One table per zone for the process: the scheduler and the calendar writer share it. */
const rulesByZone = new Map<string, ZoneRules>();

/** A day with a DST change: the offsets before and after it and the instant it happens. */
interface ChangeDay {
  early: number;
  late: number;
  change: number;
}

function tabulatedRules(zone: string): ZoneRules {
  const offsets = new Map<DayNumber, number | ChangeDay>();
  const tabulate = (first: DayNumber) =>
    withZone(zone, () => {
      for (let day = first; day < first + CHUNK; day += 1) {
        const base = day * MS_PER_DAY;
        const early = localDate(day, 0).getTime() - base;
        const late = localDate(day, 1439).getTime() - base - 1439 * MS_PER_MINUTE;
        if (early === late) {
          offsets.set(day, early);
          continue;
        }
        // The change: the first minute of the day (in real time) with the later offset. It can be
        // the day's first instant itself: where the clocks jump at midnight (Santiago, the Azores),
        // local 00:00 does not exist and the day starts in the gap.
        const from = base + early;
        let lo = 0;
        let hi = Math.round((base + 1439 * MS_PER_MINUTE + late - from) / MS_PER_MINUTE);
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (new Date(from + mid * MS_PER_MINUTE).getTimezoneOffset() * MS_PER_MINUTE === late) hi = mid;
          else lo = mid + 1;
        }
        offsets.set(day, { early, late, change: from + lo * MS_PER_MINUTE });
      }
    });
  const entryOf = (day: DayNumber): number | ChangeDay => {
    let entry = offsets.get(day);
    if (entry === undefined) {
      tabulate(Math.floor(day / CHUNK) * CHUNK);
      entry = offsets.get(day) as number | ChangeDay;
    }
    return entry;
  };
  const toLocal = (instant: number): LocalMoment => {
    const guess = Math.floor(instant / MS_PER_DAY);
    for (const day of [guess, guess - 1, guess + 1]) {
      const entry = entryOf(day);
      const offset = typeof entry === 'number' ? entry : instant < entry.change ? entry.early : entry.late;
      const local = instant - offset;
      if (Math.floor(local / MS_PER_DAY) === day) {
        return { day, minute: Math.floor((local - day * MS_PER_DAY) / MS_PER_MINUTE) };
      }
    }
    return localMomentIn(new Date(instant), zone);
  };
  /**
   * On a change day a wall-clock time exists under the earlier offset if it falls before the
   * change, under the later one if at or after it: both (repeated) take the first, neither
   * (skipped) the change itself.
   */
  const toUtc = (day: DayNumber, minute: number): number => {
    if (minute < 0 || minute >= 1440) {
      const shift = Math.floor(minute / 1440);
      return toUtc(day + shift, minute - shift * 1440);
    }
    const entry = entryOf(day);
    const wall = day * MS_PER_DAY + minute * MS_PER_MINUTE;
    if (typeof entry === 'number') return wall + entry;
    const early = wall + entry.early;
    const late = wall + entry.late;
    const earlyExists = early < entry.change;
    const lateExists = late >= entry.change;
    if (earlyExists && lateExists) return Math.min(early, late);
    if (earlyExists) return early;
    if (lateExists) return late;
    return entry.change;
  };
  const isSkipped = (day: DayNumber, minute: number): boolean => {
    if (minute < 0 || minute >= 1440) return false;
    const entry = entryOf(day);
    if (typeof entry === 'number') return false;
    const wall = day * MS_PER_DAY + minute * MS_PER_MINUTE;
    return wall + entry.early >= entry.change && wall + entry.late < entry.change;
  };
  const repeatedBetween = (from: number, to: number) => {
    const spans: { start: number; end: number }[] = [];
    const first = Math.floor(from / MS_PER_DAY) - 1;
    const last = Math.floor(to / MS_PER_DAY) + 1;
    for (let day = first; day <= last; day += 1) {
      const entry = entryOf(day);
      // A fall-back change: the later offset puts a wall-clock time later in real time.
      if (typeof entry === 'number' || entry.late <= entry.early) continue;
      const shift = entry.late - entry.early;
      const start = Math.max(from, entry.change - shift);
      const end = Math.min(to, entry.change + shift);
      if (start < end) spans.push({ start, end });
    }
    return spans;
  };
  return { zone, toUtc, toLocal, isSkipped, repeatedBetween };
}

/** The local day and minute of many instants (UTC ms) in `zone`, in one visit to the zone. */
export function localMomentsIn(instants: readonly number[], zone: string): LocalMoment[] {
  return withZone(zone, () =>
    instants.map((ms) => {
      const d = new Date(ms);
      return {
        day: Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / MS_PER_DAY),
        minute: d.getHours() * 60 + d.getMinutes(),
      };
    }),
  );
}
