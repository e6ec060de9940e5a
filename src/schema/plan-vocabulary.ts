/** Plain vocabularies and defaults of the planner (no zod: the CLI reads them at start-up). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const DEADLINE_KINDS = ['assignment', 'paper', 'project', 'discussion', 'quiz', 'exam'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/**
 * Defaults, documented in the README:
 * - revisionBufferDays 3: the last days before a due date are kept for revising and editing.
 * - estimateMultiplier 1.5: students' estimates run about 40% short (Buehler, Griffin & Ross 1994,
 *   the planning fallacy), so each estimate is multiplied before planning.
 * - prepStartDays 21: work on a deadline starts at most this many days before it is due.
 * - sessionMinutes 90 / minBlockMinutes 30: longest and shortest block placed.
 * - revisionMinutes 60: the revise-and-edit block (and each exam review session).
 * - reminders 1d and 2h before each due time.
 */
export const DEFAULT_SETTINGS = {
  revisionBufferDays: 3,
  estimateMultiplier: 1.5,
  prepStartDays: 21,
  sessionMinutes: 90,
  minBlockMinutes: 30,
  revisionMinutes: 60,
  reminders: ['1d', '2h'],
} as const;
