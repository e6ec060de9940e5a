/**
 * The rule for `plan build -o FILE` and `plan init --ics FILE` (docs/files.md): a new file is
 * written; an existing one is replaced only when mls wrote it (it starts like a calendar and
 * names mls as its PRODID), unless --force. A device, FIFO, socket or folder is never replaced,
 * --force or not (writableTarget).
 */
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ExitCode, UserError } from '../errors.js';
import { readRange } from './read-range.js';
import { resolveSymlinks, writableTarget } from './write-file.js';

/** The PRODID mls writes (src/calendar/ics-writer.ts). */
const MLS_PRODID = /\r?\nPRODID:mls-planner\r?\n/;

/** Whether the regular file at `path` is a calendar mls wrote: its PRODID is in the first lines. */
export function isMlsCalendar(path: string): boolean {
  const head = readRange(path, 0, 4096).toString('utf8');
  return head.startsWith('BEGIN:VCALENDAR') && MLS_PRODID.test(head);
}

/** Whether two names reach one file: through symlinks, or as hard links of one file. */
function isSameFile(a: string, b: string): boolean {
  if (resolveSymlinks(a) === resolveSymlinks(b)) return true;
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

export function checkCalendarOutput(path: string, force: boolean | undefined, planFile?: string): void {
  if (path.trim() === '') {
    throw new UserError('the calendar file name is empty', {
      exitCode: ExitCode.usage,
      hint: 'give a file name (e.g. -o study.ics), or -o - to print the calendar',
    });
  }
  // Never the plan itself, --force or not (a plan named study.ics is its own default output).
  if (planFile !== undefined && isSameFile(path, planFile)) {
    throw new UserError(`${path} is the plan file itself; the calendar is never written onto it`, {
      exitCode: ExitCode.usage,
      hint: 'give the calendar another file with -o (e.g. -o calendar.ics), or -o - to print it',
    });
  }
  const { target, existing } = writableTarget(path);
  // A folder that does not exist is a typo more often than a wish: it is not made.
  if (!existing && !existsSync(dirname(target))) {
    throw new UserError(`the folder ${dirname(path)} does not exist; ${path} was not written`, {
      exitCode: ExitCode.usage,
      hint: 'check the path, or make the folder first',
    });
  }
  if (!existing || force || isMlsCalendar(target)) return;
  const calendar = readRange(target, 0, 15).toString('utf8') === 'BEGIN:VCALENDAR';
  throw new UserError(
    calendar
      ? `${path} is a calendar mls did not write; not overwriting it`
      : `${path} exists and is not a calendar; not overwriting it`,
    { exitCode: ExitCode.usage, hint: 'choose another file name, or add --force to replace it' },
  );
}
