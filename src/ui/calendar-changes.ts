/** What `mls plan build` says about a rebuilt calendar: what a client importing it will see change. */
import type { CalendarChanges } from '../calendar/ics-writer.js';

const plural = (n: number, word: string) => `${n} ${word}`;

export function calendarChangesLine(changes: CalendarChanges): string {
  const line = `Calendar: ${plural(changes.added, 'added')}, ${plural(changes.changed, 'changed')}, ${plural(changes.cancelled, 'cancelled')}`;
  return changes.cancelled > 0
    ? `${line} (events no longer in the plan are written as CANCELLED: import the file again to remove them).`
    : `${line}.`;
}
