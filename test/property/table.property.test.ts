import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Column, renderTable } from '../../src/ui/table.js';

type Row = { name: string; short: string; a: string; b: string };

const word = fc.stringMatching(/^[A-Za-zé]{1,12}$/);
const phrase = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const rowArb = fc.record({ name: phrase, short: phrase, a: phrase, b: phrase });

const columns: Column<Row>[] = [
  { header: 'Name', value: (r) => [r.name, r.short], shrink: { order: 2, min: 10 } },
  { header: 'A', value: (r) => r.a, drop: 1 },
  { header: 'B', value: (r) => [r.b, r.b.split(' ')[0] ?? ''], drop: 2 },
];

describe('renderTable properties', () => {
  it('fits any table into any width its one kept column allows; names are a form or a cut short form', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 10, max: 140 }),
        (rows, width) => {
          const lines = renderTable(rows, columns, { maxWidth: width }).split('\n');
          for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
          rows.forEach((row, i) => {
            const shown = (lines[i + 1] ?? '').split('  ')[0] ?? '';
            if (shown === row.name || shown === row.short) return;
            // Otherwise the short form, cut with an ellipsis after a word (or inside a first word too long to keep).
            expect(shown.endsWith('…')).toBe(true);
            expect(row.short.startsWith(shown.slice(0, -1))).toBe(true);
          });
        },
      ),
    );
  });
});
