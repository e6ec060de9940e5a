import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { departmentQuery } from '../../../src/catalog/careers.js';
import type { CareersDataset, CipTaxonomy } from '../../../src/schema/datasets.js';
import { ROOT } from '../../helpers/run-mls.js';

const careers = (JSON.parse(readFileSync(join(ROOT, 'data', 'careers.json'), 'utf8')) as CareersDataset).careers;
const titles = (JSON.parse(readFileSync(join(ROOT, 'data', 'cip.json'), 'utf8')) as CipTaxonomy).titles;

const query = (career: string | undefined, depts: string[] = []) => departmentQuery(career, depts, careers, titles);
const label = (career: string | undefined, depts: string[] = []) => {
  const r = query(career, depts);
  return 'query' in r ? r.query.label : r.problem.kind;
};

describe('departmentQuery', () => {
  it.each<[string | undefined, string[], string]>([
    ['Metadata Librarian', [], '--career "Metadata Librarian"'],
    ['metadata', [], 'several-careers'], // Metadata Librarian and Metadata Analyst
    ['metadata librarian', [], '--career "Metadata Librarian"'],
    ['GIS Map Specialist', [], '--career "Geographic Information System Map Specialist"'],
    [undefined, ['geography'], '--dept geography'],
    [undefined, ['45.07'], '--dept 45.07'],
    ['Metadata Librarian', ['geography'], '--career "Metadata Librarian", --dept geography'],
    ['astronaut', [], 'no-career'],
    [undefined, ['underwater basket weaving'], 'no-department'],
  ])('career %j, depts %j -> %s', (career, depts, expected) => expect(label(career, depts)).toBe(expected));

  it('a career brings its own departments; --dept adds primary ones, each code once', () => {
    const r = query('GIS Map Specialist', ['45.07', '26']);
    if (!('query' in r)) throw new Error(r.problem.kind);
    const codes = r.query.departments.map((d) => d.code);
    expect(codes[0]).toBe('45.07');
    expect(codes.filter((c) => c === '45.07')).toHaveLength(1);
    expect(r.query.departments.at(-1)).toEqual({ code: '26', weight: 'primary', reason: 'asked for with --dept 26' });
  });
});
