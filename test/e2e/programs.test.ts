import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runMls, tempHome } from '../helpers/run-mls.js';

describe('program records a student can decide on', () => {
  it('show: San José State with its 2022-23 per-credit charge and caveat, a link, a short note, no UPDATE label', () => {
    const r = runMls(['show', 'san-jose-state-university-mlis']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Graduate tuition and fees at this institution, 2022-23 (IPEDS):');
    expect(r.stdout).toContain('$396 per credit');
    expect(r.stdout).toMatch(/institution-wide graduate rates from IPEDS, not this program's\s+price/);
    expect(r.stdout).toContain('https://ischool.sjsu.edu/ (program page)');
    expect(r.stdout).toContain('Program is delivered exclusively online');
    expect(r.stdout).toContain('https://www.ala.org/educationcareers/accreditedprograms/directory');
    expect(r.stdout).not.toMatch(/UPDATE|CONFIDENCE/);
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(100);
  });

  it('show wraps notes at word boundaries (80 columns when piped); only a URL may run longer', () => {
    const r = runMls(['show', 'university-of-arizona-ma', '--sources']);
    const lines = r.stdout.split('\n').filter((l) => !/https?:\/\//.test(l));
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(r.stdout).toContain('law librarianship');
  });

  it('show --sources keeps the full research trail', () => {
    const r = runMls(['show', 'st-catherine-university-mlis', '--sources']);
    expect(r.stdout).toContain('STATUS CHANGE, medium confidence');
    expect(r.stdout).toContain('Sources');
  });

  it('show: a Canadian program is "not in IPEDS"', () => {
    expect(runMls(['show', 'university-of-toronto-mi']).stdout).toContain('Graduate tuition: not in IPEDS');
  });

  it('every program in find --json --include-candidates has a link, and the research notes stay in --json', () => {
    const out = JSON.parse(runMls(['find', '--json', '--include-candidates']).stdout);
    expect(out.count).toBe(72);
    for (const p of out.programs) expect(p.link.url, p.id).toMatch(/^https?:\/\//);
    const stkate = out.programs.find((p: { id: string }) => p.id === 'st-catherine-university-mlis');
    expect(stkate.notes).toContain('UPDATE 2');
    expect(stkate.sources.length).toBeGreaterThan(0);
  });

  it('find --online-only --sort cost lists U.S. programs by in-state per-credit charge', () => {
    const out = JSON.parse(runMls(['find', '--online-only', '--sort', 'cost', '--json']).stdout);
    const charges = out.programs
      .map((p: { cost: { inState: { perCredit: number | null } } | null }) => p.cost?.inState.perCredit ?? null)
      .filter((c: number | null) => c !== null);
    expect(charges.length).toBeGreaterThan(40);
    expect(charges).toEqual([...charges].sort((a: number, b: number) => a - b));
    expect(out.programs[0].country).toBe('United States');
  });

  it('--max-credit-cost with --resident filters at the rate that resident pays', () => {
    const r = runMls(['find', '--online-only', '--max-credit-cost', '400', '--resident', 'TX', '--json']);
    const out = JSON.parse(r.stdout);
    for (const p of out.programs) {
      const rate = p.region === 'TX' ? p.cost.inState.perCredit : p.cost.outOfState.perCredit;
      expect(rate, p.id).toBeLessThanOrEqual(400);
    }
    expect(out.filters).toContain('--max-credit-cost 400 (for a TX resident)');
  });

  it('-q searches specialisations and notes by whole words: archives and licensure find programs, GRE no Greenville', () => {
    const ids = (q: string) =>
      JSON.parse(runMls(['find', '-q', q, '--json']).stdout).programs.map((p: { id: string }) => p.id);
    expect(ids('archives')).toContain('university-of-missouri-mlis');
    expect(ids('licensure').length).toBeGreaterThan(5);
    expect(ids('GRE')).not.toContain('university-of-north-carolina-at-greensboro-mlis');
  });

  it('--delivery hybrid is read as mostly-online, with a note', () => {
    const r = runMls(['find', '--delivery', 'hybrid', '--json']);
    expect(r.code).toBe(0);
    expect(
      JSON.parse(r.stdout).programs.every(
        (p: { delivery: { mostlyOnline: string } }) => p.delivery.mostlyOnline === 'yes',
      ),
    ).toBe(true);
    expect(r.stderr).toContain('--delivery hybrid is read as mostly-online');
  });

  it('says "online or on campus" when both routes are offered', () => {
    const r = runMls(['find', '--query', 'dominican']);
    expect(r.stdout).toContain('online or on campus');
  });

  it('--online-only with a place that has none: online programs accept any state, with the count and unknown-delivery programs', () => {
    const r = runMls(['find', '--online-only', '--state', 'MN']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('fully online programs accept students from any state');
    expect(r.stderr).toContain('Without the place filter: 49 programs');
    expect(r.stderr).toContain('St. Catherine University MLIS (st-catherine-university-mlis, unknown)');
  });

  it('--csv adds delivery, link, summary, review-date-passed and cost columns; --excel adds a byte-order mark', () => {
    const csv = runMls(['find', '--online-only', '--csv']).stdout;
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual(
      expect.arrayContaining(['link', 'summary', 'review_date_passed', 'in_state_per_credit', 'cost_note']),
    );
    expect(rows.every((row) => row.link?.startsWith('http'))).toBe(true);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    const excel = runMls(['find', '--online-only', '--excel']).stdout;
    expect(excel.charCodeAt(0)).toBe(0xfeff);
    expect(excel).toContain('San José');
  });
});

describe('careers: shortenings, suggestions and an honest score', () => {
  it('mls careers "GIS Map Specialist" exits 0, and find --career accepts it', () => {
    const r = runMls(['careers', 'GIS Map Specialist']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Geographic Information System Map Specialist');
    expect(runMls(['find', '--career', 'GIS Map Specialist', '--json']).code).toBe(0);
  });

  it.each([
    [['careers', 'metdata'], 3, 'did you mean "Metadata Librarian" or "Metadata Analyst"?'],
    [['find', '--career', 'metdata'], 2, 'did you mean "Metadata Librarian"'],
    [['find', '--state', 'New Yrok'], 2, 'did you mean "New York"?'],
    [['find', '--status', 'contnued'], 2, 'did you mean "continued"?'],
    [['find', '--degree', 'MILS'], 2, 'did you mean "MLIS"'],
    [['find', '--country', 'Canda'], 2, 'did you mean "Canada"?'],
    [['show', 'Univrsity of Torronto'], 3, 'did you mean "University of Toronto"?'],
    [['find', '--dept', 'geografy'], 2, 'did you mean "Geography'],
  ])('%o exits %i and suggests: %s', (args, code, text) => {
    const r = runMls(args);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(text);
  });

  it("for Metadata Librarian the LIS degree itself adds nothing: no 11.04 master's and no CIP 25 in any score", () => {
    const out = JSON.parse(runMls(['find', '--career', 'Metadata Librarian', '--json']).stdout);
    expect(out.scoreLegend).toContain('the LIS degree itself');
    for (const p of out.programs) {
      for (const d of p.departments?.departments ?? []) {
        if (d.code.startsWith('11.04')) expect(d.latest?.master ?? 0, p.id).toBe(0);
        expect(d.code.startsWith('25'), p.id).toBe(false);
      }
      const cs = (p.departments?.departments ?? []).filter((d: { code: string }) => /11\.0[17]/.test(d.code));
      expect(cs.length, p.id).toBeLessThanOrEqual(1);
    }
  });

  it('--online-only ranking says departments are campus-wide and prints one score legend line', () => {
    const r = runMls(['find', '--online-only', '--career', 'Metadata Librarian']);
    expect(r.stderr).toContain('Departments are campus-wide');
    expect(r.stderr.split('\n').filter((l) => l.startsWith('Score = '))).toHaveLength(1);
  });
});

describe('mls data import ipeds-charges', () => {
  const header = 'UNITID,TUITION5,FEE5,HRCHG5,TUITION6,FEE6,HRCHG6,TUITION7,FEE7,HRCHG7';

  it.each([
    ['IC2023_AY.csv', '2023-24'],
    ['COST1_2024.csv', '2024-25'],
  ])('accepts %s and show uses its %s charges until reset', (name, year) => {
    const home = tempHome();
    writeFileSync(join(home, name), `${header}\n122755,8000,2200,.,8000,2200,.,17000,2200,410\n`);
    const env = { HOME: home };
    const imported = runMls(['data', 'import', 'ipeds-charges', join(home, name)], { env });
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain(`Imported ${year} graduate charges for 1 institution into`);
    const info = JSON.parse(runMls(['data', 'info', '--json'], { env }).stdout).datasets;
    expect(info.find((d: { dataset: string }) => d.dataset === 'ipeds-charges')).toMatchObject({
      active: 'imported',
      asOf: year.slice(0, 4),
      recordCount: 1,
      bundledAsOf: '2022',
    });
    const shown = runMls(['show', 'san-jose-state-university-mlis'], { env }).stdout;
    expect(shown).toContain(`at this institution, ${year} (IPEDS)`);
    expect(shown).toContain('$410 per credit');
    expect(runMls(['data', 'reset', 'ipeds-charges'], { env }).code).toBe(0);
    expect(runMls(['show', 'san-jose-state-university-mlis'], { env }).stdout).toContain('2022-23 (IPEDS)');
    expect(runMls(['data', 'info'], { env }).stdout).toMatch(/^ipeds-charges +2022 +\d+ +bundled /m);
  });

  it('rejects a file without the graduate columns, naming them, and changes nothing', () => {
    const home = tempHome();
    writeFileSync(join(home, 'IC2023_AY.csv'), 'UNITID,TUITION1\n122755,1\n');
    const r = runMls(['data', 'import', 'ipeds-charges', join(home, 'IC2023_AY.csv')], { env: { HOME: home } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not an IPEDS IC_AY or COST1 file (no TUITION5');
  });
});
