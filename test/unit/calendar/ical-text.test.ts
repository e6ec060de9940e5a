import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DURATION,
  foldLine,
  oneLine,
  refoldIcs,
  repairTriggers,
  unfold,
  withoutControls,
} from '../../../src/calendar/ical-text.js';

describe('DURATION grammar (RFC 5545 §3.3.6)', () => {
  it.each(['-P1D', '-PT2H', '-PT24H', 'PT15M', '-P1DT2H', 'P2W', '-PT1H30M', 'PT0S'])('accepts %s', (value) => {
    expect(DURATION.test(value)).toBe(true);
  });
  it.each(['-P1DT', 'P', 'PT', '-P1H', 'P1.5D', '1D'])('rejects %s', (value) => {
    expect(DURATION.test(value)).toBe(false);
  });
});

describe('foldLine', () => {
  it('folds at 75 octets, continuation lines starting with a space', () => {
    const line = `SUMMARY:${'a'.repeat(200)}`;
    const parts = foldLine(line).split('\r\n');
    expect(parts.every((p) => Buffer.byteLength(p) <= 75)).toBe(true);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(unfold(foldLine(line)).join('')).toBe(line);
  });

  it('never splits a multi-byte character', () => {
    const line = `SUMMARY:${'é—ʻ'.repeat(60)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
    }
    expect(unfold(folded).join('')).toBe(line);
  });

  it('for any text: parts of at most 75 octets, whole characters, and unfolding gives the line back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (value) => {
        const line = `DESCRIPTION:${value.replace(/[\r\n]/g, ' ')}`;
        const parts = foldLine(line).split('\r\n');
        for (const part of parts) {
          expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
          expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
        }
        expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
        expect(unfold(parts.join('\r\n')).join('')).toBe(line);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('refoldIcs', () => {
  it('fixes the dangling T in alarm durations and refolds', () => {
    const out = refoldIcs('BEGIN:VALARM\r\nTRIGGER:-P1DT\r\nEND:VALARM\r\n');
    expect(out).toBe('BEGIN:VALARM\r\nTRIGGER:-P1D\r\nEND:VALARM\r\n');
  });

  it('refolds text that ics folded by characters, with a tab', () => {
    const line = `DESCRIPTION:${'é'.repeat(70)}`;
    const byCharacters = `${line.slice(0, 75)}\r\n\t${line.slice(75)}\r\n`;
    expect(refoldIcs(byCharacters)).toBe(`${foldLine(line)}\r\n`);
  });
});

describe('the two ways an event is finished (src/calendar/ics-adapter.ts)', () => {
  const lines = fc.array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 160 }).map((v) => `DESCRIPTION:${v.replace(/[\r\n]/g, ' ')}`),
      fc.constantFrom('TRIGGER:-P1DT', 'TRIGGER:-PT2H', 'TRIGGER:PT', 'TRIGGER:-PT', 'BEGIN:VEVENT', 'END:VEVENT'),
    ),
    { minLength: 1, maxLength: 12 },
  );
  it('lines folded as written, then triggers repaired, is what refolding the whole gives', () => {
    fc.assert(
      fc.property(lines, (event) => {
        const foldedAsWritten = `${event.map(foldLine).join('\r\n')}\r\n`;
        expect(repairTriggers(foldedAsWritten)).toBe(refoldIcs(`${event.join('\r\n')}\r\n`));
      }),
      { numRuns: 500 },
    );
  });
});

describe('one-line TEXT and zero triggers', () => {
  it.each([
    ['Line one\nline two', 'Line one line two'],
    ['a\r\nb', 'a b'],
    ['tab\there\u0007bell', 'tab here bell'],
    ['plain', 'plain'],
  ])('oneLine(%j) -> %j', (text, expected) => expect(oneLine(text)).toBe(expected));

  it.each([
    ['keeps\nline breaks\u0000', 'keeps\nline breaks'],
    ['a\u0007b', 'a b'],
    ['a\r\nb\u001b[31m', 'a\r\nb [31m'],
  ])('withoutControls(%j) -> %j', (text, expected) => expect(withoutControls(text)).toBe(expected));

  it.each([
    ['TRIGGER:PT\r\n', 'TRIGGER:PT0S\r\n'],
    ['TRIGGER:-PT\r\n', 'TRIGGER:PT0S\r\n'],
    ['TRIGGER:PT22H\r\n', 'TRIGGER:PT22H\r\n'],
  ])('refoldIcs(%j) -> %j (a zero duration is PT0S, never P)', (text, expected) =>
    expect(refoldIcs(text)).toBe(expected),
  );
});
