/**
 * The record of done and skipped blocks, kept beside the plan as `<plan>.progress.jsonl`:
 * one JSON object a line, `{ "key", "status", "at" }`; the last line for a key wins.
 */
import { appendFileSync, existsSync, truncateSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { UserError } from '../errors.js';
import type { ProgressStatus } from '../planner/adherence.js';
import { fileSystemError } from './fs-errors.js';
import { readRegularFile } from './read-file.js';
import { readRange } from './read-range.js';
import { resolveSymlinks, writableTarget } from './write-file.js';

/** Years of records are a few hundred kilobytes. */
const MAX_LOG_BYTES = 50 * 1024 * 1024;

export interface ProgressEntry {
  key: string;
  status: ProgressStatus;
  at: string;
  /** When the block started (ISO instant): a record counts only for a block that still starts then. Older records have none. */
  start?: string;
}

export function progressPath(planPath: string): string {
  // Beside the plan file itself, where its lock is: a plan reached through a symlink and by its
  // own name shares one record.
  const plan = resolveSymlinks(planPath);
  return join(dirname(plan), `${basename(plan, extname(plan))}.progress.jsonl`);
}

/** A last line without its newline that is no record: a write cut short (a crash, a full disk). */
function isCutLast(text: string, line: string, index: number, count: number): boolean {
  if (index !== count - 1 || text.endsWith('\n')) return false;
  try {
    JSON.parse(line);
    return false;
  } catch {
    return true;
  }
}

export interface Progress {
  entries: ProgressEntry[];
  byKey: Map<string, ProgressStatus>;
  /** One line each, for stderr: a cut last line that was ignored. */
  warnings: string[];
}

/**
 * Reads the log. A last line cut off by an interrupted write (no newline, not JSON) is ignored
 * with a warning, and the next append removes it; any other line that is not a record is an
 * error naming its line.
 */
export function readProgress(planPath: string): Progress {
  const path = progressPath(planPath);
  const entries: ProgressEntry[] = [];
  const warnings: string[] = [];
  if (existsSync(path)) {
    const text = readRegularFile(path, {
      what: 'progress log',
      maxBytes: MAX_LOG_BYTES,
      missingHint: 'run the command again',
    }).toString('utf8');
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      if (isCutLast(text, line, i, lines.length)) {
        warnings.push(
          `warning: ${basename(path)}:${i + 1}: the last line is cut off (a write was interrupted); it is ignored`,
        );
        return;
      }
      try {
        const e = JSON.parse(line) as ProgressEntry;
        if (typeof e.key !== 'string' || (e.status !== 'done' && e.status !== 'skipped')) {
          throw new Error('missing key or status');
        }
        if (e.start !== undefined && (typeof e.start !== 'string' || Number.isNaN(Date.parse(e.start)))) {
          throw new Error('start is not a time');
        }
        entries.push(e);
      } catch (error) {
        throw new UserError(`${basename(path)}:${i + 1}: not a progress record (${(error as Error).message})`, {
          hint: 'fix or delete that line',
        });
      }
    });
  }
  return { entries, byKey: new Map(entries.map((e) => [e.key, e.status])), warnings };
}

/** How far back from the end a cut last line is looked for (a record is about 100 bytes). */
const TAIL_BYTES = 64 * 1024;

/**
 * Appends records with one write to a file opened for appending: earlier records are never
 * rewritten, and the file keeps its mode, owner and symlinks. Callers hold the plan's lock
 * (withPlanLock), so records of concurrent commands cannot interleave. A cut last line (see
 * readProgress) is cut away first, so it never ends up in the middle of the log; a last line
 * that is a whole record without its newline is kept, and the new records start on a fresh line.
 */
export async function appendProgress(planPath: string, added: readonly ProgressEntry[]): Promise<void> {
  const path = progressPath(planPath);
  const { target, existing } = writableTarget(path);
  let text = added.map((e) => `${JSON.stringify(e)}\n`).join('');
  try {
    if (existing && existing.size > 0 && readRange(target, existing.size - 1, 1)[0] !== 0x0a) {
      const from = Math.max(0, existing.size - TAIL_BYTES);
      const tail = readRange(target, from, existing.size - from);
      const newline = tail.lastIndexOf(0x0a);
      const last = tail.subarray(newline + 1).toString('utf8');
      const lineStart = from + newline + 1;
      if ((newline >= 0 || from === 0) && isCutLast(last, last, 0, 1)) truncateSync(target, lineStart);
      else text = `\n${text}`;
    }
    appendFileSync(target, text, { mode: 0o666 });
  } catch (error) {
    throw fileSystemError(error, path, 'write');
  }
}
