import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFeed } from '../../../src/calendar/lms-decode.js';
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
