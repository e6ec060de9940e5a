import { describe, expect, it } from 'vitest';
import { isStale, monthsOld } from '../../../src/catalog/staleness.js';

describe('staleness', () => {
  const now = new Date('2026-11-26T00:00:00Z');
  it.each([
    ['2020-11-02', 72],
    ['2026-02', 9],
    ['2026', -1],
    ['2024-06', 29],
  ])('%s is %i months old on 2026-11-26', (asOf, months) => {
    expect(monthsOld(asOf, now)).toBe(months);
  });
  it('flags data older than 12 months', () => {
    expect(isStale('2025-10', now)).toBe(true);
    expect(isStale('2025-11', now)).toBe(false);
  });
});
