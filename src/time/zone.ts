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
  /** The UTC instant (ms) of a local wall-clock time; a time skipped by DST moves forward. */
  toUtc(day: DayNumber, minute: number): number;
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

/**
 * The canonical zone names, listed at build time (scripts/build.mjs) with the tz
 * version they come from: asking ICU for them costs 2-5 ms at start-up. The list is
 * used only when this Node has the same tz data; otherwise ICU is asked.
 */
declare const __MLS_TIME_ZONES__: { tz: string; zones: string[] } | undefined;

let canonicalZones: Set<string> | undefined;

function zoneNames(): Set<string> {
  const built = typeof __MLS_TIME_ZONES__ === 'undefined' ? undefined : __MLS_TIME_ZONES__;
  return new Set(built && built.tz === process.versions.tz ? built.zones : Intl.supportedValuesOf('timeZone'));
}

let lowerCaseZones: Map<string, string> | undefined;

/**
 * The spelling of an IANA time zone that every part of mls (and the engine's TZ) accepts,
 * or undefined when `name` is no zone. Intl accepts any letter case, but the engine's
 * local time does not: `america/chicago` would silently be UTC. So a name takes the
 * canonical list's spelling whatever its case (`America/Chicago`), and an alias the list
 * leaves out takes the name Intl resolves it to (`US/Pacific` -> `America/Los_Angeles`).
 */
export function canonicalTimeZone(name: string): string | undefined {
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
 * converted alone, so a time skipped by the change moves forward and a repeated time
 * takes its first instant, exactly as the engine's Date does.
 */
export function zoneRules(zone: string): ZoneRules {
  const offsets = new Map<DayNumber, number | Float64Array>();
  const tabulate = (first: DayNumber) =>
    withZone(zone, () => {
      for (let day = first; day < first + CHUNK; day += 1) {
        const base = day * MS_PER_DAY;
        const early = localDate(day, 0).getTime() - base;
        const late = localDate(day, 1439).getTime() - base - 1439 * MS_PER_MINUTE;
        offsets.set(day, early === late ? early : new Float64Array(1440).fill(Number.NaN));
      }
    });
  const toUtc = (day: DayNumber, minute: number): number => {
    if (minute < 0 || minute >= 1440) {
      const shift = Math.floor(minute / 1440);
      return toUtc(day + shift, minute - shift * 1440);
    }
    let entry = offsets.get(day);
    if (entry === undefined) {
      tabulate(Math.floor(day / CHUNK) * CHUNK);
      entry = offsets.get(day) as number | Float64Array;
    }
    if (typeof entry === 'number') return day * MS_PER_DAY + minute * MS_PER_MINUTE + entry;
    let instant = entry[minute] as number;
    if (Number.isNaN(instant)) {
      instant = withZone(zone, () => localDate(day, minute).getTime());
      entry[minute] = instant;
    }
    return instant;
  };
  return { zone, toUtc };
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
