import { describe, expect, it } from 'vitest';
import { DapipIndex } from '../../../src/catalog/dapip-index.js';

const HEADER = 'canonical\tname\tcity\tstate\topeid\tunitids\tdapipid\tparent\tacronym\toffset\tlength';
const index = new DapipIndex(
  [
    HEADER,
    'a\tA\tX\tCA\t00115500\t122755\t100001\t\ta\t0\t1',
    'b\tB\tY\tCA\t00115501\t122755 999999\t100002\t100001\tb\t2\t1',
    'c\tC\tZ\tNY\t00200000\t300000\t100003\t\tc\t4\t1',
    '',
  ].join('\n'),
);

describe('DapipIndex.linesWithField', () => {
  it.each([
    ['00115500', [0]], // a whole field
    ['122755', [0, 1]], // a whole field, and the first of space-separated ids
    ['999999', [1]], // the last of space-separated ids
    ['1227', []], // part of a field never matches
    ['100001', [0, 1]], // an id, and a parent naming it
    ['nothing', []],
  ])('%s -> lines %j', (value, lines) => expect(index.linesWithField(value)).toEqual(lines));
});
