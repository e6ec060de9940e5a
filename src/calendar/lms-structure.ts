/**
 * The shape of a calendar file checked line by line before any parser sees it, so a file
 * mls cannot read is refused at its line (`feed.ics:3`), with how to fix it, instead of with
 * a parser's message about text it has already joined together. Pure.
 */

/** A calendar file that is not iCalendar at a given line (1-based, as the file counts its lines). */
export class FeedSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
    readonly column: number | null = null,
  ) {
    super(message);
  }
}

const NAME = /^[A-Za-z0-9-]+/;
/** Parameters (`;TZID="…"`, `;VALUE=DATE`) and the colon that starts the value. */
const PARAMS_THEN_COLON = /^(?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*:/;

/** Components that hold no other component of their kind. */
const EVENTS = new Set(['VEVENT', 'VTODO', 'VJOURNAL', 'VFREEBUSY']);

function shown(line: string): string {
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}

/**
 * Throws a FeedSyntaxError at the first line outside the events that is not
 * `NAME[;PARAM=…]:value`, or whose BEGIN/END do not nest. `foldLines` are the line indexes (of `text`) where folds were
 * removed before decoding, so line numbers are the file's own; folds still in `text` (a
 * line starting with a space or tab) count as lines of the file too.
 */
export function checkStructure(text: string, foldLines: readonly number[] = []): void {
  const lines = text.split(/\r?\n|\r/);
  const open: { name: string; line: number }[] = [];
  let folds = 0;
  let last = 0;
  for (let i = 0; i < lines.length; i += 1) {
    while (folds < foldLines.length && (foldLines[folds] as number) < i) folds += 1;
    const raw = lines[i] as string;
    if (raw.trim() === '' || /^[ \t]/.test(raw)) continue;
    const at = i + 1 + folds;
    last = at;
    const name = NAME.exec(raw)?.[0] ?? '';
    const after = raw.slice(name.length);
    const upper = name.toUpperCase();
    // Inside an event only BEGIN and END are checked here: any other bad line makes that
    // one event not readable (it is listed by name), never the whole file.
    if (open.some((c) => EVENTS.has(c.name)) && upper !== 'BEGIN' && upper !== 'END') continue;
    if (!raw.includes(':')) {
      throw new FeedSyntaxError(
        `"${shown(raw)}" is not an iCalendar line: it has no colon (write NAME:value; a line that continues the one above starts with a space)`,
        at,
      );
    }
    if (name === '' || !PARAMS_THEN_COLON.test(after)) {
      const column = name === '' ? 1 : name.length + 1;
      throw new FeedSyntaxError(
        `"${shown(raw)}" is not an iCalendar line: ${name === '' ? 'it does not start with a property name' : `unexpected "${raw[column - 1]}" after ${name}`} (write NAME:value or NAME;PARAMETER=value:value)`,
        at,
        column,
      );
    }
    if (upper !== 'BEGIN' && upper !== 'END') {
      if (open.length === 0) {
        throw new FeedSyntaxError(
          `${upper} is outside BEGIN:VCALENDAR … END:VCALENDAR (move it inside, or delete it)`,
          at,
        );
      }
      continue;
    }
    const component = raw
      .slice(raw.indexOf(':') + 1)
      .trim()
      .toUpperCase();
    if (upper === 'BEGIN') {
      if (open.length === 0 && component !== 'VCALENDAR') {
        throw new FeedSyntaxError(
          `BEGIN:${component} is outside a VCALENDAR (start the file with BEGIN:VCALENDAR)`,
          at,
        );
      }
      const inside = open[open.length - 1];
      if (inside && (component === 'VCALENDAR' || (EVENTS.has(component) && EVENTS.has(inside.name)))) {
        throw new FeedSyntaxError(
          `BEGIN:${component} inside the ${inside.name} of line ${inside.line} (add END:${inside.name} before it)`,
          at,
        );
      }
      open.push({ name: component, line: at });
      continue;
    }
    const top = open.pop();
    if (!top) throw new FeedSyntaxError(`END:${component} has no BEGIN:${component} before it (delete the line)`, at);
    if (top.name !== component) {
      throw new FeedSyntaxError(
        `END:${component} does not close BEGIN:${top.name} of line ${top.line} (write END:${top.name})`,
        at,
      );
    }
  }
  const unclosed = open.pop();
  if (unclosed) {
    throw new FeedSyntaxError(
      `BEGIN:${unclosed.name} is never closed (add END:${unclosed.name} after line ${last}, the last line)`,
      unclosed.line,
    );
  }
}
