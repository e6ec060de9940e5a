/**
 * Plain constant vocabularies shared by the zod schemas and the CLI. Kept free
 * of zod so commands can use them without loading the schema library at start-up.
 */
export const TRI_STATES = ['yes', 'no', 'unknown'] as const;

export const PROGRAM_STATUSES = [
  'continued',
  'conditional',
  'initial',
  'candidate',
  'precandidate',
  'unknown',
] as const;

/** Statuses under which a program is not (yet) accredited. */
export const NOT_ACCREDITED_STATUSES: readonly (typeof PROGRAM_STATUSES)[number][] = ['candidate', 'precandidate'];

export const SEASONS = ['spring', 'summer', 'fall', 'winter'] as const;

export const REVIEW_BASES = ['next-review', 'through', 'review-in-progress', 'not-stated'] as const;

export const COUNTRIES = ['United States', 'Canada', 'United Kingdom'] as const;

/** What a program's link points to: its own page, the school's news page, the institution's home page (IPEDS), or a source page. */
export const LINK_KINDS = ['program page', 'school news page', 'institution home page', 'source page'] as const;
