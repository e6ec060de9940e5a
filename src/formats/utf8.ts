/** Text files mls reads must be UTF-8: anything else is refused, naming where it stops being UTF-8. */
import { UserError } from '../errors.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function firstInvalidByte(bytes: Uint8Array): number {
  // Binary search for the longest prefix that decodes; a cut inside a character is allowed at the end.
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  // An unfinished sequence (Latin-1 "é" before "x") fails at the byte after its lead byte: name the lead.
  for (let back = 1; back <= 3 && low - back >= 0; back += 1) {
    const byte = bytes[low - back] ?? 0;
    if (byte >= 0xc0) return low - back;
    if (byte < 0x80) break;
  }
  return low;
}

/** `bytes` as text, or a UserError at `name:line:col` of the first byte that is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array, name: string): string {
  try {
    return decoder.decode(bytes);
  } catch {
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      throw new UserError('the file is UTF-16 text, not UTF-8', {
        where: `${name}:1:1`,
        hint: 'save it as UTF-8 in your editor',
      });
    }
    const at = firstInvalidByte(bytes);
    const before = new TextDecoder().decode(bytes.subarray(0, at));
    const lines = before.split('\n');
    const line = lines.length;
    const col = (lines.at(-1)?.length ?? 0) + 1;
    const byte = bytes[at] ?? 0;
    throw new UserError(
      `byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} is not UTF-8 (the file seems to be in another encoding, such as Latin-1 or Windows-1252)`,
      { where: `${name}:${line}:${col}`, hint: 'save the file as UTF-8 in your editor' },
    );
  }
}
