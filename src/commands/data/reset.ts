import { UserError } from '../../errors.js';
import { removeImportedDataset } from '../../store/install-dataset.js';
import type { Context } from '../shared/context.js';
import { IMPORTABLE, IMPORTERS } from './importers.js';

/** `mls data reset [dataset]`: back to the bundled copy of one dataset, or of all. */
export async function runReset(ctx: Context, dataset: string | undefined): Promise<void> {
  for (const name of dataset ? [dataset] : IMPORTABLE) {
    const importer = IMPORTERS[name];
    if (!importer) throw new UserError(`unknown dataset "${name}"`, { hint: `choose from: ${IMPORTABLE.join(', ')}` });
    const removed = await removeImportedDataset(importer.stored, ctx.io.env);
    ctx.io.err(
      removed ? `${name}: imported copy removed; using the bundled data` : `${name}: already using the bundled data`,
    );
  }
}
