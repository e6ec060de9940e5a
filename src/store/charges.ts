/**
 * Graduate charges the user imported with `mls data import ipeds-charges` (a newer IC_AY
 * or COST1 file): UNITID -> charges. Absent or unreadable = the bundled 2022-23 figures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraduateCost } from '../schema/datasets.js';
import { importedDir } from './imported.js';

export const CHARGES_DATASET = 'ipeds-charges';
export const CHARGES_FILE = 'ipeds-charges.json';

export function importedCharges(env: NodeJS.ProcessEnv): Record<string, GraduateCost> | null {
  const path = join(importedDir(CHARGES_DATASET, env), CHARGES_FILE);
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, GraduateCost>;
  } catch {
    // A damaged imported copy is ignored: the bundled figures are still right for their year.
    return null;
  }
}
