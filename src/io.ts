import { isatty } from 'node:tty';
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
  const writer = (name: 'stdout' | 'stderr') => {
    const stream = process[name];
    stream.on('error', (error: NodeJS.ErrnoException) => fail(name, error));
    return (text: string) => {
      if (closed[name]) return;
      try {
        stream.write(withNewline(text));
      } catch (error) {
        fail(name, error as NodeJS.ErrnoException);
      }
    };
  };
  return {
    out: writer('stdout'),
    err: writer('stderr'),
    failure: () => failure,
    stdoutIsTTY: isatty(1),
    stderrIsTTY: isatty(2),
    stdinIsTTY: isatty(0),
    columns: isatty(1) ? process.stdout.columns : undefined,
    env: process.env,
  };
}
