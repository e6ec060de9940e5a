import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFeed, unfoldBytes } from '../../../src/calendar/lms-decode.js';
import { ROOT } from '../../helpers/run-mls.js';

const bytes = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'lms', `${name}.ics`));

describe('decodeFeed: the bytes of an export as text', () => {
  it.each([
    ['encoding-utf8-bom', 'utf-8'],
    ['encoding-utf16le', 'utf-16le'],
    ['encoding-utf16be', 'utf-16be'],
    ['encoding-latin1', 'windows-1252'],
  ])('%s is read as %s, accents intact, no byte-order mark', (name, encoding) => {
    const { text, encoding: found } = decodeFeed(bytes(name));
    expect(found).toBe(encoding);
    expect(text.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(text).toContain('Résumé critique');
    expect(text).not.toContain('\uFFFD');
  });

  it('UTF-16 without a byte-order mark is recognised by its zero bytes', () =>
    expect(decodeFeed(Buffer.from('BEGIN:VCALENDAR', 'utf16le')).encoding).toBe('utf-16le'));

  it('UTF-32 is refused by name', () =>
    expect(() => decodeFeed(bytes('encoding-utf32'))).toThrow('it is encoded in UTF-32; save it as UTF-8'));
});

describe('decodeFeed: Windows-1252 and folds', () => {
  const cp1252 = (...bytes: number[]) => Uint8Array.from([...Buffer.from('BEGIN:VCALENDAR\r\nX:'), ...bytes]);
  const value = (text: string) => text.slice('BEGIN:VCALENDAR\r\nX:'.length);

  it.each([
    [[0x80], '€'],
    [[0x93, 0x71, 0x94], '“q”'],
    [[0x96, 0x97, 0x85], '–—…'],
    [[0x8a, 0x9a, 0x9f, 0x99], 'ŠšŸ™'],
    [[0xe9, 0xfc, 0xa0], 'éü\u00a0'],
  ])('bytes %j are %s, not C1 control characters', (bytes, text) => {
    const decoded = decodeFeed(cp1252(...bytes));
    expect(decoded.encoding).toBe('windows-1252');
    expect(value(decoded.text)).toBe(text);
  });

  it('the five bytes Windows-1252 leaves undefined become U+FFFD', () =>
    expect(value(decodeFeed(cp1252(0x81, 0x8d, 0x8f, 0x90, 0x9d)).text)).toBe('\uFFFD'.repeat(5)));

  it('a Windows-1252 file is decoded with a warning that it was not UTF-8', () =>
    expect(decodeFeed(cp1252(0xe9)).warning).toBe(
      'the feed is not UTF-8; it was read as Windows-1252 (if accented letters look wrong, save it as UTF-8)',
    ));

  it.each([
    ['CRLF and a space', '\r\n '],
    ['LF and a tab', '\n\t'],
  ])('a fold (%s) inside one UTF-8 character is undone before decoding: UTF-8, no warning', (_, fold) => {
    const e = Buffer.from('é');
    const bytes = Buffer.concat([
      Buffer.from('BEGIN:VCALENDAR\r\nSUMMARY:R'),
      e.subarray(0, 1),
      Buffer.from(fold),
      e.subarray(1),
      Buffer.from('sum\r\n'),
    ]);
    const decoded = decodeFeed(bytes);
    expect(decoded).toEqual({ text: 'BEGIN:VCALENDAR\r\nSUMMARY:Résum\r\n', encoding: 'utf-8', foldLines: [1] });
  });

  it('unfoldBytes keeps line breaks that are not followed by a space or tab', () =>
    expect(Buffer.from(unfoldBytes(Buffer.from('A\r\nB\nC\r\n D\n\tE\r\n'))).toString()).toBe('A\r\nB\nCDE\r\n'));
});
