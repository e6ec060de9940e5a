import type { Program } from '../../src/schema/datasets.js';

/** A program record for unit tests; override only what the test is about. */
export function makeProgram(overrides: Partial<Program> & { id: string }): Program {
  return {
    institution: overrides.id,
    school: null,
    program: 'Master of Library and Information Science',
    degree: 'MLIS',
    city: 'Somewhere',
    region: 'CA',
    country: 'United States',
    status: 'continued',
    accredited: true,
    review: { year: 2029, season: 'spring', basis: 'next-review', outcomeNotFound: false, text: '' },
    delivery: { online100: 'yes', mostlyOnline: 'unknown', campus: 'yes' },
    website: null,
    doe: null,
    sources: ['https://example.org/source'],
    notes: null,
    shortName: overrides.institution ?? overrides.id,
    link: { url: 'https://example.org/program', kind: 'program page' },
    summary: 'A test program.',
    specialisations: [],
    cost: null,
    distanceEd: null,
    ...overrides,
  };
}
