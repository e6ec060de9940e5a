/**
 * Department evidence on disk, laid out for `find --career`: a JSON header line
 * (metadata, years, coverage, Scorecard shares), then one line per CIP code,
 * `CODE<TAB>{"unitId": counts, …}`. A career names a handful of codes, so only those
 * lines are parsed; parsing every host's every code took ~6 ms of start-up.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledDataDir } from './paths.js';
import { IMPORTED_META, importedDir } from './datasets.js';
import type { EvidenceDataset, HostEvidence } from './schemas.js';

export const EVIDENCE_FILE = 'host-evidence.tsv';

type Counts = HostEvidence['completions'][string];

interface Header {
  meta: EvidenceDataset['meta'];
  years: string[];
  unitAliases: Record<string, string>;
  coverage: Record<string, HostEvidence['coverage']>;
  pcip: Record<string, HostEvidence['pcip']>;
}

export function serializeEvidence(data: EvidenceDataset): string {
  const header: Header = {
    meta: data.meta,
    years: data.years,
    unitAliases: data.unitAliases,
    coverage: Object.fromEntries(data.hosts.map((h) => [h.unitId, h.coverage])),
    pcip: Object.fromEntries(data.hosts.map((h) => [h.unitId, h.pcip])),
  };
  const byCode = new Map<string, Record<string, Counts>>();
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

export class EvidenceStore {
  readonly header: Header;
  private readonly raw = new Map<string, string>();
  private readonly parsed = new Map<string, Record<string, Counts>>();

  constructor(text: string) {
    const lines = text.split('\n');
    this.header = JSON.parse(lines[0] ?? '{}') as Header;
    for (let i = 1; i < lines.length; i += 1) {
      const line = lines[i] as string;
      const tab = line.indexOf('\t');
      if (tab > 0) this.raw.set(line.slice(0, tab), line.slice(tab + 1));
    }
  }

  get years(): string[] {
    return this.header.years;
  }

  private row(code: string): Record<string, Counts> | undefined {
    let row = this.parsed.get(code);
    if (!row) {
      const raw = this.raw.get(code);
      if (raw === undefined) return undefined;
      row = JSON.parse(raw) as Record<string, Counts>;
      this.parsed.set(code, row);
    }
    return row;
  }

  /** The host's evidence for `codes` only (all families when `codes` is 'families'), following merges. */
  host(unitId: string | undefined, codes: readonly string[] | 'families'): HostEvidence | undefined {
    if (!unitId) return undefined;
    const unit = this.header.unitAliases[unitId] ?? unitId;
    const coverage = this.header.coverage[unit];
    if (!coverage) return undefined;
    const wanted = codes === 'families' ? [...this.raw.keys()].filter((c) => c.length === 2) : codes;
    const completions: Record<string, Counts> = {};
    for (const code of wanted) {
      for (const c of code.length === 7 ? [code, code.slice(0, 5)] : [code]) {
        const counts = this.row(c)?.[unit];
        if (counts) completions[c] = counts;
      }
    }
    return { unitId: unit, coverage, completions: completions as HostEvidence['completions'], pcip: this.header.pcip[unit] ?? {} };
  }

  /** The whole dataset (tests and imports). */
  toDataset(): EvidenceDataset {
    const units = Object.keys(this.header.coverage).sort();
    const codes = [...this.raw.keys()];
    return {
      meta: this.header.meta,
      years: this.header.years,
      unitAliases: this.header.unitAliases,
      hosts: units.map((unitId) => this.host(unitId, codes) as HostEvidence),
    };
  }
}

/** Department evidence: the user's imported copy (`mls data import ipeds-completions`), else the bundle. */
export function activeEvidence(env: NodeJS.ProcessEnv): EvidenceStore {
  const dir = importedDir('host-evidence', env);
  const imported = existsSync(join(dir, IMPORTED_META)) && existsSync(join(dir, EVIDENCE_FILE));
  return new EvidenceStore(readFileSync(join(imported ? dir : bundledDataDir(), EVIDENCE_FILE), 'utf8'));
}
