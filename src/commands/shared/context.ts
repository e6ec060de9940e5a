import type { Io } from '../../io.js';

/** What every command receives: the terminal, the clock, and where to put its exit code. */
export interface Context {
  io: Io;
  /** "Now", read once by main so the core never reads the clock. */
  now: Date;
  exitCode: number;
}

export function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}
