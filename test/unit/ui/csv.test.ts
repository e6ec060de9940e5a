import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/ui/csv.js';

const row = (cell: string) => toCsv(['h'], [[cell]]).split('\r\n')[1];

describe('toCsv quotes every cell with a special character', () => {
  it.each([
    ['plain', 'plain'],
    ['lone\nnewline', '"lone\nnewline"'],
    ['lone\rreturn', '"lone\rreturn"'],
    ['crlf\r\nbreak', '"crlf\r\nbreak"'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
  ])('%j -> %j', (cell, out) => expect(toCsv(['h'], [[cell]])).toBe(`h\r\n${out}\r\n`));
});

describe('toCsv neutralises formula-leading cells (OWASP) and quotes them', () => {
  it.each([
    ['=1+1', `"'=1+1"`],
    ['+1', `"'+1"`],
    ['-2', `"'-2"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ['a=1', 'a=1'],
  ])('%j -> %j', (cell, out) => expect(row(cell)).toBe(out));
});

describe('a lone newline never splits a record into a live formula row', () => {
  it('parses back to one record per row', () => {
    const csv = toCsv(['name', 'note'], [['x', 'line one\n=HYPERLINK("http://evil")']]);
    const records = parse(csv, { relax_column_count: false }) as string[][];
    expect(records).toEqual([
      ['name', 'note'],
      ['x', 'line one\n=HYPERLINK("http://evil")'],
    ]);
  });
});
