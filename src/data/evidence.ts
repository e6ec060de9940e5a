/**
 * Department evidence on disk, laid out for `find --career`: a JSON header line
 * (metadata, years, coverage, Scorecard shares), then one line per CIP code,
 * `CODE<TAB>{"unitId": counts, …}`. A career names a handful of codes, so only those
 * lines are parsed; parsing every host's every code took ~6 ms of start-up.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledDataDir } from './paths.js';
import { IMPORTED_META, importedDir } from './imported.js';
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
  private readonly parsed = new Map<string, Record<string, Counts> | undefined>();

  /** Lines are found by searching the text, not by splitting all of it: a career needs a few. */
  constructor(private readonly text: string) {
    this.header = JSON.parse(text.slice(0, text.indexOf('\n'))) as Header;
  }

  private rawLine(code: string): string | undefined {
    const at = this.text.indexOf(`\n${code}\t`);
    if (at < 0) return undefined;
    const start = at + code.length + 2;
    const end = this.text.indexOf('\n', start);
    return this.text.slice(start, end < 0 ? undefined : end);
  }

  /** Every CIP code with a line, in file order. */
  codes(): string[] {
    return [...this.text.matchAll(/\n([\d.]+)\t/g)].map((m) => m[1] as string);
  }

  get years(): string[] {
    return this.header.years;
  }

  private row(code: string): Record<string, Counts> | undefined {
    if (!this.parsed.has(code)) {
      const raw = this.rawLine(code);
      this.parsed.set(code, raw === undefined ? undefined : (JSON.parse(raw) as Record<string, Counts>));
    }
    return this.parsed.get(code);
  }

  /** The host's evidence for `codes` only (all families when `codes` is 'families'), following merges. */
  host(unitId: string | undefined, codes: readonly string[] | 'families'): HostEvidence | undefined {
    if (!unitId) return undefined;
    const unit = this.header.unitAliases[unitId] ?? unitId;
    const coverage = this.header.coverage[unit];
    if (!coverage) return undefined;
    const wanted = codes === 'families' ? this.codes().filter((c) => c.length === 2) : codes;
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
    const codes = this.codes();
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
