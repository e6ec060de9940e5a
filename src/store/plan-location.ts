/** Where the plan is when a command is not told: `$MLS_PLAN`, else `plan.yaml` in the current folder. */
import { statSync } from 'node:fs';

export const DEFAULT_PLAN_FILE = 'plan.yaml';

export function defaultPlanPath(env: NodeJS.ProcessEnv): { path: string; from: 'MLS_PLAN' | 'folder' } {
  const fromEnv = env.MLS_PLAN?.trim();
  return fromEnv ? { path: fromEnv, from: 'MLS_PLAN' } : { path: DEFAULT_PLAN_FILE, from: 'folder' };
}

/** Whether `path` exists and is a regular file (following symlinks). */
export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
