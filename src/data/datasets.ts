/**
 * Which copy of each dataset is active: the bundled one, or one the user
 * imported into the user data folder (which then takes precedence).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBundledJson } from './bundled.js';
import { userDataDir } from './paths.js';
import type { DatasetMeta, Manifest } from './schemas.js';

export interface DatasetCopy {
  meta: DatasetMeta;
  file: string;
  origin: 'bundled' | 'imported';
  path: string;
}

export interface DatasetStatus {
  bundled: DatasetCopy;
  imported: DatasetCopy | null;
  active: DatasetCopy;
}

/** Metadata of an imported copy sits beside it: `<file>.meta.json`. */
export function importedMetaPath(file: string, env: NodeJS.ProcessEnv): string {
  return join(userDataDir(env), `${file}.meta.json`);
}

function readImported(file: string, env: NodeJS.ProcessEnv): DatasetCopy | null {
  const metaPath = importedMetaPath(file, env);
  const path = join(userDataDir(env), file);
  if (!existsSync(metaPath) || !existsSync(path)) return null;
  const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as DatasetMeta;
  return { meta, file, origin: 'imported', path };
}

export function datasetStatuses(env: NodeJS.ProcessEnv): DatasetStatus[] {
  const manifest = readBundledJson<Manifest>('manifest.json');
  return manifest.datasets.map(({ file, ...meta }) => {
    const bundled: DatasetCopy = { meta, file, origin: 'bundled', path: join('data', file) };
    const imported = readImported(file, env);
    return { bundled, imported, active: imported ?? bundled };
  });
}
