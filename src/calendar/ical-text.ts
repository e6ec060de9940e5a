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
  return text.replace(/\r\n[ \t]/g, '').split('\r\n');
}

const SHORT_ASCII = /^[\x20-\x7e]{0,75}$/;

/** Folds one content line at 75 octets, never inside a UTF-8 character (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  if (SHORT_ASCII.test(line)) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // continuation lines start with a space, which counts
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function fixTrigger(line: string): string {
  if (!line.startsWith('TRIGGER')) return line;
  const match = /^(TRIGGER(?:;[^:]*)?:)(.*)$/.exec(line);
  if (!match) return line;
  // "-P1DT" (a dangling T) -> "-P1D"
  const value = (match[2] ?? '').replace(/T$/, '');
  return `${match[1]}${value}`;
}

export function normaliseIcs(text: string): string {
  const out: string[] = [];
  for (const line of unfold(text)) if (line !== '') out.push(foldLine(fixTrigger(line)));
  return `${out.join('\r\n')}\r\n`;
}
