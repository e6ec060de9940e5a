/**
 * Loads bundled datasets. They are validated by the data tests and at build
 * time, not on every run: start-up time is what a CLI costs its user.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AlaDataset } from '../schema/datasets.js';
import { bundledDataDir } from './paths.js';

export const ALA_PROGRAMS_FILE = 'ala-programs.json';

export function readBundledJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(bundledDataDir(), file), 'utf8')) as T;
}

let ala: AlaDataset | undefined;

export function loadAlaPrograms(): AlaDataset {
  ala ??= readBundledJson<AlaDataset>(ALA_PROGRAMS_FILE);
  return ala;
}
