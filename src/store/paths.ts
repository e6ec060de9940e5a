import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let bundledDir: string | undefined;

/**
 * The folder of bundled datasets: `data/` at the package root. Found by walking up
 * from this module, which sits in `dist/` when built and in `src/store/` under tests.
 */
export function bundledDataDir(): string {
  if (bundledDir) return bundledDir;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i += 1) {
    const candidate = join(dir, 'data');
    if (existsSync(join(candidate, 'SOURCES.md'))) {
      bundledDir = candidate;
      return candidate;
    }
    dir = dirname(dir);
  }
  throw new Error(`bundled data folder not found above ${fileURLToPath(import.meta.url)}`);
}

/**
 * Where imported datasets live: `$MLS_DATA_HOME`, else `$XDG_DATA_HOME/mls`, else the
 * platform's usual place (~/.local/share/mls, ~/Library/Application Support/mls, %LOCALAPPDATA%\mls).
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MLS_DATA_HOME) return resolve(env.MLS_DATA_HOME);
  if (env.XDG_DATA_HOME) return join(resolve(env.XDG_DATA_HOME), 'mls');
  const home = env.HOME ?? homedir();
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'mls');
  if (process.platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'mls');
  return join(home, '.local', 'share', 'mls');
}

/** Where mls keeps caches it can always make again: `$XDG_CACHE_HOME/mls`, else the platform's place. */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.XDG_CACHE_HOME) return join(resolve(env.XDG_CACHE_HOME), 'mls');
  const home = env.HOME ?? homedir();
  if (process.platform === 'darwin') return join(home, 'Library', 'Caches', 'mls');
  if (process.platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'mls', 'cache');
  return join(home, '.cache', 'mls');
}
