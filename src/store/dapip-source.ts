/** Reads the three DAPIP CSV files from the official zip download or from a folder. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ExitCode, UserError } from '../errors.js';
import { DAPIP_FILES, type DapipFileKey, type DapipTexts } from '../formats/dapip-csv.js';
import { fileSystemError } from './fs-errors.js';
import { specialKind } from './write-file.js';
import { readZipMembers } from './zip.js';

const KEYS = Object.keys(DAPIP_FILES) as DapipFileKey[];

function missingFiles(found: Partial<Record<DapipFileKey, string>>, where: string): never {
  const missing = KEYS.filter((k) => found[k] === undefined).map((k) => DAPIP_FILES[k]);
  throw new UserError(`${where} does not contain ${missing.join(', ')}`, {
    hint: 'use the zip from https://ope.ed.gov/dapip/#/download-data-files (CSV format), or a folder with the three CSV files',
  });
}

function keyFor(name: string): DapipFileKey | undefined {
  const base = basename(name).toLowerCase();
  return KEYS.find((k) => DAPIP_FILES[k].toLowerCase() === base);
}

/** The three DAPIP CSV texts; a file that cannot be read is an OS fault naming it (exit 74), not a bug. */
export async function readDapipSource(path: string): Promise<DapipTexts> {
  try {
    return await readDapipFiles(path);
  } catch (error) {
    throw fileSystemError(error, path, 'read');
  }
}

async function readDapipFiles(path: string): Promise<DapipTexts> {
  if (!existsSync(path)) {
    throw new UserError(`${path} does not exist`, {
      exitCode: ExitCode.usage,
      hint: 'give the path of the DAPIP zip or folder',
    });
  }
  const found: Partial<Record<DapipFileKey, string>> = {};
  const stats = statSync(path);
  const kind = specialKind(stats);
  if (kind && kind !== 'a folder') {
    throw new UserError(`${path} is ${kind}, not the DAPIP zip or folder`, {
      exitCode: ExitCode.usage,
      hint: 'give the path of the DAPIP zip or folder',
    });
  }
  if (stats.isDirectory()) {
    for (const name of readdirSync(path)) {
      const key = keyFor(name);
      if (key) found[key] = readFileSync(join(path, name), 'utf8');
    }
  } else {
    const bytes = readFileSync(path);
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
      throw new UserError(`${path} is not a zip file`, {
        hint: 'pass the zip from the DAPIP download page, or the folder holding its three CSV files',
      });
    }
    const members = await readZipMembers(bytes, path, (name) => keyFor(name) !== undefined);
    for (const [name, text] of Object.entries(members)) {
      const key = keyFor(name);
      if (key) found[key] = text;
    }
  }
  if (KEYS.some((k) => found[k] === undefined)) missingFiles(found, path);
  return found as DapipTexts;
}
