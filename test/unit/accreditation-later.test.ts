import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accreditationVerdict, monthYear } from '../../src/catalog/accreditation.js';
import { HdTable } from '../../src/catalog/ipeds-hd.js';
import { recentActionsOf } from '../../src/catalog/recent-actions.js';
import { DapipStore } from '../../src/store/dapip.js';
import { ROOT } from '../helpers/run-mls.js';

const store = new DapipStore(join(ROOT, 'data'));
const hd = new HdTable(readFileSync(join(ROOT, 'data', 'ipeds-hd.tsv'), 'utf8'));
const actions = readFileSync(join(ROOT, 'data', 'dapip-actions-recent.tsv'), 'utf8');
const now = new Date('2026-11-27T12:00:00Z');

/** The verdict for a bundled institution by OPEID, with the newer evidence joined as `mls check` does. */
function verdictFor(opeId: string) {
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
    programs: [],
    dapipAsOf: '2020-11-02',
    alaAsOf: '2026-02',
    now,
    later: {
      ipeds: { year: '2024-25', record, successor: record?.mergedInto ? hd.get(record.mergedInto) : null },
      actions: { asOf: '2026-05-13', list: recentActionsOf(actions, entry.id) },
    },
  });
}

describe('verdicts with the newer evidence', () => {
  it.each([
    ['2020-11-02', 'November 2020'],
    ['2024-07-31', 'July 2024'],
    ['2024', '2024'],
  ])('monthYear(%s) -> %s', (date, text) => expect(monthYear(date)).toBe(text));

  it.each([
    ['00101200', 'closed', 'IPEDS 2024-25 shows the institution closed on 2024-07-31'],
    ['00143300', 'merged', 'IPEDS 2024-25 shows it merged into Delaware State University'],
    ['00215500', 'accredited', 'IPEDS 2024-25 shows the institution open and in federal student aid'],
    ['00108300', 'accredited', 'DAPIP records 1 later action (listed above)'],
  ])('OPEID %s: %s, and one staleness sentence saying "%s"', (opeId, outcome, phrase) => {
    const v = verdictFor(opeId);
    expect(v.outcome).toBe(outcome);
    expect(v.staleness).toContain(phrase);
    expect(v.staleness).toMatch(
      /^Accreditor as recorded by DAPIP in November 2020.*check the live DAPIP for changes since\.$/,
    );
    expect(v.warnings.join('\n')).not.toMatch(/next review was due|DAPIP data is as of/);
  });

  it('a later voluntary withdrawal ends that record; Title IV in 2024-25 keeps the institution accredited', () => {
    const v = verdictFor('00108300');
    expect(v.institutional[0]).toMatchObject({ endedLater: '2023-08-01', recognized: false });
    expect(v.laterActions[0]).toMatchObject({ agencyShort: 'HLC', voluntary: true });
    expect(v.overall).toContain('DAPIP records its withdrawal from HLC on 2023-08-01');
  });
});
