import { describe, expect, it } from 'vitest';
import { parseTimeZoneAnswer, timeZoneCandidates } from '../../../src/formats/zone-answers.js';

describe('time zones: IANA names in any case, cities and regions', () => {
  const zones = (text: string) => timeZoneCandidates(text);
  it('America/Chicago -> itself', () => expect(zones('America/Chicago')).toEqual(['America/Chicago']));
  it('america/chicago -> America/Chicago', () => expect(zones('america/chicago')).toEqual(['America/Chicago']));
  it('chicago -> America/Chicago', () => expect(zones('chicago')).toEqual(['America/Chicago']));
  it('new york -> America/New_York', () => expect(zones('new york')).toEqual(['America/New_York']));
  it('Central -> America/Chicago first', () => expect(zones('Central')[0]).toBe('America/Chicago'));
  it('Central Time -> America/Chicago first', () => expect(zones('Central Time')[0]).toBe('America/Chicago'));
  it('EST -> America/New_York (not the fixed-offset EST)', () => expect(zones('EST')[0]).toBe('America/New_York'));
  it('Pacific -> America/Los_Angeles first', () => expect(zones('Pacific')[0]).toBe('America/Los_Angeles'));
  it('UTC -> UTC', () => expect(zones('UTC')).toEqual(['UTC']));
  it('indiana -> several suggestions', () => expect(zones('indiana').length).toBeGreaterThan(1));
  it('Mars/Base -> none', () => expect(zones('Mars/Base')).toEqual([]));
});

describe('time zones: accents, abbreviations several zones share, renamed zones', () => {
  const zones = (text: string) => timeZoneCandidates(text);
  it('São Paulo -> America/Sao_Paulo', () => expect(zones('São Paulo')).toEqual(['America/Sao_Paulo']));
  it('sao paulo -> America/Sao_Paulo', () => expect(zones('sao paulo')).toEqual(['America/Sao_Paulo']));
  it('Zürich -> Europe/Zurich', () => expect(zones('Zürich')).toEqual(['Europe/Zurich']));
  it('GMT -> a choice, Europe/London first, UTC too', () =>
    expect(zones('GMT')).toEqual(['Europe/London', 'Europe/Dublin', 'UTC']));
  it('gmt -> the same choice', () => expect(zones('gmt')).toEqual(['Europe/London', 'Europe/Dublin', 'UTC']));
  it('BST -> Europe/London or Asia/Dhaka', () => expect(zones('BST')).toEqual(['Europe/London', 'Asia/Dhaka']));
  it('IST -> India, Ireland or Israel, India as Asia/Kolkata', () =>
    expect(zones('IST')).toEqual(['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem']));
  it('Asia/Calcutta -> Asia/Kolkata', () => expect(zones('Asia/Calcutta')).toEqual(['Asia/Kolkata']));
  it('Asia/Kolkata -> itself', () => expect(zones('Asia/Kolkata')).toEqual(['Asia/Kolkata']));
  it('kolkata -> Asia/Kolkata', () => expect(zones('kolkata')).toEqual(['Asia/Kolkata']));
  it('Kiev -> Europe/Kyiv', () => expect(zones('Kiev')).toEqual(['Europe/Kyiv']));
  it('UTC -> UTC alone', () => expect(zones('UTC')).toEqual(['UTC']));
});

describe('time zones: a name that is none, with suggestions by spelling', () => {
  const error = (text: string) => {
    const a = parseTimeZoneAnswer(text);
    return 'error' in a ? a.error : `value: ${a.value.join(', ')}`;
  };
  const NONE =
    'no time zone by that name: type its IANA name (Area/City) or the nearest large city that has a zone of its own';
  it('chicgo -> did you mean America/Chicago?', () =>
    expect(error('chicgo')).toBe('no time zone by that name (did you mean America/Chicago?)'));
  it('America/Chicgo -> did you mean America/Chicago?', () =>
    expect(error('America/Chicgo')).toBe('no time zone by that name (did you mean America/Chicago?)'));
  it('londn -> did you mean Europe/London?', () =>
    expect(error('londn')).toBe('no time zone by that name (did you mean Europe/London?)'));
  it('centrl -> did you mean Central?', () =>
    expect(error('centrl')).toBe('no time zone by that name (did you mean Central?)'));
  it('Boston -> no far-fetched suggestion', () => expect(error('Boston')).toBe(NONE));
  it('Mumbai -> no far-fetched suggestion', () => expect(error('Mumbai')).toBe(NONE));
  it('Mars/Base -> no suggestion', () => expect(error('Mars/Base')).toBe(NONE));

  it.each([
    ['US/Eastern', ['America/New_York']],
    ['US/Pacific', ['America/Los_Angeles']],
    ['America/Chicago', ['America/Chicago']],
  ])('an IANA name is that zone, not a region choice: %s', (text, expected) =>
    expect(timeZoneCandidates(text)).toEqual(expected),
  );
});
