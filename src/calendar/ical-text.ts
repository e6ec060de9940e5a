/**
 * Post-processing of the `ics` package's output so that it meets RFC 5545 where
 * that package does not: it folds lines by characters rather than octets (a line
 * with accents or dashes can pass 75 octets) and has written alarm durations such
 * as `-P1DT`, which the duration grammar forbids.
 */

/** RFC 5545 §3.3.6 duration, with an optional sign. */
const DUR_TIME = String.raw`T(?:\d+H(?:\d+M)?(?:\d+S)?|\d+M(?:\d+S)?|\d+S)`;
export const DURATION = new RegExp(String.raw`^[+-]?P(?:\d+W|\d+D(?:${DUR_TIME})?|${DUR_TIME})$`);

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

const CONTROLS = /[\p{Cc}\u2028\u2029]+/gu;
const CONTROLS_BUT_LINE_BREAKS = /(?:(?!\r?\n)[\p{Cc}\u2028\u2029])+/gu;
/** A run of control characters becomes one space, unless it is only NULs, which are dropped. */
const spaceOrNothing = (run: string) => (/^\0+$/.test(run) ? '' : ' ');

/**
 * A one-line TEXT value (SUMMARY, X-WR-CALNAME): line breaks and other control characters
 * become one space (NULs are dropped). An escaped `\n` is valid there, but calcurse refuses it.
 */
export function oneLine(text: string): string {
  return hasControl(text, false) ? text.replace(CONTROLS, spaceOrNothing) : text;
}

/** A multi-line TEXT value (DESCRIPTION): line breaks are kept (escaped later), other controls become spaces. */
export function withoutControls(text: string): string {
  return hasControl(text, true) ? text.replace(CONTROLS_BUT_LINE_BREAKS, spaceOrNothing) : text;
}

/** The fast path: most text has no control character, and this test is cheaper than the replacing regex. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const ANY_CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_BUT_LINE_FEED = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]/;
const hasControl = (text: string, exceptLineFeed: boolean): boolean =>
  (exceptLineFeed ? CONTROL_BUT_LINE_FEED : ANY_CONTROL).test(text);

export function unfold(text: string): string[] {
  return (text.includes('\r\n ') || text.includes('\r\n\t') ? text.replace(/\r\n[ \t]/g, '') : text).split('\r\n');
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: any ASCII character is one octet
const ASCII = /^[\x00-\x7f]*$/;

/** Folds one content line at 75 octets, never inside a UTF-8 character (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  if (line.length <= 25) return line; // at most 3 octets a UTF-16 unit
  if (ASCII.test(line)) {
    if (line.length <= 75) return line;
    // One octet per character: 75 on the first line, 74 after each folding space.
    let folded = line.slice(0, 75);
    for (let i = 75; i < line.length; i += 74) folded += `\r\n ${line.slice(i, i + 74)}`;
    return folded;
  }
  let folded = '';
  let start = 0;
  let octets = 0;
  let limit = 75;
  for (let i = 0; i < line.length; i += 1) {
    const code = line.charCodeAt(i);
    const next = line.charCodeAt(i + 1);
    const pair = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    // UTF-8 octets; a lone surrogate is written as U+FFFD, three octets.
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : pair ? 4 : 3;
    if (octets + size > limit) {
      folded += `${line.slice(start, i)}\r\n `;
      start = i;
      octets = 0;
      limit = 74; // continuation lines start with a space, which counts
    }
    octets += size;
    if (pair) i += 1;
  }
  return folded + line.slice(start);
}

/** ics writes a zero alarm duration as "PT" and has written "-P1DT" (a dangling T): both break the grammar. */
function fixTrigger(line: string): string {
  if (!line.startsWith('TRIGGER')) return line;
  const match = /^(TRIGGER(?:;[^:]*)?:)(.*)$/.exec(line);
  if (!match) return line;
  const value = (match[2] ?? '').replace(/T$/, '').replace(/^[+-]?P$/, 'PT0S');
  return `${match[1]}${value}`;
}

/**
 * iCalendar text as RFC 5545 wants it, from text folded some other way or not at all:
 * unfolded, refolded at 75 octets, TRIGGER durations repaired, blank lines dropped, CRLF
 * after every line. Control characters are left as they are: every text value mls writes
 * has been through oneLine() or withoutControls() (test/unit/calendar/ical-controls.test.ts).
 */
export function refoldIcs(text: string): string {
  const out: string[] = [];
  for (const line of unfold(text)) if (line !== '') out.push(foldLine(fixTrigger(line)));
  return `${out.join('\r\n')}\r\n`;
}

const TRIGGER_WITH_DANGLING_T = /^(TRIGGER[^:\r\n]*:[^\r\n]*)T(?=\r\n)/gm;
const ZERO_TRIGGER = /^(TRIGGER[^:\r\n]*:)[+-]?P(?=\r\n)/gm;

/** The TRIGGER repair of refoldIcs, for text whose lines are already folded right. */
export function repairTriggers(text: string): string {
  return text.includes('TRIGGER') ? text.replace(TRIGGER_WITH_DANGLING_T, '$1').replace(ZERO_TRIGGER, '$1PT0S') : text;
}
