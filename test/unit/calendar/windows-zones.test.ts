import { describe, expect, it } from 'vitest';
import { WINDOWS_TO_IANA_MAP } from 'windows-iana';
import { WINDOWS_ZONES } from '../../../src/calendar/windows-zones.js';

describe('WINDOWS_ZONES', () => {
  it('is the CLDR table of the installed windows-iana (run `node scripts/windows-zones.mjs` after an upgrade)', () => {
    const expected = Object.fromEntries(
      WINDOWS_TO_IANA_MAP.filter((row) => row.territory === '001').map((row) => [row.windowsName, row.iana[0]]),
    );
    expect(WINDOWS_ZONES).toEqual(expected);
  });

  it.each([
    ['Eastern Standard Time', 'America/New_York'],
    ['Pacific Standard Time', 'America/Los_Angeles'],
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['AUS Eastern Standard Time', 'Australia/Sydney'],
    ['India Standard Time', 'Asia/Calcutta'],
  ])('%s -> %s', (windows, iana) => expect(WINDOWS_ZONES[windows]).toBe(iana));
});
