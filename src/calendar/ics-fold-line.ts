// Build-time replacement for the `ics` package's utils/fold-line.js (scripts/ics-private.mjs).
// That function folds at 75 characters (graphemes), not 75 octets as RFC 5545 requires, and
// splitting every line into graphemes took ~70 ms for a two-year plan. In the bundle, ics
// folds each line it writes with mls's foldLine instead.
export { foldLine as default } from './ical-text.js';
