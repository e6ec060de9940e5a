import { describe, expect, it } from 'vitest';
import { plain } from '../../../src/ui/color.js';
import { renderVerdict } from '../../../src/ui/verdict.js';
import { verdictFor } from '../../helpers/verdicts.js';

const lines = (text: string) => text.split('\n');

describe('renderVerdict', () => {
  it('names the institution, its ids, what matched, each section, the mark, one staleness line and the sources', () => {
    const out = lines(renderVerdict(verdictFor('00115500'), 'the name San Jose State University', plain));
    expect(out[0]).toBe('San Jose State University (San Jose, CA, United States)');
    expect(out[1]).toMatch(/^OPEID 00115500 · UNITID \d+ · DAPIP \d+$/);
    expect(out[2]).toBe('(matched the name San Jose State University)');
    expect(out).toContain('ALA accreditation');
    expect(out).toContain('Institutional accreditation (U.S. Department of Education, DAPIP)');
    expect(out.filter((l) => l.startsWith('✓ '))).toHaveLength(1);
    expect(out.filter((l) => l.startsWith('! Accreditor as recorded by DAPIP'))).toHaveLength(1);
    expect(out.at(-1)).toMatch(/^Sources: .*DAPIP \(accreditor\) 2020-11-02/);
  });

  it.each([
    ['00101200', '✗', 'closed on 2024-07-31'], // Birmingham-Southern College
    ['00143300', '✗', 'merged into Delaware State University'],
  ])('OPEID %s: mark %s and "%s"', (opeId, mark, phrase) => {
    const out = renderVerdict(verdictFor(opeId), null, plain);
    expect(lines(out).some((l) => l.startsWith(`${mark} `))).toBe(true);
    expect(out).toContain(phrase);
  });

  it('text from a data file reaches the terminal with its control characters shown, not obeyed', () => {
    const v = verdictFor('00115500');
    const hostile = { ...v, institution: { ...v.institution, name: 'Evil\u001b]0;pwned\u0007 U\u001b[2J' } };
    const out = renderVerdict(hostile, null, plain);
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('\u0007');
    expect(lines(out)[0]).toContain('Evil\\x1b]0;pwned\\x07 U\\x1b[2J');
  });

  it.each([60, 80, 100])('on a terminal %i columns wide, every line fits and no word is lost', (columns) => {
    for (const opeId of ['00115500', '00220800', '00101200']) {
      const wide = renderVerdict(verdictFor(opeId), 'the name San Jose State University', plain);
      const out = renderVerdict(verdictFor(opeId), 'the name San Jose State University', plain, columns);
      for (const line of lines(out)) expect([...line].length, line).toBeLessThanOrEqual(columns);
      expect(out.split(/\s+/).join(' ')).toBe(wide.split(/\s+/).join(' '));
    }
  });

  it('without a width (not a terminal), each paragraph stays one line for scripts', () => {
    const out = lines(renderVerdict(verdictFor('00115500'), null, plain));
    expect(out.filter((l) => l.startsWith('Sources: '))).toHaveLength(1);
    expect(out.at(-1)).toMatch(/^Sources: .*\.$/);
  });
});
