/**
 * The scheduler: steady weekly study sessions per course, then, deadline by
 * deadline (earliest due first), work blocks between the prep start and the
 * revision buffer, and a revise-and-edit block (or spaced exam reviews) inside
 * the buffer. Never double-books; reports every shortfall. Pure and deterministic.
 */

import { compareText } from '../catalog/normalize.js';
import { type DayNumber, isoDate, type LocalMoment, momentKey, weekdayIndex, weekStart } from '../time/dates.js';
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
  day: DayNumber;
  start: number;
  end: number;
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
}

export interface WeekLoad {
  weekStart: DayNumber;
  availableMinutes: number;
  plannedMinutes: number;
  deadlines: number;
  shortMinutes: number;
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
  sessionShortfalls: SessionShortfall[];
  overloaded: boolean;
  warnings: string[];
}

interface Interval {
  start: number;
  end: number;
}

interface DaySlot {
  day: DayNumber;
  start: number;
  end: number;
  free: Interval[];
}

const QUARTER = 15;
const roundUpToQuarter = (minutes: number) => Math.ceil(minutes / QUARTER) * QUARTER;

function isStudyDay(day: DayNumber, terms: readonly Term[]): boolean {
  return terms.some((t) => day >= t.start && day <= t.end && !t.breaks.some((b) => day >= b.start && day <= b.end));
}

/** Every concrete time slot: each study day of each term, each weekly availability slot on its weekday. */
function expandSlots(plan: Plan): DaySlot[] {
  const slots: DaySlot[] = [];
  const first = Math.min(...plan.terms.map((t) => t.start));
  const last = Math.max(...plan.terms.map((t) => t.end));
  for (let day = first; day <= last; day += 1) {
    if (!isStudyDay(day, plan.terms)) continue;
    const weekday = weekdayIndex(day);
    for (const a of plan.availability) {
      if (a.weekday === weekday && a.end > a.start) {
        slots.push({ day, start: a.start, end: a.end, free: [{ start: a.start, end: a.end }] });
      }
    }
  }
  return slots.sort((a, b) => a.day - b.day || a.start - b.start);
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
function allocate(slot: DaySlot, max: number, min: number, latestEnd = 1440, earliestStart = 0): Interval | null {
  for (let i = 0; i < slot.free.length; i += 1) {
    const interval = slot.free[i] as Interval;
    const start = Math.max(interval.start, earliestStart);
    const length = Math.min(interval.end, latestEnd) - start;
    if (length <= 0 || length < min) continue;
    const taken = { start, end: start + Math.min(max, length) };
    const rest = [
      { start: interval.start, end: taken.start },
      { start: taken.end, end: interval.end },
    ].filter((r) => r.end > r.start);
    slot.free.splice(i, 1, ...rest);
    return taken;
  }
  return null;
}

function scheduleWeeklySessions(plan: Plan, slots: DaySlot[], blocks: Block[], shortfalls: SessionShortfall[]): void {
  const weeks = [...new Set(slots.map((s) => weekStart(s.day)))].sort((a, b) => a - b);
  for (const week of weeks) {
    const weekSlots = slotsBetween(slots, week, week + 6);
    // A course counts only the study days of its own terms in this week.
    const courseDays = (terms: number[] | null) => {
      let days = 0;
      for (let day = week; day < week + 7; day += 1) {
        const own = terms === null ? plan.terms : plan.terms.filter((_, i) => terms.includes(i));
        if (isStudyDay(day, own)) days += 1;
      }
      return days;
    };
    const remaining = new Map(
      plan.courses.map((c) => [c.code, roundUpToQuarter((c.weeklyMinutes * courseDays(c.terms)) / 7)] as const),
    );
    const daysUsed = new Map<string, Set<DayNumber>>(plan.courses.map((c) => [c.code, new Set()]));
    const counts = new Map<string, number>();
    let progress = true;
    while (progress) {
      progress = false;
      for (const course of plan.courses) {
        const left = remaining.get(course.code) ?? 0;
        if (left <= 0) continue;
        const max = Math.min(left, plan.settings.sessionMinutes);
        const min = Math.min(left, plan.settings.minBlockMinutes);
        const used = daysUsed.get(course.code) as Set<DayNumber>;
        // Spread the week: days this course has not used yet first, the emptiest of them first.
        const freeOn = (slot: DaySlot) => slot.free.reduce((sum, f) => sum + f.end - f.start, 0);
        const emptiestFirst = (a: DaySlot, b: DaySlot) => freeOn(b) - freeOn(a) || a.day - b.day || a.start - b.start;
        const ordered = [
          ...weekSlots.filter((s) => !used.has(s.day)).sort(emptiestFirst),
          ...weekSlots.filter((s) => used.has(s.day)),
        ];
        for (const slot of ordered) {
          const taken = allocate(slot, max, min);
          if (!taken) continue;
          const n = (counts.get(course.code) ?? 0) + 1;
          counts.set(course.code, n);
          blocks.push({
            kind: 'session',
            key: `session|${course.code}|${isoDate(week)}|${n}`,
            course: course.code,
            deadlineKey: null,
            title: `Study: ${course.code}${course.title !== course.code ? ` ${course.title}` : ''}`,
            day: slot.day,
            ...taken,
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

/** Latest usable minute of `slot` for work that must end before `end`. */
function limitOnDay(slot: DaySlot, end: LocalMoment): number {
  if (slot.day < end.day) return 1440;
  if (slot.day === end.day) return end.minute;
  return -1;
}

/**
 * Places `minutes` of work over the window's days: one block a day (as long as a
 * session allows), then a second pass, and so on, so work is spread rather than piled
 * up. Each block ends before `workEnd` and starts no earlier than `earliest(slot)`.
 */
function spreadWork(
  window: readonly DaySlot[],
  minutes: number,
  settings: Plan['settings'],
  workEnd: LocalMoment,
  earliest: (slot: DaySlot) => number,
): { placed: (Interval & { day: DayNumber })[]; left: number } {
  const placed: (Interval & { day: DayNumber })[] = [];
  const byDay = new Map<DayNumber, DaySlot[]>();
  for (const slot of window) {
    const list = byDay.get(slot.day);
    if (list) list.push(slot);
    else byDay.set(slot.day, [slot]);
  }
  const placedOn = new Map<DayNumber, number>();
  let left = minutes;
  for (let perDay = 1; left > 0; perDay += 1) {
    let progress = false;
    for (const [day, daySlots] of byDay) {
      if (left <= 0) break;
      if ((placedOn.get(day) ?? 0) >= perDay) continue;
      for (const slot of daySlots) {
        const taken = allocate(
          slot,
          Math.min(left, settings.sessionMinutes),
          Math.min(left, settings.minBlockMinutes),
          limitOnDay(slot, workEnd),
          earliest(slot),
        );
        if (!taken) continue;
        placed.push({ day, ...taken });
        placedOn.set(day, (placedOn.get(day) ?? 0) + 1);
        left -= taken.end - taken.start;
        progress = true;
        break;
      }
    }
    if (!progress) break;
  }
  return { placed: placed.sort((a, b) => a.day - b.day || a.start - b.start), left };
}

function scheduleDeadline(plan: Plan, deadline: Deadline, slots: DaySlot[], blocks: Block[]): ScheduledDeadline {
  const { settings } = plan;
  const neededMinutes = roundUpToQuarter(deadline.estimateMinutes * settings.estimateMultiplier);
  const workEnd: LocalMoment = { day: deadline.due.day - deadline.bufferDays, minute: deadline.due.minute };
  const prepStart = deadline.due.day - settings.prepStartDays;
  const window = slotsBetween(slots, prepStart, workEnd.day).filter((s) => limitOnDay(s, workEnd) > s.start);
  const spread = spreadWork(window, neededMinutes, settings, workEnd, () => 0);
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
  const bufferSlots = slotsBetween(slots, workEnd.day, deadline.due.day).filter(
    (s) => momentKey({ day: s.day, minute: s.end }) > momentKey(workEnd),
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
      slot.day === deadline.due.day ? deadline.due.minute : 1440,
      slot.day === workEnd.day ? workEnd.minute : 0,
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
      day: slot.day,
      ...taken,
    });
  }

  const placedMinutes = placed.reduce((sum, b) => sum + b.end - b.start, 0);
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

function weekLoads(
  plan: Plan,
  allSlots: DaySlot[],
  blocks: Block[],
  deadlines: ScheduledDeadline[],
  shortfalls: SessionShortfall[],
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
        overloaded: false,
      };
      weeks.set(start, load);
    }
    return load;
  };
  for (const slot of allSlots) week(slot.day).availableMinutes += slot.end - slot.start;
  for (const b of blocks) week(b.day).plannedMinutes += b.end - b.start;
  for (const d of deadlines) {
    week(d.deadline.due.day).deadlines += 1;
    week(d.workEnd.day).shortMinutes += d.shortMinutes;
  }
  for (const s of shortfalls) week(s.weekStart).shortMinutes += s.shortMinutes;
  for (const t of plan.terms) for (let day = t.start; day <= t.end; day += 7) week(day);
  return [...weeks.values()]
    .map((w) => ({ ...w, overloaded: w.shortMinutes > 0 }))
    .sort((a, b) => a.weekStart - b.weekStart);
}

export function buildSchedule(plan: Plan): Schedule {
  const slots = expandSlots(plan);
  const pristine = slots.map((s) => ({ ...s, free: [...s.free] }));
  const blocks: Block[] = [];
  const sessionShortfalls: SessionShortfall[] = [];
  scheduleWeeklySessions(plan, slots, blocks, sessionShortfalls);
  const ordered = [...plan.deadlines].sort((a, b) => momentKey(a.due) - momentKey(b.due) || a.index - b.index);
  const deadlines = ordered.map((d) => scheduleDeadline(plan, d, slots, blocks));
  const warnings = deadlines
    .filter((d) => !d.revisionPlaced && d.deadline.bufferDays > 0)
    .map((d) => `no free time in the ${d.deadline.bufferDays}-day buffer before "${d.deadline.title}" for revising`);
  blocks.sort((a, b) => a.day - b.day || a.start - b.start || compareText(a.key, b.key));
  const weeks = weekLoads(plan, pristine, blocks, deadlines, sessionShortfalls);
  const overloaded = deadlines.some((d) => d.shortMinutes > 0) || sessionShortfalls.length > 0;
  return { blocks, deadlines, weeks, sessionShortfalls, overloaded, warnings };
}

/** Removes an already placed block's time from the slot it sits in. */
function occupy(slots: readonly DaySlot[], block: Block): void {
  const slot = slots.find((s) => s.day === block.day && s.start <= block.start && block.end <= s.end);
  if (!slot) return;
  slot.free = slot.free.flatMap((f) =>
    f.end <= block.start || f.start >= block.end
      ? [f]
      : [
          { start: f.start, end: block.start },
          { start: block.end, end: f.end },
        ].filter((r) => r.end > r.start),
  );
}

/**
 * Re-places the work of skipped blocks: each skipped work block's minutes go into free
 * time after `now` and before its deadline's buffer (one block a day, earliest deadline
 * first); each skipped study session into free time later in the same week. What does
 * not fit is a shortfall, so the deadline is reported at risk.
 */
export function replaceSkipped(plan: Plan, base: Schedule, skipped: ReadonlySet<string>, now: LocalMoment): Schedule {
  if (skipped.size === 0) return base;
  const slots = expandSlots(plan);
  const kept = base.blocks.filter((b) => !skipped.has(b.key));
  for (const b of kept) occupy(slots, b);
  const added: Block[] = [];
  // Re-placed time starts after now and after the skipped block itself (a block can be skipped ahead).
  const notBefore = (from: LocalMoment) => (s: DaySlot) =>
    s.day === from.day ? from.minute : s.day > from.day ? 0 : 1440;
  const later = (a: LocalMoment, b: LocalMoment) => (momentKey(a) >= momentKey(b) ? a : b);
  const lostSessions: SessionShortfall[] = [];

  for (const block of base.blocks.filter((b) => skipped.has(b.key) && b.kind === 'session')) {
    let left = block.end - block.start;
    const weekEnd = weekStart(block.day) + 6;
    const from = later(now, { day: block.day, minute: block.end });
    const after = notBefore(from);
    for (const slot of slots.filter((s) => s.day >= from.day && s.day <= weekEnd)) {
      if (left <= 0) break;
      const taken = allocate(slot, left, Math.min(left, plan.settings.minBlockMinutes), 1440, after(slot));
      if (!taken) continue;
      added.push({
        ...block,
        key: `${block.key}|again-${added.length + 1}`,
        title: `${block.title} (re-placed)`,
        day: slot.day,
        ...taken,
      });
      left -= taken.end - taken.start;
    }
    if (left > 0) lostSessions.push({ course: block.course, weekStart: weekStart(block.day), shortMinutes: left });
  }

  const deadlines = base.deadlines.map((d) => {
    const missedBlocks = base.blocks.filter(
      (b) => skipped.has(b.key) && b.kind === 'work' && b.deadlineKey === d.deadline.key,
    );
    const missed = missedBlocks.reduce((sum, b) => sum + b.end - b.start, 0);
    if (missed === 0) return d;
    const from = missedBlocks.reduce((m, b) => later(m, { day: b.day, minute: b.end }), now);
    const window = slots.filter(
      (s) => momentKey({ day: s.day, minute: s.end }) > momentKey(from) && limitOnDay(s, d.workEnd) > s.start,
    );
    const { placed, left } = spreadWork(window, missed, plan.settings, d.workEnd, notBefore(from));
    placed.forEach((t, i) => {
      added.push({
        kind: 'work',
        key: `work|${d.deadline.key}|again-${i + 1}`,
        course: d.deadline.course,
        deadlineKey: d.deadline.key,
        title: `Work (re-placed): ${d.deadline.title} (${d.deadline.course})`,
        ...t,
      });
    });
    const placedMinutes = d.placedMinutes - left;
    return { ...d, placedMinutes, shortMinutes: d.neededMinutes - placedMinutes };
  });

  const blocks = [...kept, ...added].sort((a, b) => a.day - b.day || a.start - b.start || compareText(a.key, b.key));
  const sessionShortfalls = [...base.sessionShortfalls, ...lostSessions];
  const weeks = weekLoads(plan, expandSlots(plan), blocks, deadlines, sessionShortfalls);
  return {
    blocks,
    skipped: base.blocks.filter((b) => skipped.has(b.key)),
    deadlines,
    weeks,
    sessionShortfalls,
    overloaded: deadlines.some((d) => d.shortMinutes > 0) || sessionShortfalls.length > 0,
    warnings: base.warnings,
  };
}
