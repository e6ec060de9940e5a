import { describe, expect, it } from 'vitest';
import { findCountry, findRegion } from '../../../src/catalog/regions.js';

describe('findRegion', () => {
  it.each([
    ['CA', 'CA'],
    ['ca', 'CA'],
    ['California', 'CA'],
    ['ON', 'ON'],
    ['Ontario', 'ON'],
    ['Québec', 'QC'],
    ['quebec', 'QC'],
    ['District of Columbia', 'DC'],
    ['Puerto Rico', 'PR'],
    ['england', 'England'],
    ['new york', 'NY'],
  ])('%s -> %s', (input, code) => {
    expect(findRegion(input)?.code).toBe(code);
  });

  it('returns undefined for an unknown region', () => {
    expect(findRegion('XX')).toBeUndefined();
    expect(findRegion('Atlantis')).toBeUndefined();
  });
});

describe('findCountry', () => {
  it.each([
    ['US', 'United States'],
    ['usa', 'United States'],
    ['Canada', 'Canada'],
    ['uk', 'United Kingdom'],
  ])('%s -> %s', (input, country) => {
    expect(findCountry(input)).toBe(country);
  });
  it('rejects unknown countries', () => {
    expect(findCountry('France')).toBeUndefined();
  });
});
