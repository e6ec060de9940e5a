/**
 * `mls data import ipeds-hd <hdYYYY.csv | HDYYYY.zip>`: the IPEDS Directory Information file
 * replaces the bundled HD2024 for `mls check` (open, closed, merged, Title IV, current name,
 * web address). The names joined into the DAPIP index stay those of the bundled HD2024
 * until the DAPIP copy is rebuilt (`mls data import dapip` joins the active HD).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { IPEDS_HD_FILE } from '../../catalog/ipeds-hd.js';
import { ExitCode, UserError } from '../../errors.js';
import { hdYearFromName, readHdCsv, serializeHd } from '../../formats/ipeds-hd.js';
import { installDataset } from '../../store/install-dataset.js';
import { isZip, MAX_MEMBER_BYTES, readZipMembers } from '../../store/zip.js';
import type { Context } from '../shared/context.js';

const HD_NAME = /(^|\/)hd\d{4}(_rv)?\.csv$/i;

export async function importIpedsHd(ctx: Context, path: string): Promise<void> {
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new UserError(`${path} is not a file`, { hint: 'give the path of hdYYYY.csv or the HDYYYY.zip download' });
  }
  if (statSync(path).size > MAX_MEMBER_BYTES) {
    throw new UserError(`${path} is larger than an IPEDS HD file can be`, { exitCode: ExitCode.usage });
  }
  const bytes = readFileSync(path);
  let text: string;
  let name = basename(path);
  if (isZip(bytes)) {
    const members = Object.entries(await readZipMembers(bytes, path, (n) => HD_NAME.test(n)));
    const first = members[0];
    if (!first)
      throw new UserError(`${path} holds no hdYYYY.csv`, { hint: 'use HDYYYY.zip from the IPEDS Data Center' });
    [name, text] = [basename(first[0]), first[1]];
  } else {
    text = bytes.toString('utf8');
  }
  const year = hdYearFromName(name);
  if (!year) {
    throw new UserError(`cannot tell the year of ${name}`, { hint: 'keep the official file name, hdYYYY.csv' });
  }
  const records = readHdCsv(text, name);
  const dir = await installDataset(
    {
      dataset: 'ipeds-hd',
      title: `IPEDS ${name.replace(/\.csv$/i, '').toUpperCase()} Directory Information (${year})`,
      asOf: String(Number(year.slice(0, 4)) + 1),
      source: `NCES IPEDS Directory Information imported from ${name}`,
      recordCount: records.length,
    },
    { [IPEDS_HD_FILE]: serializeHd(records, year) },
    ctx.io.env,
  );
  ctx.io.err(
    `Imported ${records.length} institutions from ${name} (${year}) into ${dir}. \`mls check\` uses them now; \`mls data reset ipeds-hd\` returns to the bundled HD2024.`,
  );
}
