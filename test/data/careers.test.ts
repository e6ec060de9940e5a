import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreHost } from '../../src/catalog/careers.js';
import { EVIDENCE_FILE, EvidenceStore } from '../../src/catalog/evidence.js';
import { alaDataset, careersDataset, cipTaxonomy, evidenceDataset } from '../../src/schema/datasets.js';
import { ROOT } from '../helpers/run-mls.js';

const read = (f: string) => JSON.parse(readFileSync(join(ROOT, 'data', f), 'utf8'));
const careers = careersDataset.parse(read('careers.json'));
const cip = cipTaxonomy.parse(read('cip.json'));
const store = new EvidenceStore(readFileSync(join(ROOT, 'data', EVIDENCE_FILE), 'utf8'));
const evidence = evidenceDataset.parse(store.toDataset());
const ala = alaDataset.parse(read('ala-programs.json'));

const SEED = [
  'Researcher',
  'Information resources specialist',
  'Web analytics manager',
  'Digital Reference Librarian',
  'Digital Services Director',
  'Teaching and Services Learning Coordinator',
  'Archival Consultant',
  'Curator, Media Resources',
  'Geographic Information System Map Specialist',
  'Information Resources Project Director',
  'Architecture Librarian',
  'Metadata Librarian',
  'Metadata Analyst',
  'Digital Initiatives Archivist',
  'Director of Technical Services',
  'Document Control Archivist',
  'Visual Resource Manager',
  'Department Director, Music, Film, Digital Books',
];

describe('careers data', () => {
  it('has the 18 seed careers by their exact names, each with a primary department', () => {
    expect(careers.careers.map((c) => c.name)).toEqual(SEED);
    for (const c of careers.careers) expect(c.departments.some((d) => d.weight === 'primary')).toBe(true);
  });

  it('uses only codes that exist in CIP 2020', () => {
    for (const c of [...careers.careers, careers.complement]) {
      for (const d of c.departments) expect(cip.titles[d.code], `${c.name}: ${d.code}`).toBeDefined();
    }
  });

  it('gives teaching roles the communication-skills complement (Communication 09, Education 13)', () => {
    const teaching = careers.careers.find((c) => c.name === 'Teaching and Services Learning Coordinator');
    expect(teaching?.departments.map((d) => d.code)).toEqual(expect.arrayContaining(['09', '13', '23.13']));
  });
});

describe('department evidence', () => {
  it('covers every U.S. host university, and none outside the U.S.', () => {
    const us = ala.programs.filter((p) => p.doe);
    const missing = us.filter((p) => !store.host(p.doe?.unitId, 'families')).map((p) => p.institution);
    expect(missing).toEqual([]);
    expect(ala.programs.filter((p) => !p.doe).every((p) => p.country !== 'United States')).toBe(true);
  });

  it('never counts library science (family 25) as a complementary department', () => {
    for (const h of evidence.hosts) expect(Object.keys(h.completions).some((c) => c.startsWith('25'))).toBe(false);
  });

  it('ranks a host with large computing output above one with none, for Metadata Librarian', () => {
    const metadata = careers.careers.find((c) => c.name === 'Metadata Librarian');
    const score = (unit: string) =>
      scoreHost(
        store.host(
          unit,
          (metadata?.departments ?? []).map((d) => d.code),
        ),
        metadata?.departments ?? [],
        cip.titles,
        evidence.years,
      ).score ?? -1;
    // UIUC: hundreds of computer science degrees; Simmons: none in 11.xx (README table).
    expect(score('145637')).toBeGreaterThan(score('167783') + 10);
  });
});
