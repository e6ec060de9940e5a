/**
 * `mls data import ipeds-charges <file>`: a newer IPEDS IC20xx_AY, or the 2024-25 Cost
 * component (COST1_20xx), replaces the bundled 2022-23 graduate charges shown by
 * `find` and `show`, for the institutions the file reports.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { EVIDENCE_FILE, EvidenceStore } from '../../catalog/evidence.js';
import { UserError } from '../../errors.js';
import { chargesYearFromName, parseIcAyCharges } from '../../formats/ipeds-charges.js';
import type { GraduateCost } from '../../schema/datasets.js';
import { loadAlaPrograms } from '../../store/bundled.js';
import { CHARGES_DATASET, CHARGES_FILE } from '../../store/charges.js';
import { installDataset } from '../../store/install-dataset.js';
import { bundledDataDir } from '../../store/paths.js';
import type { Context } from '../shared/context.js';

export async function importIpedsCharges(ctx: Context, path: string, yearOption: string | undefined): Promise<void> {
  if (!existsSync(path)) {
    throw new UserError(`${path} does not exist`, {
      hint: 'give the path of the IC20xx_AY.csv or COST1_20xx.csv file',
    });
  }
  const year = yearOption ?? chargesYearFromName(path);
  if (!year || !/^\d{4}-\d{2}$/.test(year)) {
    throw new UserError(`cannot tell the academic year of ${basename(path)}`, {
      hint: 'add --year 2024-25 (or keep the NCES file name, IC2023_AY.csv or COST1_2024.csv)',
    });
  }
  const file = basename(path);
  const all = parseIcAyCharges(
    readFileSync(path, 'utf8'),
    { year, source: `NCES IPEDS ${file} (${year}), imported` },
    file,
  );
  // Merged institutions report under their new UNITID (Clarion -> PennWest).
  const { unitAliases } = new EvidenceStore(readFileSync(join(bundledDataDir(), EVIDENCE_FILE), 'utf8')).toDataset();
  const charges: Record<string, GraduateCost> = {};
  for (const p of loadAlaPrograms().programs) {
    if (!p.doe) continue;
    const cost = all.get(p.doe.unitId) ?? all.get(unitAliases[p.doe.unitId] ?? '');
    if (cost) charges[p.doe.unitId] = cost;
  }
  const count = Object.keys(charges).length;
  if (count === 0) {
    throw new UserError(`${file} has no graduate charges for the ALA programs' institutions`, {
      hint: 'expected the full national IC_AY or COST1 file; nothing was replaced',
    });
  }
  const meta = {
    dataset: CHARGES_DATASET,
    title: 'Graduate tuition and fees of the ALA programs’ institutions',
    asOf: year.slice(0, 4),
    source: `NCES IPEDS ${file} (${year}), imported`,
    recordCount: count,
  };
  const dir = await installDataset(meta, { [CHARGES_FILE]: `${JSON.stringify(charges)}\n` }, ctx.io.env);
  ctx.io.err(
    `Imported ${year} graduate charges for ${count} institution${count === 1 ? '' : 's'} into ${dir}; \`mls data reset ipeds-charges\` returns to the bundled 2022-23 figures.`,
  );
}
