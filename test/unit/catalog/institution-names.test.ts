import { describe, expect, it } from 'vitest';
import { acronym, canonicalName } from '../../../src/catalog/institution-names.js';

describe('canonicalName', () => {
  it.each([
    ['The University of Alabama', 'university of alabama'],
    ['University of Illinois at Urbana-Champaign', 'university of illinois urbana champaign'],
    ['Saint Catherine University', 'st catherine university'],
    ['St. Catherine University', 'st catherine university'],
    ['Texas A&M University', 'texas a and m university'],
    ['University of Pittsburgh - Main Campus', 'university of pittsburgh'],
    ['San José State Univ.', 'san jose state university'],
    ['Mt. Holyoke College', 'mount holyoke college'],
    ['University of Hawaiʻi at Mānoa', 'university of hawaii manoa'],
  ])('%s -> %s', (name, canonical) => {
    expect(canonicalName(name)).toBe(canonical);
  });
});

describe('acronym', () => {
  it.each([
    ['san jose state university', 'sjsu'],
    ['university of illinois urbana champaign', 'uiuc'],
    ['harvard', ''],
  ])('%s -> %s', (canonical, expected) => {
    expect(acronym(canonical)).toBe(expected);
  });
});
