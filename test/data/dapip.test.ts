import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { type CheckCandidate, findCheckTarget } from '../../src/catalog/check-target.js';
import { fuseSearch } from '../../src/catalog/fuzzy-fuse.js';
import { INSTITUTION_ALIASES } from '../../src/catalog/institution-aliases.js';
import { accreditationAction, accreditationRecord, agency, alaDataset } from '../../src/schema/datasets.js';
import { DapipStore } from '../../src/store/dapip.js';
import { ROOT } from '../helpers/run-mls.js';

const store = new DapipStore(join(ROOT, 'data'));
const index = store.index();
const ala = alaDataset.parse(JSON.parse(readFileSync(join(ROOT, 'data', 'ala-programs.json'), 'utf8')));
const reference = join(ROOT, '..', 'shared', 'reference', 'doe', 'dapip_2020-11');

function target(query: string, state?: string): CheckCandidate | null {
  return findCheckTarget(query, index, ala.programs, { aliases: INSTITUTION_ALIASES, fuzzy: fuseSearch, state })
    .resolved;
}

const label = (c: CheckCandidate | null) =>
  c === null ? null : c.kind === 'outside' ? `outside:${c.institution}` : (c.entry.opeId ?? c.entry.id);

describe('bundled DAPIP store', () => {
  it('has every detail line valid and in step with the index', () => {
    const institutions = store.institutions();
    expect(institutions).toHaveLength(index.size);
    for (const inst of institutions) {
      for (const r of inst.accreditation) accreditationRecord.parse(r);
      for (const a of inst.actions) accreditationAction.parse(a);
    }
    const sjsu = institutions.find((i) => i.opeId === '00115500');
    expect(sjsu?.accreditation[0]?.agency).toBe('10');
  });

  it('names every agency its records use', () => {
    const agencies = store.meta().agencies.map((a) => agency.parse(a));
    const ids = new Set(agencies.map((a) => a.id));
    const used = new Set(store.institutions().flatMap((i) => [...i.accreditation, ...i.actions].map((r) => r.agency)));
    expect([...used].filter((id) => !ids.has(id))).toEqual([]);
    expect(agencies.find((a) => a.short === 'ACICS')).toMatchObject({
      recognizedBy: 'former-USDE',
      recognitionEnded: '2022-08-19',
    });
  });

  it('links every U.S. ALA program to one DAPIP institution with the same ids', () => {
    const us = ala.programs.filter((p) => p.country === 'United States');
    expect(us.every((p) => p.doe !== null)).toBe(true);
    for (const p of us) {
      const hits = index
        .linesWithField(p.doe?.dapipId ?? '')
        .map((i) => index.entry(i))
        .filter((e) => e.id === p.doe?.dapipId);
      expect(hits, p.institution).toHaveLength(1);
      expect(hits[0]?.opeId, p.institution).toBe(p.doe?.opeId);
      expect(hits[0]?.unitIds, p.institution).toContain(p.doe?.unitId);
      expect(hits[0]?.parent, p.institution).toBeNull();
    }
    expect(ala.programs.filter((p) => p.country !== 'United States').every((p) => p.doe === null)).toBe(true);
  });

  it('resolves every curated alias to institutions in the data', () => {
    for (const alias of INSTITUTION_ALIASES) {
      for (const opeId of alias.opeIds) {
        const hits = index.linesWithField(opeId).filter((i) => index.entry(i).opeId === opeId);
        expect(hits, `${alias.alias} -> ${opeId}`).toHaveLength(1);
      }
    }
  });

  it.runIf(existsSync(reference))('counts: every Institution row, plus the additional locations with ids', () => {
    const rows = parse(readFileSync(join(reference, 'InstitutionCampus.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    const institutions = rows.filter((r) => r.LocationType === 'Institution').length;
    const branches = rows.filter((r) => r.LocationType === 'Additional Location' && (r.OpeId || r.IpedsUnitIds)).length;
    expect(institutions).toBe(9682);
    expect(index.size).toBe(institutions + branches);
  });
});

describe('finding institutions by what people type', () => {
  it.each([
    ['San Jose State University', '00115500'],
    ['San José State University', '00115500'],
    ['san jose state', '00115500'],
    ['SJSU', '00115500'],
    ['00115500', '00115500'],
    ['122755', '00115500'],
    ['dapip:106397', '00115500'],
    ['unitid:122755', '00115500'],
    ['opeid 00115500', '00115500'],
    ['106397', '00110800'], // a bare six-digit number is a UNITID first: the University of Arkansas's
    ['001155', '00115500'],
    ['Harvard University', '00215500'],
    ['harvard', '00215500'],
    ['Harvrd Universty', '00215500'],
    ['UIUC', '00177500'],
    ['University of Illinois Urbana-Champaign', '00177500'],
    ['University of Illinois at Urbana Champaign', '00177500'],
    ['UNC Chapel Hill', '00297400'],
    ['UNC-CH', '00297400'],
    ['University of North Carolina at Chapel Hill', '00297400'],
    ['univ of north carolina chapel hill', '00297400'],
    ['UNCG', '00297600'],
    ['St. Catherine University', '00234200'],
    ['Saint Catherine University', '00234200'],
    ["St. Kate's", '00234200'],
    ['The Catholic University of America', '00143700'],
    ['Catholic University of America', '00143700'],
    ['University of Alabama', '00105100'],
    ['The University of Alabama', '00105100'],
    ['University of Hawaii at Manoa', '00161000'],
    ['University of Hawaiʻi at Mānoa', '00161000'],
    ['University of Pittsburgh', '00337900'],
    ['Pitt', '00337900'],
    ['Texas A&M University - Commerce', '00356500'],
    ['Texas A and M University Commerce', '00356500'],
    ['UCLA', '00131500'],
    ['University of California, Los Angeles', '00131500'],
    ['University of Wisconsin-Madison', '00389500'],
    ['univrsity of wisconson madison', '00389500'],
    ['UW-Madison', '00389500'],
    ['Rutgers', '00262900'],
    ['Long Island University (LIU Post)', '00275100'],
    ['University at Buffalo', '00283700'],
    ['SUNY Albany', '00283500'],
    ['Queens College, City University of New York', '00269000'],
    ['Kent State', '00305100'],
    ['kent state university', '00305100'],
    ['Indiana University Indianapolis (formerly IUPUI)', '00181300'],
    ['Pratt Institut', '00279800'],
    ['MIT', '00217800'],
    ['Penn State', '00332900'],
    ['Drexel University', '00325600'],
    ['University of Toronto', 'outside:University of Toronto'],
    ['Universite de Montreal', 'outside:Université de Montréal'],
    ['mcgill', 'outside:McGill University'],
    ['University College London', 'outside:University College London'],
  ])('%s -> %s', (query, expected) => {
    expect(label(target(query))).toBe(expected);
  });

  it.each([['USC'], ['Westminster College'], ['Wayne State']])('%s is ambiguous: candidates, no guess', (query) => {
    const result = findCheckTarget(query, index, ala.programs, { aliases: INSTITUTION_ALIASES, fuzzy: fuseSearch });
    expect(result.resolved).toBeNull();
    expect(result.candidates.length).toBeGreaterThan(1);
  });

  it('--state narrows an ambiguous name to one', () => {
    expect(label(target('Westminster College', 'PA'))).toBe('00339200');
  });

  it('finds nothing for a made-up name', () => {
    const result = findCheckTarget('Hogwarts School of Witchcraft and Wizardry', index, ala.programs, {
      aliases: INSTITUTION_ALIASES,
      fuzzy: fuseSearch,
    });
    expect(result.resolved).toBeNull();
  });
});
