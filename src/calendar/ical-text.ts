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

/** The fast path: most text has no control character, and a loop is cheaper than a Unicode regex. */
function hasControl(text: string, exceptLineFeed: boolean): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x20 ? !(exceptLineFeed && c === 0x0a) : (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029) {
      return true;
    }
  }
  return false;
}

export function unfold(text: string): string[] {
  return (text.includes('\r\n ') || text.includes('\r\n\t') ? text.replace(/\r\n[ \t]/g, '') : text).split('\r\n');
}

const SHORT_ASCII = /^[\x20-\x7e]{0,75}$/;

/** UTF-8 octets of the character starting at `i`, and how many UTF-16 code units it takes. */
function utf8Size(text: string, i: number): [octets: number, units: number] {
  const code = text.charCodeAt(i);
  if (code < 0x80) return [1, 1];
  if (code < 0x800) return [2, 1];
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return [4, 2];
  }
  return [3, 1]; // the rest of the BMP, and a lone surrogate (written as U+FFFD)
}

/** Folds one content line at 75 octets, never inside a UTF-8 character (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  if (SHORT_ASCII.test(line)) return line;
  let folded = '';
  let start = 0;
  let octets = 0;
  let limit = 75;
  for (let i = 0; i < line.length; ) {
    const [size, units] = utf8Size(line, i);
    if (octets + size > limit) {
      folded += `${line.slice(start, i)}\r\n `;
      start = i;
      octets = 0;
      limit = 74; // continuation lines start with a space, which counts
    }
    octets += size;
    i += units;
  }
  return folded + line.slice(start);
}

function fixTrigger(line: string): string {
  if (!line.startsWith('TRIGGER')) return line;
  const match = /^(TRIGGER(?:;[^:]*)?:)(.*)$/.exec(line);
  if (!match) return line;
  // "-P1DT" (a dangling T) -> "-P1D"; a zero duration ("PT") -> "PT0S"
  const value = (match[2] ?? '').replace(/T$/, '').replace(/^[+-]?P$/, 'PT0S');
  return `${match[1]}${value}`;
}

function normaliseSlowly(text: string, out: string[]): void {
  for (const line of unfold(text)) if (line !== '') out.push(foldLine(fixTrigger(line)));
}

/**
 * RFC 5545 content lines hold no control character but HTAB (§3.1, §3.3.11): NUL, ESC, a lone
 * CR and the rest, which a plan or feed can carry in a title, are dropped from the output.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const FORBIDDEN_CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\r(?!\n)/g;

export function stripControls(text: string): string {
  return hasForbiddenControl(text) ? text.replace(FORBIDDEN_CONTROL, '') : text;
}

/**
 * The fast path of stripControls: a loop over the char codes. The regex's test alone took
 * ~12 ms on a two-year plan's calendar, where every text field is already clean.
 */
function hasForbiddenControl(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c !== 0x7f) continue;
    if (c === 0x09 || c === 0x0a) continue;
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) continue;
    return true;
  }
  return false;
}

/** A line (from its start) longer than 75 characters or with a non-ASCII character: it may need folding. */
const LINE_TO_FOLD = /^(?=[^\r\n]{76}|[^\r\n]*[\u0080-\uffff])[^\r\n]*/gm;
const TRIGGER_WITH_DANGLING_T = /^(TRIGGER[^:\r\n]*:[^\r\n]*)T(?=\r\n)/gm;
const ZERO_TRIGGER = /^(TRIGGER[^:\r\n]*:)[+-]?P(?=\r\n)/gm;

/**
 * Refolds and repairs iCalendar text, given whole or as consecutive pieces (one per
 * event). A piece of unfolded CRLF lines, as mls's build of ics writes them, is
 * changed only where a line needs folding or a TRIGGER needs repair; anything else
 * (folded input, blank lines, no final CRLF) is split into lines and rebuilt.
 */
export function normaliseIcs(text: string | readonly string[]): string {
  const out: string[] = [];
  for (const raw of typeof text === 'string' ? [text] : text) {
    const piece = stripControls(raw);
    const plain =
      piece.endsWith('\r\n') &&
      !piece.startsWith('\r\n') &&
      !piece.includes('\r\n\r\n') &&
      !piece.includes('\r\n ') &&
      !piece.includes('\r\n\t');
    if (!plain) {
      normaliseSlowly(piece, out);
      continue;
    }
    const folded = piece.replace(LINE_TO_FOLD, foldLine);
    const repaired = folded.includes('TRIGGER')
      ? folded.replace(TRIGGER_WITH_DANGLING_T, '$1').replace(ZERO_TRIGGER, '$1PT0S')
      : folded;
    out.push(repaired.slice(0, -2));
  }
  return `${out.join('\r\n')}\r\n`;
}
