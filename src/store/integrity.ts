/**
 * Checksums and row counts of imported dataset files: recorded by `installDataset` in the
 * copy's meta.json, verified when the copy is read, so a file cut short or overwritten is
 * named as damaged (with the way back) instead of silently giving "no institution matches".
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode, UserError } from '../errors.js';

export interface FileIntegrity {
  sha256: string;
  bytes: number;
  /** Lines of text (data rows plus any header). */
  lines: number;
}

export type Integrity = Record<string, FileIntegrity>;

/** node:crypto is fetched on first use: `check` on the bundled data never needs it (~1 ms to load). */
export function sha256(text: string | Buffer): string {
  const { createHash } = process.getBuiltinModule('node:crypto');
  return createHash('sha256').update(text).digest('hex');
}

export function integrityOf(files: Record<string, string>): Integrity {
  const out: Integrity = {};
  for (const [name, content] of Object.entries(files)) {
    out[name] = {
      sha256: sha256(content),
      bytes: Buffer.byteLength(content),
      lines: content.split('\n').filter(Boolean).length,
    };
  }
  return out;
}

export function damaged(path: string, dataset: string, why: string): UserError {
  return new UserError(`the imported ${dataset} file ${path} is damaged (${why})`, {
    exitCode: ExitCode.ioError,
    hint: `run \`mls data reset ${dataset}\` to use the bundled copy, then import the download again`,
  });
}

/** Verifies a file's text against what was recorded at import (no record: older import, not checked). */
export function verifyText(dir: string, name: string, text: string, integrity: Integrity | undefined, dataset: string) {
  const want = integrity?.[name];
  if (!want) return;
  const path = join(dir, name);
  const bytes = Buffer.byteLength(text);
  if (bytes !== want.bytes) throw damaged(path, dataset, `${bytes} bytes, ${want.bytes} were imported`);
  const lines = text.split('\n').filter(Boolean).length;
  if (lines !== want.lines) throw damaged(path, dataset, `${lines} lines, ${want.lines} were imported`);
  if (sha256(text) !== want.sha256)
    throw damaged(path, dataset, 'its checksum differs from the one recorded at import');
}

/** A cheap check for files read by byte range: the size must match. */
export function verifySize(dir: string, name: string, integrity: Integrity | undefined, dataset: string) {
  const want = integrity?.[name];
  if (!want) return;
  const path = join(dir, name);
  const size = statSync(path).size;
  if (size !== want.bytes) throw damaged(path, dataset, `${size} bytes, ${want.bytes} were imported`);
}
