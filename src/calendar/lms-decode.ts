/**
 * The bytes of a calendar file as text. RFC 5545 says UTF-8, but exports are also seen with
 * a UTF-8 byte-order mark, in UTF-16 (Outlook, Windows tools) and in Latin-1 / Windows-1252
 * (older LMS versions). Anything else is refused by name. Pure.
 */
export class FeedEncodingError extends Error {}

export interface DecodedFeed {
  text: string;
  encoding: string;
  /** Set when the file was not UTF-8 and was read as Windows-1252 (accents may be wrong). */
  warning?: string;
  /** The line indexes of `text` where a fold was removed, so errors can name the file's own lines. */
  foldLines?: number[];
}

function swapBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1] as number;
    out[i + 1] = bytes[i] as number;
  }
  return out;
}

/**
 * RFC 5545 folding undone on the bytes: a line break (CRLF or LF) followed by one space or
 * tab is removed. Some exporters fold at 75 octets in the middle of a UTF-8 character, so
 * the file is valid UTF-8 only once its folds are removed.
 */
export function unfoldBytes(bytes: Uint8Array, foldLines?: number[]): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  let line = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i] as number;
    const crlf = byte === 0x0d && bytes[i + 1] === 0x0a;
    const breakLength = crlf ? 2 : byte === 0x0a ? 1 : 0;
    const next = bytes[i + breakLength];
    if (breakLength > 0 && (next === 0x20 || next === 0x09)) {
      foldLines?.push(line);
      i += breakLength; // the loop's own step skips the space or tab
      continue;
    }
    if (byte === 0x0a) line += 1;
    out[n] = byte;
    n += 1;
  }
  return out.subarray(0, n);
}

/**
 * Windows-1252's characters for the bytes 0x80-0x9F (the rest of the code page is Latin-1).
 * Node 20's TextDecoder('windows-1252') reads these bytes as C1 control characters, which
 * the sanitiser then removes, so smart quotes, dashes and € would vanish. The five bytes
 * the code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become U+FFFD, so a title
 * shows that a character could not be read instead of losing it silently.
 */
// biome-ignore format: a table of 16 bytes a row
const WINDOWS_1252_HIGH = [
  '€', '\uFFFD', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\uFFFD', 'Ž', '\uFFFD',
  '\uFFFD', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\uFFFD', 'ž', 'Ÿ',
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    let chunk = '';
    for (const byte of bytes.subarray(start, start + CHUNK)) {
      chunk += byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] as string) : String.fromCharCode(byte);
    }
    parts.push(chunk);
  }
  return parts.join('');
}

export function decodeFeed(bytes: Uint8Array): DecodedFeed {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if ((a === 0 && b === 0 && c === 0xfe && d === 0xff) || (a === 0xff && b === 0xfe && c === 0 && d === 0)) {
    throw new FeedEncodingError('it is encoded in UTF-32; save it as UTF-8');
  }
  if (a === 0xff && b === 0xfe) return { text: utf16le(bytes.subarray(2)), encoding: 'utf-16le' };
  if (a === 0xfe && b === 0xff) return { text: utf16le(swapBytes(bytes.subarray(2))), encoding: 'utf-16be' };
  // UTF-16 without a byte-order mark: "BEGIN" has a zero byte beside each letter.
  if (a !== 0 && b === 0) return { text: utf16le(bytes), encoding: 'utf-16le' };
  if (a === 0 && b !== 0) return { text: utf16le(swapBytes(bytes)), encoding: 'utf-16be' };
  const foldLines: number[] = [];
  const unfolded = unfoldBytes(bytes, foldLines);
  if (a === 0xef && b === 0xbb && c === 0xbf) return { text: utf8(unfolded.subarray(3)), encoding: 'utf-8', foldLines };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(unfolded), encoding: 'utf-8', foldLines };
  } catch {
    // Not UTF-8 even with its folds removed: every byte is a character in Windows-1252.
    return {
      text: decodeWindows1252(unfolded),
      encoding: 'windows-1252',
      foldLines,
      warning: 'the feed is not UTF-8; it was read as Windows-1252 (if accented letters look wrong, save it as UTF-8)',
    };
  }
}

function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FeedEncodingError('it starts with a UTF-8 byte-order mark but is not valid UTF-8; save it as UTF-8');
  }
}

function utf16le(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-16le', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new FeedEncodingError('it looks like UTF-16 but is not valid UTF-16; save it as UTF-8');
  }
}
