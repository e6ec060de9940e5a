import { describe, expect, it } from 'vitest';
import { HdTable, hdStatus, inTitleIV, parseHdLine } from '../../../src/catalog/ipeds-hd.js';
import { recentActionsOf } from '../../../src/catalog/recent-actions.js';
import { hdDate, hdYearFromName, splitAliases } from '../../../src/formats/ipeds-hd.js';

describe('IPEDS HD fields', () => {
  it.each([
    ['7/31/2024', '2024-07-31'],
    ['12/3/2024', '2024-12-03'],
    ['-2', null],
    ['', null],
    ['2024', '2024'],
  ])('CLOSEDAT %j -> %j', (raw, iso) => expect(hdDate(raw)).toBe(iso));

  it.each([
    ['UW-Seattle, UDub, UW, Washington', ['UW-Seattle', 'UDub', 'UW', 'Washington']],
    ['The University of Arizona | UArizona | U of A', ['The University of Arizona', 'UArizona', 'U of A']],
    ['Regis/Regis College/RU', ['Regis', 'Regis College', 'RU']],
    ['UT Southwestern  UTSW Medical School', ['UT Southwestern', 'UTSW Medical School']],
    ['A, 12, AA, AA', ['AA']],
    ['', []],
  ])('IALIAS %j -> %j', (raw, aliases) => expect(splitAliases(raw)).toEqual(aliases));

  it.each([
    ['hd2024.csv', '2024-25'],
    ['/tmp/HD2023.csv', '2023-24'],
    ['directory.csv', null],
  ])('year of %s -> %s', (name, year) => expect(hdYearFromName(name)).toBe(year));
});

// Lines as the data build writes them, from real HD2024 rows (reference/doe/ipeds/hd2024.csv).
const TABLE = [
  '#year\t2024-25',
  'unitid\topeid\tname\taliases\tact\tclosed\tnewid\topeflag\tweb\tcity\tstate',
  '100937\t00101200\tBirmingham-Southern College\tBSC\tD\t2024-07-31\t\t5\twww.bsc.edu/\tBirmingham\tAL',
  '131098\t00143300\tWesley College\t\tC\t\t130934\t5\t\tDover\tDE',
  '166027\t00215500\tHarvard University\t\tA\t\t\t1\twww.harvard.edu/\tCambridge\tMA',
].join('\n');

describe('HdTable', () => {
  const table = new HdTable(`${TABLE}\n`);
  it.each([
    ['100937', 'closed', false],
    ['131098', 'merged', false],
    ['166027', 'open', true],
    ['999999', 'not-in-file', null],
  ])('UNITID %s is %s (Title IV: %s)', (unitId, status, titleIV) => {
    const r = table.get(unitId);
    expect(hdStatus(r)).toBe(status);
    expect(inTitleIV(r)).toBe(titleIV);
  });
  it('reads the year and every record', () => {
    expect(table.year()).toBe('2024-25');
    expect(table.all().map((r) => r.unitId)).toEqual(['100937', '131098', '166027']);
    expect(parseHdLine(TABLE.split('\n')[2] ?? '').aliases).toEqual(['BSC']);
  });
});

describe('recent DAPIP actions', () => {
  const text = [
    'dapipid\tdate\tagency\taccreditor\tcode\tdescription\tstatus\treason',
    '101028\t2022-01-01\t4\tHLC\tHM\tHeightened Monitoring\tactive\t',
    '101037\t2023-08-01\t4\tHigher Learning Commission\tR\tLoss of Accreditation or Preaccreditation: Voluntary Withdrawal\tactive\tVoluntarily Surrendered Accreditation',
    '1010370\t2024-01-01\t4\tHLC\tHM\tHeightened Monitoring\tactive\t',
    '',
  ].join('\n');
  it.each([
    ['101037', ['2023-08-01 R']],
    ['101028', ['2022-01-01 HM']],
    ['101019', []],
  ])('of DAPIP %s', (id, expected) => {
    expect(recentActionsOf(text, id).map((a) => `${a.date} ${a.code}`)).toEqual(expected);
  });
});
