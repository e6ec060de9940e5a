/**
 * On-disk form of the DAPIP dataset, laid out for a fast `mls check`:
 *
 *   dapip-index.tsv      one line per location: the names and ids a lookup needs
 *   dapip-details.ndjson one JSON line per location: accreditation records and actions,
 *                        read alone at the byte offset the index gives
 *   dapip-meta.json      dataset metadata and agencies
 *
 * Parsing the whole dataset as one JSON file took ~50 ms; this takes a few.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { acronym, canonicalName } from '../catalog/institution-names.js';
import type { AccreditationAction, AccreditationRecord, Agency, DapipDataset, DatasetMeta, Institution } from './schemas.js';
import { readRange } from './read-range.js';

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

const INDEX_HEADER = 'canonical\tname\tcity\tstate\topeid\tunitids\tdapipid\tparent\tacronym\toffset\tlength';

const clean = (s: string | null) => (s ?? '').replace(/[\t\r\n]+/g, ' ');

export function serializeDapip(dataset: DapipDataset): Record<string, string> {
  const detailLines: string[] = [];
  const indexLines: string[] = [INDEX_HEADER];
  let offset = 0;
  for (const inst of dataset.institutions) {
    const line = JSON.stringify({ id: inst.id, accreditation: inst.accreditation, actions: inst.actions });
    const length = Buffer.byteLength(line);
    const canonical = canonicalName(inst.name);
    indexLines.push(
      [
        canonical,
        inst.name,
        inst.city,
        inst.state,
        inst.opeId,
        inst.unitIds.join(' '),
        inst.id,
        inst.parent,
        acronym(canonical),
        String(offset),
        String(length),
      ]
        .map(clean)
        .join('\t'),
    );
    detailLines.push(line);
    offset += length + 1;
  }
  const meta: DapipMetaFile = { meta: dataset.meta, agencies: dataset.agencies };
  return {
    [DAPIP_STORE_FILES.index]: `${indexLines.join('\n')}\n`,
    [DAPIP_STORE_FILES.details]: `${detailLines.join('\n')}\n`,
    [DAPIP_STORE_FILES.meta]: `${JSON.stringify(meta, null, 2)}\n`,
  };
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

/** A DAPIP store in a folder (bundled data/ or the user's imported copy). */
export class DapipStore {
  private indexCache: DapipIndex | undefined;
  private metaFile: DapipMetaFile | undefined;

  constructor(readonly dir: string) {}

  index(): DapipIndex {
    this.indexCache ??= new DapipIndex(readFileSync(join(this.dir, DAPIP_STORE_FILES.index), 'utf8'));
    return this.indexCache;
  }

  meta(): DapipMetaFile {
    this.metaFile ??= JSON.parse(readFileSync(join(this.dir, DAPIP_STORE_FILES.meta), 'utf8')) as DapipMetaFile;
    return this.metaFile;
  }

  details(entry: IndexEntry): InstitutionDetails {
    const bytes = readRange(join(this.dir, DAPIP_STORE_FILES.details), entry.offset, entry.length);
    return JSON.parse(bytes.toString('utf8')) as InstitutionDetails;
  }

  /** The whole dataset (tests and re-export); slow, never on the lookup path. */
  institutions(): Institution[] {
    const details = readFileSync(join(this.dir, DAPIP_STORE_FILES.details), 'utf8').trimEnd().split('\n');
    return this.index().all().map((e, i) => {
      const d = JSON.parse(details[i] ?? '{}') as InstitutionDetails;
      return {
        id: e.id,
        opeId: e.opeId,
        unitIds: e.unitIds,
        name: e.name,
        city: e.city,
        state: e.state,
        parent: e.parent,
        accreditation: d.accreditation,
        actions: d.actions,
      };
    });
  }
}
