import { describe, expect, it, vi } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import type { Io } from '../../src/io.js';
import { main } from '../../src/main.js';

/** An Io that records what a run prints, as a pipe would (no terminal, no colour). */
function captureIo(): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out(text: string) {
      io.stdout += text.endsWith('\n') ? text : `${text}\n`;
    },
    err(text: string) {
      io.stderr += text.endsWith('\n') ? text : `${text}\n`;
    },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stdinIsTTY: false,
    columns: undefined,
    env: { NO_COLOR: '1', MLS_DATA_HOME: '/nonexistent/mls-wiring' },
  };
  return io;
}

const NOW = new Date('2027-02-01T12:00:00Z');

async function run(...args: string[]) {
  const io = captureIo();
  const code = await main(['node', 'mls', ...args], io, NOW);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('main: argv -> exit code', () => {
  it.each([
    [['--help'], ExitCode.ok],
    [['--version'], ExitCode.ok],
    [['find', '--online-only', '--json'], ExitCode.ok],
    [['fnd'], ExitCode.usage],
    [['find', '--bogus'], ExitCode.usage],
    [['find', '--delivery', 'teleport'], ExitCode.usage],
    [['check', 'USC', '--no-input'], ExitCode.notFound],
    [['show', 'no-such-program-anywhere'], ExitCode.notFound],
    [['check', 'San Jose State University'], ExitCode.ok],
  ])('mls %j exits %i', async (argv, expected) => {
    expect((await run(...argv)).code).toBe(expected);
  });

  it('a typo in a command name is answered with a suggestion on stderr', async () => {
    const r = await run('fnd');
    expect(r.stderr).toContain('find');
    expect(r.stdout).toBe('');
  });

  it('--json writes one versioned object to stdout and nothing else there', async () => {
    const r = await run('find', '--online-only', '--json');
    const parsed = JSON.parse(r.stdout) as { schemaVersion: number; count: number };
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.count).toBeGreaterThan(0);
  });
});

describe('main: failures that are not the user’s', () => {
  it('an operating-system error reaching the top is one line naming the path, exit 74, no stack', async () => {
    vi.resetModules();
    vi.doMock('../../src/commands/data/index.js', () => ({
      dataCommand: async () => {
        const { Command } = await import('commander');
        return new Command('data').action(() => {
          throw Object.assign(new Error("EROFS: read-only file system, open '/ro/plan.ics'"), {
            code: 'EROFS',
            syscall: 'open',
            path: '/ro/plan.ics',
          });
        });
      },
    }));
    const { main: freshMain } = await import('../../src/main.js');
    const io = captureIo();
    const code = await freshMain(['node', 'mls', 'data'], io, NOW);
    vi.doUnmock('../../src/commands/data/index.js');
    expect(code).toBe(ExitCode.ioError);
    expect(io.stderr).toBe('error: cannot open /ro/plan.ics: the file system is read-only (EROFS)\n');
  });

  it('a bug exits 70 (never 1, which check uses for "not accredited") and asks for a report', async () => {
    vi.resetModules();
    vi.doMock('../../src/commands/data/index.js', () => ({
      dataCommand: async () => {
        const { Command } = await import('commander');
        return new Command('data').action(() => {
          throw new TypeError('cannot read properties of undefined');
        });
      },
    }));
    const { main: freshMain } = await import('../../src/main.js');
    const io = captureIo();
    const code = await freshMain(['node', 'mls', 'data'], io, NOW);
    vi.doUnmock('../../src/commands/data/index.js');
    expect(code).toBe(ExitCode.internal);
    expect(code).toBe(70);
    expect(io.stderr).toContain('internal error: TypeError: cannot read properties of undefined');
    expect(io.stderr).toContain('This is a bug in mls');
  });
});
