import { describe, expect, it } from 'vitest';
import {
  filterPrograms,
  findProgramsByName,
  reviewIsPast,
  reviewLabel,
  sortPrograms,
} from '../../src/catalog/programs.js';
import { findRegion, type Region } from '../../src/catalog/regions.js';
import type { ReviewInfo } from '../../src/schema/datasets.js';
import { makeProgram } from '../helpers/programs.js';

const online = makeProgram({ id: 'online-u', institution: 'Online University' });
const campusOnly = makeProgram({
  id: 'campus-u',
  institution: 'Campus University',
  region: 'ON',
  country: 'Canada',
  degree: 'MI',
  delivery: { online100: 'no', mostlyOnline: 'no', campus: 'yes' },
});
const unknownDelivery = makeProgram({
  id: 'mystery-u',
  institution: 'Mystery University',
  region: 'NY',
  delivery: { online100: 'unknown', mostlyOnline: 'unknown', campus: 'unknown' },
});
const mostly = makeProgram({
  id: 'mostly-u',
  institution: 'Mostly State',
  region: 'KS',
  delivery: { online100: 'unknown', mostlyOnline: 'yes', campus: 'unknown' },
  status: 'conditional',
});
const candidate = makeProgram({
  id: 'cand-u',
  institution: 'Candidate College',
  status: 'candidate',
  accredited: false,
});
const all = [online, campusOnly, unknownDelivery, mostly, candidate];
const ids = (r: { programs: { id: string }[] }) => r.programs.map((p) => p.id);
const region = (code: string) => findRegion(code) as Region;

describe('filterPrograms', () => {
  it('leaves out candidates unless asked', () => {
    expect(ids(filterPrograms(all, {}))).not.toContain('cand-u');
    expect(ids(filterPrograms(all, { includeCandidates: true }))).toContain('cand-u');
    expect(ids(filterPrograms(all, { statuses: ['candidate'] }))).toEqual(['cand-u']);
  });

  it('--online-only keeps only confirmed 100% online programs and counts the unknown ones', () => {
    const result = filterPrograms(all, { onlineOnly: true });
    expect(ids(result)).toEqual(['online-u']);
    // mystery-u and mostly-u have online100 unknown; campus-u is a known "no".
    expect(result.unknownDeliveryExcluded).toBe(2);
  });

  it('--delivery takes any of several modes', () => {
    expect(ids(filterPrograms(all, { delivery: ['mostly-online', 'campus'] }))).toEqual([
      'online-u',
      'campus-u',
      'mostly-u',
    ]);
  });

  it('does not count unknown delivery when another filter already excludes the program', () => {
    const result = filterPrograms(all, { onlineOnly: true, regions: [region('CA')] });
    expect(result.unknownDeliveryExcluded).toBe(0);
  });

  it('filters by region, country, degree (ignoring dots and case) and status', () => {
    expect(ids(filterPrograms(all, { regions: [region('Ontario')] }))).toEqual(['campus-u']);
    expect(ids(filterPrograms(all, { countries: ['Canada'] }))).toEqual(['campus-u']);
    expect(ids(filterPrograms(all, { degrees: ['m.i.'] }))).toEqual(['campus-u']);
    expect(ids(filterPrograms(all, { statuses: ['conditional'] }))).toEqual(['mostly-u']);
  });

  it('--query ignores accents and case and needs every word', () => {
    const jose = makeProgram({ id: 'sjsu', institution: 'San José State University', city: 'San José' });
    expect(ids(filterPrograms([jose, online], { query: 'SAN JOSE' }))).toEqual(['sjsu']);
    expect(ids(filterPrograms([jose, online], { query: 'san toronto' }))).toEqual([]);
  });

  it('names the filter that removed the most when nothing matches', () => {
    const result = filterPrograms(all, { onlineOnly: true, regions: [region('WY')] });
    expect(result.programs).toEqual([]);
    expect(result.mostRemoving).toEqual({ label: '--state WY', removed: 5, of: 5 });
  });
});

describe('sortPrograms', () => {
  it('sorts by name, region and review date (unknown last)', () => {
    const a = makeProgram({ id: 'a', institution: 'B College', region: 'TX', review: review(2027, 'fall') });
    const b = makeProgram({ id: 'b', institution: 'A College', region: 'AL', review: review(null, null) });
    const c = makeProgram({ id: 'c', institution: 'C College', region: 'AL', review: review(2027, 'spring') });
    expect(sortPrograms([a, b, c], 'name').map((p) => p.id)).toEqual(['b', 'a', 'c']);
    expect(sortPrograms([a, b, c], 'region').map((p) => p.id)).toEqual(['b', 'c', 'a']);
    expect(sortPrograms([a, b, c], 'review').map((p) => p.id)).toEqual(['c', 'a', 'b']);
  });
});

function review(
  year: number | null,
  season: ReviewInfo['season'],
  basis: ReviewInfo['basis'] = 'next-review',
): ReviewInfo {
  return { year, season, basis, outcomeNotFound: false, text: '' };
}

describe('reviews', () => {
  const nov2026 = new Date('2026-11-26T12:00:00Z');
  it.each([
    [review(2025, 'fall'), true],
    [review(2026, 'spring'), true],
    [review(2026, 'fall'), false],
    [review(2026, null), false],
    [review(2027, 'spring'), false],
    [review(null, null, 'not-stated'), false],
  ])('%o past on 2026-11-26: %s', (r, past) => {
    expect(reviewIsPast(r, nov2026)).toBe(past);
  });

  it.each([
    [review(2027, 'fall'), 'fall 2027'],
    [review(2030, null, 'through'), 'through 2030'],
    [review(2024, 'fall', 'review-in-progress'), 'in progress (fall 2024)'],
    [review(null, null, 'not-stated'), 'unknown'],
  ])('label %o -> %s', (r, label) => {
    expect(reviewLabel(r)).toBe(label);
  });
});

describe('findProgramsByName', () => {
  it('finds by exact id first, then by words', () => {
    expect(findProgramsByName(all, 'campus-u').map((p) => p.id)).toEqual(['campus-u']);
    expect(findProgramsByName(all, 'university').map((p) => p.id)).toEqual(['online-u', 'campus-u', 'mystery-u']);
    expect(findProgramsByName(all, 'nowhere')).toEqual([]);
  });
});
