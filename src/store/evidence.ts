import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVIDENCE_FILE, EvidenceStore } from '../catalog/evidence.js';
import { IMPORTED_META, importedDir } from './imported.js';
import { bundledDataDir } from './paths.js';

/** Department evidence: the user's imported copy (`mls data import ipeds-completions`), else the bundle. */
export function activeEvidence(env: NodeJS.ProcessEnv): EvidenceStore {
  const dir = importedDir('host-evidence', env);
  const imported = existsSync(join(dir, IMPORTED_META)) && existsSync(join(dir, EVIDENCE_FILE));
  return new EvidenceStore(readFileSync(join(imported ? dir : bundledDataDir(), EVIDENCE_FILE), 'utf8'));
}
