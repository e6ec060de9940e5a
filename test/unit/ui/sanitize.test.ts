import { describe, expect, it } from 'vitest';
import { sanitizeField, sanitizeText } from '../../../src/ui/sanitize.js';

describe('sanitizeText shows control characters visibly', () => {
  it.each([
    ['plain text', 'plain text'],
    ['two\nlines\tand a tab', 'two\nlines\tand a tab'],
    ['\x1b]0;pwned\x07', '\\x1b]0;pwned\\x07'],
    ['\x1b[2J', '\\x1b[2J'],
    [
      '\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\',
      '\\x1b]8;;https://evil.example\\x1b\\link\\x1b]8;;\\x1b\\',
    ],
    ['a\rb', 'a\\x0db'],
    ['nul\x00', 'nul\\x00'],
    ['del\x7f', 'del\\x7f'],
    ['c1 csi \u009b2J', 'c1 csi \\x9b2J'],
    ['bidi \u202egnp.exe', 'bidi \\u202egnp.exe'],
    ['Café – ✓', 'Café – ✓'],
  ])('%j -> %j', (input, shown) => expect(sanitizeText(input)).toBe(shown));
});

describe('sanitizeField shows line breaks too', () => {
  it.each([
    ['Paper 1', 'Paper 1'],
    ['fake\nline', 'fake\\x0aline'],
    ['tab\there', 'tab\\x09here'],
  ])('%j -> %j', (input, shown) => expect(sanitizeField(input)).toBe(shown));
});
