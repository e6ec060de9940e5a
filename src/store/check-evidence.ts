/** The newer evidence `mls check` joins to DAPIP: IPEDS HD (active copy) and the partial DAPIP actions file. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HdTable, IPEDS_HD_FILE } from '../catalog/ipeds-hd.js';
import { RECENT_ACTIONS_FILE } from '../catalog/recent-actions.js';
import type { Manifest } from '../schema/datasets.js';
import { readBundledJson } from './bundled.js';
import { activeCopy } from './datasets.js';
import { verifyText } from './integrity.js';
import { bundledDataDir } from './paths.js';

/** The active IPEDS HD table: the user's `mls data import ipeds-hd` copy, else the bundled HD2024. */
export function loadHdTable(env: NodeJS.ProcessEnv): { table: HdTable; origin: 'bundled' | 'imported' } {
  const copy = activeCopy('ipeds-hd', IPEDS_HD_FILE, env);
  const text = readFileSync(join(copy.path, IPEDS_HD_FILE), 'utf8');
  verifyText(copy.path, IPEDS_HD_FILE, text, copy.integrity, 'ipeds-hd');
  return { table: new HdTable(text), origin: copy.origin };
}

/** The bundled DAPIP actions 2019-2026 (partial) as text, and the date it was read. */
export function loadRecentActions(): { text: string; asOf: string } {
  const asOf = readBundledJson<Manifest>('manifest.json').datasets.find((d) => d.file === RECENT_ACTIONS_FILE)?.asOf;
  return { text: readFileSync(join(bundledDataDir(), RECENT_ACTIONS_FILE), 'utf8'), asOf: asOf ?? 'unknown' };
}
