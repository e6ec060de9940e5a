import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { UserError } from '../errors.js';
import { type LoadedPlan, parsePlan } from '../formats/plan-file.js';

export type { LoadedPlan } from '../formats/plan-file.js';

export async function readPlan(path: string, defaultZone: string | (() => string)): Promise<LoadedPlan> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? `plan file ${path} not found` : `cannot read ${path} (${code})`, {
      hint: 'create one with `mls plan example -o plan.yaml`',
    });
  }
  return parsePlan(text, basename(path), defaultZone);
}
