/**
 * Post-processing of the `ics` package's output so that it meets RFC 5545 where
 * that package does not: it folds lines by characters rather than octets (a line
 * with accents or dashes can pass 75 octets) and has written alarm durations such
 * as `-P1DT`, which the duration grammar forbids.
 */

/** RFC 5545 §3.3.6 duration, with an optional sign. */
const DUR_TIME = String.raw`T(?:\d+H(?:\d+M)?(?:\d+S)?|\d+M(?:\d+S)?|\d+S)`;
export const DURATION = new RegExp(String.raw`^[+-]?P(?:\d+W|\d+D(?:${DUR_TIME})?|${DUR_TIME})$`);

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
  // "-P1DT" (a dangling T) -> "-P1D"
  const value = (match[2] ?? '').replace(/T$/, '');
  return `${match[1]}${value}`;
}

/** Refolds and repairs iCalendar text, given whole or as consecutive pieces (one per event). */
export function normaliseIcs(text: string | readonly string[]): string {
  const out: string[] = [];
  for (const piece of typeof text === 'string' ? [text] : text) {
    for (const line of unfold(piece)) if (line !== '') out.push(foldLine(fixTrigger(line)));
  }
  return `${out.join('\r\n')}\r\n`;
}
