import { describe, expect, it } from 'vitest';
import { isRealDay } from '../../../src/time/dates.js';

describe('isRealDay', () => {
  it.each([
    ['2027-02-28', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2027-02-30', false],
    ['2027-13-01', false],
    ['2027-04-31', false],
    ['2027-03-05 23:59', true],
    ['2027-02-30T12:00:00', false],
  ])('%s: %s (Date rolls impossible days over)', (text, real) => expect(isRealDay(text)).toBe(real));
});
