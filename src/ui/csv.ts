import { stringify } from 'csv-stringify/sync';

// Spreadsheet formula injection: a cell starting with one of these is run as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a formula-like cell with an apostrophe so spreadsheets show it as text. */
export function neutraliseCell(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180 CSV (CRLF, quotes doubled) with a header row. */
export function toCsv(header: readonly string[], rows: readonly string[][]): string {
  return stringify([header.map(neutraliseCell), ...rows.map((r) => r.map(neutraliseCell))], {
    record_delimiter: '\r\n',
  });
}
