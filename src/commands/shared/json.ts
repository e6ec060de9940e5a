import type { Io } from '../../io.js';

/** The version of every `--json` shape (docs/json.md); raised when a field changes meaning or goes away. */
export const JSON_SCHEMA_VERSION = 1;

/** Prints a command's `--json` result: one object, versioned, indented, on stdout. */
export function printJson(io: Io, payload: Record<string, unknown>): void {
  io.out(JSON.stringify({ schemaVersion: JSON_SCHEMA_VERSION, ...payload }, null, 2));
}
