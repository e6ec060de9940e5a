import { join } from 'node:path';
import { userDataDir } from './paths.js';

/** An imported dataset lives in its own folder, `<user data>/<dataset>/`, with a `meta.json`. */
export function importedDir(dataset: string, env: NodeJS.ProcessEnv): string {
  return join(userDataDir(env), dataset);
}

export const IMPORTED_META = 'meta.json';
