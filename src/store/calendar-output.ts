/**
 * The rule for `plan build -o FILE` and `plan init --ics FILE` (docs/files.md): a new file is
 * written; an existing one is replaced only when mls wrote it (it starts like a calendar and
 * names mls as its PRODID), unless --force. A device, FIFO, socket or folder is never replaced,
 * --force or not (writableTarget).
 */
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { ExitCode, UserError } from '../errors.js';
import { readRange } from './read-range.js';
import { writableTarget } from './write-file.js';

/** The PRODID mls writes (src/calendar/ics-writer.ts). */
const MLS_PRODID = /\r?\nPRODID:mls-planner\r?\n/;

/** Whether the regular file at `path` is a calendar mls wrote: its PRODID is in the first lines. */
export function isMlsCalendar(path: string): boolean {
  const head = readRange(path, 0, 4096).toString('utf8');
  return head.startsWith('BEGIN:VCALENDAR') && MLS_PRODID.test(head);
}

export function checkCalendarOutput(path: string, force: boolean | undefined): void {
  if (path.trim() === '') {
    throw new UserError('the calendar file name is empty', {
      exitCode: ExitCode.usage,
      hint: 'give a file name (e.g. -o study.ics), or -o - to print the calendar',
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
