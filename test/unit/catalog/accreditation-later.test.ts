import { describe, expect, it } from 'vitest';
import { monthYear } from '../../../src/catalog/accreditation.js';
import { verdictFor } from '../../helpers/verdicts.js';

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
