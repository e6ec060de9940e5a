/**
 * The one sanitiser for text that came from a user or a file on its way to a terminal
 * (docs/files.md): control characters are shown visibly, so an escape sequence in a plan
 * title, a feed or an argument cannot clear the screen, retitle the terminal or fake a link.
 * Apply it to the text before styling it: the colour codes mls adds itself are kept.
 *
 * Shown as `\xHH`: C0 controls (ESC, BEL, NUL, a lone CR...), DEL and C1 controls (the 8-bit
 * CSI U+009B and OSC U+009D). Shown as `\uHHHH`: the bidirectional overrides and isolates,
 * which reorder what a line appears to say.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const TERMINAL_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
/** In one field (a title, a name), line breaks and tabs are shown too: a field is one line. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const FIELD_CONTROL = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

function visible(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Text of several lines (a message): line breaks and tabs are kept, every other control is shown. */
export function sanitizeText(text: string): string {
  return text.replace(TERMINAL_CONTROL, visible);
}

/** One field (a title, a course code, a file name): every control character is shown, line breaks too. */
export function sanitizeField(text: string): string {
  return text.replace(FIELD_CONTROL, visible);
}
