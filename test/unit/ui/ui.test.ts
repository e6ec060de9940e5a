import { describe, expect, it } from 'vitest';
import { colorLevel, makeStyle, plain } from '../../../src/ui/color.js';
import { neutraliseCell, toCsv } from '../../../src/ui/csv.js';
import { renderTable } from '../../../src/ui/table.js';

describe('colorLevel', () => {
  it.each([
    [true, {}, 1],
    [false, {}, 0],
    [true, { NO_COLOR: '1' }, 0],
    [true, { NO_COLOR: '' }, 1],
    [true, { TERM: 'dumb' }, 0],
    [false, { FORCE_COLOR: '1' }, 1],
    [true, { FORCE_COLOR: '0' }, 0],
    [true, { NO_COLOR: '1', FORCE_COLOR: '1' }, 0],
    [true, { COLORTERM: 'truecolor' }, 3],
  ])('tty=%s env=%o -> %i', (tty, env, level) => {
    expect(colorLevel(tty, env)).toBe(level);
  });

  it('gives plain styles without colour and ANSI styles with it', async () => {
    expect(await makeStyle(false, {})).toBe(plain);
    const style = await makeStyle(false, { FORCE_COLOR: '1' });
    expect(style.red('x')).toBe('\u001b[31mx\u001b[39m');
  });
});

describe('CSV', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['plain', 'plain'],
  ])('neutralises %s', (cell, out) => {
    expect(neutraliseCell(cell)).toBe(out);
  });

  it('writes RFC 4180: CRLF, quotes doubled, commas quoted', () => {
    expect(toCsv(['a', 'b'], [['x, y', 'say "hi"']])).toBe('a,b\r\n"x, y","say ""hi"""\r\n');
  });
});

describe('renderTable', () => {
  const rows = [{ name: 'San José State University', n: '1' }];
  const columns = [
    { header: 'Name', value: (r: (typeof rows)[number]) => r.name, shrink: { order: 1 } },
    { header: 'N', value: (r: (typeof rows)[number]) => r.n },
  ];
  it('aligns columns under their headers', () => {
    expect(renderTable(rows, columns)).toBe('Name                       N\nSan José State University  1');
  });
  it('shrinks shrinkable columns to the width given, with an ellipsis', () => {
    const out = renderTable(rows, columns, { maxWidth: 20 });
    expect(out.split('\n')[1]).toBe('San José State…    1');
    expect(out.split('\n').every((line) => line.length <= 20)).toBe(true);
  });
});

describe('renderTable: cut cells never read the same for different values', () => {
  const column = { header: 'Institution', value: (r: string) => r, shrink: { order: 0, min: 8 } };
  it('two names cut alike keep their last words instead (U. of Wisconsin… twice)', () => {
    const rows = ['U. of Wisconsin-Madison', 'U. of Wisconsin-Milwaukee', 'U. of Iowa'];
    const out = renderTable(rows, [column], { maxWidth: 16 })
      .split('\n')
      .slice(1)
      .map((l) => l.trim());
    expect(out).toEqual(['U. of…Madison', 'U. of…Milwaukee', 'U. of Iowa']);
  });
  it('the same value cut twice stays as it was', () => {
    const rows = ['University of North Carolina', 'University of North Carolina'];
    const out = renderTable(rows, [column], { maxWidth: 16 }).split('\n').slice(1);
    expect(new Set(out).size).toBe(1);
    expect(out[0]?.trim().endsWith('…')).toBe(true);
  });
});
