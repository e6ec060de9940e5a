import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alaDataset, manifestSchema } from '../../src/schema/datasets.js';
import { ROOT } from '../helpers/run-mls.js';

const dataset = alaDataset.parse(JSON.parse(readFileSync(join(ROOT, 'data', 'ala-programs.json'), 'utf8')));
const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(ROOT, 'data', 'manifest.json'), 'utf8')));
/** Added by the build where the table marks delivery as low-confidence or weak (checked below). */
const WEAK_DELIVERY = 'The delivery evidence is old or weak: check with the school.';
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

  it('gives every program a link, saying what it points to', () => {
    for (const p of dataset.programs) expect(p.link.url, p.id).toMatch(/^https?:\/\//);
    const kinds = new Set(dataset.programs.map((p) => p.link.kind));
    expect(kinds).toContain('institution home page');
    const syracuse = dataset.programs.find((p) => p.id === 'syracuse-university-mslis');
    expect(syracuse?.link).toEqual({ url: 'https://www.syracuse.edu/', kind: 'institution home page' });
    // Chicago State's only "website" in the reference is a 2019 news page.
    expect(dataset.programs.find((p) => p.id === 'chicago-state-university-mslis')?.link.kind).toBe(
      'institution home page',
    );
  });

  it('keeps the short note faithful: every sentence is in the research notes, without their labels', () => {
    const fold = (t: string) => t.replace(/\s+/g, ' ').replace(/[.]$/, '').toLowerCase();
    for (const p of dataset.programs) {
      expect(p.summary, p.id).not.toMatch(/UPDATE|CONFIDENCE|STATUS CHANGE|mirror|forum|=/i);
      if (p.summary.startsWith('Per the sources') || p.summary.startsWith('The sources do not')) continue;
      const notes = fold(p.notes ?? '');
      const summary = p.summary.replace(WEAK_DELIVERY, '').trim();
      for (const sentence of summary.split(/(?<=[.!?])\s+(?=[A-Z0-9])/)) {
        // Parentheses holding research remarks may have been removed from a sentence; its words stay in order.
        const words = fold(sentence).split(' ');
        let at = 0;
        for (const w of words) {
          const found = notes.indexOf(w, at);
          expect(found, `${p.id}: "${w}" of "${sentence}"`).toBeGreaterThanOrEqual(0);
          at = found + w.length;
        }
      }
    }
  });

  it('says so where the table doubts its own delivery evidence (Emporia, UCLA)', () => {
    for (const p of dataset.programs) {
      const weak = /(online_100|online_mostly|campus)=\w+(,\s*LOW CONFIDENCE|\s*\(weak)/i.test(p.notes ?? '');
      expect(p.summary.includes(WEAK_DELIVERY), p.id).toBe(weak);
    }
    expect(dataset.programs.find((p) => p.id === 'emporia-state-university-mls')?.summary).toContain(WEAK_DELIVERY);
  });

  it('names only specialisations the notes name', () => {
    const named = dataset.programs.filter((p) => p.specialisations.length > 0);
    expect(named.length).toBeGreaterThan(15);
    const cue: Record<string, RegExp> = {
      archives: /archiv/i,
      'school library': /school/i,
      'law librarianship': /law|legal/i,
    };
    for (const p of named)
      for (const s of p.specialisations) if (cue[s]) expect(p.notes, `${p.id} ${s}`).toMatch(cue[s]);
  });

  it('has IPEDS 2022-23 graduate charges for U.S. programs and none outside the U.S.', () => {
    for (const p of dataset.programs) {
      if (p.country === 'United States') expect(p.cost?.year, p.id).toBe('2022-23');
      else expect(p.cost, p.id).toBeNull();
    }
    const sjsu = dataset.programs.find((p) => p.id === 'san-jose-state-university-mlis');
    expect(sjsu?.cost?.inState).toEqual({ tuition: 7176, fees: 2157, tuitionAndFees: 9333, perCredit: null });
    expect(sjsu?.cost?.outOfState.perCredit).toBe(396);
    const uiuc = dataset.programs.find((p) => p.id === 'university-of-illinois-urbana-champaign-mslis');
    expect(uiuc?.cost?.inState.perCredit).toBe(528);
  });

  it.runIf(existsSync(referenceCsv))('has one program per row of the reference table', () => {
    const text = readFileSync(referenceCsv, 'utf8');
    // Rows start with a non-quote after a newline; no field in this file spans lines.
    const rows = text.trim().split('\n').length - 1;
    expect(dataset.programs).toHaveLength(rows);
  });
});
