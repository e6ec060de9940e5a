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

export function processIo(): Io {
  return {
    out: (text) => {
      process.stdout.write(withNewline(text));
    },
    err: (text) => {
      process.stderr.write(withNewline(text));
    },
    stdoutIsTTY: isatty(1),
    stderrIsTTY: isatty(2),
    stdinIsTTY: isatty(0),
    columns: isatty(1) ? process.stdout.columns : undefined,
    env: process.env,
  };
}
