import { Command } from 'commander';
import { type Context, examples } from '../shared/context.js';
import { DESCRIPTIONS } from '../shared/descriptions.js';

export function careersCommand(ctx: Context): Command {
  return new Command('careers')
    .description(DESCRIPTIONS.careers)
    .argument('[name...]', 'words of a career name (all careers when omitted)')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Each department is a CIP 2020 family (2 digits), series (4) or program (6), primary or
secondary, with the reason it helps. \`mls find --career <name>\` ranks programs by them.
${examples(['mls careers', 'mls careers metadata', 'mls careers --json'])}`,
    )
    .action(async (words: string[], opts: { json?: boolean }) => {
      const { io } = ctx;
      const { findCareer, cipTitle } = await import('../../catalog/careers.js');
      const { loadCareers, loadCipTitles } = await import('../shared/departments.js');
      const { ExitCode, UserError } = await import('../../errors.js');
      const data = loadCareers();
      const titles = loadCipTitles();
      let careers = data.careers;
      const query = words.join(' ').trim();
      if (query) {
        const found = findCareer(query, careers);
        if ('career' in found) careers = [found.career];
        else if (found.candidates.length > 0) careers = found.candidates;
        else {
          throw new UserError(`no career matches "${query}"`, {
            exitCode: ExitCode.notFound,
            hint: 'run `mls careers` for the list',
          });
        }
      }
      const withTitles = careers.map((c) => ({
        name: c.name,
        departments: c.departments.map((d) => ({ ...d, title: cipTitle(d.code, titles) })),
      }));
      if (opts.json) {
        io.out(
          JSON.stringify(
            {
              schemaVersion: 1,
              careers: withTitles,
              complement: {
                ...data.complement,
                departments: data.complement.departments.map((d) => ({ ...d, title: cipTitle(d.code, titles) })),
              },
            },
            null,
            2,
          ),
        );
        return;
      }
      const { makeStyle } = await import('../../ui/color.js');
      const style = await makeStyle(io.stdoutIsTTY, io.env);
      const blocks = withTitles.map((c) =>
        [
          style.bold(c.name),
          ...c.departments.map(
            (d) =>
              `  ${d.weight === 'primary' ? style.green('primary  ') : style.dim('secondary')}  ${d.code.padEnd(7)}  ${d.reason}`,
          ),
        ].join('\n'),
      );
      io.out(blocks.join('\n\n'));
    });
}
