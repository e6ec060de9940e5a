import { describe, expect, it } from 'vitest';
import {
  filterPrograms,
  findProgramsByName,
  matchesWholeWords,
  placeGuidance,
  reviewIsPast,
  reviewLabel,
  sortPrograms,
} from '../../../src/catalog/programs.js';
import { findRegion, type Region } from '../../../src/catalog/regions.js';
import type { ReviewInfo } from '../../../src/schema/datasets.js';
import { makeProgram } from '../../helpers/programs.js';

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

describe('--query: whole words over names, notes and specialisations', () => {
  it.each([
    ['GRE', 'Greenville Greensboro', false],
    ['GRE', 'no GRE required', true],
    ['archives', 'archival studies', true],
    ['archive', 'Archives management', true],
    ['san jose', 'San José State University', true],
    ['law', 'lawrence', false],
  ])('%s in "%s" -> %s', (query, text, expected) => {
    expect(matchesWholeWords(query, text)).toBe(expected);
  });

  it('finds programs by a specialisation or the notes, and licensure by a school library track', () => {
    const school = makeProgram({
      id: 'school-u',
      specialisations: ['school library'],
      notes: 'Concentrations: school libraries.',
    });
    const archives = makeProgram({ id: 'arch-u', summary: 'Emphases include archival studies.' });
    expect(ids(filterPrograms([school, archives, online], { query: 'archives' }))).toEqual(['arch-u']);
    expect(ids(filterPrograms([school, archives, online], { query: 'licensure' }))).toEqual(['school-u']);
    expect(ids(filterPrograms([makeProgram({ id: 'g', city: 'Greenville' })], { query: 'GRE' }))).toEqual([]);
  });
});

describe('cost', () => {
  const charge = (perCredit: number | null) => ({ tuition: 1, fees: 0, tuitionAndFees: 1, perCredit });
  const withCost = (id: string, region: string, inState: number | null, outOfState: number | null) =>
    makeProgram({
      id,
      institution: id,
      region,
      cost: {
        year: '2022-23',
        source: 't',
        inDistrict: null,
        inState: charge(inState),
        outOfState: charge(outOfState),
      },
    });
  const cheapTx = withCost('cheap-tx', 'TX', 300, 900);
  const dearCa = withCost('dear-ca', 'CA', 600, 600);
  const noCredit = withCost('no-credit', 'CA', null, 400);
  const canada = makeProgram({ id: 'canada', region: 'ON', country: 'Canada', cost: null });
  const four = [canada, noCredit, dearCa, cheapTx];

  it('--sort cost orders by in-state per-credit charge, unknown and outside IPEDS last', () => {
    expect(sortPrograms(four, 'cost').map((p) => p.id)).toEqual(['cheap-tx', 'dear-ca', 'canada', 'no-credit']);
  });

  it('--sort cost --resident CA uses the rate a Californian pays', () => {
    expect(sortPrograms(four, 'cost', region('CA')).map((p) => p.id)).toEqual([
      'dear-ca',
      'cheap-tx',
      'canada',
      'no-credit',
    ]);
  });

  it.each([
    [500, undefined, ['cheap-tx']],
    [650, 'CA', ['dear-ca']],
    [1000, 'CA', ['dear-ca', 'cheap-tx']],
  ])('--max-credit-cost %i --resident %s', (max, state, expected) => {
    const resident = state ? region(state) : undefined;
    expect(ids(filterPrograms(four, { maxCreditCost: max, resident }))).toEqual(expected);
  });
});

describe('placeGuidance', () => {
  it('with --online-only and a place: the count without the place, and local programs of unknown delivery', () => {
    const g = placeGuidance(all, { onlineOnly: true, regions: [region('NY')] });
    expect(g?.withoutPlace).toBe(1);
    expect(g?.unknownDelivery.map((p) => p.id)).toEqual(['mystery-u']);
  });
  it('says nothing without --online-only or without a place', () => {
    expect(placeGuidance(all, { regions: [region('NY')] })).toBeNull();
    expect(placeGuidance(all, { onlineOnly: true })).toBeNull();
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
