import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alaDataset, manifestSchema } from '../../src/schema/datasets.js';
import { ROOT } from '../helpers/run-mls.js';

const dataset = alaDataset.parse(JSON.parse(readFileSync(join(ROOT, 'data', 'ala-programs.json'), 'utf8')));
const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(ROOT, 'data', 'manifest.json'), 'utf8')));
const referenceCsv = join(ROOT, '..', 'shared', 'reference', 'ala', 'programs.csv');

describe('bundled ALA programs', () => {
  it('parses with its schema and has 72 programs (70 accredited, 49 of them 100% online)', () => {
    expect(dataset.programs).toHaveLength(72);
    expect(dataset.programs.filter((p) => p.accredited)).toHaveLength(70);
    expect(dataset.programs.filter((p) => p.accredited && p.delivery.online100 === 'yes')).toHaveLength(49);
  });

  it('has unique ids', () => {
    const ids = dataset.programs.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps candidate and precandidate programs, flagged as not accredited', () => {
    const unaccredited = dataset.programs.filter((p) => !p.accredited).map((p) => [p.institution, p.status]);
    expect(unaccredited).toEqual([
      ['University of Central Missouri', 'candidate'],
      ['Middle Tennessee State University', 'precandidate'],
    ]);
  });

  it('records its source and as-of date in the manifest, with the right count', () => {
    const entry = manifest.datasets.find((d) => d.file === 'ala-programs.json');
    expect(entry?.asOf).toBe(dataset.meta.asOf);
    expect(entry?.recordCount).toBe(dataset.programs.length);
    expect(dataset.programs.every((p) => p.sources.length > 0)).toBe(true);
  });

  it('structures review dates without losing the original text', () => {
    const sjsu = dataset.programs.find((p) => p.id === 'san-jose-state-university-mlis');
    expect(sjsu?.review).toMatchObject({ year: 2029, season: 'spring', basis: 'next-review' });
    const syracuse = dataset.programs.find((p) => p.institution === 'Syracuse University');
    expect(syracuse?.review).toMatchObject({ year: 2030, basis: 'through' });
    expect(dataset.programs.every((p) => typeof p.review.text === 'string')).toBe(true);
  });

  it.runIf(existsSync(referenceCsv))('has one program per row of the reference table', () => {
    const text = readFileSync(referenceCsv, 'utf8');
    // Rows start with a non-quote after a newline; no field in this file spans lines.
    const rows = text.trim().split('\n').length - 1;
    expect(dataset.programs).toHaveLength(rows);
  });
});
