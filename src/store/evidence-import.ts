/** `mls data import ipeds-completions`: kept apart from evidence.ts so `find --career` loads none of it. */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { EVIDENCE_FILE, EvidenceStore } from '../catalog/evidence.js';
import { UserError } from '../errors.js';
import { serializeEvidence } from '../formats/evidence.js';
import { completionsUpdate } from '../formats/ipeds.js';
import { type CareersDataset, evidenceDataset, loadZodMessages } from '../schema/datasets.js';
import { loadAlaPrograms, readBundledJson } from './bundled.js';
import { installDataset } from './install-dataset.js';
import { bundledDataDir } from './paths.js';

/**
 * Reads an IPEDS Completions file and what the update needs from the bundle; `install`
 * then puts the new evidence in place of the imported copy (nothing changes before).
 */
export function readCompletionsUpdate(path: string, year: string) {
  if (!existsSync(path)) {
    throw new UserError(`${path} does not exist`, { hint: 'give the path of the CYYYY_A.csv file' });
  }
  loadZodMessages();
  const bundled = new EvidenceStore(readFileSync(join(bundledDataDir(), EVIDENCE_FILE), 'utf8')).toDataset();
  const careers = readBundledJson<CareersDataset>('careers.json');
  const named = new Set(careers.careers.flatMap((c) => c.departments.map((d) => d.code)).filter((c) => c.length === 7));
  const hostUnits = loadAlaPrograms().programs.flatMap((p) => (p.doe ? [p.doe.unitId] : []));
  const update = completionsUpdate({ bundled, named, hostUnits }, readFileSync(path, 'utf8'), basename(path), year);
  const merged = evidenceDataset.parse(update.dataset);
  return {
    hosts: update.hosts,
    install: (env: NodeJS.ProcessEnv) =>
      installDataset(merged.meta, { [EVIDENCE_FILE]: serializeEvidence(merged) }, env),
  };
}
