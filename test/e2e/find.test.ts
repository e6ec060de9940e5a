import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runMls } from '../helpers/run-mls.js';

const ESC = '\u001b[';

describe('mls find', () => {
  it('--json lists every accredited program (70)', () => {
    const r = runMls(['find', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.schemaVersion).toBe(1);
    expect(out.count).toBe(70);
    expect(out.programs).toHaveLength(70);
    expect(out.programs.every((p: { accredited: boolean }) => p.accredited)).toBe(true);
  });

  it('--online-only --json lists exactly the 49 programs marked 100% online', () => {
    const r = runMls(['find', '--online-only', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.count).toBe(49);
    expect(out.programs.every((p: { delivery: { online100: string } }) => p.delivery.online100 === 'yes')).toBe(true);
    expect(out.unknownDeliveryExcluded).toBe(19);
    expect(out.dataset).toEqual({ name: 'ala-programs', asOf: '2026-02' });
  });

  it('prints tab-separated lines without escape codes when piped, and a summary on stderr', () => {
    const r = runMls(['find', '--online-only', '--state', 'California']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.map((l) => l.split('\t')[0])).toEqual([
      'san-jose-state-university-mlis',
      'university-of-southern-california-mmlis',
    ]);
    expect(lines[0]?.split('\t')).toHaveLength(8);
    expect(r.stdout).not.toContain(ESC);
    expect(r.stderr).toContain('2 programs');
    expect(r.stderr).toContain('--state CA');
    expect(r.stderr).toContain('ALA data as of 2026-02');
    expect(r.stderr).toContain('1 more left out only because their delivery is unknown');
  });

  it('has no colour in piped output even when the terminal would allow it', () => {
    const r = runMls(['find'], { env: { NO_COLOR: undefined, TERM: 'xterm-256color' } });
    expect(r.stdout).not.toContain(ESC);
    expect(r.stderr).not.toContain(ESC);
  });

  it('never colours with NO_COLOR, even when forced', () => {
    const r = runMls(['find', '--state', 'XX'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(r.stderr).not.toContain(ESC);
  });

  it('--csv writes RFC 4180 CSV that parses back, one row per program', () => {
    const r = runMls(['find', '--online-only', '--csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\r\n');
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(49);
    expect(rows.every((row) => row.online_100 === 'yes')).toBe(true);
    expect(Object.keys(rows[0] ?? {})).toContain('next_review');
  });

  it('accepts state names, province codes and accents', () => {
    const r = runMls(['find', '--state', 'Ontario', '--state', 'QC', '--json']);
    const regions = new Set(JSON.parse(r.stdout).programs.map((p: { region: string }) => p.region));
    expect([...regions].sort()).toEqual(['ON', 'QC']);
    const q = runMls(['find', '--query', 'MONTREAL', '--json']);
    // Université de Montréal by name, McGill by its city.
    expect(JSON.parse(q.stdout).programs.map((p: { id: string }) => p.id)).toEqual([
      'mcgill-university-mist',
      'universite-de-montreal-msi',
    ]);
  });

  it('lists candidates only with --include-candidates', () => {
    const r = runMls(['find', '--include-candidates', '--json']);
    expect(JSON.parse(r.stdout).count).toBe(72);
  });

  it('says which filter removed the most when nothing matches, and exits 0', () => {
    const r = runMls(['find', '--state', 'WY', '--online-only']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('No programs match. The filter that removed the most: --state WY (72 of 72).');
  });

  it('sorts by review date with unknown dates last', () => {
    const r = runMls(['find', '--sort', 'review', '--json']);
    const years = JSON.parse(r.stdout).programs.map((p: { review: { year: number | null } }) => p.review.year);
    const known = years.filter((y: number | null) => y !== null);
    expect(known).toEqual([...known].sort((a: number, b: number) => a - b));
    expect(years.indexOf(null)).toBe(known.length);
  });

  it('rejects an unknown state with exit 2 and says what to use', () => {
    const r = runMls(['find', '--state', 'XX']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown state or province "XX"');
  });

  it('rejects an unknown flag with exit 2 and a suggestion', () => {
    const r = runMls(['find', '--onlin-only']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--onlin-only'");
    expect(r.stderr).toContain('Did you mean --online-only?');
  });

  it('rejects --json with --csv', () => {
    const r = runMls(['find', '--json', '--csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--json and --csv cannot be used together');
  });
});
