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
  // A stream is made on its first write, not before: making process.stderr for a pipe loads
  // Node's net module (~2.5 ms), which a command that prints nothing there never needs.
  const writer = (name: 'stdout' | 'stderr') => {
    let stream: NodeJS.WriteStream | undefined;
    return (text: string) => {
      if (closed[name]) return;
      if (stream === undefined) {
        stream = process[name];
        stream.on('error', (error: NodeJS.ErrnoException) => fail(name, error));
      }
      try {
        stream.write(withNewline(text));
      } catch (error) {
        fail(name, error as NodeJS.ErrnoException);
      }
    };
  };
  // Asked on first use, through the stream a command writes to anyway: node:tty's isatty()
  // would load net as well. Standard input is asked only by prompting commands.
  let columns: { value: number | undefined } | undefined;
  return {
    out: writer('stdout'),
    err: writer('stderr'),
    failure: () => failure,
    get stdoutIsTTY() {
      return process.stdout.isTTY === true;
    },
    get stderrIsTTY() {
      return process.stderr.isTTY === true;
    },
    get stdinIsTTY() {
      return process.getBuiltinModule('node:tty').isatty(0);
    },
    get columns() {
      columns ??= { value: process.stdout.isTTY === true ? process.stdout.columns : undefined };
      return columns.value;
    },
    env: process.env,
  };
}
