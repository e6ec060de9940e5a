import { basename } from 'node:path';
import type { LoadedPlan } from '../formats/plan-file.js';
import { decodeUtf8 } from '../formats/utf8.js';
import { MAX_PLAN_BYTES } from '../schema/plan-limits.js';
import { cachedPlan, keepPlan } from './plan-cache.js';
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

/**
 * Reads and checks the plan at `path`. Given `env`, a plan unchanged since the last run comes
 * from the plan cache (store/plan-cache.ts) and a newly read one is kept there; the YAML parser
 * and the schema are loaded only when the plan is parsed.
 */
export async function readPlan(
  path: string,
  defaultZone: string | (() => string),
  env?: NodeJS.ProcessEnv,
): Promise<LoadedPlan> {
  const text = readPlanText(path);
  let zone: string | undefined;
  const hostZone = () => {
    zone ??= typeof defaultZone === 'function' ? defaultZone() : defaultZone;
    return zone;
  };
  const cached = env ? cachedPlan(path, text, hostZone, env) : null;
  if (cached) return cached;
  const { parsePlan } = await import('../formats/plan-file.js');
  const loaded = await parsePlan(text, basename(path), hostZone);
  if (env) await keepPlan(path, loaded, loaded.file.timezone === undefined ? hostZone() : null, env);
  return loaded;
}
