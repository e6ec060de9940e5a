/** Reading an IPEDS CSV file (Completions, HD, IC_AY, COST1): the same checks for every one. */
import { CsvError, parse } from 'csv-parse/sync';
import { UserError } from '../errors.js';

/** The rows of an IPEDS CSV, keyed by upper-case column name; a binary or broken file is a usage error. */
export function readIpedsRows(text: string, file: string): Record<string, string>[] {
  if (text.includes('\u0000')) {
    throw new UserError(`${file} is not a CSV file`, { hint: 'pass the CSV inside the IPEDS zip' });
  }
  try {
    return parse(text, {
      columns: (h: string[]) => h.map((c) => c.trim().toUpperCase()),
      bom: true,
      skip_empty_lines: true,
    });
  } catch (error) {
    if (error instanceof CsvError) {
      throw new UserError(`${file}: not a valid CSV file (${error.message})`, {
        hint: 'the file may be truncated: download it again',
      });
    }
    throw error;
  }
}
