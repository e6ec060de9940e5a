/**
 * What mls wrote to each calendar file last time (UID -> SEQUENCE, a signature of time
 * and title, and whether it was written as cancelled), kept in the user data folder so a
 * rebuild need not parse the old .ics (ical.js took ~250 ms on a two-year plan). The state
 * is used alone only while the file's size and modification time are the ones recorded, and
 * only after it passes its schema (every value of it may be written into the next calendar);
 * otherwise the calendar file itself is parsed, and the state only keeps a SEQUENCE from going
 * down and a cancelled event known.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as z from 'zod/mini';
import type { PreviousEvent } from '../calendar/ics-writer.js';
import { userDataDir } from './paths.js';
import { writeFileAtomic } from './write-file.js';

/** Version 3 keeps events as [uid, sequence, signature, cancelled] rows, which JSON reads and writes fastest. */
const STATE_VERSION = 3;

const instantOrDate = String.raw`\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}\.\d{3}Z)?`;
const UID = /^[0-9a-f]{24}@mls-planner$/;
/** start|end|summary, one line of printable text. */
const SIGNATURE = new RegExp(`^${instantOrDate}\\|${instantOrDate}\\|[^\\x00-\\x1f\\x7f-\\x9f]*$`);
type Row = [uid: string, sequence: number, signature: string, cancelled: boolean];

/** One event row; checked in a loop rather than as a zod tuple per row (zod took ~30 ms on 1,800 rows). */
function isRow(row: unknown): row is Row {
  if (!Array.isArray(row) || row.length !== 4) return false;
  const [uid, sequence, signature, cancelled] = row as unknown[];
  return (
    typeof uid === 'string' &&
    UID.test(uid) &&
    Number.isSafeInteger(sequence) &&
    (sequence as number) >= 0 &&
    (sequence as number) <= 1_000_000 &&
    typeof signature === 'string' &&
    SIGNATURE.test(signature) &&
    typeof cancelled === 'boolean'
  );
}

const stateSchema = z.object({
  version: z.literal(STATE_VERSION),
  output: z.string(),
  size: z.number(),
  mtimeMs: z.number(),
  events: z.custom<Row[]>((rows) => Array.isArray(rows) && rows.every(isRow)),
});
type StateFile = z.output<typeof stateSchema>;

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
  let recorded: Map<string, PreviousEvent> | null = null;
  if (existsSync(path)) {
    try {
      const state = stateSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      // A damaged or foreign state file is ignored: the calendar itself is parsed below.
      if (state.success) {
        recorded = new Map(
          state.data.events.map(([uid, sequence, signature, cancelled]) => [
            uid,
            cancelled ? { sequence, signature, cancelled } : { sequence, signature },
          ]),
        );
        if (state.data.size === size && state.data.mtimeMs === mtimeMs) return recorded;
      }
    } catch {
      // Unreadable or not JSON: as above.
    }
  }
  const { previousEvents } = await import('../calendar/ics-read.js');
  let parsed: Map<string, PreviousEvent>;
  try {
    parsed = previousEvents(readFileSync(output, 'utf8'));
  } catch {
    return recorded;
  }
  // The file changed since (a sync client touched it, a backup was restored): what it holds now
  // wins, but a SEQUENCE never goes down, and events cancelled before stay known as cancelled.
  for (const [uid, before] of recorded ?? []) {
    const now = parsed.get(uid);
    if (!now) {
      if (before.cancelled) parsed.set(uid, before);
    } else if (before.sequence > now.sequence) {
      parsed.set(uid, { ...now, sequence: before.sequence });
    }
  }
  return parsed;
}

export async function saveCalendarState(
  output: string,
  events: ReadonlyMap<string, PreviousEvent>,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const { size, mtimeMs } = statSync(output);
  const rows: StateFile['events'] = [];
  for (const [uid, e] of events) rows.push([uid, e.sequence, e.signature, e.cancelled === true]);
  const state: StateFile = { version: STATE_VERSION, output: resolve(output), size, mtimeMs, events: rows };
  await writeFileAtomic(statePath(output, env), JSON.stringify(state));
}
