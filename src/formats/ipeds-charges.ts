/**
 * IPEDS graduate charges: IC20xx_AY ("student charges for academic year programs",
 * to 2023-24) and COST1_20xx (the 2024-25 Cost component that replaced it). Both
 * carry the graduate fields this reads, by the same names: TUITION5-7, FEE5-7 and
 * HRCHG5-7 (in-district, in-state, out-of-state). Missing values are `.`.
 */
import { basename } from 'node:path';
import { UserError } from '../errors.js';
import type { Charge, GraduateCost } from '../schema/datasets.js';
import { readIpedsRows } from './ipeds-csv.js';

const FIELDS = ['TUITION', 'FEE', 'HRCHG'] as const;
const REQUIRED = ['UNITID', ...[5, 6, 7].flatMap((n) => FIELDS.map((f) => `${f}${n}`))];

/** `ic2023_ay.csv` -> 2023-24; `COST1_2024.csv` -> 2024-25; null when the name says nothing. */
export function chargesYearFromName(path: string): string | null {
  const match = /^(?:ic(\d{4})_ay|cost1_(\d{4}))/i.exec(basename(path));
  const start = Number(match?.[1] ?? match?.[2] ?? Number.NaN);
  if (Number.isNaN(start)) return null;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

function dollars(value: string | undefined): number | null {
  const v = (value ?? '').trim();
  if (!/^\d+(\.\d+)?$/.test(v)) return null;
  return Math.round(Number(v));
}

function chargeOf(row: Record<string, string>, n: 5 | 6 | 7): Charge {
  const tuition = dollars(row[`TUITION${n}`]);
  const fees = dollars(row[`FEE${n}`]);
  return {
    tuition,
    fees,
    tuitionAndFees: tuition === null ? null : tuition + (fees ?? 0),
    perCredit: dollars(row[`HRCHG${n}`]),
  };
}

const same = (a: Charge, b: Charge) => a.tuition === b.tuition && a.fees === b.fees && a.perCredit === b.perCredit;

/** UNITID -> graduate charges, for every institution that reports a graduate charge. */
export function parseIcAyCharges(
  text: string,
  meta: { year: string; source: string },
  file = 'charges file',
): Map<string, GraduateCost> {
  const records = readIpedsRows(text, file);
  const header = new Set(Object.keys(records[0] ?? {}));
  const missing = REQUIRED.filter((c) => !header.has(c));
  if (missing.length > 0) {
    throw new UserError(`${file}: not an IPEDS IC_AY or COST1 file (no ${missing.join(', ')} column)`, {
      hint: 'download IC20xx_AY.zip or COST1_20xx.zip from https://nces.ed.gov/ipeds/datacenter/DataFiles.aspx',
    });
  }
  const out = new Map<string, GraduateCost>();
  for (const row of records) {
    const unitId = (row.UNITID ?? '').trim();
    const inState = chargeOf(row, 6);
    const outOfState = chargeOf(row, 7);
    const inDistrict = chargeOf(row, 5);
    const reported = [inState, outOfState].some((c) => c.tuition !== null || c.perCredit !== null);
    if (!/^\d+$/.test(unitId) || !reported) continue;
    out.set(unitId, {
      year: meta.year,
      source: meta.source,
      inDistrict:
        same(inDistrict, inState) || (inDistrict.tuition === null && inDistrict.perCredit === null) ? null : inDistrict,
      inState,
      outOfState,
    });
  }
  return out;
}
