/**
 * The plan file's documented limits (docs/files.md), apart from its zod schema so that reading a
 * plan's bytes does not build the schema: far above any real plan, low enough that a mistyped
 * year or a pasted file cannot make a run write gigabytes or exhaust memory.
 */
export const PLAN_LIMITS = {
  /** A plan file is read whole: a two-year plan is about 50 KB. */
  fileBytes: 5 * 1024 * 1024,
  /** From the first term's start to the last term's end. */
  spanYears: 10,
  /** Names, titles, course codes, break names. */
  textChars: 300,
  /** Deadline ids and sources (LMS UIDs can be long). */
  idChars: 1000,
  terms: 50,
  breaksPerTerm: 200,
  slots: 100,
  courses: 200,
  /** A whole program's LMS feeds are a few thousand; a 10,000-event feed must still import. */
  deadlines: 20_000,
  reminders: 10,
} as const;
export const MAX_PLAN_BYTES = PLAN_LIMITS.fileBytes;
