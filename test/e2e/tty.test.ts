import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, tempHome } from '../helpers/run-mls.js';
import { hasTmux, Terminal } from '../helpers/terminal.js';

// util-linux `script` gives the command a pseudo-terminal, as a user's shell would.
const hasScript = existsSync('/usr/bin/script');

function runInTerminal(command: string, env: Record<string, string>, columns = 160): string {
  const home = tempHome();
  const result = spawnSync('/usr/bin/script', ['-qec', `stty cols ${columns}; ${command}`, '/dev/null'], {
    env: { PATH: process.env.PATH, HOME: home, TZ: 'UTC', TERM: 'xterm-256color', MLS_DATA_HOME: home, ...env },
    encoding: 'utf8',
  });
  return result.stdout;
}

describe.runIf(hasScript)('mls in a terminal', () => {
  it('prints an aligned, coloured table', () => {
    const out = runInTerminal(`"${process.execPath}" "${BIN}" find --online-only --state CA`, {});
    expect(out).toMatch(/Institution\s+Program\s+Degree\s+Delivery\s+Place\s+Status\s+\$\/credit\s+Next review/);
    expect(out).toContain('San José State University');
    expect(out).toContain('\u001b[');
  });

  it('prints no colour with NO_COLOR', () => {
    const out = runInTerminal(`"${process.execPath}" "${BIN}" find --online-only --state CA`, { NO_COLOR: '1' });
    expect(out).toContain('San José State University');
    expect(out).not.toContain('\u001b[');
  });
});

describe.runIf(hasScript)('tables fitted to the terminal', () => {
  const widest = (out: string) =>
    Math.max(
      ...out
        .replace(/\r/g, '')
        .split('\n')
        .map((l) => l.length),
    );

  it.each([80, 100, 120])('no line of `mls find --online-only` is wider than %i columns', (columns) => {
    const out = runInTerminal(`"${process.execPath}" "${BIN}" find --online-only`, { NO_COLOR: '1' }, columns);
    expect(out).toContain('Institution');
    expect(widest(out)).toBeLessThanOrEqual(columns);
  });

  it.each([80, 100])(
    'no line of a --career ranking is wider than %i columns (evidence lines are wrapped)',
    (columns) => {
      const command = `"${process.execPath}" "${BIN}" find --online-only --career "Metadata Librarian"`;
      const out = runInTerminal(command, { NO_COLOR: '1' }, columns);
      expect(out).toContain('score');
      expect(widest(out)).toBeLessThanOrEqual(columns);
    },
  );

  it.each([60, 80])('no line of `mls check` or `mls data info` is wider than %i columns', (columns) => {
    for (const args of ['check Simmons', 'check 00101200', 'data info']) {
      const out = runInTerminal(`"${process.execPath}" "${BIN}" ${args}`, { NO_COLOR: '1' }, columns);
      expect(out.length, args).toBeGreaterThan(100);
      expect(widest(out), args).toBeLessThanOrEqual(columns);
    }
  });

  it.each([60, 80])(
    'no line of plan week, today or status is wider than %i columns, even with a long title',
    (columns) => {
      const home = tempHome();
      const plan = join(home, 'plan.yaml');
      spawnSync(process.execPath, [BIN, 'plan', 'example', '-o', plan], { env: { ...process.env, HOME: home } });
      const long = 'A very long title for a paper that goes on and on about information communities';
      writeFileSync(plan, readFileSync(plan, 'utf8').replace('title: Community analysis paper', `title: ${long}`));
      for (const args of ['week', 'today --date 2027-10-06', 'status']) {
        const out = runInTerminal(
          `"${process.execPath}" "${BIN}" plan ${args} "${plan}"`,
          { NO_COLOR: '1', MLS_NOW: '2027-10-04T23:00:00Z', HOME: home },
          columns,
        );
        expect(out, args).toContain('A very');
        expect(widest(out), args).toBeLessThanOrEqual(columns);
      }
    },
  );

  it('--wide shows every column at full width', () => {
    const out = runInTerminal(`"${process.execPath}" "${BIN}" find --online-only --wide`, { NO_COLOR: '1' }, 80);
    expect(out).toContain('Master of Library and Information Science');
    expect(out).toContain('Next review');
  });
});

describe.runIf(hasTmux)('mls check in a terminal', () => {
  it('asks which institution is meant when several match, then shows its verdict', async () => {
    const dir = tempHome();
    const t = new Terminal(dir, `"${process.execPath}" "${BIN}" check Westminster College`);
    try {
      await t.answer('matches 3 institutions. Which one?', ['Down', 'Enter']);
      const screen = await t.waitFor(/EXIT=\d+/);
      expect(screen).toContain('Westminster College (New Wilmington, PA, United States)');
      expect(screen).toContain('EXIT=0');
    } finally {
      t.close();
    }
  });
});

describe.runIf(hasTmux)('the institution picker (check and show)', () => {
  it('a generic word asks, with ALA hosts first and marked; the choice gets its verdict', async () => {
    const dir = tempHome();
    const t = new Terminal(dir, `"${process.execPath}" "${BIN}" check Indiana`);
    try {
      const asked = await t.waitFor('(too general to pick one). Which one?');
      expect(asked).toMatch(/Indiana University - Purdue University Indianapolis .*\[ALA-accredited program\]/);
      await t.answer('Which one?', ['Down', 'Enter']);
      const screen = await t.waitFor(/EXIT=\d+/);
      expect(screen).toContain('Indiana University Bloomington (Bloomington, IN, United States)');
      expect(screen).toContain('EXIT=0');
    } finally {
      t.close();
    }
  });
});
