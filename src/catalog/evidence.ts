/**
 * Department evidence as `find --career` reads it: a JSON header line (metadata, years,
 * coverage, Scorecard shares), then one line per CIP code, `CODE<TAB>{"unitId": counts, …}`.
 * A career names a handful of codes, so only those lines are parsed; parsing every host's
 * every code took ~6 ms of start-up.
 */
import type { EvidenceDataset, HostEvidence } from '../schema/datasets.js';

export const EVIDENCE_FILE = 'host-evidence.tsv';

export type EvidenceCounts = HostEvidence['completions'][string];

export interface EvidenceHeader {
  meta: EvidenceDataset['meta'];
  years: string[];
  unitAliases: Record<string, string>;
  coverage: Record<string, HostEvidence['coverage']>;
  pcip: Record<string, HostEvidence['pcip']>;
}

export class EvidenceStore {
  readonly header: EvidenceHeader;
  private readonly parsed = new Map<string, Record<string, EvidenceCounts> | undefined>();

  /** Lines are found by searching the text, not by splitting all of it: a career needs a few. */
  constructor(private readonly text: string) {
    this.header = JSON.parse(text.slice(0, text.indexOf('\n'))) as EvidenceHeader;
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

  private row(code: string): Record<string, EvidenceCounts> | undefined {
    if (!this.parsed.has(code)) {
      const raw = this.rawLine(code);
      this.parsed.set(code, raw === undefined ? undefined : (JSON.parse(raw) as Record<string, EvidenceCounts>));
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
    const completions: Record<string, EvidenceCounts> = {};
    for (const code of wanted) {
      for (const c of code.length === 7 ? [code, code.slice(0, 5)] : [code]) {
        const counts = this.row(c)?.[unit];
        if (counts) completions[c] = counts;
      }
    }
    return {
      unitId: unit,
      coverage,
      completions: completions as HostEvidence['completions'],
      pcip: this.header.pcip[unit] ?? {},
    };
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
