/**
 * The bytes of a calendar file as text. RFC 5545 says UTF-8, but exports are also seen with
 * a UTF-8 byte-order mark, in UTF-16 (Outlook, Windows tools) and in Latin-1 / Windows-1252
 * (older LMS versions). Anything else is refused by name. Pure.
 */
export class FeedEncodingError extends Error {}

function swapBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1] as number;
    out[i + 1] = bytes[i] as number;
  }
  return out;
}

export function decodeFeed(bytes: Uint8Array): { text: string; encoding: string } {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if ((a === 0 && b === 0 && c === 0xfe && d === 0xff) || (a === 0xff && b === 0xfe && c === 0 && d === 0)) {
    throw new FeedEncodingError('it is encoded in UTF-32; save it as UTF-8');
  }
  if (a === 0xef && b === 0xbb && c === 0xbf) return { text: utf8(bytes.subarray(3)), encoding: 'utf-8' };
  if (a === 0xff && b === 0xfe) return { text: utf16le(bytes.subarray(2)), encoding: 'utf-16le' };
  if (a === 0xfe && b === 0xff) return { text: utf16le(swapBytes(bytes.subarray(2))), encoding: 'utf-16be' };
  // UTF-16 without a byte-order mark: "BEGIN" has a zero byte beside each letter.
  if (a !== 0 && b === 0) return { text: utf16le(bytes), encoding: 'utf-16le' };
  if (a === 0 && b !== 0) return { text: utf16le(swapBytes(bytes)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: every byte is a character in Windows-1252 (the WHATWG reading of Latin-1).
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
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
