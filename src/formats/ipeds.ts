/**
 * `mls data import ipeds-completions <CYYYY_A.csv>`: the official IPEDS Completions file
 * (NCES IPEDS Data Center) replaces the latest year of the bundled department evidence for
 * the host universities; earlier years stay for the trend, and Scorecard shares are kept.
 */
import { basename } from 'node:path';
import { UserError } from '../errors.js';
import type { EvidenceDataset } from '../schema/datasets.js';
import { addYear, type CompletionRow, type Counts, toCompletions } from './evidence.js';
import { readIpedsRows } from './ipeds-csv.js';

const REQUIRED = ['UNITID', 'CIPCODE', 'MAJORNUM', 'AWLEVEL', 'CTOTALT'];

/** `C2025_A.csv` / `c2025_a_rv.csv` -> "2024-25" (awards from July 2024 to June 2025). */
export function awardYearFromName(path: string): string | null {
  const match = /^c(\d{4})_a/i.exec(basename(path));
  if (!match) return null;
  const end = Number(match[1]);
  return `${end - 1}-${String(end % 100).padStart(2, '0')}`;
}

export function readCompletions(text: string, file: string, units: ReadonlySet<string>): CompletionRow[] {
  const records = readIpedsRows(text, file);
  const header = Object.keys(records[0] ?? {});
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (records.length === 0 || missing.length > 0) {
    throw new UserError(`${file}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ') || 'rows'}`, {
      where: `${file}:1`,
      hint: 'expected the IPEDS Completions file CYYYY_A (UNITID, CIPCODE, MAJORNUM, AWLEVEL, CTOTALT, …)',
    });
  }
  return records
    .filter((r) => r.MAJORNUM === '1' && units.has(r.UNITID ?? ''))
    .map((r) => ({
      unitId: r.UNITID as string,
      cip: (r.CIPCODE ?? '').trim(),
      awlevel: (r.AWLEVEL ?? '').trim(),
      count: Number(r.CTOTALT),
    }))
    .filter((r) => /^\d{2}\.\d{4}$/.test(r.cip) && Number.isFinite(r.count));
}

/** The bundled evidence with `year` (from `rows`) as its latest year. */
export function mergeLatestYear(
  bundled: EvidenceDataset,
  rows: readonly CompletionRow[],
  year: string,
  named: ReadonlySet<string>,
  source: string,
): EvidenceDataset {
  const last = bundled.years.at(-1) ?? '';
  if (year < last) {
    throw new UserError(`the file is for ${year}, older than the bundled ${last}`, {
      hint: 'import a newer IPEDS year',
    });
  }
  const years = year === last ? bundled.years : [...bundled.years.slice(1), year];
  const shift = year === last ? 0 : 1;
  const fresh = new Map<string, Map<string, Counts>>();
  addYear(fresh, rows, { yearIndex: years.length - 1, years: years.length, latest: true, named });
  const hosts = bundled.hosts.map((host) => {
    const counts = fresh.get(host.unitId);
    if (!counts) return host;
    // Earlier years' totals come from the bundle, moved one place when a year is added.
    for (const [code, c] of Object.entries(host.completions)) {
      const merged = counts.get(code) ?? [0, 0, 0, 0, ...years.map(() => null)];
      const old = c.slice(4);
      for (let i = 0; i < years.length - 1; i += 1) merged[4 + i] = old[i + shift] ?? null;
      counts.set(code, merged);
    }
    return { ...host, coverage: 'all-cips' as const, completions: toCompletions(counts) };
  });
  const endYear = Number(year.slice(0, 4)) + 1;
  return {
    meta: { ...bundled.meta, asOf: `${endYear}-06`, source, recordCount: hosts.length },
    years,
    unitAliases: bundled.unitAliases,
    hosts,
  };
}

export interface CompletionsInputs {
  bundled: EvidenceDataset;
  /** The 7-digit CIP codes the careers name (kept at full detail). */
  named: ReadonlySet<string>;
  /** UNITIDs of the universities that host an ALA program. */
  hostUnits: readonly string[];
}

/**
 * The department evidence after importing one year's Completions file: its host-university
 * rows replace the latest year of the bundle (an older year is refused).
 */
export function completionsUpdate(inputs: CompletionsInputs, text: string, file: string, year: string) {
  const { bundled } = inputs;
  const units = new Set(bundled.hosts.map((h) => h.unitId));
  for (const unitId of inputs.hostUnits) units.add(bundled.unitAliases[unitId] ?? unitId);
  const rows = readCompletions(text, file, units);
  if (rows.length === 0) {
    throw new UserError(`${file} has no first-major rows for the host universities`, {
      hint: 'expected the full national Completions file; nothing was replaced',
    });
  }
  const source = `NCES IPEDS Completions imported from ${file} (${year}), earlier years and Scorecard shares from the bundle`;
  return {
    dataset: mergeLatestYear(bundled, rows, year, inputs.named, source),
    hosts: new Set(rows.map((r) => r.unitId)).size,
  };
}
