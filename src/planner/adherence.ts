/** Keeping to the timetable: what was done or skipped, and how often. Pure. */
import { type DayNumber, type LocalMoment, momentKey } from '../time/dates.js';
import type { Block, Schedule, ScheduledDeadline } from './schedule.js';

export type ProgressStatus = 'done' | 'skipped';

export interface Adherence {
  /** First day of the window (the last `days` days up to now). */
  from: DayNumber;
  /** Blocks that ended in the window, and those under way that are recorded. */
  past: number;
  done: number;
  skipped: number;
  /** Past blocks with nothing recorded. */
  unlogged: number;
  /** skipped / past (0 when nothing is past). */
  skipRate: number;
  threshold: number;
  overThreshold: boolean;
}

export const DEFAULT_SKIP_THRESHOLD = 0.25;

export function adherence(
  blocks: readonly Block[],
  log: ReadonlyMap<string, ProgressStatus>,
  now: LocalMoment,
  options: { days?: number; threshold?: number } = {},
): Adherence {
  const days = options.days ?? 28;
  const threshold = options.threshold ?? DEFAULT_SKIP_THRESHOLD;
  const from = now.day - days + 1;
  const nowKey = momentKey(now);
  // A block counts once it has ended, or once it has started and is recorded (done while under way).
  const past = blocks.filter(
    (b) =>
      b.day >= from &&
      (momentKey({ day: b.day, minute: b.end }) <= nowKey ||
        (log.has(b.key) && momentKey({ day: b.day, minute: b.start }) <= nowKey)),
  );
  const done = past.filter((b) => log.get(b.key) === 'done').length;
  const skipped = past.filter((b) => log.get(b.key) === 'skipped').length;
  const skipRate = past.length === 0 ? 0 : skipped / past.length;
  return {
    from,
    past: past.length,
    done,
    skipped,
    unlogged: past.length - done - skipped,
    skipRate,
    threshold,
    overThreshold: skipRate > threshold,
  };
}

/** Upcoming deadlines whose work no longer fits before their buffer, while its window is still open (else it is missed). */
export function deadlinesAtRisk(schedule: Schedule, now: LocalMoment): ScheduledDeadline[] {
  return schedule.deadlines.filter(
    (d) => d.shortMinutes > 0 && !d.missed && momentKey(d.deadline.due) > momentKey(now),
  );
}

/**
 * The blocks of one day as numbered by `plan today`: the plan's own blocks in time order, skipped
 * ones included, then the blocks re-placed there in the order they were placed. A skip never adds
 * a block before one already numbered, so numbers seen earlier still point at the same blocks.
 */
export function blocksOn(schedule: Schedule, day: DayNumber): Block[] {
  return allBlocks(schedule)
    .filter((b) => b.day === day)
    .sort((a, b) => (a.replacement ?? 0) - (b.replacement ?? 0) || a.startAt - b.startAt || (a.key < b.key ? -1 : 1));
}

/** Every block, skipped ones included, for adherence. */
export function allBlocks(schedule: Schedule): Block[] {
  return [...schedule.blocks, ...(schedule.skipped ?? [])];
}

/**
 * Skipped blocks from the log, each with the moment its skip was recorded (its work is placed
 * from then on); NaN when the record's time cannot be read.
 */
export function skipTimes(
  entries: readonly { key: string; status: ProgressStatus; at: string }[],
): Map<string, number> {
  const last = new Map<string, { status: ProgressStatus; at: string }>();
  for (const e of entries) last.set(e.key, e);
  return new Map([...last].filter(([, e]) => e.status === 'skipped').map(([k, e]) => [k, Date.parse(e.at)]));
}

/** A block key less its last part: the blocks of one course's week or one deadline (`work|LIS 1|Essay|`). */
const familyOf = (key: string) => key.slice(0, key.lastIndexOf('|') + 1);

/**
 * The records that belong to the plan as it is now. A record that names its block's start
 * (every record since version 0.1 does) counts only for a block that starts then: the block
 * with its key, or else the block of the same course's week or deadline that starts then (an
 * edited plan renumbers a deadline's work blocks, `work|LIS 1|Essay|13` becoming `…|7`), whose
 * key the record then takes. A record must never move to a block it was not made for, so one
 * that matches no block (a renamed course, a moved block) counts for nothing. `unmatched` is the
 * number of blocks recorded (by key) whose records were left out.
 */
export function recordsOfPlan<E extends { key: string; start?: string }>(
  entries: readonly E[],
  blocks: readonly Pick<Block, 'key' | 'startAt'>[],
  keepUnknownKeys = false,
): { entries: E[]; unmatched: number } {
  const startOf = new Map(blocks.map((b) => [b.key, b.startAt]));
  const byFamilyAndStart = new Map(blocks.map((b) => [`${familyOf(b.key)}@${b.startAt}`, b.key]));
  const left = new Set<string>();
  const kept: E[] = [];
  for (const e of entries) {
    const start = e.start === undefined ? undefined : Date.parse(e.start);
    const known = startOf.get(e.key);
    if (start === undefined || known === start) {
      if (known !== undefined || keepUnknownKeys) kept.push(e);
      else left.add(e.key);
      continue;
    }
    const key = byFamilyAndStart.get(`${familyOf(e.key)}@${start}`);
    if (key !== undefined) kept.push({ ...e, key });
    else if (known === undefined && keepUnknownKeys) kept.push(e);
    else left.add(e.key);
  }
  return { entries: kept, unmatched: left.size };
}
