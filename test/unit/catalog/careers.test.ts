import { describe, expect, it } from 'vitest';
import { cipTitle, findCareer, resolveDepartments, scoreHost, scoreLegend } from '../../../src/catalog/careers.js';
import type { Career, HostEvidence } from '../../../src/schema/datasets.js';

const careers: Career[] = [
  { name: 'Metadata Librarian', departments: [{ code: '11.07', weight: 'primary', reason: 'r' }] },
  { name: 'Metadata Analyst', departments: [{ code: '30.70', weight: 'primary', reason: 'r' }] },
  {
    name: 'Geographic Information System Map Specialist',
    departments: [{ code: '45.07', weight: 'primary', reason: 'r' }],
  },
];
const titles = {
  '11': 'COMPUTER AND INFORMATION SCIENCES AND SUPPORT SERVICES',
  '11.07': 'Computer Science',
  '45': 'SOCIAL SCIENCES',
  '45.07': 'Geography and Environmental Studies',
  '04': 'ARCHITECTURE AND RELATED SERVICES',
  '04.02': 'Architecture',
};

describe('findCareer', () => {
  it.each([
    ['metadata librarian', 'Metadata Librarian'],
    ['METADATA LIB', 'Metadata Librarian'],
    ['gis', 'Geographic Information System Map Specialist'],
    ['map specialist', 'Geographic Information System Map Specialist'],
    ['GIS Map Specialist', 'Geographic Information System Map Specialist'],
    ['geospatial', 'Geographic Information System Map Specialist'],
  ])('%s -> %s', (query, name) => {
    const found = findCareer(query, careers);
    expect('career' in found && found.career.name).toBe(name);
  });

  it('lists candidates when several careers match, and none when nothing does', () => {
    const found = findCareer('metadata', careers);
    expect('candidates' in found && found.candidates.map((c) => c.name)).toEqual([
      'Metadata Librarian',
      'Metadata Analyst',
    ]);
    expect(findCareer('astronaut', careers)).toEqual({ candidates: [] });
  });
});

describe('resolveDepartments', () => {
  it.each([
    ['45.07', ['45.07']],
    ['04', ['04']],
    ['geography', ['45.07']],
    ['architecture', ['04.02']],
    ['architecture and related', ['04']],
    ['computer science', ['11.07']],
    ['99.99', []],
    ['astrology', []],
  ])('%s -> %o', (input, codes) => {
    expect(resolveDepartments(input, titles)).toEqual(codes);
  });
});

describe('cipTitle', () => {
  it('shows family titles in title case and series titles as written', () => {
    expect(cipTitle('11', titles)).toBe('Computer and Information Sciences and Support Services');
    expect(cipTitle('45.07', titles)).toBe('Geography and Environmental Studies');
  });
});

describe('scoreHost', () => {
  const evidence: HostEvidence = {
    unitId: '1',
    coverage: 'all-cips',
    completions: { '11': [100, 20, 5, 0, 90, 95, 100, 110, 125], '11.07': [100, 20, 5, 0, 90, 95, 100, 110, 125] },
    pcip: { '11': 0.09 },
  };
  const years = ['2019-20', '2020-21', '2021-22', '2022-23', '2023-24'];

  it('scores log2(1 + completions), secondary at half weight, and writes evidence lines', () => {
    const score = scoreHost(evidence, [{ code: '11.07', weight: 'primary', reason: '' }], titles, years);
    expect(score.score).toBe(Math.round(Math.log2(126) * 10) / 10);
    expect(score.departments[0]?.lines).toEqual([
      "Computer Science (11.07): 100 bachelor's degrees, 20 master's degrees, 5 research doctorates, IPEDS 2023-24, first majors; 2019-20 90 → 125",
      'Computer and Information Sciences and Support Services (11): 9% of undergraduate awards, College Scorecard',
    ]);
    const half = scoreHost(evidence, [{ code: '11.07', weight: 'secondary', reason: '' }], titles, years);
    expect(half.score).toBe(Math.round(Math.log2(126) * 5) / 10);
  });

  it("never counts the LIS degree itself: CIP 25, and master's and certificates in 11.04", () => {
    const lisHost: HostEvidence = {
      unitId: '2',
      coverage: 'all-cips',
      completions: { '11.04': [0, 300, 0, 20, 1, 1, 1, 1, 320], '25.01': [0, 200, 0, 0, 1, 1, 1, 1, 200] },
      pcip: {},
    };
    const depts = [
      { code: '11.04', weight: 'primary' as const, reason: '' },
      { code: '25.01', weight: 'primary' as const, reason: '' },
    ];
    const score = scoreHost(lisHost, depts, titles, years);
    expect(score.score).toBe(0);
    expect(score.departments[0]?.lines[0]).toContain("master's and certificates not counted");
  });

  it('counts computer science once when a career names both 11.01 and 11.07', () => {
    const cs: HostEvidence = {
      unitId: '3',
      coverage: 'all-cips',
      completions: { '11.01': [50, 0, 0, 0, 50, 50, 50, 50, 50], '11.07': [0, 0, 0, 0, 0, 0, 0, 0, 0] },
      pcip: {},
    };
    const depts = [
      { code: '11.07', weight: 'primary' as const, reason: '' },
      { code: '11.01', weight: 'primary' as const, reason: '' },
    ];
    const score = scoreHost(cs, depts, titles, years);
    expect(score.departments).toHaveLength(1);
    expect(score.departments[0]?.code).toBe('11.07 + 11.01');
    expect(score.score).toBe(Math.round(Math.log2(51) * 10) / 10);
  });

  it('counts an uncovered code as zero for a full-coverage host, and gives null with no evidence at all', () => {
    expect(scoreHost(evidence, [{ code: '45.07', weight: 'primary', reason: '' }], titles, years).score).toBe(0);
    expect(scoreHost(undefined, [{ code: '45.07', weight: 'primary', reason: '' }], titles, years).score).toBeNull();
  });
});

describe('scoreLegend', () => {
  it.each([
    [{ career: true, departments: false }, "sum over the career's departments of"],
    [{ career: false, departments: true }, 'sum over the departments asked for of'],
    [{ career: true, departments: true }, "sum over the career's departments and the ones asked for of"],
  ])('%j: %s', (by, text) => expect(scoreLegend(by)).toContain(text));
});
