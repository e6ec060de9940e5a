import { stringify } from 'csv-stringify/sync';

/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell starting with one of these
 * is run as a formula, so it gets a leading apostrophe and is quoted.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a formula-like cell with an apostrophe so spreadsheets show it as text. */
export function neutraliseCell(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * RFC 4180 CSV (CRLF, quotes doubled) with a header row. Every cell holding a comma, a quote,
 * a line break of any kind (a lone \n or \r too, which csv-stringify's defaults leave bare
 * when the record delimiter is CRLF) or a neutralised formula is quoted.
 */
export function toCsv(header: readonly string[], rows: readonly string[][]): string {
  return stringify([header.map(neutraliseCell), ...rows.map((r) => r.map(neutraliseCell))], {
    record_delimiter: '\r\n',
    quoted_match: [/[\r\n",]/, /^'[=+\-@\t\r]/],
  });
}
