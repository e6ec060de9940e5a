import { describe, expect, it } from 'vitest';
import { chargesYearFromName, parseIcAyCharges } from '../../../src/formats/ipeds-charges.js';

const header = 'UNITID,XTUIT5,TUITION5,FEE5,HRCHG5,TUITION6,FEE6,HRCHG6,TUITION7,FEE7,HRCHG7';
const meta = { year: '2022-23', source: 'test' };

describe('IPEDS graduate charges (IC_AY and COST1)', () => {
  it.each([
    ['ic2023_ay.csv', '2023-24'],
    ['IC2022_AY_RV.csv', '2022-23'],
    ['cost1_2024.csv', '2024-25'],
    ['charges.csv', null],
  ])('%s -> %s', (file, year) => {
    expect(chargesYearFromName(file)).toBe(year);
  });

  it('reads in-state and out-of-state charges, "." as unknown, and drops an in-district rate equal to in-state', () => {
    const text = `${header}\n122755,R,7176,2157,.,7176,2157,.,16680,2157,396\n`;
    const sjsu = parseIcAyCharges(text, meta).get('122755');
    expect(sjsu?.inState).toEqual({ tuition: 7176, fees: 2157, tuitionAndFees: 9333, perCredit: null });
    expect(sjsu?.outOfState.perCredit).toBe(396);
    expect(sjsu?.inDistrict).toBeNull();
  });

  it('keeps an in-district rate that differs', () => {
    const text = `${header}\n1,R,3000,100,100,6000,100,200,9000,100,300\n`;
    expect(parseIcAyCharges(text, meta).get('1')?.inDistrict?.perCredit).toBe(100);
  });

  it('skips institutions with no graduate charge', () => {
    const text = `${header}\n2,R,.,.,.,.,.,.,.,.,.\n`;
    expect(parseIcAyCharges(text, meta).size).toBe(0);
  });

  it('names the missing columns of a file that is not IC_AY or COST1', () => {
    expect(() => parseIcAyCharges('UNITID,TUITION1\n1,2\n', meta, 'x.csv')).toThrow(
      /x\.csv: not an IPEDS IC_AY or COST1 file \(no TUITION5/,
    );
  });
});
