import { sanitizeText } from './ui/sanitize.js';

/**
 * The one expected error type and the exit-code table. Every exit code the
 * program uses is listed here and in the README; each has an end-to-end test.
 */
export const ExitCode = {
  /** Success (for `check`: accredited). */
  ok: 0,
  /** For `check`: no recognized accreditation on record (or the institution closed). Never a bug. */
  failure: 1,
  /** Usage error: bad flag, bad value, invalid input file. */
  usage: 2,
  /** Not found, or ambiguous (several candidates). */
  notFound: 3,
  /** Study plan is overloaded (more hours needed than available). */
  overload: 4,
  /** An operating-system failure: a file or folder that cannot be read or written (EACCES, ENOSPC, EROFS, EFBIG...). */
  ioError: 74,
  /** An internal error: a bug in mls (EX_SOFTWARE). */
  internal: 70,
  /** Interrupted by the user (Ctrl+C). */
  interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export interface UserErrorOptions {
  exitCode?: ExitCodeValue;
  /** How to fix it, printed on its own line after the message. */
  hint?: string;
  /** Where the problem is: `plan.yaml:12:5`, `terms[0].end`, `--state`. */
  where?: string;
}

/** An error the user can fix. Printed as one line (plus a hint), never with a stack. */
export class UserError extends Error {
  readonly exitCode: ExitCodeValue;
  readonly hint: string | undefined;
  readonly where: string | undefined;

  constructor(message: string, options: UserErrorOptions = {}) {
    // Messages echo arguments and file text: shown through the terminal sanitiser, never raw.
    super(sanitizeText(message));
    this.name = 'UserError';
    this.exitCode = options.exitCode ?? ExitCode.usage;
    this.hint = options.hint === undefined ? undefined : sanitizeText(options.hint);
    this.where = options.where === undefined ? undefined : sanitizeText(options.where);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
