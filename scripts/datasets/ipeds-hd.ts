import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HdTable, hdStatus, IPEDS_HD_FILE } from '../../src/catalog/ipeds-hd.js';
import { RECENT_ACTIONS_FILE } from '../../src/catalog/recent-actions.js';
import { readRecentActions, serializeRecentActions } from '../../src/formats/dapip-actions.js';
import { readHdCsv, serializeHd } from '../../src/formats/ipeds-hd.js';
import type { DatasetBuilder } from './types.js';

export const HD_YEAR = '2024-25';
/** The bundled DAPIP's as-of date: actions after it are new to the verdict. */
const DAPIP_AS_OF = '2020-11-02';

/** reference/doe/ipeds/hd2024.csv as the lookup table; the DAPIP builder joins its names too. */
export async function readHd2024(referenceDir: string): Promise<HdTable> {
  const text = await readFile(join(referenceDir, 'doe', 'ipeds', 'hd2024.csv'), 'utf8');
  return new HdTable(serializeHd(readHdCsv(text, 'hd2024.csv'), HD_YEAR));
}

export const ipedsHdBuilder: DatasetBuilder = {
  name: 'IPEDS HD2024 and DAPIP actions 2019-2026',
  async build(referenceDir) {
    const hdText = serializeHd(
      readHdCsv(await readFile(join(referenceDir, 'doe', 'ipeds', 'hd2024.csv'), 'utf8'), 'hd2024.csv'),
      HD_YEAR,
    );
    const hd = new HdTable(hdText).all();
    const count = (s: string) => hd.filter((r) => hdStatus(r) === s).length;
    const actionsCsv = await readFile(
      join(referenceDir, 'doe', 'dapip_actions_2019-2026', 'institutional_actions_2019-2026_partial.csv'),
      'utf8',
    );
    const actions = readRecentActions(actionsCsv, DAPIP_AS_OF);
    return {
      files: { [IPEDS_HD_FILE]: hdText, [RECENT_ACTIONS_FILE]: serializeRecentActions(actions) },
      metas: [
        {
          file: IPEDS_HD_FILE,
          meta: {
            dataset: 'ipeds-hd',
            title: `IPEDS HD2024 Directory Information (${HD_YEAR}): open, closed, merged, Title IV, names, web addresses`,
            asOf: '2025-09',
            source: 'NCES IPEDS HD2024, Release 1 (https://nces.ed.gov/ipeds/datacenter/data/HD2024.zip)',
            recordCount: hd.length,
          },
          details: [
            `One line per UNITID: OPEID, current name (INSTNM), the names and abbreviations the institution reports (IALIAS, split on | , ; / and runs of spaces), ACT, CLOSEDAT (as YYYY-MM-DD), NEWID (merged into), OPEFLAG, WEBADDR, city, state. ${count('open')} open, ${count('closed')} closed, ${count('merged')} merged into another UNITID.`,
            'OPEFLAG 1 means the institution takes part in Title IV federal student aid, which requires accreditation by a USDE-recognized agency (or, rarely, state approval): a 2024-25 signal that it was still recognized. HD has no accreditor field. The names are also joined into `dapip-index.tsv` (last column) so `mls check` finds an institution by its current name or an alias. The web address (UNITID -> WEBADDR) is here for program links. Refresh with `mls data import ipeds-hd <hdYYYY.csv>`.',
            'Source: the complete NCES file as kept in a public repository (reference/doe/README.md section 9; sha256 3e658c47…337e).',
          ],
        },
        {
          file: RECENT_ACTIONS_FILE,
          meta: {
            dataset: 'dapip-actions',
            title: 'DAPIP institutional actions 2019-2026 (partial: 458 institutions)',
            asOf: '2026-05-13',
            source:
              'DAPIP institution profiles as read on 2026-05-13 by the financial-health-tracker project (reference/doe/README.md section 9)',
            recordCount: actions.length,
          },
          details: [
            `The ${actions.length} monitoring and adverse actions dated after the bundled DAPIP download (${DAPIP_AS_OF}), kept by DAPIP id: date, agency, DAPIP action code and description, status (resolved = removal of a status) and up to 200 characters of the agency's reason.`,
            'Partial: only 458 institutions (950 of 1,253 rows from SACSCOC). A missing institution or action means nothing, so `mls check` shows what is recorded and never infers "no actions". A voluntary withdrawal is often a move to another accreditor (the University of Arizona left the HLC in 2023 for WSCUC) or the end of a programmatic accreditation, not a loss of recognition.',
          ],
        },
      ],
    };
  },
};
