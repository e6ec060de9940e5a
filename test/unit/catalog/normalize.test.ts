import { describe, expect, it } from 'vitest';
import { foldText, matchesAllWords, slugify } from '../../../src/catalog/normalize.js';

describe('foldText', () => {
  it.each([
    ['San José State University', 'san jose state university'],
    ['University of Hawaiʻi at Mānoa', 'university of hawaii at manoa'],
    ["St. John's University", 'st johns university'],
    ['Texas A&M', 'texas a and m'],
    ['Université de Montréal', 'universite de montreal'],
    ['  Rutgers,   The State University ', 'rutgers the state university'],
  ])('%s -> %s', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });
});

describe('slugify', () => {
  it('makes ids from names', () => {
    expect(slugify('San José State University MLIS')).toBe('san-jose-state-university-mlis');
  });
});

describe('matchesAllWords', () => {
  it.each([
    ['san jose', 'San José State University', true],
    ['SAN JOSÉ', 'San José State University', true],
    ['jose san', 'San José State University', true],
    ['montreal', 'Université de Montréal', true],
    ['jos', 'San José State University', true],
    ['ose', 'San José State University', false],
    ['toronto', 'San José State University', false],
    ['', 'anything', true],
  ])('%s in %s -> %s', (query, haystack, expected) => {
    expect(matchesAllWords(query, haystack)).toBe(expected);
  });
});
