/**
 * Reading a file a user named (a plan, an LMS feed): only a regular file is opened, so a
 * FIFO cannot hang the run and a device such as /dev/zero is never read to the end; a
 * file over `maxBytes` is refused before it is read.
 */
import { readFileSync, type Stats, statSync } from 'node:fs';
import { ExitCode, UserError } from '../errors.js';
import { fileSystemError } from './fs-errors.js';
import { specialKind } from './write-file.js';

export interface ReadOptions {
  /** What the file is, for messages: "plan file", "calendar feed". */
  what: string;
  maxBytes: number;
  /** How to fix a missing file. */
  missingHint: string;
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

export function readRegularFile(path: string, { what, maxBytes, missingHint }: ReadOptions): Buffer {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UserError(`${what} ${path} not found`, { hint: missingHint });
    }
    throw fileSystemError(error, path, 'read');
  }
  const kind = specialKind(stats);
  if (kind) {
    throw new UserError(`${what} ${path} is ${kind}, not a regular file`, {
      exitCode: ExitCode.usage,
      hint: `give the path of the ${what} itself`,
    });
  }
  if (stats.size > maxBytes) {
    throw new UserError(`${what} ${path} is ${megabytes(stats.size)}; the limit is ${megabytes(maxBytes)}`, {
      exitCode: ExitCode.usage,
      hint: `check that ${path} is the ${what} you meant`,
    });
  }
  try {
    return readFileSync(path);
  } catch (error) {
    throw fileSystemError(error, path, 'read');
  }
}

/** An LMS feed: a term's calendar is well under a megabyte; a whole program's, a few. */
const MAX_FEED_BYTES = 50 * 1024 * 1024;

/** An LMS feed's bytes: its encoding (UTF-8, UTF-16, Latin-1) is the feed reader's to find out. */
export function readFeedBytes(path: string): Buffer {
  return readRegularFile(path, {
    what: 'calendar feed',
    maxBytes: MAX_FEED_BYTES,
    missingHint: 'export the calendar feed (.ics) from your LMS first',
  });
}
