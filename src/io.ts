import { fstatSync, writeSync } from 'node:fs';

/**
 * The only module that writes to the terminal. Data goes to stdout, messages
 * to stderr. Commands receive an `Io` so tests can capture both streams.
 */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  readonly stdinIsTTY: boolean;
  /** Terminal width for tables; undefined when stdout is not a terminal. */
  readonly columns: number | undefined;
  readonly env: NodeJS.ProcessEnv;
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** Why a standard stream stopped taking output, once it has. */
export interface StreamFailure {
  stream: 'standard output' | 'standard error';
  code: string;
}

/**
 * A reader that goes away (`mls find | head`) closes the pipe: EPIPE is not an error, the
 * command just stops writing and keeps its exit code. Any other write error (a full disk,
 * `> /dev/full`) is an operating-system failure, reported once by `failure()`.
 */
export interface ProcessIo extends Io {
  failure(): StreamFailure | undefined;
}

export function processIo(onFailure: (failure: StreamFailure) => void = () => {}): ProcessIo {
  let failure: StreamFailure | undefined;
  const closed = { stdout: false, stderr: false };
  const fail = (name: 'stdout' | 'stderr', error: NodeJS.ErrnoException) => {
    closed[name] = true;
    if (error.code === 'EPIPE' || failure) return;
    failure = { stream: name === 'stdout' ? 'standard output' : 'standard error', code: error.code ?? 'EIO' };
    onFailure(failure);
  };
  /** Whether process.stdout or process.stderr was made (to ask if it is a terminal): then output goes through it. */
  const made = { stdout: false, stderr: false };
  const standardStream = (name: 'stdout' | 'stderr'): NodeJS.WriteStream => {
    made[name] = true;
    return process[name];
  };
  // Output is written straight to the file descriptor, as Node's own stream would write it to a
  // file, a pipe or a terminal on Linux and macOS (synchronously): making process.stdout or
  // process.stderr loads Node's net and stream modules (~1.5-3 ms), which a command that prints a
  // line or two never needs. The stream is used when it exists already (a command asked whether
  // it is a terminal), on Windows (its console needs the stream's wide-character writes), and
  // from the first time the descriptor cannot take more without waiting (EAGAIN).
  const writer = (name: 'stdout' | 'stderr') => {
    const fd = name === 'stdout' ? 1 : 2;
    let listening = false;
    const viaStream = (text: string | Uint8Array) => {
      const stream = standardStream(name);
      if (!listening) stream.on('error', (error: NodeJS.ErrnoException) => fail(name, error));
      listening = true;
      stream.write(text);
    };
    return (text: string) => {
      if (closed[name]) return;
      const line = withNewline(text);
      try {
        if (made[name] || process.platform === 'win32') {
          viaStream(line);
          return;
        }
        const bytes = Buffer.from(line, 'utf8');
        let offset = 0;
        try {
          while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
          viaStream(bytes.subarray(offset));
        }
      } catch (error) {
        fail(name, error as NodeJS.ErrnoException);
      }
    };
  };
  // Asked on first use. A pipe or a file is no terminal, which fstat tells at once; a character
  // device may be one, and is asked through its stream (node:tty's isatty() would load net as
  // well, and the stream is what the command then writes to). Standard input is asked only by
  // prompting commands.
  const maybeTerminal = (fd: number): boolean => {
    if (process.platform === 'win32') return true;
    try {
      return fstatSync(fd).isCharacterDevice();
    } catch {
      return true; // A closed descriptor: the stream or isatty() knows what to make of it.
    }
  };
  const isTerminal = (name: 'stdout' | 'stderr'): boolean =>
    maybeTerminal(name === 'stdout' ? 1 : 2) && standardStream(name).isTTY === true;
  let columns: { value: number | undefined } | undefined;
  return {
    out: writer('stdout'),
    err: writer('stderr'),
    failure: () => failure,
    get stdoutIsTTY() {
      return isTerminal('stdout');
    },
    get stderrIsTTY() {
      return isTerminal('stderr');
    },
    get stdinIsTTY() {
      return maybeTerminal(0) && process.getBuiltinModule('node:tty').isatty(0);
    },
    get columns() {
      columns ??= { value: isTerminal('stdout') ? process.stdout.columns : undefined };
      return columns.value;
    },
    env: process.env,
  };
}
