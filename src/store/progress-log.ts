/**
 * The record of done and skipped blocks, kept beside the plan as `<plan>.progress.jsonl`:
 * one JSON object a line, `{ "key", "status", "at" }`; the last line for a key wins.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { UserError } from '../errors.js';
import type { ProgressStatus } from '../planner/adherence.js';
import { writeFileAtomic } from './write-file.js';

export interface ProgressEntry {
  key: string;
  status: ProgressStatus;
  at: string;
}

export function progressPath(planPath: string): string {
  return join(dirname(planPath), `${basename(planPath, extname(planPath))}.progress.jsonl`);
}

export function readProgress(planPath: string): { entries: ProgressEntry[]; byKey: Map<string, ProgressStatus> } {
  const path = progressPath(planPath);
  const entries: ProgressEntry[] = [];
  if (existsSync(path)) {
    readFileSync(path, 'utf8')
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

export async function appendProgress(planPath: string, added: readonly ProgressEntry[]): Promise<void> {
  const { entries } = readProgress(planPath);
  const all = [...entries, ...added];
  await writeFileAtomic(progressPath(planPath), `${all.map((e) => JSON.stringify(e)).join('\n')}\n`);
}
