import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accreditationVerdict } from '../../src/catalog/accreditation.js';
import { HdTable } from '../../src/catalog/ipeds-hd.js';
import { recentActionsOf } from '../../src/catalog/recent-actions.js';
import type { Program } from '../../src/schema/datasets.js';
import { DapipStore } from '../../src/store/dapip.js';
import { ROOT } from './run-mls.js';

const store = new DapipStore(join(ROOT, 'data'));
const hd = new HdTable(readFileSync(join(ROOT, 'data', 'ipeds-hd.tsv'), 'utf8'));
const actions = readFileSync(join(ROOT, 'data', 'dapip-actions-recent.tsv'), 'utf8');
const now = new Date('2026-11-27T12:00:00Z');

/** The verdict for a bundled institution by OPEID, with the newer evidence joined as `mls check` does. */
export function verdictFor(opeId: string, programs: Program[] = []) {
  const index = store.index();
  const line = index
    .linesWithField(opeId)
    .find((i) => index.entry(i).opeId === opeId && index.entry(i).parent === null);
  const entry = index.entry(line ?? -1);
  const record = entry.unitIds.map((u) => hd.get(u)).find((r) => r !== null) ?? null;
  return accreditationVerdict({
    institution: { ...entry, dapipId: entry.id, matchedLocation: null },
    country: 'United States',
    details: store.details(entry),
    agencies: store.meta().agencies,
    programs,
    dapipAsOf: '2020-11-02',
    alaAsOf: '2026-02',
    now,
    later: {
      ipeds: { year: '2024-25', record, successor: record?.mergedInto ? hd.get(record.mergedInto) : null },
      actions: { asOf: '2026-05-13', list: recentActionsOf(actions, entry.id) },
    },
  });
}
