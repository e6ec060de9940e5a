import { basename } from 'node:path';
import { UserError } from '../../errors.js';
import { awardYearFromName } from '../../formats/ipeds.js';
import { readCompletionsUpdate } from '../../store/evidence-import.js';
import type { Context } from '../shared/context.js';

/** `mls data import ipeds-completions <CYYYY_A.csv>`: a newer year of department evidence. */
export async function importCompletions(ctx: Context, path: string, opts: { year?: string }): Promise<void> {
  const year = opts.year ?? awardYearFromName(path);
  if (!year || !/^\d{4}-\d{2}$/.test(year)) {
    throw new UserError(`cannot tell the award year of ${basename(path)}`, {
      hint: 'add --year 2024-25 (or name the file CYYYY_A.csv)',
    });
  }
  const { install, hosts } = readCompletionsUpdate(path, year);
  const dir = await install(ctx.io.env);
  ctx.io.err(
    `Imported ${year} completions for ${hosts} host universities into ${dir}; \`mls data reset ipeds-completions\` returns to the bundled copy.`,
  );
}
