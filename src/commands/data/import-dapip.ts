import { basename } from 'node:path';
import { UserError } from '../../errors.js';
import { buildDapipDataset } from '../../formats/dapip-csv.js';
import { serializeDapip } from '../../formats/dapip-files.js';
import { dapipDataset, loadZodMessages } from '../../schema/datasets.js';
import { readBundledJson } from '../../store/bundled.js';
import { readDapipSource } from '../../store/dapip-source.js';
import { installDataset } from '../../store/install-dataset.js';
import type { Context } from '../shared/context.js';

/** `mls data import dapip <zip|folder>`: the official DAPIP download replaces the accreditation data. */
export async function importDapip(ctx: Context, path: string): Promise<void> {
  const { io } = ctx;
  const progress = (text: string) => {
    if (io.stderrIsTTY) io.err(text);
  };
  loadZodMessages();
  progress(`Reading ${path}…`);
  const texts = await readDapipSource(path);
  progress('Checking and converting the records…');
  const built = buildDapipDataset(
    texts,
    readBundledJson('agencies.json'),
    `U.S. Department of Education, DAPIP download imported from ${basename(path)}`,
  );
  const checked = dapipDataset.safeParse(built);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new UserError(`the download does not look like DAPIP data: ${issue?.path.join('.')}: ${issue?.message}`, {
      hint: 'nothing was replaced',
    });
  }
  progress('Writing…');
  const count = checked.data.institutions.length;
  const { loadHdTable } = await import('../../store/check-evidence.js');
  const files = serializeDapip(checked.data, loadHdTable(io.env).table);
  const dir = await installDataset({ ...checked.data.meta, recordCount: count }, files, io.env);
  io.err(
    `Imported ${count} DAPIP locations (as of ${checked.data.meta.asOf}) into ${dir}. \`mls check\` uses them now; \`mls data reset dapip\` returns to the bundled copy.`,
  );
}
