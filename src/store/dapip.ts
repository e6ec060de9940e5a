/** Reads a DAPIP store (see src/formats/dapip-files.ts) from a folder: bundled data/ or the user's imported copy. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DAPIP_STORE_FILES,
  DapipIndex,
  type DapipMetaFile,
  type IndexEntry,
  type InstitutionDetails,
} from '../catalog/dapip-index.js';
import type { Institution } from '../schema/datasets.js';
import { readRange } from './read-range.js';

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
    return this.index()
      .all()
      .map((e, i) => {
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
