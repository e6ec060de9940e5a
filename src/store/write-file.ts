/**
 * The one guarded write path for every file mls writes (docs/files.md):
 * - a symlink is followed and its final target written (the link stays a link);
 * - only a regular file is ever replaced: a device, FIFO, socket or folder is refused
 *   without being opened, whatever `--force` says (`-o -` writes to stdout instead);
 * - the content goes to a temporary file beside the target, which takes the target's mode
 *   (and owner, where the process may set it), then is renamed over it: readers see the old
 *   file or the new one, never half of it;
 * - temporary files left by a killed run (`.NAME.<hex>.tmp`, older than a minute) are removed.
 * Synchronous underneath (a command waits for its file anyway, and the promise API wrote a
 * 600 KB calendar in chunks over several event-loop turns).
 */
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ExitCode, UserError } from '../errors.js';
import { fileSystemError } from './fs-errors.js';

/** A temporary file untouched for this long belongs to a run that was killed. */
export const STALE_TEMP_MS = 60_000;

const TEMP_NAME = /^\.(.+)\.[0-9a-f]{12}\.tmp$/;

/** What a non-regular file is, in words, or null for a regular file. */
export function specialKind(stats: Stats): string | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return 'a folder';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The file a write to `path` lands in: the end of its chain of symlinks (which may not exist yet). */
export function resolveSymlinks(path: string): string {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops += 1) {
    let stats: Stats;
    try {
      stats = lstatSync(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return current;
      throw fileSystemError(error, path, 'write');
    }
    if (!stats.isSymbolicLink()) return current;
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw new UserError(`${path}: too many symbolic links`, {
    exitCode: ExitCode.ioError,
    hint: 'check where the links point',
  });
}

export interface WriteTarget {
  /** The real file written (symlinks resolved). */
  target: string;
  /** Its current state, or null when it does not exist yet. */
  existing: Stats | null;
}

/**
 * Where `path` would be written, refusing anything that is not a regular file. Never opens
 * the file, so a FIFO cannot block and a device is not touched. No option overrides this.
 */
export function writableTarget(path: string): WriteTarget {
  const target = resolveSymlinks(path);
  let existing: Stats | null = null;
  try {
    existing = statSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw fileSystemError(error, path, 'write');
  }
  const kind = existing && specialKind(existing);
  if (kind) {
    throw new UserError(`${path} is ${kind}, not a regular file; mls writes only regular files`, {
      exitCode: ExitCode.usage,
      hint:
        kind === 'a folder'
          ? `give a file name, e.g. ${join(path, 'study.ics')}`
          : 'give the name of a regular file (or `-o -` to print to standard output)',
    });
  }
  return { target, existing };
}

/** Removes `.NAME.<hex>.tmp` files beside `target` left by runs killed more than STALE_TEMP_MS ago. */
export function removeStaleTemps(target: string, now = Date.now()): string[] {
  const dir = dirname(target);
  const name = basename(target);
  const removed: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const entry of entries) {
    if (TEMP_NAME.exec(entry)?.[1] !== name) continue;
    const path = join(dir, entry);
    try {
      const stats = lstatSync(path);
      if (stats.isFile() && now - stats.mtimeMs > STALE_TEMP_MS) {
        rmSync(path, { force: true });
        removed.push(path);
      }
    } catch {
      // Another run removed it first, or it cannot be removed: neither matters here.
    }
  }
  return removed;
}

function keepOwnerAndMode(temp: string, existing: Stats): void {
  chmodSync(temp, existing.mode & 0o7777);
  if (typeof process.getuid === 'function') {
    try {
      chownSync(temp, existing.uid, existing.gid);
    } catch {
      // Only root may give a file away; an ordinary user keeps the file as theirs.
    }
  }
}

/** Writes `content` to `path` through the guarded path described above. */
export async function writeFileAtomic(
  path: string,
  content: string | Uint8Array,
  /** The mode of a file made new (an existing file keeps its own); umask applies. */
  newFileMode = 0o666,
): Promise<void> {
  const { target, existing } = writableTarget(path);
  const dir = dirname(target);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw fileSystemError(error, dir, 'create');
  }
  removeStaleTemps(target);
  const temp = join(dir, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, content, { flag: 'wx', mode: existing ? existing.mode & 0o777 : newFileMode });
    if (existing) keepOwnerAndMode(temp, existing);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw fileSystemError(error, path, 'write');
  }
}
