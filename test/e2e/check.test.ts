import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runMls, tempHome } from '../helpers/run-mls.js';

const fixtures = join(ROOT, 'test', 'fixtures', 'dapip', 'official');
const reference = join(ROOT, '..', 'shared', 'reference', 'doe', 'dapip_2020-11');

function json(args: string[], env: Record<string, string> = {}) {
  const r = runMls([...args, '--json'], { env });
  return { ...r, data: JSON.parse(r.stdout) };
}

describe('mls check', () => {
  it('San Jose State: ALA MLIS (continued) at a WSCUC-accredited institution, exit 0', () => {
    const r = runMls(['check', 'San Jose State University']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('continued     Master of Library and Information Science (MLIS)');
    expect(r.stdout).toContain('WASC Senior College and University Commission (WSCUC, USDE-recognized)');
    expect(r.stdout).toContain(
      '✓ ALA-accredited program at an institution accredited by a USDE-recognized agency (WSCUC)',
    );
    expect(r.stdout).toContain('DAPIP (accreditor) 2020-11-02');
    expect(r.stdout).toContain('mls data import dapip');
  });

  it('finds the same school by OPEID', () => {
    const byName = json(['check', 'San Jose State University']).data;
    const byOpeId = json(['check', '00115500']).data;
    expect(byOpeId.institution).toEqual(byName.institution);
    expect(byOpeId.outcome).toBe('accredited');
  });

  it('Harvard: NECHE, no ALA program, exit 0', () => {
    const { code, data } = json(['check', 'Harvard University']);
    expect(code).toBe(0);
    expect(data.programs).toEqual([]);
    expect(data.institutional[0].agency.short).toBe('NECHE');
    expect(data.overall).toContain('no ALA-accredited program');
  });

  it('--strict exits 1 when there is no ALA-accredited program', () => {
    expect(runMls(['check', 'Harvard University', '--strict']).code).toBe(1);
    expect(runMls(['check', 'SJSU', '--strict']).code).toBe(0);
  });

  it('Toronto: its ALA program, and that DoE does not cover Canada', () => {
    const r = runMls(['check', 'University of Toronto']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Master of Information (MI)');
    expect(r.stdout).toContain('does not cover institutions in Canada');
    expect(json(['check', 'University of Toronto']).data).toMatchObject({
      doeCoverage: 'outside',
      outcome: 'outside-doe',
    });
  });

  it('a made-up name exits 3 with the caveat about DAPIP', () => {
    const r = runMls(['check', 'Hogwarts School of Witchcraft and Wizardry']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('no institution matches "Hogwarts School of Witchcraft and Wizardry"');
    expect(r.stderr).toContain('not audited');
    expect(r.stderr).toContain('https://ope.ed.gov/dapip/');
  });

  it('an ambiguous name lists candidates and exits 3 without a terminal', () => {
    const r = runMls(['check', 'Westminster College']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('matches 3 institutions');
    expect(r.stderr).toContain('Westminster College (New Wilmington, PA)');
    const j = json(['check', 'Westminster College']);
    expect(j.code).toBe(3);
    expect(j.data.result).toBe('ambiguous');
    expect(j.data.candidates).toHaveLength(3);
  });

  it('exits 1 when the only accreditor is no longer recognized (Gadsden Business College: ACICS), and says why', () => {
    const { code, data } = json(['check', '00446200']);
    expect(code).toBe(1);
    expect(data.outcome).toBe('not-recognized');
    expect(data.overall).toContain('No accreditation by a USDE-recognized agency on record');
    expect(data.warnings.join('\n')).toContain('ACICS is no longer recognized');
  });

  it('exits 1 for an institution whose accreditation has ended (Concordia College Alabama)', () => {
    const { code, data } = json(['check', '01055400']);
    expect(code).toBe(1);
    expect(data.institutional.every((r: { inForce: boolean }) => !r.inForce)).toBe(true);
  });

  it('warns about an agency that is no longer recognized, next to a recognized one', () => {
    const { data } = json(['check', 'Spanish-American Institute']);
    expect(data.warnings.join('\n')).toContain(
      'ACICS is no longer recognized by the U.S. Department of Education (since 2022-08-19)',
    );
  });

  it('warns about conditional ALA status', () => {
    const { data } = json(['check', 'East Carolina University']);
    expect(data.programs[0].status).toBe('conditional');
    expect(data.warnings.join('\n')).toContain('conditional');
  });

  it('warns that a candidate program is not accredited', () => {
    const { data } = json(['check', 'University of Central Missouri']);
    expect(data.warnings.join('\n')).toContain('NOT accredited yet');
  });
});

describe('mls data import dapip', () => {
  it('imports the official CSV files, which then take precedence, and reset returns to the bundle', () => {
    const home = tempHome();
    const env = { HOME: home };
    const imported = runMls(['data', 'import', 'dapip', fixtures], { env });
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain('Imported 5 DAPIP locations (as of 2020-10-13)');
    const info = json(['data', 'info'], env).data.datasets.find((d: { dataset: string }) => d.dataset === 'dapip');
    expect(info).toMatchObject({ active: 'imported', asOf: '2020-10-13', recordCount: 5 });
    const harvard = json(['check', 'harvard'], env);
    expect(harvard.data.dataSource).toBe('imported');
    // The fixture has no Yale: the imported copy is what is used.
    expect(runMls(['check', 'Yale University'], { env }).code).toBe(3);
    expect(runMls(['data', 'reset', 'dapip'], { env }).code).toBe(0);
    expect(runMls(['check', 'Yale University'], { env }).code).toBe(0);
  });

  it('imports the zip download', () => {
    const home = tempHome();
    const zip = join(home, 'download.zip');
    // A stored (uncompressed) zip written by hand would be reinventing fflate: use it to build the fixture.
    return import('fflate').then(({ zipSync, strToU8 }) => {
      const files = Object.fromEntries(
        readdirSync(fixtures)
          .filter((f) => f.endsWith('.csv'))
          .map((f) => [f, strToU8(readFileSync(join(fixtures, f), 'utf8'))]),
      );
      writeFileSync(zip, zipSync(files));
      const r = runMls(['data', 'import', 'dapip', zip], { env: { HOME: home } });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('Imported 5 DAPIP locations');
    });
  });

  it('rejects a file with wrong columns with exit 2 and replaces nothing', () => {
    const home = tempHome();
    const env = { HOME: home };
    expect(runMls(['data', 'import', 'dapip', fixtures], { env }).code).toBe(0);
    const bad = join(home, 'bad');
    mkdirSync(bad);
    cpSync(fixtures, bad, { recursive: true });
    const campus = join(bad, 'InstitutionCampus.csv');
    writeFileSync(campus, readFileSync(campus, 'utf8').replace('OpeId', 'Ope'));
    const r = runMls(['data', 'import', 'dapip', bad], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: InstitutionCampus.csv:1: InstitutionCampus.csv: missing column OpeId');
    expect(json(['check', 'harvard'], env).data.dataSource).toBe('imported');
    expect(existsSync(join(home, 'mls-data', 'dapip', 'dapip-index.tsv'))).toBe(true);
  });

  it('rejects a truncated file and a file that is not a zip', () => {
    const home = tempHome();
    const bad = join(home, 'truncated');
    mkdirSync(bad);
    cpSync(fixtures, bad, { recursive: true });
    const records = join(bad, 'AccreditationRecords.csv');
    const text = readFileSync(records, 'utf8');
    writeFileSync(records, text.slice(0, text.length - 50));
    const r = runMls(['data', 'import', 'dapip', bad], { env: { HOME: home } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a valid CSV file');
    const notZip = join(home, 'x.zip');
    writeFileSync(notZip, 'hello');
    expect(runMls(['data', 'import', 'dapip', notZip], { env: { HOME: home } }).stderr).toContain('is not a zip file');
    expect(existsSync(join(home, 'mls-data', 'dapip'))).toBe(false);
  });

  it.runIf(existsSync(reference))('importing the reference download gives the same answers as the bundle', () => {
    const home = tempHome();
    expect(runMls(['data', 'import', 'dapip', reference], { env: { HOME: home } }).code).toBe(0);
    for (const q of ['San Jose State University', 'Harvard University', '00115500', 'UNC Chapel Hill']) {
      const bundled = json(['check', q]).data;
      const imported = json(['check', q], { HOME: home }).data;
      expect(imported.dataSource).toBe('imported');
      const { dataSource: _a, ...b } = bundled;
      const { dataSource: _b, ...i } = imported;
      expect(i).toEqual(b);
    }
  });
});
