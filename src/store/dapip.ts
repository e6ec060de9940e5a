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
import { damaged, type Integrity, verifySize, verifyText } from './integrity.js';
import { readRange } from './read-range.js';

/** A DAPIP store in a folder (bundled data/ or the user's imported copy). */
export class DapipStore {
  private indexCache: DapipIndex | undefined;
  private metaFile: DapipMetaFile | undefined;

  private detailsChecked = false;

  /** `integrity`: checksums recorded when the copy was imported (bundled copies are checked by the data tests). */
  constructor(
    readonly dir: string,
    private readonly integrity?: Integrity,
  ) {}

  private damaged(file: string, why: string) {
    return damaged(join(this.dir, file), 'dapip', why);
  }

  index(): DapipIndex {
    if (!this.indexCache) {
      const text = readFileSync(join(this.dir, DAPIP_STORE_FILES.index), 'utf8');
      verifyText(this.dir, DAPIP_STORE_FILES.index, text, this.integrity, 'dapip');
      const index = new DapipIndex(text);
      if (index.size === 0) throw this.damaged(DAPIP_STORE_FILES.index, 'it lists no institution');
      this.indexCache = index;
    }
    return this.indexCache;
  }

  meta(): DapipMetaFile {
    if (!this.metaFile) {
      const text = readFileSync(join(this.dir, DAPIP_STORE_FILES.meta), 'utf8');
      verifyText(this.dir, DAPIP_STORE_FILES.meta, text, this.integrity, 'dapip');
      try {
        this.metaFile = JSON.parse(text) as DapipMetaFile;
      } catch {
        throw this.damaged(DAPIP_STORE_FILES.meta, 'it is not valid JSON');
      }
    }
    return this.metaFile;
  }

  details(entry: IndexEntry): InstitutionDetails {
    if (!this.detailsChecked) {
      verifySize(this.dir, DAPIP_STORE_FILES.details, this.integrity, 'dapip');
      this.detailsChecked = true;
    }
    const bytes = readRange(join(this.dir, DAPIP_STORE_FILES.details), entry.offset, entry.length);
    try {
      const details = JSON.parse(bytes.toString('utf8')) as InstitutionDetails;
      if (details.id !== entry.id) throw new Error('out of step');
      return details;
    } catch {
      throw this.damaged(DAPIP_STORE_FILES.details, `the record of DAPIP ${entry.id} cannot be read`);
    }
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
