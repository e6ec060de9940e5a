import { describe, expect, it } from 'vitest';
import { closestMatches, didYouMean, editDistance } from '../../../src/catalog/suggest.js';

describe('suggestions for mistyped values', () => {
  it.each([
    ['metdata', 'metadata', 1],
    ['New Yrok', 'New York', 1],
    ['abc', 'abc', 0],
  ])('editDistance(%s, %s) = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it.each([
    ['New Yrok', ['New York', 'New Jersey', 'Newfoundland and Labrador'], ['New York']],
    ['metdata', ['Metadata Librarian', 'Metadata Analyst', 'Researcher'], ['Metadata Librarian', 'Metadata Analyst']],
    ['contnued', ['continued', 'conditional', 'candidate'], ['continued']],
    ['MILS', ['MLIS', 'MLS', 'MI'], ['MLIS', 'MLS']],
    ['zzzz', ['MLIS', 'MLS'], []],
  ])('%s -> %o', (value, candidates, expected) => {
    expect(closestMatches(value, candidates)).toEqual(expected);
  });

  it('phrases one hint, or nothing', () => {
    expect(didYouMean('Calfornia', ['California', 'Carolina'])).toBe(' (did you mean "California"?)');
    expect(didYouMean('zzzz', ['California'])).toBe('');
  });
});
