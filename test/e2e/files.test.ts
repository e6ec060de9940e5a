/**
 * The file rules of docs/files.md, through the built binary: locks, the guarded write path,
 * special files, symlinks, modes, stale temporary files, OS faults and hostile text.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runMls, runMlsAsync, tempHome } from '../helpers/run-mls.js';

const MONDAY = '2027-10-04T23:00:00Z';

function examplePlan(withDeadlines = true) {
  const home = tempHome();
  const plan = join(home, 'plan.yaml');
  expect(runMls(['plan', 'example', '-o', plan], { env: { HOME: home } }).code).toBe(0);
  if (!withDeadlines) {
    const text = readFileSync(plan, 'utf8');
    writeFileSync(plan, text.replace(/deadlines:[\s\S]*?\nsettings:/, 'deadlines: []\n\nsettings:'));
  }
  const run = (args: string[]) => runMls(args, { env: { HOME: home, MLS_NOW: MONDAY } });
  return { home, plan, run };
}

/** A Canvas-like feed with one assignment, distinct per `n`. */
function feed(dir: string, n: number): string {
  const path = join(dir, `feed-${n}.ics`);
  const day = String(n + 1).padStart(2, '0');
  writeFileSync(
    path,
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Instructure//Canvas LMS//EN',
      `X-WR-CALNAME:Feed ${n}`,
      'BEGIN:VEVENT',
      'DTSTAMP:20270901T120000Z',
      `UID:event-assignment-90${day}`,
      `DTSTART;VALUE=DATE:202710${day}`,
      `DTEND;VALUE=DATE:202710${day}`,
      `SUMMARY:Reflection ${n} [INFO 200-01 Fall 2027]`,
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n'),
  );
  return path;
}

const TEN = Array.from({ length: 10 }, (_, i) => i);

describe('concurrent commands never lose a record', () => {
  it('ten concurrent plan done/skip of ten blocks keep ten records', async () => {
    const { home, plan } = examplePlan();
    // Two blocks on each of five days of the week before (the example plan's own numbering).
    const days = ['2027-09-27', '2027-09-29', '2027-09-30', '2027-10-02', '2027-10-03'];
    const results = await Promise.all(
      TEN.map((i) =>
        runMlsAsync(['plan', i % 2 ? 'skip' : 'done', plan, String((i % 2) + 1), '--date', days[i >> 1] ?? ''], {
          env: { HOME: home, MLS_NOW: MONDAY },
        }),
      ),
    );
    expect(results.map((r) => r.code)).toEqual(TEN.map(() => 0));
    const lines = readFileSync(join(home, 'plan.progress.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    const records = lines.map((l) => JSON.parse(l) as { key: string; status: string });
    expect(new Set(records.map((r) => r.key)).size).toBe(10);
    for (const r of records) expect(r.status).toMatch(/^(done|skipped)$/);
  }, 120_000);

  it('ten concurrent plan done of one block keep one record; the others say it is already done', async () => {
    const { home, plan } = examplePlan();
    const results = await Promise.all(
      TEN.map(() =>
        runMlsAsync(['plan', 'done', plan, '1', '--date', '2027-09-27'], { env: { HOME: home, MLS_NOW: MONDAY } }),
      ),
    );
    expect(results.map((r) => r.code)).toEqual(TEN.map(() => 0));
    expect(readFileSync(join(home, 'plan.progress.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(1);
    expect(results.filter((r) => r.stderr.includes('already done: 2027-09-27'))).toHaveLength(9);
  }, 120_000);

  it('ten concurrent plan import of different feeds keep ten deadlines', async () => {
    const { home, plan, run } = examplePlan(false);
    const results = await Promise.all(
      TEN.map((i) => runMlsAsync(['plan', 'import', feed(home, i), '--plan', plan], { env: { HOME: home } })),
    );
    expect(results.map((r) => r.code)).toEqual(TEN.map(() => 0));
    const out = JSON.parse(run(['plan', 'check', plan, '--json']).stdout);
    expect(out.deadlines).toHaveLength(10);
    expect(readdirSync(home).filter((f) => f.endsWith('.lock'))).toEqual([]);
  }, 120_000);
});

describe('plan build -o: what is overwritten', () => {
  it('never replaces a calendar mls did not write, unless --force', () => {
    const { home, plan, run } = examplePlan();
    const personal = join(home, 'personal.ics');
    const mine = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Apple Inc.//macOS//EN\r\nEND:VCALENDAR\r\n';
    writeFileSync(personal, mine);
    const refused = run(['plan', 'build', plan, '-o', personal]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`error: ${personal} is a calendar mls did not write; not overwriting it`);
    expect(readFileSync(personal, 'utf8')).toBe(mine);
    expect(run(['plan', 'build', plan, '-o', personal, '--force']).code).toBe(0);
    // Now mls wrote it: rebuilding needs no --force.
    expect(run(['plan', 'build', plan, '-o', personal]).code).toBe(0);
  });

  it('refuses a FIFO as output at once, even with --force, and leaves it a FIFO', () => {
    const { home, plan } = examplePlan();
    const fifo = join(home, 'out.ics');
    execFileSync('mkfifo', [fifo]);
    const r = runMls(['plan', 'build', plan, '-o', fifo, '--force'], { env: { HOME: home }, timeoutMs: 20_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `error: ${fifo} is a named pipe (FIFO), not a regular file; mls writes only regular files`,
    );
    expect(r.stderr).toContain('-o -');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a device (through a symlink too) and never suggests --force for it', () => {
    const { home, plan, run } = examplePlan();
    const plain = run(['plan', 'build', plan, '-o', '/dev/null']);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('/dev/null is a character device, not a regular file');
    expect(plain.stderr).not.toContain('--force');
    const link = join(home, 'null.ics');
    symlinkSync('/dev/null', link);
    const forced = run(['plan', 'build', plan, '-o', link, '--force']);
    expect(forced.code).toBe(2);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('writes through a symlink to its target, and keeps the link', () => {
    const { home, plan, run } = examplePlan();
    mkdirSync(join(home, 'real'));
    const target = join(home, 'real', 'study.ics');
    const link = join(home, 'link.ics');
    symlinkSync(target, link);
    expect(run(['plan', 'build', plan, '-o', link]).code).toBe(0);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8')).toMatch(/^BEGIN:VCALENDAR/);
  });

  it('a plan reached through a symlink and by its own name shares one progress record', () => {
    const { home, plan, run } = examplePlan();
    mkdirSync(join(home, 'link'));
    const link = join(home, 'link', 'plan.yaml');
    symlinkSync(plan, link);
    expect(run(['plan', 'done', link, '1', '--date', '2027-10-04']).code).toBe(0);
    expect(run(['plan', 'skip', plan, '1', '--date', '2027-10-06']).code).toBe(0);
    expect(existsSync(join(home, 'link', 'plan.progress.jsonl'))).toBe(false);
    for (const name of [plan, link]) {
      const week = JSON.parse(run(['plan', 'week', name, '--date', '2027-10-04', '--json']).stdout);
      const statuses = week.days.flatMap((d: { blocks: { status: string }[] }) => d.blocks.map((b) => b.status));
      expect(statuses, name).toEqual(expect.arrayContaining(['done', 'skipped']));
    }
  });

  it('keeps the mode of the calendar it replaces', () => {
    const { home, plan, run } = examplePlan();
    const ics = join(home, 'study.ics');
    expect(run(['plan', 'build', plan, '-o', ics]).code).toBe(0);
    chmodSync(ics, 0o640);
    expect(run(['plan', 'build', plan, '-o', ics, '--timestamp', '2027-01-01T00:00:00Z']).code).toBe(0);
    expect(statSync(ics).mode & 0o777).toBe(0o640);
  });

  it('removes temporary files left by a killed run, and keeps a fresh one', () => {
    const { home, plan, run } = examplePlan();
    const stale = join(home, '.study.ics.0123456789ab.tmp');
    const fresh = join(home, '.study.ics.ba9876543210.tmp');
    writeFileSync(stale, 'BEGIN:VCALENDAR');
    writeFileSync(fresh, 'BEGIN:VCALENDAR');
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(stale, hourAgo, hourAgo);
    expect(run(['plan', 'build', plan, '-o', join(home, 'study.ics')]).code).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  });
});

describe('plan files: symlinks, modes, special files', () => {
  it('plan import through a symlinked plan updates the real plan and keeps the link and its mode', () => {
    const { home, plan } = examplePlan(false);
    chmodSync(plan, 0o600);
    const link = join(home, 'link.yaml');
    symlinkSync(plan, link);
    const r = runMls(['plan', 'import', feed(home, 1), '--plan', link], { env: { HOME: home } });
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(plan, 'utf8')).toContain('Reflection 1');
    expect(statSync(plan).mode & 0o777).toBe(0o600);
  });

  it('plan done keeps the progress log’s mode', () => {
    const { home, plan, run } = examplePlan();
    expect(run(['plan', 'done', plan, '1', '--date', '2027-10-04']).code).toBe(0);
    const log = join(home, 'plan.progress.jsonl');
    chmodSync(log, 0o600);
    expect(run(['plan', 'skip', plan, '2', '--date', '2027-10-04']).code).toBe(0);
    expect(statSync(log).mode & 0o777).toBe(0o600);
    expect(readFileSync(log, 'utf8').trimEnd().split('\n')).toHaveLength(2);
  });

  it('a FIFO or a device as plan or feed is refused without being read', () => {
    const { home, plan } = examplePlan();
    const fifo = join(home, 'fifo.yaml');
    execFileSync('mkfifo', [fifo]);
    const asPlan = runMls(['plan', 'check', fifo], { env: { HOME: home }, timeoutMs: 20_000 });
    expect(asPlan.code).toBe(2);
    expect(asPlan.stderr).toContain(`plan file ${fifo} is a named pipe (FIFO), not a regular file`);
    const zero = runMls(['plan', 'check', '/dev/zero'], { env: { HOME: home }, timeoutMs: 20_000 });
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('plan file /dev/zero is a character device, not a regular file');
    const asFeed = runMls(['plan', 'import', fifo, '--plan', plan], { env: { HOME: home }, timeoutMs: 20_000 });
    expect(asFeed.code).toBe(2);
    expect(asFeed.stderr).toContain('calendar feed');
  });

  it('plan example --force never replaces a device behind a symlink', () => {
    const home = tempHome();
    const link = join(home, 'plan.yaml');
    symlinkSync('/dev/null', link);
    const r = runMls(['plan', 'example', '-o', link, '--force'], { env: { HOME: home } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a character device, not a regular file');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('a 50 MB plan, a term lasting centuries and an alias bomb are plan errors, not crashes', () => {
    const { home, plan, run } = examplePlan();
    const text = readFileSync(plan, 'utf8');
    writeFileSync(plan, text.replace('title: Community analysis paper', `title: ${'x'.repeat(50 * 1024 * 1024)}`));
    const huge = run(['plan', 'build', plan, '-o', join(home, 'a.ics')]);
    expect(huge.code).toBe(2);
    expect(huge.stderr).toContain('is 50 MB; the limit is 5 MB');
    writeFileSync(plan, text.replace('end: 2028-05-05', 'end: 2399-05-05'));
    const centuries = run(['plan', 'build', plan, '-o', join(home, 'b.ics')]);
    expect(centuries.code).toBe(2);
    expect(centuries.stderr).toContain('terms[1]: the term spans more than 10 years');
    const bomb = ['a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]'];
    for (let i = 1; i < 9; i += 1) {
      const name = String.fromCharCode(97 + i);
      bomb.push(
        `${name}: &${name} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    }
    writeFileSync(plan, `${bomb.join('\n')}\n${text}`);
    const aliases = run(['plan', 'check', plan]);
    expect(aliases.code).toBe(2);
    expect(aliases.stderr).toMatch(/^error: plan\.yaml:1:1: the plan uses YAML aliases/);
    for (const r of [huge, centuries, aliases]) expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(existsSync(join(home, 'a.ics')) || existsSync(join(home, 'b.ics'))).toBe(false);
  });

  it('a Latin-1 plan is refused naming the encoding problem', () => {
    const { home, plan, run } = examplePlan();
    const text = readFileSync(plan);
    writeFileSync(plan, Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from('\n'), text]));
    const r = run(['plan', 'check', plan]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: plan.yaml:1:6: byte 0xE9 is not UTF-8');
    expect(home).toBeTruthy();
  });
});

describe('operating-system faults are not bugs', () => {
  it('a calendar in a folder that does not exist is refused (a typo makes no folders), exit 2', () => {
    const { home, plan, run } = examplePlan();
    const r = run(['plan', 'build', plan, '-o', join(home, 'typo', 'dir', 'study.ics')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('typo/dir does not exist');
    expect(existsSync(join(home, 'typo'))).toBe(false);
  });

  it('an empty calendar file name is a usage error', () => {
    const { plan, run } = examplePlan();
    const r = run(['plan', 'build', plan, '-o', '']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: the calendar file name is empty');
  });

  it('an output folder that cannot be made: one line naming the path, exit 74', () => {
    const { home, plan, run } = examplePlan();
    writeFileSync(join(home, 'file'), 'x');
    const r = run(['plan', 'build', plan, '-o', join(home, 'file', 'study.ics')]);
    expect(r.code).toBe(74);
    expect(r.stderr).toMatch(
      /^error: cannot write .*file\/study\.ics: a part of the path is not a folder \(ENOTDIR\)\n/,
    );
    expect(r.stderr).not.toMatch(/internal error|This is a bug|\n\s+at /);
  });

  it('a file too large for `ulimit -f` (EFBIG): one line, exit 74, no temporary file left', () => {
    const { home, plan } = examplePlan();
    const ics = join(home, 'study.ics');
    const r = spawnSync(
      'bash',
      ['-c', 'ulimit -f 10; exec "$0" "$@"', process.execPath, BIN, 'plan', 'build', plan, '-o', ics],
      {
        env: { PATH: process.env.PATH, HOME: home, TZ: 'UTC', NO_COLOR: '1', MLS_DATA_HOME: join(home, 'data') },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(r.status).toBe(74);
    expect(r.stderr).toMatch(/^error: cannot write .*study\.ics: the file is too large .*\(EFBIG\)\n/);
    expect(readdirSync(home).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a data folder that cannot be written: the calendar is written, a warning, exit 0', () => {
    const { home, plan } = examplePlan();
    const blocked = join(home, 'not-a-folder');
    writeFileSync(blocked, 'x');
    const ics = join(home, 'study.ics');
    const r = runMls(['plan', 'build', plan, '-o', ics], { env: { HOME: home, MLS_DATA_HOME: blocked } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: could not save the calendar state');
    expect(readFileSync(ics, 'utf8')).toMatch(/^BEGIN:VCALENDAR/);
  });
});

describe('imported data', () => {
  const dapip = join(ROOT, 'test', 'fixtures', 'dapip', 'official');

  it('a data folder that cannot be written: one line naming it, exit 74', () => {
    const home = tempHome();
    const blocked = join(home, 'not-a-folder');
    writeFileSync(blocked, 'x');
    const r = runMls(['data', 'import', 'dapip', dapip], { env: { HOME: home, MLS_DATA_HOME: blocked } });
    expect(r.code).toBe(74);
    expect(r.stderr).toContain(`error: cannot write ${join(blocked, 'dapip')}: a part of the path is not a folder`);
    expect(r.stderr).not.toMatch(/internal error|This is a bug/);
  });

  it('a FIFO as the DAPIP source is refused without being read', () => {
    const home = tempHome();
    const fifo = join(home, 'dapip.zip');
    execFileSync('mkfifo', [fifo]);
    const r = runMls(['data', 'import', 'dapip', fifo], { env: { HOME: home }, timeoutMs: 20_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: ${fifo} is a named pipe (FIFO), not the DAPIP zip or folder`);
  });
});

describe('hostile text', () => {
  it('terminal escapes in plan text are shown, not obeyed', () => {
    const { home, plan, run } = examplePlan();
    const text = readFileSync(plan, 'utf8').replace(
      /title: Community analysis paper/,
      'title: "Paper \\e]0;pwned\\a \\e[2J"',
    );
    writeFileSync(plan, text);
    const today = run(['plan', 'week', plan]);
    expect(today.code).toBe(0);
    expect(today.stdout).not.toContain('\x1b');
    expect(today.stdout).toContain('\\x1b]0;pwned\\x07 \\x1b[2J');
    expect(home).toBeTruthy();
  });

  it('NUL in a title never reaches the .ics', () => {
    const { home, plan, run } = examplePlan();
    writeFileSync(plan, readFileSync(plan, 'utf8').replace(/title: Community analysis paper/, 'title: "Paper\\0 one"'));
    const ics = join(home, 'study.ics');
    expect(run(['plan', 'build', plan, '-o', ics]).code).toBe(0);
    const text = readFileSync(ics, 'utf8');
    expect(text).toContain('Paper one');
    expect(text).not.toContain('\0');
  });

  it('escapes in an argument echoed in an error are shown, not obeyed', () => {
    const r = runMls(['plan', 'check', 'no\x1b[2Jplan.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('\x1b');
    expect(r.stderr).toContain('no\\x1b[2Jplan.yaml');
    const unknown = runMls(['find', '--bogus\x1b]0;x\x07']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--bogus\\x1b]0;x\\x07'");
    expect(unknown.stderr).not.toContain('\x1b');
  });
});

describe('the calendar is never written onto the plan', () => {
  it('a plan named study.ics is not its own default output, --force or not; -o another file works', () => {
    const { home, plan } = examplePlan();
    const ics = join(home, 'study.ics');
    writeFileSync(ics, readFileSync(plan, 'utf8'));
    const before = readFileSync(ics, 'utf8');
    for (const extra of [[], ['--force']]) {
      const r = runMls(['plan', 'build', ics, ...extra], { env: { HOME: home, MLS_NOW: MONDAY } });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`error: ${ics} is the plan file itself; the calendar is never written onto it`);
      expect(r.stderr).toContain('hint: give the calendar another file with -o');
    }
    const link = join(home, 'link.ics');
    symlinkSync(ics, link);
    expect(runMls(['plan', 'build', ics, '-o', link, '--force'], { env: { HOME: home, MLS_NOW: MONDAY } }).code).toBe(
      2,
    );
    expect(readFileSync(ics, 'utf8')).toBe(before);
    const other = runMls(['plan', 'build', ics, '-o', join(home, 'cal.ics')], { env: { HOME: home, MLS_NOW: MONDAY } });
    expect(other.code).toBe(0);
  });
});
