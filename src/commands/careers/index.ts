import { Command } from 'commander';
import { type Context, examples } from '../shared/context.js';
import { DESCRIPTIONS } from '../shared/descriptions.js';

export function careersCommand(ctx: Context): Command {
  return new Command('careers')
    .description(DESCRIPTIONS.careers)
    .argument('[name...]', 'words of a career name, or a shortening (GIS, metadata, archivist); all when omitted')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Each department is a CIP 2020 family (2 digits), series (4) or program (6), primary or
secondary, with the reason it helps. \`mls find --career <name>\` ranks programs by them.
${examples(['mls careers', 'mls careers "GIS Map Specialist"', 'mls careers metadata', 'mls careers --json'])}`,
    )
    .action(async (words: string[], opts: { json?: boolean }) => {
      const { io } = ctx;
      const { findCareer, cipTitle } = await import('../../catalog/careers.js');
      const { loadCareers, loadCipTitles, careerMiss } = await import('../shared/departments.js');
      const data = loadCareers();
      const titles = loadCipTitles();
      let careers = data.careers;
      const query = words.join(' ').trim();
      if (words.length > 0 && !query) {
        const { UserError } = await import('../../errors.js');
        throw new UserError('the career name is empty', {
          hint: 'give words of a career name (`mls careers metadata`), or none to list every career',
        });
      }
      if (query) {
        const found = findCareer(query, careers);
        if ('career' in found) careers = [found.career];
        else if (found.candidates.length > 0) careers = found.candidates;
        else throw careerMiss(query, careers, 'notFound');
      }
      const withTitles = careers.map((c) => ({
        name: c.name,
        departments: c.departments.map((d) => ({ ...d, title: cipTitle(d.code, titles) })),
      }));
      if (opts.json) {
        const { printJson } = await import('../shared/json.js');
        printJson(io, {
          careers: withTitles,
          complement: {
            ...data.complement,
            departments: data.complement.departments.map((d) => ({ ...d, title: cipTitle(d.code, titles) })),
          },
        });
        return;
      }
      const { makeStyle } = await import('../../ui/color.js');
      const { careersText } = await import('../../ui/careers.js');
      io.out(careersText(withTitles, await makeStyle(io.stdoutIsTTY, io.env)));
    });
}
