/**
 * Loads the program (dist/mls.cjs, one esbuild bundle) with a V8 code cache made at
 * build time, so that a run deserializes compiled code instead of parsing and
 * compiling it again. Node 20 has no module compile cache (22 does), so the bundle is
 * compiled as a vm.Script, the way Node's CommonJS loader compiles a module.
 *
 * Each command has its own cache (dist/cache/<command>.v8; help.v8 for everything else), made by running that
 * command on sample input (scripts/build.mjs): a cache holds only the functions its
 * training run compiled, and deserializing one is cheaper than compiling, but not free.
 * A cache made by another V8 (another Node version) is rejected by V8 and the bundle is
 * compiled as usual; nothing else changes. MLS_CODE_CACHE_OUT=<file> writes the cache
 * of this run to <file> at exit (the build's training step).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { constants, Script } from 'node:vm';

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

export async function start(): Promise<void> {
  const bundle = new URL('./mls.cjs', import.meta.url);
  const command = process.argv[2] ?? '';
  const cacheOut = process.env.MLS_CODE_CACHE_OUT;
  // Any cache of this bundle is valid for any run: help, typos and the like use the help run's.
  const cacheName = COMMANDS_WITH_CACHE.has(command) ? command : 'help';
  const cachedData = cacheOut
    ? undefined
    : readCache(fileURLToPath(new URL(`./cache/${cacheName}.v8`, import.meta.url)));
  const filename = fileURLToPath(bundle);
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
  await module.exports.start();
}
