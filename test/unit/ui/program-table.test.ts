import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRegion } from '../../../src/catalog/regions.js';
import type { AlaDataset } from '../../../src/schema/datasets.js';
import { plain as plainStyle } from '../../../src/ui/color.js';
import { creditCell, programsTable } from '../../../src/ui/program-table.js';
import { makeProgram } from '../../helpers/programs.js';
import { ROOT } from '../../helpers/run-mls.js';

const dataset = JSON.parse(readFileSync(join(ROOT, 'data', 'ala-programs.json'), 'utf8')) as AlaDataset;
const online = dataset.programs.filter((p) => p.accredited && p.delivery.online100 === 'yes');
const today = new Date('2026-11-27T12:00:00Z');
const table = (width?: number) => programsTable(online, { chalk: plainStyle, today, maxWidth: width });

describe('programsTable fitted to the terminal', () => {
  it.each([60, 80, 100, 120, 160])('no line is wider than %i columns', (width) => {
    expect(
      Math.max(
        ...table(width)
          .split('\n')
          .map((l) => l.length),
      ),
    ).toBeLessThanOrEqual(width);
  });

  it('never cuts an institution name mid-word: full name, short name, or whole words and an ellipsis', () => {
    const lines = table(80).split('\n').slice(1);
    lines.forEach((line, i) => {
      const p = online[i];
      const cell = line.split(/\s{2,}/)[0] ?? '';
      if (cell === p?.institution || cell === p?.shortName) return;
      expect(cell.endsWith('…')).toBe(true);
      const kept = cell.slice(0, -1);
      expect(p?.shortName.startsWith(kept)).toBe(true);
      expect(p?.shortName.charAt(kept.length)).toMatch(/[\s,;:/-]/);
    });
  });

  it('drops the program name first, and keeps institution, degree, delivery and status at 80 columns', () => {
    const header = table(80).split('\n')[0] ?? '';
    expect(header).not.toContain('Program');
    expect(header).toMatch(/^Institution\s+Degree\s+Delivery\s+Place\s+Status/);
  });

  it('shows every column at full width without a width (--wide)', () => {
    const out = table(undefined);
    expect(out.split('\n')[0]).toMatch(/Program.*Next review/);
    expect(out).toContain('University of Illinois Urbana-Champaign');
  });
});

describe('creditCell', () => {
  const cost = {
    year: '2022-23',
    source: 'test',
    inDistrict: null,
    inState: { tuition: 9000, fees: 1000, tuitionAndFees: 10000, perCredit: 500 },
    outOfState: { tuition: 18000, fees: 1000, tuitionAndFees: 19000, perCredit: 1000 },
  };
  const p = makeProgram({ id: 'tx-u', region: 'TX', cost });
  it.each([
    ['in-state without --resident', undefined, '$500'],
    ['in-state for a resident', 'TX', '$500'],
    ['out-of-state for another state', 'CA', '$1,000'],
  ])('%s', (_label, state, expected) => {
    expect(creditCell(p, state ? findRegion(state) : undefined)).toBe(expected);
  });
  it('says "-" outside IPEDS and "n/a" when no per-credit charge is reported', () => {
    expect(creditCell(makeProgram({ id: 'ca-u', country: 'Canada', cost: null }))).toBe('-');
    expect(creditCell(makeProgram({ id: 'x', cost: { ...cost, inState: { ...cost.inState, perCredit: null } } }))).toBe(
      'n/a',
    );
  });
});
