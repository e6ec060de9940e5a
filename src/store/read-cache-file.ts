import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/**
 * A cache file's bytes, or undefined for anything else: missing, unreadable, larger than
 * `maxBytes`, or not a regular file (opened without blocking, so a FIFO is never waited on).
 * Caches are optimisations: reading one never fails or hangs a run.
 */
export function readCacheFile(path: string, maxBytes: number): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    const data = Buffer.alloc(stat.size);
    return readSync(fd, data, 0, stat.size, 0) === stat.size ? data : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
