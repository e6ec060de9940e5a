/**
 * The DAPIP lookup index as the core reads it: one tab-separated line per location
 * (the names and ids a lookup needs), parsed only for the lines a lookup returns, and
 * the shape of one location's accreditation details. The files themselves are read in
 * src/store/dapip.ts and written in src/formats/dapip-files.ts.
 */
import type { AccreditationAction, AccreditationRecord, Agency, DatasetMeta } from '../schema/datasets.js';

export const DAPIP_STORE_FILES = {
  index: 'dapip-index.tsv',
  details: 'dapip-details.ndjson',
  meta: 'dapip-meta.json',
} as const;

export interface DapipMetaFile {
  meta: DatasetMeta;
  agencies: Agency[];
}

/** One location as the lookup sees it (no accreditation details). */
export interface IndexEntry {
  canonical: string;
  name: string;
  city: string | null;
  state: string | null;
  opeId: string | null;
  unitIds: string[];
  id: string;
  parent: string | null;
  acronym: string;
  offset: number;
  length: number;
  /** Names joined at build time: `c:` city, and from IPEDS HD `n:` current name, `a:` reported alias (canonical forms). */
  aliases: string[];
}

export interface InstitutionDetails {
  id: string;
  accreditation: AccreditationRecord[];
  actions: AccreditationAction[];
}

const orNull = (s: string | undefined) => (s ? s : null);

export function parseIndexLine(line: string): IndexEntry {
  const f = line.split('\t');
  return {
    canonical: f[0] ?? '',
    name: f[1] ?? '',
    city: orNull(f[2]),
    state: orNull(f[3]),
    opeId: orNull(f[4]),
    unitIds: f[5] ? f[5].split(' ') : [],
    id: f[6] ?? '',
    parent: orNull(f[7]),
    acronym: f[8] ?? '',
    offset: Number(f[9]),
    length: Number(f[10]),
    aliases: f[11] ? f[11].split('|') : [],
  };
}

function nthField(line: string, n: number): string {
  let start = 0;
  for (let k = 0; k < n; k += 1) {
    start = line.indexOf('\t', start) + 1;
    if (start === 0) return '';
  }
  const end = line.indexOf('\t', start);
  return line.slice(start, end < 0 ? undefined : end);
}

/**
 * The index kept as raw lines: a lookup scans canonical names (the first column)
 * and parses only the lines it returns. Building 12,000 objects up front cost ~30 ms.
 */
export class DapipIndex {
  private readonly lines: string[];
  private canonicalNames: string[] | undefined;
  private aliasFields: string[] | undefined;
  private cityNames: Set<string> | undefined;
  private byId: Map<string, number> | undefined;
  private lineStarts: number[] | undefined;

  private readonly rawLines: string[];

  constructor(private readonly text: string) {
    this.rawLines = text.split('\n');
    this.lines = this.rawLines.slice(1).filter(Boolean);
  }

  get size(): number {
    return this.lines.length;
  }

  canonicals(): string[] {
    this.canonicalNames ??= this.lines.map((l) => l.slice(0, l.indexOf('\t')));
    return this.canonicalNames;
  }

  /** Each line's HD names column (`n:name|a:alias…`), '' where there is none (or an index built without it). */
  aliasColumn(): string[] {
    // The column is last and always starts with c:, n: or a:, so an older index (no column) gives ''.
    this.aliasFields ??= this.lines.map((l) => {
      const last = l.slice(l.lastIndexOf('\t') + 1);
      return /^[nac]:/.test(last) ? last : '';
    });
    return this.aliasFields;
  }

  /** Every city of the index, canonical, from the precomputed `c:` names (an older index without them has none). */
  cities(): Set<string> {
    if (!this.cityNames) {
      const cities = new Set<string>();
      for (const field of this.aliasColumn()) {
        if (field.startsWith('c:')) cities.add(field.slice(2, field.indexOf('|') < 0 ? undefined : field.indexOf('|')));
      }
      this.cityNames = cities;
    }
    return this.cityNames;
  }

  /** The line of a DAPIP id (built on first use). */
  lineOfId(id: string): number | undefined {
    if (!this.byId) {
      const byId = new Map<string, number>();
      this.lines.forEach((l, i) => {
        byId.set(nthField(l, 6), i);
      });
      this.byId = byId;
    }
    return this.byId.get(id);
  }

  entry(i: number): IndexEntry {
    return parseIndexLine(this.lines[i] ?? '');
  }

  /**
   * Positions of lines holding `value` as a whole field or one of a field's space-separated ids.
   * One native search of the file's text, each hit checked for its neighbours: testing four
   * needles on each of 12,000 lines took ~7 ms of `mls check`.
   */
  linesWithField(value: string): number[] {
    const hits = new Set<number>();
    const edge = (c: string | undefined) => c === '\t' || c === ' ';
    for (let at = this.text.indexOf(value); at >= 0; at = this.text.indexOf(value, at + 1)) {
      if (edge(this.text[at - 1]) && edge(this.text[at + value.length])) {
        const line = this.lineAt(at);
        if (line >= 0) hits.add(line);
      }
    }
    return [...hits].sort((a, b) => a - b);
  }

  /** The index (in `lines`) of the line holding character `offset` of the text; -1 in the header. */
  private lineAt(offset: number): number {
    if (!this.lineStarts) {
      // The text offset where each of `lines` starts (the header and empty lines are not in `lines`).
      const starts: number[] = [];
      let at = (this.rawLines[0]?.length ?? 0) + 1;
      for (let i = 1; i < this.rawLines.length; i += 1) {
        const length = this.rawLines[i]?.length ?? 0;
        if (length > 0) starts.push(at);
        at += length + 1;
      }
      this.lineStarts = starts;
    }
    const starts = this.lineStarts;
    let low = -1;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  all(): IndexEntry[] {
    return this.lines.map(parseIndexLine);
  }
}
