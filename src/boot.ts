/**
 * Loads the program (dist/mls.cjs, one esbuild bundle) with a V8 code cache, so that a
 * run deserializes compiled code instead of parsing and compiling it again. Node 20 has
 * no module compile cache (22 does), so the bundle is compiled as a vm.Script, the way
 * Node's CommonJS loader compiles a module.
 *
 * Each command has its own cache (dist/cache/<command>.v8; help.v8 for everything else),
 * made at build time by running that command on sample input (scripts/build.mjs): a
 * cache holds only the functions its run compiled, and deserializing one is cheaper than
 * compiling, but not free. A cache only fits the V8 that made it. When this Node's V8 is
 * not the build's (a dist/ built elsewhere), the cache is made on the first run of each
 * command and kept in the user's cache folder (~/.cache/mls, $XDG_CACHE_HOME/mls), keyed
 * by V8 version and build.
 *
 * MLS_CODE_CACHE_OUT=<file> writes this run's cache to <file> at exit (the build's
 * training step). MLS_IGNORE_BUNDLED_CODE_CACHE=1 behaves as if the V8 did not match.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, Script } from 'node:vm';
import { userCacheDir } from './store/paths.js';

/** Set by scripts/build.mjs: the V8 that trained dist/cache, and a hash of dist/mls.cjs. */
declare const __MLS_TRAINED_V8__: string;
declare const __MLS_BUILD_ID__: string;

interface Program {
  start(): Promise<void>;
}

const COMMANDS_WITH_CACHE = new Set(['find', 'show', 'check', 'careers', 'plan', 'data']);

function readCache(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Writes a cache made on this machine, replacing the command's caches of other builds. Never fails the run. */
function keepCache(dir: string, name: string, data: Buffer): void {
  try {
    mkdirSync(dir, { recursive: true });
    for (const old of readdirSync(dir)) if (old.startsWith(`${name}-`)) rmSync(join(dir, old), { force: true });
    const file = join(dir, `${name}-${__MLS_BUILD_ID__}.v8`);
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch {
    // A cache is an optimisation: a read-only home only means the next run compiles again.
  }
}

export async function start(): Promise<void> {
  const bundle = new URL('./mls.cjs', import.meta.url);
  const filename = fileURLToPath(bundle);
  const command = process.argv[2] ?? '';
  // Any cache of this bundle is valid for any run: help, typos and the like use the help run's.
  const name = COMMANDS_WITH_CACHE.has(command) ? command : 'help';
  const cacheOut = process.env.MLS_CODE_CACHE_OUT;
  const bundledFits = __MLS_TRAINED_V8__ === process.versions.v8 && !process.env.MLS_IGNORE_BUNDLED_CODE_CACHE;
  const ownDir = join(userCacheDir(process.env), `v8-${process.versions.v8}`);
  const cacheFile = bundledFits
    ? fileURLToPath(new URL(`./cache/${name}.v8`, import.meta.url))
    : join(ownDir, `${name}-${__MLS_BUILD_ID__}.v8`);
  const cachedData = cacheOut ? undefined : readCache(cacheFile);
  // The bundle has no import() left (the build checks); the default loader is there all the same.
  const importModuleDynamically = constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  const script = new Script(Module.wrap(readFileSync(filename, 'utf8')), {
    filename,
    cachedData,
    importModuleDynamically,
  });
  const module = { exports: {} as Program };
  const require = createRequire(filename);
  script.runInThisContext()(module.exports, require, module, filename, fileURLToPath(new URL('.', bundle)));
  if (cacheOut) process.once('exit', () => writeFileSync(cacheOut, script.createCachedData()));
  else if (!bundledFits && (cachedData === undefined || script.cachedDataRejected)) {
    process.once('exit', () => keepCache(ownDir, name, script.createCachedData()));
  }
  await module.exports.start();
}
