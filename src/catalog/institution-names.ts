/**
 * Canonical institution names, so that what people type and what DAPIP
 * stores meet: accents, case, punctuation, "&"/"and", "St."/"Saint",
 * "The", "at", "Main Campus", "Univ." all fold to one form.
 */
import { foldText } from './normalize.js';

const WORD_REWRITES: Record<string, string> = {
  saint: 'st',
  ste: 'st',
  univ: 'university',
  uni: 'university',
  mt: 'mount',
  ft: 'fort',
  coll: 'college',
  inst: 'institute',
  tech: 'technology',
  ctr: 'center',
  centre: 'center',
};

// Words that carry no identity in an institution's name.
const DROPPED = new Set(['the', 'at', 'main', 'campus', 'inc']);

export function canonicalName(name: string): string {
  return foldText(name)
    .split(' ')
    .map((w) => WORD_REWRITES[w] ?? w)
    .filter((w) => w && !DROPPED.has(w))
    .join(' ');
}

const NOT_IN_ACRONYM = new Set(['of', 'and', 'for', 'in', 'on', 'de', 'la', 'del', 'y']);

/** Initials of the significant words: "san jose state university" -> "sjsu". */
export function acronym(canonical: string): string {
  const words = canonical.split(' ').filter((w) => w && !NOT_IN_ACRONYM.has(w));
  return words.length >= 2 ? words.map((w) => w[0]).join('') : '';
}
