import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstLine, linesWithKey } from '../../../src/store/sorted-lines.js';
import { ROOT } from '../../helpers/run-mls.js';

const hd = join(ROOT, 'data', 'ipeds-hd.tsv');
const actions = join(ROOT, 'data', 'dapip-actions-recent.tsv');
const scan = (path: string, key: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith(`${key}\t`));
const keys = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => /^\d/.test(l))
    .map((l) => l.slice(0, l.indexOf('\t')));

describe('binary search in sorted data files', () => {
  it.each([
    ['ipeds-hd.tsv', hd],
    ['dapip-actions-recent.tsv', actions],
  ])('%s: the first, last, every 97th key and absent keys give what a full scan gives', (_name, path) => {
    const all = keys(path);
    const sample = [all[0], all.at(-1), ...all.filter((_, i) => i % 97 === 0), '1', '999999999', '100001'];
    for (const key of sample) expect(linesWithKey(path, key ?? ''), key).toEqual(scan(path, key ?? ''));
  });

  it('reads the year line', () => {
    expect(firstLine(hd)).toBe('#year\t2024-25');
  });
});
