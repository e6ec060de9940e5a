import { describe, expect, it } from 'vitest';
import { truncateWords } from '../../../src/ui/table.js';
import { wrapWords } from '../../../src/ui/wrap.js';

describe('text that fits: whole words only', () => {
  it.each([
    ['University of Wisconsin-Milwaukee', 24, 'University of Wisconsin…'],
    ['U. of North Carolina at Greensboro', 24, 'U. of North Carolina at…'],
    ['Supercalifragilisticexpialidocious', 10, 'Supercali…'],
    ['short', 10, 'short'],
  ])('truncateWords(%s, %i) = %s', (text, width, expected) => {
    expect(truncateWords(text, width)).toBe(expected);
  });

  it.each([
    ['one two three four', 9, '', 'one two\nthree\nfour'],
    ['one two three four', 12, '  ', 'one two\n  three four'],
    ['https://a.very.long.example.org/path stays', 10, '', 'https://a.very.long.example.org/path\nstays'],
  ])('wrapWords(%s, %i)', (text, width, indent, expected) => {
    expect(wrapWords(text, width, indent)).toBe(expected);
  });
});
