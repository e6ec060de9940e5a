/**
 * IPEDS HD (Directory Information) CSV -> the `ipeds-hd.tsv` table `mls check` joins on
 * UNITID. Used by the data build (HD2024) and by `mls data import ipeds-hd <hdYYYY.csv>`.
 */

import { type HdRecord, hdLine, IPEDS_HD_HEADER } from '../catalog/ipeds-hd.js';
import { UserError } from '../errors.js';
import { readIpedsRows } from './ipeds-csv.js';

export const HD_REQUIRED = [
  'UNITID',
  'INSTNM',
  'IALIAS',
  'OPEID',
  'OPEFLAG',
  'WEBADDR',
  'ACT',
  'NEWID',
  'CLOSEDAT',
  'CITY',
  'STABBR',
];

/** `7/31/2024` -> `2024-07-31`; `-2` (not applicable) or anything else unreadable -> null. */
export function hdDate(value: string | undefined): string | null {
  const v = (value ?? '').trim();
  const mdy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (mdy) return `${mdy[3]}-${(mdy[1] ?? '').padStart(2, '0')}-${(mdy[2] ?? '').padStart(2, '0')}`;
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) return v;
  return null;
}

/** IALIAS separators seen in HD2024: `|`, `,`, `;`, `/` and runs of spaces. */
export function splitAliases(value: string | undefined): string[] {
  const out = (value ?? '')
    .split(/\s*[|,;/]\s*|\s{2,}/)
    .map((a) => a.trim())
    .filter((a) => a.length >= 2 && /\p{L}/u.test(a));
  return [...new Set(out)];
}

const notApplicable = (v: string | undefined) => (v && v !== '-2' && v !== '-1' ? v.trim() : null);

/** The HD year from a file name: `hd2024.csv` -> "2024-25" (the collection year). */
export function hdYearFromName(name: string): string | null {
  const m = /hd(\d{4})/i.exec(name);
  if (!m) return null;
  const y = Number(m[1]);
  return `${y}-${String((y + 1) % 100).padStart(2, '0')}`;
}

export function readHdCsv(text: string, file: string): HdRecord[] {
  const rows = readIpedsRows(text, file);
  const header = Object.keys(rows[0] ?? {});
  const missing = HD_REQUIRED.filter((c) => !header.includes(c));
  if (rows.length === 0 || missing.length > 0) {
    throw new UserError(
      `${file} is not an IPEDS HD (Directory Information) file: missing ${missing.join(', ') || 'rows'}`,
      {
        hint: 'use hdYYYY.csv from https://nces.ed.gov/ipeds/datacenter/DataFiles.aspx; nothing was replaced',
      },
    );
  }
  return rows
    .filter((r) => /^\d{6}$/.test(r.UNITID ?? ''))
    .map((r) => ({
      unitId: r.UNITID as string,
      opeId: notApplicable(r.OPEID),
      name: (r.INSTNM ?? '').trim(),
      aliases: splitAliases(r.IALIAS),
      act: (r.ACT ?? '').trim(),
      closedOn: hdDate(r.CLOSEDAT),
      mergedInto: notApplicable(r.NEWID),
      opeFlag: (r.OPEFLAG ?? '').trim(),
      web: notApplicable(r.WEBADDR),
      city: notApplicable(r.CITY),
      state: notApplicable(r.STABBR),
    }))
    .sort((a, b) => Number(a.unitId) - Number(b.unitId));
}

export function serializeHd(records: readonly HdRecord[], year: string): string {
  return `${[`#year\t${year}`, IPEDS_HD_HEADER, ...records.map(hdLine)].join('\n')}\n`;
}
