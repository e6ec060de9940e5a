/**
 * Aggregation of IPEDS completions rows (6-digit CIP × award level) into the per-host
 * evidence mls uses: families, series and named programs; latest-year counts by level
 * and all-level totals per year. Shared by the data build and `mls data import ipeds-completions`.
 */
import type { EvidenceCounts, EvidenceHeader } from '../catalog/evidence.js';
import type { EvidenceDataset, HostEvidence } from '../schema/datasets.js';

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

/** The evidence file (see src/catalog/evidence.ts) for a dataset. */
export function serializeEvidence(data: EvidenceDataset): string {
  const header: EvidenceHeader = {
    meta: data.meta,
    years: data.years,
    unitAliases: data.unitAliases,
    coverage: Object.fromEntries(data.hosts.map((h) => [h.unitId, h.coverage])),
    pcip: Object.fromEntries(data.hosts.map((h) => [h.unitId, h.pcip])),
  };
  const byCode = new Map<string, Record<string, EvidenceCounts>>();
  for (const host of data.hosts) {
    for (const [code, counts] of Object.entries(host.completions)) {
      const row = byCode.get(code) ?? {};
      row[host.unitId] = counts;
      byCode.set(code, row);
    }
  }
  const lines = [...byCode.keys()].sort().map((code) => `${code}\t${JSON.stringify(byCode.get(code))}`);
  return `${JSON.stringify(header)}\n${lines.join('\n')}\n`;
}
