import { describe, expect, it } from 'vitest';
import { normaliseIcs, stripControls } from '../../../src/calendar/ical-text.js';

describe('no control character reaches the .ics', () => {
  it.each([
    ['SUMMARY:Paper\x00 1', 'SUMMARY:Paper 1'],
    ['SUMMARY:\x1b]0;pwned\x07x', 'SUMMARY:]0;pwnedx'],
    ['SUMMARY:a\rb', 'SUMMARY:ab'],
    ['SUMMARY:tab\tkept', 'SUMMARY:tab\tkept'],
    ['SUMMARY:plain', 'SUMMARY:plain'],
  ])('%j -> %j', (line, out) => expect(stripControls(line)).toBe(out));

  it('normaliseIcs drops NUL and keeps CRLF line ends', () =>
    expect(normaliseIcs('BEGIN:VEVENT\r\nSUMMARY:a\x00b\r\nEND:VEVENT\r\n')).toBe(
      'BEGIN:VEVENT\r\nSUMMARY:ab\r\nEND:VEVENT\r\n',
    ));
});
