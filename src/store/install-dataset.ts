import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetMeta } from '../schema/datasets.js';
import { IMPORTED_META, importedDir } from './datasets.js';
import { fileSystemError } from './fs-errors.js';
import { integrityOf } from './integrity.js';

/**
 * Installs an imported dataset as a whole: every file is written into a fresh
 * folder beside the live one, which then replaces it by rename. A failure at any
 * point leaves the previous copy (or the bundle) in use, never a mix of the two.
 */
export async function installDataset(
  meta: DatasetMeta,
  files: Record<string, string>,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const target = importedDir(meta.dataset, env);
  try {
    return await installInto(target, meta, files);
  } catch (error) {
    throw fileSystemError(error, target, 'write');
  }
}

async function installInto(target: string, meta: DatasetMeta, files: Record<string, string>): Promise<string> {
  const suffix = randomBytes(6).toString('hex');
  const staging = `${target}.new-${suffix}`;
  const retired = `${target}.old-${suffix}`;
  await mkdir(staging, { recursive: true });
  try {
    for (const [name, content] of Object.entries(files)) await writeFile(join(staging, name), content);
    // Checksums and line counts, verified when the copy is read (src/store/integrity.ts).
    const integrity = integrityOf(files);
    await writeFile(join(staging, IMPORTED_META), `${JSON.stringify({ ...meta, integrity }, null, 2)}\n`);
    await rename(target, retired).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await rm(retired, { recursive: true, force: true });
  return target;
}

/** Removes an imported copy, so the bundled one is used again. Returns whether there was one. */
export async function removeImportedDataset(dataset: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const dir = importedDir(dataset, env);
  if (!existsSync(dir)) return false;
  await rm(dir, { recursive: true, force: true });
  return true;
}
