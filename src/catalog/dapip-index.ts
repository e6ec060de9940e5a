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
  };
}

/**
 * The index kept as raw lines: a lookup scans canonical names (the first column)
 * and parses only the lines it returns. Building 12,000 objects up front cost ~30 ms.
 */
export class DapipIndex {
  private readonly lines: string[];
  private canonicalNames: string[] | undefined;

  constructor(text: string) {
    const lines = text.split('\n');
    this.lines = lines.slice(1).filter(Boolean);
  }

  get size(): number {
    return this.lines.length;
  }

  canonicals(): string[] {
    this.canonicalNames ??= this.lines.map((l) => l.slice(0, l.indexOf('\t')));
    return this.canonicalNames;
  }

  entry(i: number): IndexEntry {
    return parseIndexLine(this.lines[i] ?? '');
  }

  /** Positions of lines holding `\tvalue\t` or `\tvalue ` (ids are whole fields or space-separated). */
  linesWithField(value: string): number[] {
    const hits: number[] = [];
    const needles = [`\t${value}\t`, `\t${value} `, ` ${value}\t`, ` ${value} `];
    this.lines.forEach((line, i) => {
      if (needles.some((n) => line.includes(n))) hits.push(i);
    });
    return hits;
  }

  all(): IndexEntry[] {
    return this.lines.map(parseIndexLine);
  }
}
