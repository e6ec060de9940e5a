/** Text folding shared by every name lookup: accents, case, punctuation. */

const COMBINING_MARKS = /\p{M}+/gu;
// Modifier letters such as the ʻokina in "Hawaiʻi" and apostrophes of all kinds.
const APOSTROPHES = /[\u02bb\u02bc\u2018\u2019'`\u00b4]/g;
const NON_ALNUM = /[^\p{L}\p{N}]+/gu;

/** Lower-case, strip accents and apostrophes, turn every other non-alphanumeric run into one space. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(APOSTROPHES, '')
    .replace(/&/g, ' and ')
    .toLowerCase()
    .replace(NON_ALNUM, ' ')
    .trim();
}

/** A URL- and file-safe identifier: `San José State University` -> `san-jose-state-university`. */
export function slugify(text: string): string {
  return foldText(text).replace(/ /g, '-');
}

/** Every word of the query appears (as a prefix of a word) in the haystack. */
export function matchesAllWords(query: string, haystack: string): boolean {
  const words = foldText(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const hay = ` ${foldText(haystack)}`;
  return words.every((word) => hay.includes(` ${word}`));
}

/** Code-point order. Deliberately not localeCompare: its first call loads ICU collation (~7 ms). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
