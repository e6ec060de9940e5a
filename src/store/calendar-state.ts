/**
 * What mls wrote to each calendar file last time (UID -> SEQUENCE and a signature of
 * time and title), kept in the user data folder so a rebuild need not parse the old
 * .ics (ical.js took ~250 ms on a two-year plan). The state is trusted only while the
 * file's size and modification time are the ones recorded; otherwise the file is parsed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PreviousEvent } from '../calendar/ics-writer.js';
import { userDataDir } from './paths.js';
import { writeFileAtomic } from './write-file.js';

/** Version 2 keeps events as [uid, sequence, signature] rows, which JSON reads and writes fastest. */
interface StateFile {
  version: 2;
  output: string;
  size: number;
  mtimeMs: number;
  events: [uid: string, sequence: number, signature: string][];
}

function statePath(output: string, env: NodeJS.ProcessEnv): string {
  const id = createHash('sha256').update(resolve(output)).digest('hex').slice(0, 24);
  return join(userDataDir(env), 'calendars', `${id}.json`);
}

/** Events of the calendar at `output` as mls last wrote it, or null when the file is absent. */
export async function readPreviousEvents(
  output: string,
  env: NodeJS.ProcessEnv,
): Promise<Map<string, PreviousEvent> | null> {
  if (!existsSync(output)) return null;
  const { size, mtimeMs } = statSync(output);
  const path = statePath(output, env);
  if (existsSync(path)) {
    try {
      const state = JSON.parse(readFileSync(path, 'utf8')) as StateFile;
      if (state.version === 2 && state.size === size && state.mtimeMs === mtimeMs) {
        return new Map(state.events.map(([uid, sequence, signature]) => [uid, { sequence, signature }]));
      }
    } catch {
      // An unreadable state file is ignored: the calendar itself is parsed below.
    }
  }
  const { previousEvents } = await import('../calendar/ics-read.js');
  try {
    return previousEvents(readFileSync(output, 'utf8'));
  } catch {
    return null;
  }
}

export async function saveCalendarState(
  output: string,
  events: ReadonlyMap<string, PreviousEvent>,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const { size, mtimeMs } = statSync(output);
  const rows: StateFile['events'] = [];
  for (const [uid, e] of events) rows.push([uid, e.sequence, e.signature]);
  const state: StateFile = { version: 2, output: resolve(output), size, mtimeMs, events: rows };
  await writeFileAtomic(statePath(output, env), JSON.stringify(state));
}
