import { describe, expect, it } from 'vitest';
import type { UserError } from '../../../src/errors.js';
import { closestKey } from '../../../src/formats/plan-keys.js';
import { decodeUtf8 } from '../../../src/formats/utf8.js';
import { planProblem, SMALL_PLAN } from '../../helpers/plan-text.js';

const problem = planProblem;

const base = `${SMALL_PLAN}    bufferDays: 1
settings:
  revisionBufferDays: 2
`;

describe('typos inside items are errors with a did-you-mean hint', () => {
  const typo = async (from: string, to: string) => (await problem(base.replace(from, to))).message;
  it('weeklyHour', async () =>
    expect(await typo('weeklyHours: 1', 'weeklyHour: 1')).toBe(
      'plan.yaml:11:5: courses[0]: unknown key weeklyHour (did you mean weeklyHours?)',
    ));
  it('bufferdays', async () =>
    expect(await typo('bufferDays: 1', 'bufferdays: 1')).toBe(
      'plan.yaml:17:5: deadlines[0]: unknown key bufferdays (did you mean bufferDays?)',
    ));
  it('revisionBufferDay', async () =>
    expect(await typo('revisionBufferDays: 2', 'revisionBufferDay: 2')).toBe(
      'plan.yaml:19:3: settings: unknown key revisionBufferDay (did you mean revisionBufferDays?)',
    ));
  it("a term's ends", async () =>
    expect(await typo('    end: 2027-12-10', '    end: 2027-12-10\n    ends: 2027-12-11')).toBe(
      'plan.yaml:7:5: terms[0]: unknown key ends (did you mean end?)',
    ));
  it("a slot's until", async () =>
    expect(await typo('end: "21:00" }', 'end: "21:00", until: "22:00" }')).toBe(
      'plan.yaml:8:47: availability[0]: unknown key until (did you mean end?)',
    ));
  it('a break with an unknown key', async () =>
    expect(
      await typo(
        '    end: 2027-12-10',
        '    end: 2027-12-10\n    breaks: [{ start: 2027-11-25, end: 2027-11-26, nme: x }]',
      ),
    ).toMatch(/terms\[0\]\.breaks\[0\]: unknown key nme \(did you mean name\?\)$/));
});

describe('closestKey', () => {
  it.each([
    ['weeklyHour', ['code', 'weeklyHours'], 'weeklyHours'],
    ['WEEKLYHOURS', ['weeklyHours'], 'weeklyHours'],
    ['until', ['day', 'start', 'end'], 'end'],
    ['colour', ['day', 'start', 'end'], undefined],
  ])('%s -> %s', (key, allowed, expected) => expect(closestKey(key, allowed)).toBe(expected));
});

describe('YAML errors are reported where they are', () => {
  it('a syntax error on line 9 is reported at line 9, not 1:1', async () => {
    const text = `${base.split('\n').slice(0, 8).join('\n')}\n  - { day: tue, start: "19:00", end: "21:00"\n`;
    expect((await problem(text)).where).toMatch(/^plan\.yaml:(9|10):\d+$/);
  });
  it('a bad indentation further down is at its own line', async () => {
    const error = await problem(base.replace('    title: Paper', '   title: Paper'));
    expect(error.where).not.toBe('plan.yaml:1:1');
    expect(Number(error.where?.split(':')[1])).toBeGreaterThanOrEqual(13);
  });
  it('an alias bomb (billion laughs) is a plan error, not an internal error', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i += 1) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const error = await problem(`${levels.join('\n')}\n${base}`);
    expect(error.message).toMatch(/aliases/);
    expect(error.exitCode).toBe(2);
  });
});

describe('limits', () => {
  it('a term lasting centuries is a plan error', async () =>
    expect((await problem(base.replace('end: 2027-12-10', 'end: 2327-12-10'))).message).toMatch(
      /terms\[0\]: the term spans more than 10 years/,
    ));
  it('terms together spanning more than ten years', async () =>
    expect(
      (
        await problem(
          base.replace(
            '    end: 2027-12-10',
            '    end: 2027-12-10\n  - name: Far\n    start: 2039-01-03\n    end: 2039-02-01',
          ),
        )
      ).message,
    ).toMatch(/terms: the terms span more than 10 years/));
  it('a huge title is a plan error that does not echo the title', async () => {
    const error = await problem(base.replace('title: Paper', `title: ${'x'.repeat(100_000)}`));
    expect(error.message).toMatch(/deadlines\[0\]\.title: x+\.\.\. is longer than 300 characters/);
    expect(error.message.length).toBeLessThan(300);
  });
});

describe('decodeUtf8', () => {
  it('passes UTF-8 through', () => expect(decodeUtf8(Buffer.from('name: Café\n'), 'p.yaml')).toBe('name: Café\n'));
  it('refuses Latin-1 naming the line and column of the first bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('a: 1\nname: Caf'), Buffer.from([0xe9]), Buffer.from('x\n')]);
    expect(() => decodeUtf8(bytes, 'p.yaml')).toThrow(/byte 0xE9 is not UTF-8/);
    try {
      decodeUtf8(bytes, 'p.yaml');
    } catch (error) {
      expect((error as UserError).where).toBe('p.yaml:2:10');
    }
  });
  it('refuses UTF-16', () =>
    expect(() => decodeUtf8(Buffer.from('\ufeffa: 1', 'utf16le'), 'p.yaml')).toThrow(/UTF-16/));
});

describe('a mistyped choice names the choices and the closest one', () => {
  it.each([
    [
      'kind: paper',
      'kind: papr',
      'deadlines[0].kind: "papr" is not one of assignment, paper, project, discussion, quiz, exam (did you mean paper?)',
    ],
    [
      'day: mon',
      'day: mond',
      'availability[0].day: "mond" is not one of mon, tue, wed, thu, fri, sat, sun (did you mean mon?)',
    ],
  ])('%s -> %s', async (from, to, message) => {
    const text = `${SMALL_PLAN.replace('    title: Paper\n', '    title: Paper\n    kind: paper\n')}`;
    expect((await problem(text.replace(from, to))).message).toContain(message);
  });
});
