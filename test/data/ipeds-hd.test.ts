import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HdTable, hdStatus, IPEDS_HD_FILE } from '../../src/catalog/ipeds-hd.js';
import { RECENT_ACTIONS_FILE, recentActionsOf } from '../../src/catalog/recent-actions.js';
import { alaDataset, manifestSchema } from '../../src/schema/datasets.js';
import { DapipStore } from '../../src/store/dapip.js';
import { ROOT } from '../helpers/run-mls.js';

const data = (file: string) => readFileSync(join(ROOT, 'data', file), 'utf8');
const hd = new HdTable(data(IPEDS_HD_FILE));
const manifest = manifestSchema.parse(JSON.parse(data('manifest.json')));
const programs = alaDataset.parse(JSON.parse(data('ala-programs.json'))).programs;
const reference = join(ROOT, '..', 'shared', 'reference', 'doe', 'ipeds', 'hd2024.csv');

describe('bundled IPEDS HD2024', () => {
  it('has every HD2024 row, as the manifest says', () => {
    const count = manifest.datasets.find((d) => d.file === IPEDS_HD_FILE)?.recordCount;
    expect(hd.all()).toHaveLength(6072);
    expect(count).toBe(6072);
    expect(hd.year()).toBe('2024-25');
  });

  it.runIf(existsSync(reference))('counts match the source file', () => {
    const rows = readFileSync(reference, 'utf8').trimEnd().split('\n').length - 1;
    expect(hd.all()).toHaveLength(rows);
  });

  it('carries the examples of reference/doe README section 9', () => {
    expect(hd.get('100937')).toMatchObject({
      name: 'Birmingham-Southern College',
      closedOn: '2024-07-31',
      opeFlag: '5',
    });
    expect(hdStatus(hd.get('100937'))).toBe('closed');
    expect(hd.get('498571')).toMatchObject({ name: 'Pennsylvania Western University', opeId: '00331600' });
    expect(hd.get('151111')?.name).toBe('Indiana University-Indianapolis');
  });

  it('gives a web address for the ALA hosts it lists (UNITID -> web address, for program links)', () => {
    const hosts = programs.flatMap((p) => (p.doe ? [p.doe.unitId] : []));
    const missing = [...new Set(hosts)].filter((u) => !hd.get(u));
    // Clarion's UNITID left IPEDS when it merged into PennWest (2022).
    expect(missing).toEqual(['211644']);
    for (const u of hosts.filter((x) => x !== '211644')) expect(hd.get(u)?.web, u).toBeTruthy();
  });

  it('joins HD names into the DAPIP index (Simmons: none; IUPUI: its current name)', () => {
    const index = new DapipStore(join(ROOT, 'data')).index();
    const line = index.linesWithField('00181300').find((i) => index.entry(i).opeId === '00181300');
    expect(line).toBeDefined();
    expect(index.entry(line ?? 0).aliases).toContain('n:indiana university indianapolis');
  });
});

describe('bundled DAPIP actions 2019-2026 (partial)', () => {
  it('keeps only actions after the DAPIP download, with the count in the manifest', () => {
    const text = data(RECENT_ACTIONS_FILE);
    const rows = text.trimEnd().split('\n').slice(1);
    expect(manifest.datasets.find((d) => d.file === RECENT_ACTIONS_FILE)?.recordCount).toBe(rows.length);
    expect(rows.every((r) => (r.split('\t')[1] ?? '') > '2020-11-02')).toBe(true);
  });

  it('has the University of Arizona leaving the HLC on 2023-08-01', () => {
    expect(recentActionsOf(data(RECENT_ACTIONS_FILE), '101037')).toEqual([
      expect.objectContaining({ date: '2023-08-01', code: 'R', agency: '4' }),
    ]);
  });
});
