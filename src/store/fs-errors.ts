/**
 * Operating-system faults are not bugs: a file or folder that cannot be read or written
 * becomes a one-line UserError naming the path, the cause and what to do (exit 74).
 */
import { ExitCode, UserError } from '../errors.js';

const CAUSES: Record<string, [cause: string, hint: string]> = {
  EACCES: ['permission denied', 'check the permissions of the file and its folder, or use another location'],
  EPERM: ['operation not permitted', 'check the permissions of the file and its folder, or use another location'],
  EROFS: ['the file system is read-only', 'use a location on a writable disk'],
  ENOSPC: ['no space left on the device', 'free some disk space and run again'],
  EDQUOT: ['the disk quota is exceeded', 'free some space in your quota and run again'],
  EFBIG: ['the file is too large (file system or `ulimit -f` limit)', 'raise the limit or use another disk'],
  EIO: ['input/output error', 'the disk or network drive may be failing; try another location'],
  ENOTDIR: ['a part of the path is not a folder', 'check the path'],
  EISDIR: ['it is a folder', 'give a file name'],
  ENOENT: ['no such file or folder', 'check the path'],
  ENAMETOOLONG: ['the name is too long', 'use a shorter path'],
  ELOOP: ['too many symbolic links', 'check where the links point'],
  EMFILE: ['too many open files', 'close some programs and run again'],
  ENFILE: ['too many open files', 'close some programs and run again'],
  EBUSY: ['the file is busy', 'close the program using it and run again'],
  ETXTBSY: ['the file is busy', 'close the program using it and run again'],
};

export function isErrnoError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && 'errno' in error;
}

/**
 * `error` as the UserError a user sees: an errno error becomes "cannot write PATH: cause" (exit 74);
 * a UserError is returned as it is; anything else (a bug) is returned unchanged.
 */
export function fileSystemError(error: unknown, path: string, action: 'read' | 'write' | 'create' | 'lock'): unknown {
  if (!isErrnoError(error)) return error;
  const code = error.code ?? 'EIO';
  const [cause, hint] = CAUSES[code] ?? [`${code} from the operating system`, 'check the path and try again'];
  return new UserError(`cannot ${action} ${path}: ${cause} (${code})`, { exitCode: ExitCode.ioError, hint });
}
