/** The newer evidence `mls check` joins to DAPIP: IPEDS HD (active copy) and the partial DAPIP actions file. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type HdRecord, HdTable, IPEDS_HD_FILE, parseHdLine } from '../catalog/ipeds-hd.js';
import { parseRecentActionLine, RECENT_ACTIONS_FILE, type RecentAction } from '../catalog/recent-actions.js';
import type { Manifest } from '../schema/datasets.js';
import { readBundledJson } from './bundled.js';
import { activeCopy } from './datasets.js';
import { verifyText } from './integrity.js';
import { bundledDataDir } from './paths.js';
import { firstLine, linesWithKey } from './sorted-lines.js';

export interface HdLookup {
  year: string | null;
  get(unitId: string): HdRecord | null;
  origin: 'bundled' | 'imported';
}

/** The whole active IPEDS HD table (imported copies are read whole, to verify their checksum). */
export function loadHdTable(env: NodeJS.ProcessEnv): { table: HdTable; origin: 'bundled' | 'imported' } {
  const copy = activeCopy('ipeds-hd', IPEDS_HD_FILE, env);
  const text = readFileSync(join(copy.path, IPEDS_HD_FILE), 'utf8');
  verifyText(copy.path, IPEDS_HD_FILE, text, copy.integrity, 'ipeds-hd');
  return { table: new HdTable(text), origin: copy.origin };
}

/** Look-ups in the active HD: the bundled file by binary search, an imported one whole (verified). */
export function hdLookup(env: NodeJS.ProcessEnv): HdLookup {
  const copy = activeCopy('ipeds-hd', IPEDS_HD_FILE, env);
  if (copy.origin === 'imported') {
    const { table } = loadHdTable(env);
    return { year: table.year(), get: (u) => table.get(u), origin: 'imported' };
  }
  const path = join(copy.path, IPEDS_HD_FILE);
  const year = /^#year\t(.+)$/.exec(firstLine(path))?.[1] ?? null;
  return {
    year,
    get: (u) => {
      const line = linesWithKey(path, u)[0];
      return line ? parseHdLine(line) : null;
    },
    origin: 'bundled',
  };
}

/** The bundled DAPIP actions 2019-2026 (partial) of one institution, and the date the file was read. */
export function recentActionsFor(dapipId: string): { asOf: string; list: RecentAction[] } {
  const asOf = readBundledJson<Manifest>('manifest.json').datasets.find((d) => d.file === RECENT_ACTIONS_FILE)?.asOf;
  const list = linesWithKey(join(bundledDataDir(), RECENT_ACTIONS_FILE), dapipId).map(parseRecentActionLine);
  return { asOf: asOf ?? 'unknown', list };
}
