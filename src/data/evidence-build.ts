/**
 * Aggregation of IPEDS completions rows (6-digit CIP × award level) into the per-host
 * evidence mls uses: families, series and named programs; latest-year counts by level
 * and all-level totals per year. Shared by the data build and `mls data import ipeds-completions`.
 */
import type { HostEvidence } from './schemas.js';

export interface CompletionRow {
  unitId: string;
  cip: string;
  awlevel: string;
  count: number;
}

/** [bachelor's, master's, doctoral (research), other]: AWLEVEL 5, 7, 17, everything else. */
export function levelIndex(awlevel: string): number {
  if (awlevel === '5') return 0;
  if (awlevel === '7') return 1;
  if (awlevel === '17') return 2;
  return 3;
}

/** The codes a 6-digit CIP counts towards: its family, its series, and itself when it is named. */
export function rollUp(cip: string, named: ReadonlySet<string>): string[] {
  const codes = [cip.slice(0, 2), cip.slice(0, 5)];
  if (named.has(cip)) codes.push(cip);
  return codes;
}

export type Counts = (number | null)[];

/** Adds one year of rows. `yearIndex` is the year's place in the totals; `latest` fills the level counts. */
export function addYear(
  hosts: Map<string, Map<string, Counts>>,
  rows: Iterable<CompletionRow>,
  options: { yearIndex: number; years: number; latest: boolean; named: ReadonlySet<string> },
): void {
  for (const row of rows) {
    // Library science itself (family 25) never counts as a complementary department.
    if (row.cip === '99' || row.cip.startsWith('25.')) continue;
    let counts = hosts.get(row.unitId);
    if (!counts) {
      counts = new Map();
      hosts.set(row.unitId, counts);
    }
    for (const code of rollUp(row.cip, options.named)) {
      let c = counts.get(code);
      if (!c) {
        c = [0, 0, 0, 0, ...Array.from({ length: options.years }, () => null)];
        counts.set(code, c);
      }
      if (options.latest) {
        const level = levelIndex(row.awlevel);
        c[level] = (c[level] ?? 0) + row.count;
      }
      c[4 + options.yearIndex] = (c[4 + options.yearIndex] ?? 0) + row.count;
    }
  }
}

export function toCompletions(counts: Map<string, Counts> | undefined): HostEvidence['completions'] {
  const out: Record<string, Counts> = {};
  for (const code of [...(counts?.keys() ?? [])].sort()) out[code] = counts?.get(code) ?? [];
  return out as HostEvidence['completions'];
}
