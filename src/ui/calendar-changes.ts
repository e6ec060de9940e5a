/** What `mls plan build` says after writing: what changed for a client importing the file, and missed work. */
import type { CalendarChanges } from '../calendar/ics-writer.js';
import type { Schedule } from '../planner/schedule.js';
import { missedLines } from './workload.js';

export function calendarChangesLine(changes: CalendarChanges): string {
  const line = `Calendar: ${changes.added} added, ${changes.changed} changed, ${changes.cancelled} cancelled`;
  return changes.cancelled > 0
    ? `${line} (events no longer in the plan are written as CANCELLED: import the file again to remove them).`
    : `${line}.`;
}

/** The lines after "Wrote …": calendar changes (when a file was rebuilt) and missed work. */
export function buildNotes(schedule: Schedule, changes: CalendarChanges | null): string[] {
  const missed = missedLines(schedule);
  return [
    ...(changes ? [calendarChangesLine(changes)] : []),
    ...(missed.length > 0 ? ['Missed work (past, not re-placed; the plan is not overloaded by it):'] : []),
    ...missed.map((m) => `  ${m}`),
  ];
}
