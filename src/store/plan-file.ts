import { basename } from 'node:path';
import { type LoadedPlan, parsePlan } from '../formats/plan-file.js';
import { decodeUtf8 } from '../formats/utf8.js';
import { MAX_PLAN_BYTES } from '../schema/plan.js';
import { readRegularFile } from './read-file.js';

export type { LoadedPlan } from '../formats/plan-file.js';

/** The plan file's text: a regular file, at most MAX_PLAN_BYTES, UTF-8 (else a UserError naming the problem). */
export function readPlanText(path: string): string {
  const bytes = readRegularFile(path, {
    what: 'plan file',
    maxBytes: MAX_PLAN_BYTES,
    missingHint: 'create one with `mls plan example -o plan.yaml`',
  });
  return decodeUtf8(bytes, basename(path));
}

export async function readPlan(path: string, defaultZone: string | (() => string)): Promise<LoadedPlan> {
  return parsePlan(readPlanText(path), basename(path), defaultZone);
}
