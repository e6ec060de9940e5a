import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';

/** Reads a CSV file with a header row into records keyed by column name. */
export async function readCsv(path: string): Promise<Record<string, string>[]> {
  const text = await readFile(path, 'utf8');
  return parse(text, { columns: true, skip_empty_lines: true, bom: true, relax_column_count: false });
}
