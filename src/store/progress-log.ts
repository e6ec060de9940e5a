/**
 * The record of done and skipped blocks, kept beside the plan as `<plan>.progress.jsonl`:
 * one JSON object a line, `{ "key", "status", "at" }`; the last line for a key wins.
 */
import { appendFileSync, existsSync } from 'node:fs';
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
}

export function progressPath(planPath: string): string {
  // Beside the plan file itself, where its lock is: a plan reached through a symlink and by its
  // own name shares one record.
  const plan = resolveSymlinks(planPath);
  return join(dirname(plan), `${basename(plan, extname(plan))}.progress.jsonl`);
}

export function readProgress(planPath: string): { entries: ProgressEntry[]; byKey: Map<string, ProgressStatus> } {
  const path = progressPath(planPath);
  const entries: ProgressEntry[] = [];
  if (existsSync(path)) {
    readRegularFile(path, { what: 'progress log', maxBytes: MAX_LOG_BYTES, missingHint: 'run the command again' })
      .toString('utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        try {
          const e = JSON.parse(line) as ProgressEntry;
          if (typeof e.key === 'string' && (e.status === 'done' || e.status === 'skipped')) entries.push(e);
          else throw new Error('missing key or status');
        } catch (error) {
          throw new UserError(`${basename(path)}:${i + 1}: not a progress record (${(error as Error).message})`, {
            hint: 'fix or delete that line',
          });
        }
      });
  }
  return { entries, byKey: new Map(entries.map((e) => [e.key, e.status])) };
}

/**
 * Appends records with one write to a file opened for appending: earlier records are never
 * rewritten, and the file keeps its mode, owner and symlinks. Callers hold the plan's lock
 * (withPlanLock), so records of concurrent commands cannot interleave.
 */
export async function appendProgress(planPath: string, added: readonly ProgressEntry[]): Promise<void> {
  const path = progressPath(planPath);
  const { target, existing } = writableTarget(path);
  let text = added.map((e) => `${JSON.stringify(e)}\n`).join('');
  try {
    // A log whose last line was cut (an older version killed mid-write) must not swallow the new record.
    if (existing && existing.size > 0) {
      if (readRange(target, existing.size - 1, 1)[0] !== 0x0a) text = `\n${text}`;
    }
    appendFileSync(target, text, { mode: 0o666 });
  } catch (error) {
    throw fileSystemError(error, path, 'write');
  }
}
