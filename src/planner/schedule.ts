/**
 * The scheduler: steady weekly study sessions per course, then, deadline by
 * deadline (earliest due first), work blocks between the prep start and the
 * revision buffer, and a revise-and-edit block (or spaced exam reviews) inside
 * the buffer. Never double-books; reports every shortfall. Pure and deterministic.
 */

import { compareText } from '../catalog/normalize.js';
import { type DayNumber, isoDate, type LocalMoment, momentKey, weekdayIndex, weekStart } from '../time/dates.js';
import { type ZoneRules, zoneRules } from '../time/zone.js';
import type { Deadline, Plan, Term } from './plan.js';

export type BlockKind = 'session' | 'work' | 'revise' | 'review';

export interface Block {
  kind: BlockKind;
  /** Stable identity, from which the calendar UID is made. */
  key: string;
  course: string;
  /** The deadline a work, revise or review block serves. */
  deadlineKey: string | null;
  title: string;
  /** Local day, and wall-clock minutes of the start and end as a clock in the plan's zone shows them. */
  day: DayNumber;
  start: number;
  end: number;
  /** The real start and end (UTC ms): what the calendar holds; endAt - startAt is the planned length. */
  startAt: number;
  endAt: number;
  /** Set on a block placed again for a skipped one: the order in which re-placed blocks were placed (1 first). */
  replacement?: number;
}

export interface ScheduledDeadline {
  deadline: Deadline;
  neededMinutes: number;
  placedMinutes: number;
  shortMinutes: number;
  prepStart: DayNumber;
  /** Work must end before this moment: the due moment less the buffer. */
  workEnd: LocalMoment;
  revisionPlaced: boolean;
  /** Set when the deadline is already due (as of now). */
  past?: boolean;
  /**
   * Set when its work window is over (as of now: `workEnd` has passed, due or not): its shortfall
   * is missed work, not an overload, since no more availability could help it.
   */
  missed?: boolean;
}

export interface WeekLoad {
  weekStart: DayNumber;
  availableMinutes: number;
  plannedMinutes: number;
  deadlines: number;
  shortMinutes: number;
  /** Work that found no time in a week already over, or skipped work that found no later time. */
  missedMinutes: number;
  overloaded: boolean;
}

export interface SessionShortfall {
  course: string;
  weekStart: DayNumber;
  shortMinutes: number;
}

export interface Schedule {
  blocks: Block[];
  /** Blocks recorded as skipped, left out of `blocks` (their work was re-placed); for display. */
  skipped?: Block[];
  deadlines: ScheduledDeadline[];
  weeks: WeekLoad[];
  /** Weekly study still ahead that does not fit: an overload. */
  sessionShortfalls: SessionShortfall[];
  /** Weekly study that did not happen and has no time left: weeks already over, skipped sessions not re-placed. */
  missedSessions?: SessionShortfall[];
  /** Skipped revision blocks that found no time left in their buffer: missed, never an overload. */
  missedRevisions?: MissedRevision[];
  overloaded: boolean;
  /** What could still fix an overload, as judged from now (set by the judging from now). */
  fixes?: OverloadFix[];
  warnings: string[];
}

/**
 * Ways to make room for work still ahead: more availability always; lower estimates for a short
 * deadline; lower weekly hours for short weekly study; an earlier start only for a short deadline
 * whose preparation window (settings.prepStartDays) begins after now, as time already past is gone.
 */
export type OverloadFix = 'availability' | 'estimates' | 'weeklyHours' | 'startEarlier';

interface Interval {
  start: number;
  end: number;
}

/**
 * One availability slot on one day. Its minutes are real minutes counted from the
 * slot's start: `start` is the local minute it starts at and `end` is start + its real
 * length, so on a DST change day `end` can differ from the wall-clock end. `origin` is
 * the real instant of `start`; a slot that holds no change (`regular`) reads its minutes
 * as wall-clock minutes.
 */
interface DaySlot {
  day: DayNumber;
  start: number;
  end: number;
  origin: number;
  regular: boolean;
  free: Interval[];
}

const MS_PER_MINUTE = 60_000;

/** Slot minutes <-> real instants, and the block a slot interval becomes. */
function slotClock(zone: ZoneRules) {
  const at = (m: LocalMoment) => zone.toUtc(m.day, m.minute);
  /** The slot minute of an instant (any number: before the slot is below `start`). */
  const minuteOf = (slot: DaySlot, instant: number) => slot.start + (instant - slot.origin) / MS_PER_MINUTE;
  const instantOf = (slot: DaySlot, minute: number) => slot.origin + (minute - slot.start) * MS_PER_MINUTE;
  const endOf = (slot: DaySlot) => instantOf(slot, slot.end);
  const wall = (slot: DaySlot, minute: number) =>
    slot.regular ? minute : zone.toLocal(instantOf(slot, minute)).minute;
  const placed = (slot: DaySlot, taken: Interval) => ({
    day: slot.day,
    start: wall(slot, taken.start),
    end: wall(slot, taken.end),
    startAt: instantOf(slot, taken.start),
    endAt: instantOf(slot, taken.end),
  });
  return { zone, at, minuteOf, endOf, placed };
}
type SlotClock = ReturnType<typeof slotClock>;

const QUARTER = 15;
const roundUpToQuarter = (minutes: number) => Math.ceil(minutes / QUARTER) * QUARTER;

function isStudyDay(day: DayNumber, terms: readonly Term[]): boolean {
  for (const t of terms) {
    if (day < t.start || day > t.end) continue;
    if (!t.breaks.some((b) => day >= b.start && day <= b.end)) return true;
  }
  return false;
}

/**
 * Every concrete time slot: each study day of each term, each weekly availability slot on
 * its weekday, over its real extent: from the first instant at or after its local start to
 * the instant of its local end (a slot wholly inside a spring-forward gap has none).
 */
function expandSlots(plan: Plan, zone: ZoneRules): DaySlot[] {
  const slots: DaySlot[] = [];
  const first = Math.min(...plan.terms.map((t) => t.start));
  const last = Math.max(...plan.terms.map((t) => t.end));
  for (let day = first; day <= last; day += 1) {
    if (!isStudyDay(day, plan.terms)) continue;
    const weekday = weekdayIndex(day);
    for (const a of plan.availability) {
      if (a.weekday !== weekday || a.end <= a.start) continue;
      const origin = zone.toUtc(day, a.start);
      const length = (zone.toUtc(day, a.end) - origin) / MS_PER_MINUTE;
      if (length <= 0) continue;
      const end = a.start + length;
      // The hour a fall-back change repeats is left free (docs/planner.md, rule 2): calendar
      // programs that keep wall-clock times (calcurse) or cut days by them (khal) misread it.
      const repeated = zone.repeatedBetween(origin, origin + length * MS_PER_MINUTE).map((r) => ({
        start: a.start + (r.start - origin) / MS_PER_MINUTE,
        end: a.start + (r.end - origin) / MS_PER_MINUTE,
      }));
      const regular =
        repeated.length === 0 &&
        length === a.end - a.start &&
        !zone.isSkipped(day, a.start) &&
        !zone.isSkipped(day, a.end);
      slots.push({
        day,
        start: a.start,
        end,
        origin,
        regular,
        free: withoutIntervals({ start: a.start, end }, repeated),
      });
    }
  }
  return slots.sort((a, b) => a.day - b.day || a.start - b.start);
}

/** `whole` less the intervals `cut` (sorted, inside it or overlapping it). */
function withoutIntervals(whole: Interval, cut: readonly Interval[]): Interval[] {
  const left: Interval[] = [];
  let from = whole.start;
  for (const c of cut) {
    if (c.start > from) left.push({ start: from, end: Math.min(c.start, whole.end) });
    from = Math.max(from, c.end);
  }
  if (from < whole.end) left.push({ start: from, end: whole.end });
  return left.filter((i) => i.end > i.start);
}

/** The slots (sorted by day) from day `first` to day `last`, both included, found by binary search. */
function slotsBetween(slots: readonly DaySlot[], first: DayNumber, last: DayNumber): DaySlot[] {
  const lowerBound = (day: DayNumber) => {
    let lo = 0;
    let hi = slots.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((slots[mid] as DaySlot).day < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return slots.slice(lowerBound(first), lowerBound(last + 1));
}

/**
 * Takes up to `max` minutes (at least `min`) from the earliest free time of the slot
 * between `earliestStart` and `latestEnd` (minutes of the slot's day). Returns what it took.
 */
function allocate(
  slot: DaySlot,
  max: number,
  min: number,
  latestEnd = Number.POSITIVE_INFINITY,
  earliestStart = Number.NEGATIVE_INFINITY,
  shape: (length: number) => number = (length) => length,
): Interval | null {
  for (let i = 0; i < slot.free.length; i += 1) {
    const interval = slot.free[i] as Interval;
    const start = Math.max(interval.start, earliestStart);
    const length = Math.min(interval.end, latestEnd) - start;
    if (length <= 0 || length < min) continue;
    const taken = { start, end: start + shape(Math.min(max, length)) };
    const rest = [
      { start: interval.start, end: taken.start },
      { start: taken.end, end: interval.end },
    ].filter((r) => r.end > r.start);
    slot.free.splice(i, 1, ...rest);
    return taken;
  }
  return null;
}

/**
 * A block toward `left` minutes of work: at most a session long, never shorter than the shortest
 * block. The last piece of work is rounded up to the shortest block, and a block stops short
 * rather than leave a remainder shorter than that (89 free minutes for 90 of work: 60 now and 30
 * later, not 89 and a 1-minute block).
 */
function allocateWork(
  slot: DaySlot,
  left: number,
  settings: Plan['settings'],
  latestEnd?: number,
  earliestStart?: number,
): Interval | null {
  const shortest = Math.min(settings.minBlockMinutes, settings.sessionMinutes);
  const most = Math.max(shortest, Math.min(left, settings.sessionMinutes));
  return allocate(slot, most, shortest, latestEnd, earliestStart, (length) => {
    const rest = left - length;
    const shorter = length - (shortest - rest);
    return rest > 0 && rest < shortest && shorter >= shortest ? shorter : length;
  });
}

function scheduleWeeklySessions(
  plan: Plan,
  slots: DaySlot[],
  blocks: Block[],
  shortfalls: SessionShortfall[],
  sc: SlotClock,
): void {
  // Every week of the terms, also one with no slot on its study days (a term starting on a Tuesday
  // with Monday slots only): its weekly study finds no time, a shortfall like any other.
  const first = Math.min(...plan.terms.map((t) => t.start));
  const last = Math.max(...plan.terms.map((t) => t.end));
  const weeks: DayNumber[] = [];
  for (let week = weekStart(first); week <= last; week += 7) weeks.push(week);
  // A course counts only the study days of its own terms.
  const termsOf = new Map(
    plan.courses.map((c) => [
      c.code,
      c.terms === null ? plan.terms : plan.terms.filter((_, i) => c.terms?.includes(i)),
    ]),
  );
  const freeOn = (slot: DaySlot) => slot.free.reduce((sum, f) => sum + f.end - f.start, 0);
  // The weekly pattern's wall-clock minutes on each weekday (Monday first).
  const pattern = [0, 1, 2, 3, 4, 5, 6].map((weekday) =>
    plan.availability.reduce((sum, a) => sum + (a.weekday === weekday ? Math.max(0, a.end - a.start) : 0), 0),
  );
  const fullWeek = pattern.reduce((sum, m) => sum + m, 0);
  for (const week of weeks) {
    const weekSlots = slotsBetween(slots, week, week + 6);
    // A partial week (term start or end, a break) asks the share of the weekly hours that its
    // study time is of a full week's: the availability (wall-clock minutes) on its study days.
    const share = (terms: readonly Term[]) => {
      if (fullWeek === 0) {
        let days = 0;
        for (let day = week; day < week + 7; day += 1) if (isStudyDay(day, terms)) days += 1;
        return days / 7;
      }
      let minutes = 0;
      for (let day = week; day < week + 7; day += 1)
        if (isStudyDay(day, terms)) minutes += pattern[weekdayIndex(day)] ?? 0;
      return minutes / fullWeek;
    };
    const remaining = new Map(
      plan.courses.map((c) => [c.code, roundUpToQuarter(c.weeklyMinutes * share(termsOf.get(c.code) ?? []))] as const),
    );
    const daysUsed = new Map<string, Set<DayNumber>>(plan.courses.map((c) => [c.code, new Set()]));
    const counts = new Map<string, number>();
    let progress = true;
    while (progress) {
      progress = false;
      for (const course of plan.courses) {
        const left = remaining.get(course.code) ?? 0;
        if (left <= 0) continue;
        const used = daysUsed.get(course.code) as Set<DayNumber>;
        // Spread the week: days this course has not used yet first, the emptiest of them first.
        const unused = weekSlots.filter((s) => !used.has(s.day)).map((slot) => ({ slot, free: freeOn(slot) }));
        unused.sort((a, b) => b.free - a.free || a.slot.day - b.slot.day || a.slot.start - b.slot.start);
        const ordered = [...unused.map((u) => u.slot), ...weekSlots.filter((s) => used.has(s.day))];
        for (const slot of ordered) {
          const taken = allocateWork(slot, left, plan.settings);
          if (!taken) continue;
          const n = (counts.get(course.code) ?? 0) + 1;
          counts.set(course.code, n);
          blocks.push({
            kind: 'session',
            key: `session|${course.code}|${isoDate(week)}|${n}`,
            course: course.code,
            deadlineKey: null,
            title: `Study: ${course.code}${course.title !== course.code ? ` ${course.title}` : ''}`,
            ...sc.placed(slot, taken),
          });
          remaining.set(course.code, left - (taken.end - taken.start));
          used.add(slot.day);
          progress = true;
          break;
        }
      }
    }
    for (const course of plan.courses) {
      const left = remaining.get(course.code) ?? 0;
      if (left > 0) shortfalls.push({ course: course.code, weekStart: week, shortMinutes: left });
    }
  }
}

/** Latest usable slot minute of `slot` for work that must end before the instant `end`. */
function limitIn(slot: DaySlot, end: number, sc: SlotClock): number {
  return sc.minuteOf(slot, end);
}

/**
 * Places `minutes` of work over the window's days: one block a day (as long as a
 * session allows), then a second pass, and so on, so work is spread rather than piled
 * up. Each block ends before `workEnd` and starts no earlier than `earliest(slot)`.
 */
type Placed = Pick<Block, 'day' | 'start' | 'end' | 'startAt' | 'endAt'>;

function spreadWork(
  window: readonly DaySlot[],
  minutes: number,
  settings: Plan['settings'],
  workEnd: number,
  earliest: (slot: DaySlot) => number,
  sc: SlotClock,
): { placed: Placed[]; left: number } {
  const placed: Placed[] = [];
  // The window's slots grouped by day (the window is in day order), and how many blocks each day has.
  const days: DaySlot[][] = [];
  for (const slot of window) {
    const last = days[days.length - 1];
    if (last && (last[0] as DaySlot).day === slot.day) last.push(slot);
    else days.push([slot]);
  }
  const placedOn = days.map(() => 0);
  let left = minutes;
  for (let perDay = 1; left > 0; perDay += 1) {
    let progress = false;
    for (let d = 0; d < days.length; d += 1) {
      if (left <= 0) break;
      if ((placedOn[d] as number) >= perDay) continue;
      for (const slot of days[d] as DaySlot[]) {
        const taken = allocateWork(slot, left, settings, limitIn(slot, workEnd, sc), earliest(slot));
        if (!taken) continue;
        placed.push(sc.placed(slot, taken));
        placedOn[d] = (placedOn[d] as number) + 1;
        left -= taken.end - taken.start;
        progress = true;
        break;
      }
    }
    if (!progress) break;
  }
  return { placed: placed.sort((a, b) => a.startAt - b.startAt), left };
}

function scheduleDeadline(
  plan: Plan,
  deadline: Deadline,
  slots: DaySlot[],
  blocks: Block[],
  sc: SlotClock,
): ScheduledDeadline {
  const { settings } = plan;
  const neededMinutes = roundUpToQuarter(deadline.estimateMinutes * settings.estimateMultiplier);
  const workEnd: LocalMoment = { day: deadline.due.day - deadline.bufferDays, minute: deadline.due.minute };
  const workEndAt = sc.at(workEnd);
  const dueAt = sc.at(deadline.due);
  const prepStart = deadline.due.day - settings.prepStartDays;
  const window = slotsBetween(slots, prepStart, workEnd.day + 1).filter((s) => limitIn(s, workEndAt, sc) > s.start);
  const spread = spreadWork(window, neededMinutes, settings, workEndAt, () => 0, sc);
  const placed: Block[] = spread.placed.map((t, i) => ({
    kind: 'work',
    key: `work|${deadline.key}|${i + 1}`,
    course: deadline.course,
    deadlineKey: deadline.key,
    title: `Work: ${deadline.title} (${deadline.course})`,
    ...t,
  }));
  blocks.push(...placed);

  // Revision inside the buffer: one revise-and-edit block, or spaced reviews before an exam.
  const bufferSlots = slotsBetween(slots, workEnd.day, deadline.due.day + 1).filter(
    (s) => sc.endOf(s) > workEndAt && s.origin < dueAt,
  );
  const isExam = deadline.kind === 'exam';
  const wanted = isExam ? Math.max(1, Math.min(3, deadline.bufferDays)) : 1;
  const revisionDays = new Set<DayNumber>();
  let count = 0;
  for (const slot of bufferSlots) {
    if (count >= wanted) break;
    if (revisionDays.has(slot.day)) continue;
    const taken = allocate(
      slot,
      settings.revisionMinutes,
      Math.min(settings.revisionMinutes, settings.minBlockMinutes),
      limitIn(slot, dueAt, sc),
      sc.minuteOf(slot, workEndAt),
    );
    if (!taken) continue;
    count += 1;
    revisionDays.add(slot.day);
    blocks.push({
      kind: isExam ? 'review' : 'revise',
      key: `${isExam ? 'review' : 'revise'}|${deadline.key}|${count}`,
      course: deadline.course,
      deadlineKey: deadline.key,
      title: `${isExam ? 'Review for' : 'Revise and edit'}: ${deadline.title} (${deadline.course})`,
      ...sc.placed(slot, taken),
    });
  }

  const placedMinutes = placed.reduce((sum, b) => sum + blockMinutes(b), 0);
  const firstWork = placed[0]?.day;
  return {
    deadline,
    neededMinutes,
    placedMinutes,
    shortMinutes: Math.max(0, neededMinutes - placedMinutes),
    prepStart: firstWork ?? Math.max(prepStart, Math.min(...plan.terms.map((t) => t.start))),
    workEnd,
    revisionPlaced: count > 0,
  };
}

/** A block's real length in minutes (its wall-clock times can differ on a DST change day). */
export const blockMinutes = (b: Pick<Block, 'startAt' | 'endAt'>): number => (b.endAt - b.startAt) / MS_PER_MINUTE;

/** Real minutes of availability per week (keyed by Monday): the slots' free time before anything is placed. */
function availableByWeek(slots: readonly DaySlot[]): Map<DayNumber, number> {
  const available = new Map<DayNumber, number>();
  for (const slot of slots) {
    const week = weekStart(slot.day);
    const minutes = slot.free.reduce((sum, f) => sum + f.end - f.start, 0);
    available.set(week, (available.get(week) ?? 0) + minutes);
  }
  return available;
}

function weekLoads(
  plan: Plan,
  available: ReadonlyMap<DayNumber, number>,
  blocks: Block[],
  deadlines: ScheduledDeadline[],
  shortfalls: readonly SessionShortfall[],
  missed: readonly SessionShortfall[] = [],
): WeekLoad[] {
  const weeks = new Map<DayNumber, WeekLoad>();
  const week = (day: DayNumber): WeekLoad => {
    const start = weekStart(day);
    let load = weeks.get(start);
    if (!load) {
      load = {
        weekStart: start,
        availableMinutes: 0,
        plannedMinutes: 0,
        deadlines: 0,
        shortMinutes: 0,
        missedMinutes: 0,
        overloaded: false,
      };
      weeks.set(start, load);
    }
    return load;
  };
  for (const [monday, minutes] of available) week(monday).availableMinutes += minutes;
  for (const b of blocks) week(b.day).plannedMinutes += blockMinutes(b);
  for (const d of deadlines) {
    week(d.deadline.due.day).deadlines += 1;
    if (d.missed) week(d.workEnd.day).missedMinutes += d.shortMinutes;
    else week(d.workEnd.day).shortMinutes += d.shortMinutes;
  }
  for (const s of shortfalls) week(s.weekStart).shortMinutes += s.shortMinutes;
  for (const s of missed) week(s.weekStart).missedMinutes += s.shortMinutes;
  for (const t of plan.terms) for (let day = t.start; day <= t.end; day += 7) week(day);
  return [...weeks.values()]
    .map((w) => ({ ...w, overloaded: w.shortMinutes > 0 }))
    .sort((a, b) => a.weekStart - b.weekStart);
}

/** Deadlines whose buffer found no time for revising (those given: judged from now, only ones not yet due). */
function revisionWarnings(deadlines: readonly ScheduledDeadline[]): string[] {
  return deadlines
    .filter((d) => !d.revisionPlaced && d.deadline.bufferDays > 0)
    .map((d) => `no free time in the ${d.deadline.bufferDays}-day buffer before "${d.deadline.title}" for revising`);
}

/** Schedules the plan; `zone` defaults to the rules of the plan's own time zone. */
export function buildSchedule(plan: Plan, zone: ZoneRules = zoneRules(plan.timezone)): Schedule {
  const sc = slotClock(zone);
  const slots = expandSlots(plan, zone);
  const available = availableByWeek(slots);
  const blocks: Block[] = [];
  const sessionShortfalls: SessionShortfall[] = [];
  scheduleWeeklySessions(plan, slots, blocks, sessionShortfalls, sc);
  const ordered = [...plan.deadlines].sort((a, b) => momentKey(a.due) - momentKey(b.due) || a.index - b.index);
  const deadlines = ordered.map((d) => scheduleDeadline(plan, d, slots, blocks, sc));
  const warnings = revisionWarnings(deadlines);
  blocks.sort(byTime);
  const weeks = weekLoads(plan, available, blocks, deadlines, sessionShortfalls);
  const overloaded = deadlines.some((d) => d.shortMinutes > 0) || sessionShortfalls.length > 0;
  return { blocks, deadlines, weeks, sessionShortfalls, overloaded, warnings };
}

const byTime = (a: Block, b: Block) => a.startAt - b.startAt || compareText(a.key, b.key);

/** Removes an already placed block's time from the slot it sits in. */
function occupy(slots: readonly DaySlot[], block: Block, sc: SlotClock): void {
  const slot = slots.find((s) => s.day === block.day && s.origin <= block.startAt && block.endAt <= sc.endOf(s));
  if (!slot) return;
  const start = sc.minuteOf(slot, block.startAt);
  const end = sc.minuteOf(slot, block.endAt);
  slot.free = slot.free.flatMap((f) =>
    f.end <= start || f.start >= end
      ? [f]
      : [
          { start: f.start, end: start },
          { start: end, end: f.end },
        ].filter((r) => r.end > r.start),
  );
}

/** A skipped revise-and-edit or review block that found no time left in its deadline's buffer. */
export interface MissedRevision {
  deadlineKey: string;
  course: string;
  weekStart: DayNumber;
  minutes: number;
}

const REPLACED = '|again-';

/** The title of a block placed again: marked once, however often it was skipped. */
function replacedTitle(block: Block): string {
  if (block.key.includes(REPLACED)) return block.title;
  if (block.kind === 'work') return block.title.replace(/^Work: /, 'Work (re-placed): ');
  return `${block.title} (re-placed)`;
}

/**
 * Re-places the work of skipped blocks, then judges the schedule from `now` on.
 *
 * `skipped` maps each skipped block's key to the moment the skip was recorded. A skipped
 * block's work is placed from that moment (or the block's end, when it was skipped ahead), never
 * from `now`: a re-placed block stays where it was first put, so it can be done and recorded, and
 * its calendar event keeps its time. Skips are placed in the order they were recorded. Every
 * block of the plan keeps its time, skipped ones too (the student said they cannot study then),
 * and each re-placed block holds its own, so re-placed work only goes into time still free.
 *
 * A session goes into free time later in its week; a work block into free time before its
 * deadline's buffer (one block a day); a revise-and-edit or review block into the buffer, before
 * the due time. A re-placed block that is skipped in turn is placed again the same way. Work
 * that finds no time is missed work (a session, a revision: reported, never an overload) or, for
 * a deadline still ahead, a shortfall of that deadline.
 */
export function replaceSkipped(
  plan: Plan,
  base: Schedule,
  skipped: ReadonlyMap<string, number>,
  now: LocalMoment,
  zone: ZoneRules = zoneRules(plan.timezone),
): Schedule {
  const sc = slotClock(zone);
  const nowAt = sc.at(now);
  if (skipped.size === 0) return fromNow(plan, base, base.deadlines, base.sessionShortfalls, [], now, nowAt, sc);
  const slots = expandSlots(plan, zone);
  for (const b of base.blocks) occupy(slots, b, sc);
  const live = new Map(base.blocks.map((b) => [b.key, b]));
  const skippedBlocks: Block[] = [];
  const lostSessions: SessionShortfall[] = [];
  const missedRevisions: MissedRevision[] = [];
  const lostWork = new Map<string, number>();
  const deadlineOf = new Map(base.deadlines.map((d) => [d.deadline.key, d]));
  let replacements = 0;

  const replace = (block: Block, from: number): void => {
    const minutes = blockMinutes(block);
    const after = (s: DaySlot) => sc.minuteOf(s, from);
    const pieces: Placed[] = [];
    let left = minutes;
    const d = block.deadlineKey === null ? undefined : deadlineOf.get(block.deadlineKey);
    if (block.kind === 'session' || !d) {
      const weekEnd = weekStart(block.day) + 6;
      for (const slot of slots.filter((s) => sc.endOf(s) > from && s.day <= weekEnd)) {
        if (left <= 0) break;
        const taken = allocateWork(slot, left, plan.settings, undefined, after(slot));
        if (!taken) continue;
        pieces.push(sc.placed(slot, taken));
        left -= taken.end - taken.start;
      }
      if (left > 0) lostSessions.push({ course: block.course, weekStart: weekStart(block.day), shortMinutes: left });
    } else if (block.kind === 'work') {
      const workEndAt = sc.at(d.workEnd);
      const window = slots.filter((s) => sc.endOf(s) > from && limitIn(s, workEndAt, sc) > s.start);
      const spread = spreadWork(window, minutes, plan.settings, workEndAt, after, sc);
      pieces.push(...spread.placed);
      left = spread.left;
      if (left > 0) lostWork.set(d.deadline.key, (lostWork.get(d.deadline.key) ?? 0) + left);
    } else {
      const dueAt = sc.at(d.deadline.due);
      const start = Math.max(from, sc.at(d.workEnd));
      const buffer = slots.filter((s) => sc.endOf(s) > start && s.origin < dueAt);
      // Reviews are spaced: a day without another of this deadline's revision blocks first.
      const busy = new Set(
        [...live.values()].filter((b) => b.deadlineKey === d.deadline.key && b.kind === block.kind).map((b) => b.day),
      );
      const ordered = [...buffer.filter((s) => !busy.has(s.day)), ...buffer.filter((s) => busy.has(s.day))];
      for (const slot of ordered) {
        const taken = allocate(
          slot,
          minutes,
          Math.min(minutes, plan.settings.minBlockMinutes),
          limitIn(slot, dueAt, sc),
          sc.minuteOf(slot, start),
        );
        if (!taken) continue;
        pieces.push(sc.placed(slot, taken));
        left = 0;
        break;
      }
      if (left > 0)
        missedRevisions.push({
          deadlineKey: d.deadline.key,
          course: d.deadline.course,
          weekStart: weekStart(block.day),
          minutes,
        });
    }
    pieces.sort((a, b) => a.startAt - b.startAt);
    pieces.forEach((t, i) => {
      replacements += 1;
      const key = `${block.key}${REPLACED}${i + 1}`;
      live.set(key, { ...block, key, title: replacedTitle(block), ...t, replacement: replacements });
    });
  };

  // In the order recorded; a skip of a re-placed block waits for the skip that placed it.
  let pending = [...skipped].sort(([ka, a], [kb, b]) => a - b || compareText(ka, kb));
  while (pending.length > 0) {
    const waiting: [string, number][] = [];
    for (const [key, at] of pending) {
      const block = live.get(key);
      if (!block) {
        waiting.push([key, at]);
        continue;
      }
      live.delete(key);
      skippedBlocks.push(block);
      replace(block, Number.isFinite(at) ? Math.max(at, block.endAt) : block.endAt);
    }
    if (waiting.length === pending.length) break;
    pending = waiting;
  }

  const deadlines = base.deadlines.map((d) => {
    const left = lostWork.get(d.deadline.key) ?? 0;
    if (left === 0) return d;
    const placedMinutes = d.placedMinutes - left;
    return { ...d, placedMinutes, shortMinutes: d.neededMinutes - placedMinutes };
  });
  const rebuilt = { ...base, blocks: [...live.values()].sort(byTime), skipped: skippedBlocks, missedRevisions };
  return fromNow(plan, rebuilt, deadlines, base.sessionShortfalls, lostSessions, now, nowAt, sc);
}

/** Splits shortfalls into work still ahead (an overload) and work whose time has passed (missed). */
function fromNow(
  plan: Plan,
  schedule: Schedule,
  allDeadlines: ScheduledDeadline[],
  shortfalls: readonly SessionShortfall[],
  lostSessions: readonly SessionShortfall[],
  now: LocalMoment,
  nowAt: number,
  sc: SlotClock,
): Schedule {
  // A week is over once none of its study days is left: after its Sunday, or after the term's
  // last day (a term ending on a Friday is over on Saturday); its shortfall is then missed work.
  const weekOver = (week: DayNumber) => {
    for (let day = Math.max(week, now.day); day < week + 7; day += 1) if (isStudyDay(day, plan.terms)) return false;
    return true;
  };
  const deadlines = allDeadlines.map((d) => ({
    ...d,
    past: sc.at(d.deadline.due) <= nowAt,
    missed: sc.at(d.workEnd) <= nowAt,
  }));
  const sessionShortfalls = shortfalls.filter((s) => !weekOver(s.weekStart));
  const missedSessions = [...shortfalls.filter((s) => weekOver(s.weekStart)), ...lostSessions];
  const available = new Map(schedule.weeks.map((w) => [w.weekStart, w.availableMinutes]));
  const missedRevisions = (schedule.missedRevisions ?? []).map((r) => ({ ...r, shortMinutes: r.minutes }));
  const weeks = weekLoads(plan, available, schedule.blocks, deadlines, sessionShortfalls, [
    ...missedSessions,
    ...missedRevisions,
  ]);
  const short = deadlines.filter((d) => d.shortMinutes > 0 && !d.missed);
  const fixes: OverloadFix[] = ['availability'];
  if (short.length > 0) fixes.push('estimates');
  if (sessionShortfalls.length > 0) fixes.push('weeklyHours');
  if (short.some((d) => d.deadline.due.day - plan.settings.prepStartDays > now.day)) fixes.push('startEarlier');
  return {
    ...schedule,
    deadlines,
    weeks,
    sessionShortfalls,
    missedSessions,
    fixes,
    warnings: revisionWarnings(deadlines.filter((d) => !d.past)),
    overloaded: deadlines.some((d) => d.shortMinutes > 0 && !d.missed) || sessionShortfalls.length > 0,
  };
}
