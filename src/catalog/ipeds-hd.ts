/**
 * IPEDS HD (Directory Information, e.g. HD2024 for 2024-25) as `mls check` reads it: one
 * line per UNITID with whether the institution was open, closed or merged, whether it took
 * part in Title IV federal student aid, its current name and web address. The file is
 * written by src/formats/ipeds-hd.ts and read by src/store/ipeds-hd.ts; a lookup parses
 * only the line it needs.
 */
export const IPEDS_HD_FILE = 'ipeds-hd.tsv';
export const IPEDS_HD_HEADER = 'unitid\topeid\tname\taliases\tact\tclosed\tnewid\topeflag\tweb\tcity\tstate';

export interface HdRecord {
  unitId: string;
  opeId: string | null;
  name: string;
  /** Names and abbreviations the institution reports to IPEDS (IALIAS), split. */
  aliases: string[];
  /** ACT: A active, N new, R restored, M closed this year, C combined, D deleted (out of business), G child campus. */
  act: string;
  /** CLOSEDAT as YYYY-MM-DD (or YYYY-MM / YYYY when that is all IPEDS gives). */
  closedOn: string | null;
  /** NEWID: the UNITID this institution merged into. */
  mergedInto: string | null;
  /** OPEFLAG: 1 in Title IV, 2 branch of a Title IV main campus, 5/6 not participating. */
  opeFlag: string;
  web: string | null;
  city: string | null;
  state: string | null;
}

const orNull = (s: string | undefined) => (s ? s : null);

export function parseHdLine(line: string): HdRecord {
  const f = line.split('\t');
  return {
    unitId: f[0] ?? '',
    opeId: orNull(f[1]),
    name: f[2] ?? '',
    aliases: f[3] ? f[3].split('|') : [],
    act: f[4] ?? '',
    closedOn: orNull(f[5]),
    mergedInto: orNull(f[6]),
    opeFlag: f[7] ?? '',
    web: orNull(f[8]),
    city: orNull(f[9]),
    state: orNull(f[10]),
  };
}

export function hdLine(r: HdRecord): string {
  const field = (s: string | null) => (s ?? '').replace(/[\t\r\n]+/g, ' ').trim();
  const aliases = r.aliases.map((a) => field(a).replace(/\|/g, ' ')).filter(Boolean);
  return [
    r.unitId,
    r.opeId,
    r.name,
    aliases.join('|'),
    r.act,
    r.closedOn,
    r.mergedInto,
    r.opeFlag,
    r.web,
    r.city,
    r.state,
  ]
    .map(field)
    .join('\t');
}

/** The HD table kept as text: `get` finds one UNITID's line without parsing the rest. */
export class HdTable {
  constructor(private readonly text: string) {}

  /** The collection year the file describes ("2024-25"), from its first line `#year\t2024-25`. */
  year(): string | null {
    const m = /^#year\t([^\n\t]+)/.exec(this.text);
    return m?.[1] ?? null;
  }

  get(unitId: string): HdRecord | null {
    if (!/^\d+$/.test(unitId)) return null;
    const at = this.text.indexOf(`\n${unitId}\t`);
    if (at < 0) return null;
    const end = this.text.indexOf('\n', at + 1);
    return parseHdLine(this.text.slice(at + 1, end < 0 ? undefined : end));
  }

  /** Every record (data build, tests); never on the lookup path. */
  all(): HdRecord[] {
    return this.text
      .split('\n')
      .filter((l) => /^\d/.test(l))
      .map(parseHdLine);
  }
}

export type HdStatus = 'open' | 'closed' | 'merged' | 'not-in-file';

/** What HD says about an institution: closed and merged win over the ACT code "active". */
export function hdStatus(r: HdRecord | null): HdStatus {
  if (!r) return 'not-in-file';
  if (r.mergedInto || r.act === 'C') return 'merged';
  if (r.closedOn || r.act === 'D' || r.act === 'M') return 'closed';
  return 'open';
}

/** OPEFLAG 1 (or 2, a branch of a participating main campus): in Title IV federal student aid. */
export function inTitleIV(r: HdRecord | null): boolean | null {
  if (!r) return null;
  return r.opeFlag === '1' || r.opeFlag === '2';
}
