import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DapipIndex } from '../../../src/catalog/dapip-index.js';
import { UserError } from '../../../src/errors.js';
import { actionKind, buildDapipDataset, dapipDate, parseAddress } from '../../../src/formats/dapip-csv.js';
import { serializeDapip } from '../../../src/formats/dapip-files.js';
import { dapipDataset } from '../../../src/schema/datasets.js';
import { ROOT } from '../../helpers/run-mls.js';

const dir = join(ROOT, 'test', 'fixtures', 'dapip', 'official');
const read = (f: string) => readFileSync(join(dir, f), 'utf8');
const texts = {
  campus: read('InstitutionCampus.csv'),
  records: read('AccreditationRecords.csv'),
  actions: read('AccreditationActions.csv'),
};
const agencies = JSON.parse(readFileSync(join(ROOT, 'data', 'agencies.json'), 'utf8'));

function build(overrides: Partial<typeof texts> = {}) {
  return buildDapipDataset({ ...texts, ...overrides }, agencies, 'test');
}

function errorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('dapipDate', () => {
  it.each([
    ['2/28/1949 12:00:00 AM', '1949-02-28'],
    ['06/24/2022', '2022-06-24'],
    ['', null],
    ['2/30/2020 12:00:00 AM', null],
    ['1/1/8014 12:00:00 AM', null],
  ])('%s -> %s', (input, out) => {
    expect(dapipDate(input)).toBe(out);
  });
});

describe('parseAddress', () => {
  it('takes city and state from the end', () => {
    expect(parseAddress('1 Washington Sq, San Jose, CA 95192-0001')).toEqual({ city: 'San Jose', state: 'CA' });
    expect(parseAddress('somewhere')).toEqual({ city: null, state: null });
  });
});

describe('actionKind', () => {
  it.each([
    ['Probation or Equivalent or a More Severe Status: Probation', 'adverse'],
    ['Warning or Equivalent-Factors Affecting Academic Quality', 'adverse'],
    ['Loss of Accreditation or Preaccreditation: Other', 'loss'],
    ['Accreditation Reaffirmed: Probation Removed', 'cleared'],
    ['Renewal of Accreditation', null],
  ])('%s -> %s', (description, kind) => {
    expect(actionKind(description)).toBe(kind);
  });
});

describe('buildDapipDataset on the official format', () => {
  const dataset = build();

  it('produces a dataset that passes its schema', () => {
    expect(dapipDataset.safeParse(dataset).success).toBe(true);
  });

  it('keeps institutions, drops additional locations without ids, and dates the data by its last action', () => {
    expect(dataset.institutions.map((i) => i.id)).toEqual(['106397', '121150', '132116', '141893', '176840']);
    expect(dataset.meta.asOf).toBe('2020-10-13');
  });

  it('reads quoted fields, CRLF, comma-separated UNITIDs and "-" parents', () => {
    const jwu = dataset.institutions.find((i) => i.id === '141893');
    expect(jwu?.unitIds).toEqual(['217235', '460349']);
    expect(jwu?.parent).toBeNull();
    const sjsu = dataset.institutions.find((i) => i.id === '106397');
    expect(sjsu).toMatchObject({ opeId: '00115500', city: 'San Jose', state: 'CA' });
    expect(sjsu?.accreditation).toEqual([
      { agency: '10', status: 'Accredited', since: '1949-02-28', review: '2022-06-24', end: null },
    ]);
  });

  it('keeps adverse actions and their removal, with multi-line justifications intact', () => {
    const ca = dataset.institutions.find((i) => i.id === '176840');
    expect(ca?.actions.some((a) => a.kind === 'adverse' && a.date === '2020-07-21')).toBe(true);
  });

  it('round-trips through the on-disk store', () => {
    const files = serializeDapip(dataset);
    const index = new DapipIndex(files['dapip-index.tsv'] ?? '');
    expect(index.size).toBe(5);
    expect(index.canonicals()).toContain('san jose state university');
    const i = index.linesWithField('217235')[0] ?? -1;
    expect(index.entry(i).name).toBe('Johnson & Wales University');
  });
});

describe('buildDapipDataset on bad input', () => {
  it('names a missing column with file and line', () => {
    const error = errorOf(() => build({ campus: texts.campus.replace('LocationType', 'Kind') }));
    expect(error.message).toBe('InstitutionCampus.csv: missing column LocationType');
    expect(error.where).toBe('InstitutionCampus.csv:1');
  });

  it('rejects a file truncated inside a quoted field', () => {
    const error = errorOf(() => build({ records: texts.records.slice(0, texts.records.length - 40) }));
    expect(error.message).toMatch(/^AccreditationRecords\.csv: not a valid CSV file/);
    expect(error.hint).toContain('truncated');
  });

  it('rejects binary data', () => {
    const error = errorOf(() => build({ actions: 'PK\u0003\u0004\u0000\u0000garbage' }));
    expect(error.message).toBe('AccreditationActions.csv is not a CSV file (it contains binary data)');
  });

  it('rejects files from different downloads (records for unknown locations)', () => {
    const campus = texts.campus
      .split('\r\n')
      .filter((line) => !line.startsWith('"121150"'))
      .join('\r\n');
    const error = errorOf(() => build({ campus }));
    expect(error.message).toMatch(/missing from InstitutionCampus\.csv \(for example 121150\)/);
  });
});
