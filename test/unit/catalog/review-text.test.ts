import { describe, expect, it } from 'vitest';
import { parseReviewText } from '../../../src/catalog/review-text.js';

describe('parseReviewText', () => {
  it.each([
    ['next comprehensive review spring 2029', 2029, 'spring', 'next-review', false],
    [
      'next comprehensive review spring 2024 (set by 2017 decision; outcome of that review not found)',
      2024,
      'spring',
      'next-review',
      true,
    ],
    ['next comprehensive review 2029', 2029, null, 'next-review', false],
    ['through 2029', 2029, null, 'through', false],
    ['through fall 2025 (review due fall 2025; outcome not found)', 2025, 'fall', 'through', true],
    ['through 2025; next comprehensive review fall 2025 (outcome not found)', 2025, 'fall', 'next-review', true],
    ['current accreditation cycle runs to 2028 per VSU dean', 2028, null, 'through', false],
    ['continued accreditation renewed for seven years, 2022 to 2029 (per EBSI guide)', 2029, null, 'through', false],
    ['2016 decision set next visit 2022 (outcome not found)', 2022, null, 'next-review', true],
    [
      '2016 decision set review spring 2023; review held 2023-24 (outcome not found)',
      2023,
      'spring',
      'next-review',
      true,
    ],
    ['2013 decision ran until 2020 (later outcome not found)', 2020, null, 'through', true],
    ['comprehensive review visit scheduled fall 2026', 2026, 'fall', 'next-review', false],
    [
      'comprehensive review in progress: site visit March 2025, COA decision expected June 2025 (outcome not found)',
      2025,
      'spring',
      'review-in-progress',
      true,
    ],
    [
      'review under way: External Review Panel visit 4-5 Nov 2024 (outcome not found)',
      2024,
      'fall',
      'review-in-progress',
      true,
    ],
    ['comprehensive review under way as of Feb 2026', null, null, 'review-in-progress', false],
    ['continued accreditation granted 2024 (next review date not stated)', null, null, 'not-stated', false],
    ['no date found (the only dated ALA decision found, July 2005, was conditional)', null, null, 'not-stated', false],
    [
      're-accredited early 2021 (next visit shortly after 2026 per school; exact date not stated)',
      null,
      null,
      'not-stated',
      false,
    ],
    ['', null, null, 'not-stated', false],
  ])('%s', (text, year, season, basis, outcomeNotFound) => {
    expect(parseReviewText(text)).toEqual({ year, season, basis, outcomeNotFound, text });
  });
});
