/**
 * A time zone as people type it, read into the IANA names the plan file holds:
 * `America/Chicago` in any case, a city (`chicago`, `São Paulo`), a North American region
 * (`Central`, `CST`) or an abbreviation that several zones share (`GMT`, `IST`), which
 * gives a choice instead of a guess. Pure apart from asking the engine which zones it knows.
 */

import { foldText } from '../catalog/normalize.js';
import { closestMatches, editDistance } from '../catalog/suggest.js';
import { canonicalTimeZone, currentZoneName, RENAMED_ZONES, timeZoneNames } from '../time/zone.js';
import type { Answer } from './plan-answers.js';

/**
 * Names people use for more than one zone, or for a zone with daylight saving that a
 * fixed-offset IANA name of the same spelling lacks (`EST`, `GMT`), best guess first.
 */
const REGIONS: Record<string, string[]> = {
  eastern: ['America/New_York', 'America/Toronto'],
  central: ['America/Chicago', 'America/Winnipeg'],
  mountain: ['America/Denver', 'America/Edmonton', 'America/Phoenix'],
  pacific: ['America/Los_Angeles', 'America/Vancouver'],
  alaska: ['America/Anchorage'],
  hawaii: ['Pacific/Honolulu'],
  arizona: ['America/Phoenix'],
  atlantic: ['America/Halifax', 'America/Puerto_Rico'],
  newfoundland: ['America/St_Johns'],
  // GMT is the UK's winter time as well as UTC's other name; BST is British Summer Time
  // and Bangladesh Standard Time; IST is India, Irish and Israel Standard Time.
  gmt: ['Europe/London', 'Europe/Dublin', 'UTC'],
  bst: ['Europe/London', 'Asia/Dhaka'],
  ist: ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem'],
};
const ABBREVIATIONS: Record<string, string> = {
  et: 'eastern',
  est: 'eastern',
  edt: 'eastern',
  ct: 'central',
  cst: 'central',
  cdt: 'central',
  mt: 'mountain',
  mst: 'mountain',
  mdt: 'mountain',
  pt: 'pacific',
  pst: 'pacific',
  pdt: 'pacific',
  akst: 'alaska',
  hst: 'hawaii',
  greenwich: 'gmt',
};

const RENAMED = RENAMED_ZONES;
/** The zones of a region that the engine knows, by their current names. */
const knownZones = (zones: readonly string[]): string[] =>
  zones.map((z) => canonicalTimeZone(z)).filter((z): z is string => z !== undefined);

/** `Asia/Ho_Chi_Minh` -> `ho chi minh`: the last part of a zone name, folded as typed text is. */
const cityOf = (zone: string) => foldText(zone.slice(zone.lastIndexOf('/') + 1));

/** The words of what was typed, without "time (zone)" or a leading "US". */
function tidyZone(text: string): string {
  return foldText(text)
    .replace(/\s*time(\s*zone)?$/, '')
    .replace(/^(us|usa|u s)\s+/, '');
}

const MAX_CANDIDATES = 10;

/**
 * The IANA zones a name may mean, best first: the zone itself in any spelling
 * (`america/chicago`), a region or an abbreviation (`Central`, `CST`, `GMT`), or a city
 * (`chicago`, `new york`, `São Paulo`). Renamed zones take their current name. Empty when
 * nothing matches.
 */
export function timeZoneCandidates(text: string): string[] {
  const query = tidyZone(text);
  if (!query) return [];
  // An IANA name first (US/Eastern is America/New_York, not the "Eastern" region's choice).
  if (text.includes('/')) {
    const named = canonicalTimeZone(text.trim());
    if (named) return [named];
  }
  const region = REGIONS[ABBREVIATIONS[query] ?? query];
  if (region) return knownZones(region);
  const exact = canonicalTimeZone(text.trim());
  if (exact) return [exact];
  const names = timeZoneNames();
  const cities = (zone: string) => [cityOf(zone), ...(RENAMED[zone] ? [cityOf(RENAMED[zone] as string)] : [])];
  const exactCity = names.filter((z) => cities(z).includes(query));
  const partial = names.filter(
    (z) =>
      !exactCity.includes(z) &&
      [foldText(z), ...(RENAMED[z] ? [foldText(RENAMED[z] as string)] : [])].some((n) => n.includes(query)),
  );
  return [...exactCity, ...partial].slice(0, MAX_CANDIDATES).map(currentZoneName);
}

/**
 * The zones a region word or an abbreviation may mean (`EST`, `GMT`, `Central`), or null for
 * anything else. In a plan file such a name is refused with these as the choices: the engine
 * reads `EST` as a fixed offset without daylight saving, and `GMT` as UTC.
 */
export function regionZones(text: string): string[] | null {
  const query = tidyZone(text);
  const region = REGIONS[ABBREVIATIONS[query] ?? query];
  return region ? knownZones(region) : null;
}

/** `gmt` -> `GMT`, `central` -> `Central`: a region word as a suggestion shows it. */
const regionWord = (word: string) =>
  word.length <= 4 ? word.toUpperCase() : `${word[0]?.toUpperCase()}${word.slice(1)}`;

/**
 * Zone names (or region words) spelt closest to `text`, for "did you mean": compared with
 * each zone's city, its whole name and the region words. Only near misses (about one edit in
 * four letters): a zone is named after one city, so a city with none of its own (Boston,
 * Mumbai) would otherwise be offered a far one spelt alike (Antarctica/Vostok, Asia/Dubai).
 */
export function timeZoneSuggestions(text: string, limit = 3): string[] {
  const query = tidyZone(text);
  const zoneOf = new Map<string, string>();
  for (const zone of timeZoneNames()) {
    const current = currentZoneName(zone);
    for (const label of [foldText(current), cityOf(current), foldText(zone), cityOf(zone)]) {
      if (!zoneOf.has(label)) zoneOf.set(label, current);
    }
  }
  for (const word of [...Object.keys(REGIONS), ...Object.keys(ABBREVIATIONS)]) zoneOf.set(word, regionWord(word));
  const allowed = Math.max(1, Math.floor(query.length / 4));
  const close = closestMatches(query, [...zoneOf.keys()], limit * 3)
    .filter((label) => editDistance(query, label) <= allowed)
    .map((label) => zoneOf.get(label) as string);
  return [...new Set(close)].slice(0, limit);
}

/** A zone answer: its candidates, or what is wrong with suggestions of what may have been meant. */
export function parseTimeZoneAnswer(text: string): Answer<string[]> {
  const candidates = timeZoneCandidates(text);
  if (candidates.length > 0) return { value: candidates };
  const close = timeZoneSuggestions(text);
  if (close.length > 0) return { error: `no time zone by that name (did you mean ${close.join(' or ')}?)` };
  return {
    error:
      'no time zone by that name: type its IANA name (Area/City) or the nearest large city that has a zone of its own',
  };
}
