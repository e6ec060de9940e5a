import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runMls, tempHome } from '../helpers/run-mls.js';

const json = (args: string[], env: Record<string, string> = {}) => {
  const r = runMls([...args, '--json'], { env });
  return { ...r, data: JSON.parse(r.stdout) };
};

describe('mls careers', () => {
  it('--json lists the 18 seed careers with their departments', () => {
    const { code, data } = json(['careers']);
    expect(code).toBe(0);
    expect(data.careers).toHaveLength(18);
    expect(data.careers.every((c: { departments: unknown[] }) => c.departments.length > 0)).toBe(true);
    expect(data.complement.departments.map((d: { code: string }) => d.code)).toEqual(['09', '13', '23.13']);
  });

  it('finds careers by words or initials', () => {
    expect(json(['careers', 'gis']).data.careers.map((c: { name: string }) => c.name)).toEqual([
      'Geographic Information System Map Specialist',
    ]);
    const r = runMls(['careers', 'metadata']);
    expect(r.stdout).toContain('Metadata Librarian');
    expect(r.stdout).toContain('Metadata Analyst');
  });

  it('exits 3 for an unknown career', () => {
    expect(runMls(['careers', 'astronaut']).code).toBe(3);
  });
});

describe('mls find --career / --dept', () => {
  it('ranks online programs for a Metadata Librarian by computing strength, with evidence and source', () => {
    const { code, data } = json(['find', '--online-only', '--career', 'Metadata Librarian']);
    expect(code).toBe(0);
    expect(data.count).toBe(49);
    const scores = data.programs.map((p: { departments: { score: number | null } }) => p.departments.score);
    const known = scores.filter((s: number | null) => s !== null);
    expect(known).toEqual([...known].sort((a: number, b: number) => b - a));
    const first = data.programs[0];
    expect(first.departments.departments[0].lines[0]).toMatch(/IPEDS 2023-24/);
    expect(data.filters).toContain('--career "Metadata Librarian"');
  });

  it('puts programs with no evidence last, marked, and hides them with --require-dept', () => {
    const r = runMls(['find', '--country', 'canada', '--career', 'gis']);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(8);
    expect(lines.every((l) => l.split('\t')[3] === 'no evidence')).toBe(true);
    const hidden = runMls(['find', '--country', 'canada', '--career', 'gis', '--require-dept', '--json']);
    expect(JSON.parse(hidden.stdout).count).toBe(0);
  });

  it('takes --dept as a code or as words, and combines with other filters', () => {
    const byCode = json(['find', '--dept', '45.07', '--state', 'NC']).data;
    const byName = json(['find', '--dept', 'geography and cartography', '--state', 'NC']).data;
    expect(byName.departments).toEqual([{ code: '45.07', weight: 'primary' }]);
    expect(byName.programs.map((p: { id: string }) => p.id)).toEqual(byCode.programs.map((p: { id: string }) => p.id));
    expect(runMls(['find', '--dept', 'astrology']).code).toBe(2);
  });

  it('shows a host’s strongest departments, and a career’s evidence', () => {
    const r = runMls(['show', 'sjsu', '--career', 'gis']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Strongest departments');
    expect(r.stdout).toContain('Geography and Cartography (45.07)');
  });
});

describe('mls data import ipeds-completions', () => {
  it('uses the imported file for the latest year, and reset returns to the bundle', () => {
    const home = tempHome();
    const env = { HOME: home };
    const file = join(ROOT, 'test', 'fixtures', 'ipeds', 'C2024_A.csv');
    const r = runMls(['data', 'import', 'ipeds-completions', file], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Imported 2023-24 completions for 2 host universities');
    const info = json(['data', 'info'], env).data.datasets.find(
      (d: { dataset: string }) => d.dataset === 'host-evidence',
    );
    expect(info.active).toBe('imported');
    // The fixture holds family 11 and 45.07 only: planning (04.03) now has no 2023-24 completions.
    expect(runMls(['show', 'sjsu', '--career', 'gis'], { env }).stdout).toContain('(04.03): reported, no completers');
    expect(runMls(['data', 'reset', 'ipeds-completions'], { env }).code).toBe(0);
    expect(runMls(['show', 'sjsu', '--career', 'gis'], { env }).stdout).toContain('(04.03): 35 master');
  });

  it('rejects a file without the IPEDS columns', () => {
    const r = runMls([
      'data',
      'import',
      'ipeds-completions',
      join(ROOT, 'test', 'fixtures', 'dapip', 'official', 'InstitutionCampus.csv'),
      '--year',
      '2023-24',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing columns UNITID, CIPCODE, MAJORNUM, AWLEVEL, CTOTALT');
  });
});
