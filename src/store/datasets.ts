/**
 * Which copy of each dataset is active: the bundled one, or one the user
 * imported into the user data folder (which then takes precedence).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DAPIP_STORE_FILES } from '../catalog/dapip-index.js';
import type { DatasetCopy as CatalogCopy } from '../catalog/staleness.js';
import type { DatasetMeta, Manifest } from '../schema/datasets.js';
import { loadAlaPrograms, readBundledJson } from './bundled.js';
import { CHARGES_DATASET, CHARGES_FILE } from './charges.js';
import { IMPORTED_META, importedDir } from './imported.js';
import { damaged, type Integrity } from './integrity.js';
import { bundledDataDir } from './paths.js';

/** A copy of a dataset as the store finds it: the catalog's view, plus the checksums recorded at import. */
export interface DatasetCopy extends CatalogCopy {
  /** Checksums recorded at import (absent for bundled copies and older imports). */
  integrity?: Integrity;
}

export interface DatasetStatus {
  bundled: DatasetCopy;
  imported: DatasetCopy | null;
  active: DatasetCopy;
}

export { IMPORTED_META, importedDir } from './imported.js';

function readImported(dataset: string, file: string, env: NodeJS.ProcessEnv): DatasetCopy | null {
  const dir = importedDir(dataset, env);
  const metaPath = join(dir, IMPORTED_META);
  if (!existsSync(metaPath) || !existsSync(join(dir, file))) return null;
  let parsed: DatasetMeta & { integrity?: Integrity };
  try {
    parsed = JSON.parse(readFileSync(metaPath, 'utf8')) as DatasetMeta & { integrity?: Integrity };
  } catch {
    throw damaged(metaPath, dataset === 'host-evidence' ? 'ipeds-completions' : dataset, 'it is not valid JSON');
  }
  const { integrity, ...meta } = parsed;
  return { meta, file, origin: 'imported', path: dir, integrity };
}

export function datasetStatuses(env: NodeJS.ProcessEnv): DatasetStatus[] {
  const manifest = readBundledJson<Manifest>('manifest.json');
  const statuses = manifest.datasets.map(({ file, ...meta }) => {
    const bundled: DatasetCopy = { meta, file, origin: 'bundled', path: join('data', file) };
    const imported = readImported(meta.dataset, file, env);
    return { bundled, imported, active: imported ?? bundled };
  });
  return [...statuses, chargesStatus(env)];
}

/**
 * Graduate charges have no bundled file of their own: they ship inside ala-programs.json, one
 * cost (with its IPEDS year) per program; `mls data import ipeds-charges` replaces them.
 */
function chargesStatus(env: NodeJS.ProcessEnv): DatasetStatus {
  const { programs } = loadAlaPrograms();
  const costs = programs.flatMap((p) => (p.cost ? [p.cost] : []));
  const years = [...new Set(costs.map((c) => c.year))].sort();
  const bundled: DatasetCopy = {
    meta: {
      dataset: CHARGES_DATASET,
      title: 'Graduate tuition and fees of the ALA programs’ institutions (in ala-programs.json)',
      asOf: (years.at(-1) ?? '').slice(0, 4),
      source: [...new Set(costs.map((c) => `NCES ${c.source}`))].join('; '),
      recordCount: costs.length,
    },
    file: 'ala-programs.json',
    origin: 'bundled',
    path: join('data', 'ala-programs.json'),
  };
  const imported = readImported(CHARGES_DATASET, CHARGES_FILE, env);
  return { bundled, imported, active: imported ?? bundled };
}

/** The folder holding the active DAPIP store: the user's imported copy, else the bundled one. */
export function activeDapipDir(env: NodeJS.ProcessEnv): {
  dir: string;
  origin: DatasetCopy['origin'];
  integrity?: Integrity;
} {
  const imported = readImported('dapip', DAPIP_STORE_FILES.index, env);
  return imported
    ? { dir: imported.path, origin: 'imported', integrity: imported.integrity }
    : { dir: bundledDataDir(), origin: 'bundled' };
}

/** The active copy of a one-file dataset (e.g. ipeds-hd): imported, else bundled. */
export function activeCopy(dataset: string, file: string, env: NodeJS.ProcessEnv): DatasetCopy {
  return (
    readImported(dataset, file, env) ?? {
      meta: { dataset, title: dataset, asOf: '', source: '', recordCount: 0 },
      file,
      origin: 'bundled',
      path: bundledDataDir(),
    }
  );
}
