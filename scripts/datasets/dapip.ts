import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DAPIP_STORE_FILES } from '../../src/catalog/dapip-index.js';
import { buildDapipDataset, DAPIP_FILES } from '../../src/formats/dapip-csv.js';
import { serializeDapip } from '../../src/formats/dapip-files.js';
import { type Agency, dapipDataset } from '../../src/schema/datasets.js';
import { readCsv } from './csv.js';
import { readHd2024 } from './ipeds-hd.js';
import type { DatasetBuilder } from './types.js';

export const AGENCIES_FILE = 'agencies.json';

// ED announcement OPE-22-01 (reference/doe/README.md §6): ACICS's recognition ended on this date.
const RECOGNITION_ENDED: Record<string, string> = { ACICS: '2022-08-19' };

/** Agencies from the reference list, keyed by their DAPIP AgencyId through the crosswalk. */
export async function readAgencies(referenceDir: string): Promise<Agency[]> {
  const list = await readCsv(join(referenceDir, 'doe', 'agencies.csv'));
  const crosswalk = await readCsv(join(referenceDir, 'doe', 'agency_name_crosswalk.csv'));
  const byShort = new Map(list.map((a) => [a.short_name, a]));
  return crosswalk
    .filter((c) => c.dapip_agency_id)
    .map((c) => {
      const a = byShort.get(c.short_name ?? '');
      if (!a) throw new Error(`agency_name_crosswalk.csv: ${c.short_name} is not in agencies.csv`);
      return {
        id: c.dapip_agency_id as string,
        short: a.short_name as string,
        name: a.full_name as string,
        scope: a.scope === 'institutional' || a.scope === 'programmatic' ? a.scope : 'unknown',
        recognizedBy: a.recognized_by as Agency['recognizedBy'],
        recognitionEnded: RECOGNITION_ENDED[a.short_name as string] ?? null,
      } satisfies Agency;
    })
    .sort((a, b) => Number(a.id) - Number(b.id));
}

export const dapipBuilder: DatasetBuilder = {
  name: 'DAPIP',
  async build(referenceDir) {
    const dir = join(referenceDir, 'doe', 'dapip_2020-11');
    const [campus, records, actions] = await Promise.all(
      [DAPIP_FILES.campus, DAPIP_FILES.records, DAPIP_FILES.actions].map((f) => readFile(join(dir, f), 'utf8')),
    );
    const agencies = await readAgencies(referenceDir);
    const dataset = dapipDataset.parse(
      buildDapipDataset(
        { campus: campus as string, records: records as string, actions: actions as string },
        agencies,
        'U.S. Department of Education, DAPIP download (InstitutionCampus, AccreditationRecords, AccreditationActions), November 2020',
      ),
    );
    const open = dataset.institutions.filter((i) => i.accreditation.some((r) => r.end === null)).length;
    return {
      files: {
        ...serializeDapip(dataset, await readHd2024(referenceDir)),
        [AGENCIES_FILE]: `${JSON.stringify(agencies, null, 2)}\n`,
      },
      metas: [
        {
          file: DAPIP_STORE_FILES.index,
          meta: dataset.meta,
          details: [
            `${dataset.institutions.length} DAPIP locations: every \`Institution\` row, plus the additional locations that carry an OPEID or IPEDS UNITID of their own (branch campuses), which resolve to their parent. ${open} have institutional accreditation in force.`,
            "Kept per location: DAPIP id, OPEID, UNITIDs, name, city and state (parsed from the address), parent, every institutional accreditation record (agency, status, since, next review, end) and the institutional actions that matter to a student: warnings, probation, show cause, monitoring, losses and closures, and their removal. Programmatic accreditation is not bundled. The last column holds the IPEDS HD2024 current name and aliases of the location's UNITIDs (see `ipeds-hd.tsv`).",
            'As of: the latest ActionDate in the export. DAPIP data are reported by the accrediting agencies and are not audited by the Department of Education. This copy is from November 2020: closures, mergers, accreditor changes and ACICS’s loss of recognition (2022) happened later. Refresh with `mls data import dapip <zip>` from https://ope.ed.gov/dapip/#/download-data-files.',
            'Source: the official DAPIP Excel export of November 2020 as kept in a public repository, converted sheet by sheet to CSV (reference/doe/README.md).',
          ],
        },
        {
          file: AGENCIES_FILE,
          meta: {
            dataset: 'agencies',
            title: 'Accrediting agencies and their recognition',
            // reference/doe/README.md: "Collected in 2026" (recognition changes to then, e.g. ACICS 2022).
            asOf: '2026',
            source: 'DAPIP agency list (Nov 2020) with recognition from ED and CHEA pages (reference/doe/agencies.csv)',
            recordCount: agencies.length,
          },
          details: [
            '`recognizedBy`: `both` (USDE and CHEA), `USDE` (USDE-recognized per DAPIP; CHEA status not checked), `CHEA`, or `former-USDE` (no longer recognized; ACICS ended 2022-08-19).',
          ],
        },
      ],
    };
  },
};
