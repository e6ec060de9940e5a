/**
 * Loads the program (dist/mls.cjs, or the part of it that holds the command: see bundleFor)
 * with a V8 code cache, so that a run deserializes compiled code instead of parsing and
 * compiling the bundle again. These are the only start-up techniques outside the bundle;
 * docs/ARCHITECTURE.md has their measured worth.
 *
 * - Node >= 22.1 has `module.enableCompileCache()`: the runtime's own, checksummed cache
 *   is used, kept in the user cache folder.
 * - Node 20 has none, so the bundle is compiled as a vm.Script, the way Node's CommonJS
 *   loader compiles a module, with `cachedData` from the user cache folder
 *   (~/.cache/mls/v8-<version>/<command>-<build>.v8). A cache holds what one command's run
 *   compiled, so each command has its own; it is made at the end of that command's first
 *   run and fits only the V8 and the bundle that made it.
 *
 * A cache is an optimisation and must never crash or hang a run: V8 does not verify the
 * data it is given (flipped bytes crash the process), so every file carries a header with
 * its length and CRC-32, checked before V8 sees it; anything that is not a regular file
 * (a FIFO would block a read) is ignored; failures to read or write are silent.
 * MLS_CODE_CACHE=off runs without any cache (for measuring it).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';
import { userCacheDir } from './store/paths.js';
import { readCacheFile } from './store/read-cache-file.js';

/** Set by scripts/build.mjs: a hash of dist/mls.cjs, so a cache never outlives its bundle. */
declare const __MLS_BUILD_ID__: string;

/** A part of the program bundled on its own (scripts/build.mjs PARTS): the runs it serves, and its hash. */
interface Part {
  id: string;
  commands: string[];
  /** For a command group: the subcommands it holds (the others run from mls.cjs). */
  subcommands?: string[];
}
/** Set by scripts/build.mjs. */
declare const __MLS_PARTS__: Record<string, Part>;

interface Program {
  start(): Promise<void>;
}

const COMMANDS_WITH_CACHE = new Set(['find', 'show', 'check', 'careers', 'plan', 'data']);
const GROUPS = new Set(['plan', 'data']);

/**
 * Which cache a run uses: one per command, per subcommand of `plan` and `data`, and for
 * `find`/`show` with `--career` or `--dept`, which run different code (a cache made by
 * `plan example` would hold little of what `plan build` compiles, and an accepted cache is
 * never made again).
 */
export function cacheName(argv: readonly string[]): string {
  const command = argv[2] ?? '';
  if (!COMMANDS_WITH_CACHE.has(command)) return 'help';
  const sub = argv[3] ?? '';
  if (GROUPS.has(command)) return /^[a-z]+$/.test(sub) ? `${command}-${sub}` : command;
  // Department ranking runs its own code (evidence, scores): ~4 ms a run when its cache lacks it.
  const departments = argv.some((a) => /^--(career|dept)(=|$)/.test(a));
  return departments && (command === 'find' || command === 'show') ? `${command}-departments` : command;
}
/**
 * The bundle that runs `argv`: dist/<name>.cjs and its hash. A part holds only some commands
 * (scripts/build.mjs); `find`, `check` and the daily plan commands load ~4-5 ms faster from one.
 * Anything else (help, a typo, `plan import`, `data`) runs from the whole program, mls.cjs.
 */
export function bundleFor(
  argv: readonly string[],
  parts: Record<string, Part> = __MLS_PARTS__,
  wholeId: string = __MLS_BUILD_ID__,
): { name: string; id: string } {
  const [command = '', sub = ''] = argv.slice(2);
  for (const [name, part] of Object.entries(parts)) {
    if (part.commands.includes(command) && (!part.subcommands || part.subcommands.includes(sub))) {
      return { name, id: part.id };
    }
  }
  return { name: 'mls', id: wholeId };
}

const MAGIC = 0x4d4c5331; // "MLS1"
const HEADER = 12; // magic, payload length, CRC-32 of the payload (each uint32 big-endian)
const MAX_CACHE = 64 * 1024 * 1024;

/** The payload of a cache file whose header checks out; undefined for anything else. */
export function readVerifiedCache(path: string): Buffer | undefined {
  const data = readCacheFile(path, MAX_CACHE);
  if (data === undefined || data.length < HEADER) return undefined;
  const payload = data.subarray(HEADER);
  const ok =
    data.readUInt32BE(0) === MAGIC &&
    data.readUInt32BE(4) === payload.length &&
    data.readUInt32BE(8) === crc32(payload) >>> 0;
  return ok ? payload : undefined;
}

/** A cache file's bytes: the header, then V8's data. */
export function cacheFileBytes(payload: Buffer): Buffer {
  const header = Buffer.alloc(HEADER);
  header.writeUInt32BE(MAGIC, 0);
  header.writeUInt32BE(payload.length, 4);
  header.writeUInt32BE(crc32(payload) >>> 0, 8);
  return Buffer.concat([header, payload]);
}

/** Writes this run's cache (temp file + rename), replacing the command's caches of other builds. Never fails the run. */
function keepCache(dir: string, name: string, file: string, payload: Buffer): void {
  try {
    mkdirSync(dir, { recursive: true });
    // Only this cache's older builds: `plan-<hash>.v8`, never `plan-build-<hash>.v8`.
    const sameCache = new RegExp(`^${name}-[0-9a-f]{16}\\.v8$`);
    for (const old of readdirSync(dir)) {
      if (sameCache.test(old) && join(dir, old) !== file) rmSync(join(dir, old), { force: true });
    }
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, cacheFileBytes(payload), { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    // A read-only or full home only means the next run compiles again.
  }
}

export async function start(): Promise<void> {
  const bundle = bundleFor(process.argv);
  const filename = fileURLToPath(new URL(`./${bundle.name}.cjs`, import.meta.url));
  const require = createRequire(filename);
  const off = process.env.MLS_CODE_CACHE === 'off';
  const enableCompileCache = (Module as { enableCompileCache?: (dir?: string) => unknown }).enableCompileCache;
  if (off || typeof enableCompileCache === 'function') {
    if (!off) {
      try {
        enableCompileCache?.(join(userCacheDir(process.env), 'compile'));
      } catch {
        // Without a cache the program only compiles as usual.
      }
    }
    await (require(filename) as Program).start();
    return;
  }
  const name = cacheName(process.argv);
  const dir = join(userCacheDir(process.env), `v8-${process.versions.v8}`);
  const file = join(dir, `${name}-${bundle.id}.v8`);
  const cachedData = readVerifiedCache(file);
  const script = new Script(Module.wrap(readFileSync(filename, 'utf8')), { filename, cachedData });
  const module = { exports: {} as Program };
  script.runInThisContext()(module.exports, require, module, filename, fileURLToPath(new URL('.', import.meta.url)));
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once('exit', () => keepCache(dir, name, file, script.createCachedData()));
  }
  await module.exports.start();
}
