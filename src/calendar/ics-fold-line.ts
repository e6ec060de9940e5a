// Build-time replacement for the `ics` package's utils/fold-line.js (see scripts/build.mjs).
// That function folds at 75 characters (graphemes), not 75 octets as RFC 5545 requires, and
// splitting every line into graphemes took ~70 ms for a two-year plan. mls folds each line
// correctly afterwards (normaliseIcs in ical-text.ts), so here lines are left whole.
export default function foldLine(line: string): string {
  return line;
}
