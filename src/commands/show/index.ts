import { Command } from 'commander';
import { withImportedCharges } from '../../catalog/cost.js';
import { sortPrograms } from '../../catalog/programs.js';
import { didYouMean } from '../../catalog/suggest.js';
import { ExitCode, UserError } from '../../errors.js';
import { loadAlaPrograms } from '../../store/bundled.js';
import { importedCharges } from '../../store/charges.js';
import { makeStyle } from '../../ui/color.js';
import { programDetail, programJson } from '../../ui/programs.js';
import { type Context, examples } from '../shared/context.js';
import { DESCRIPTIONS } from '../shared/descriptions.js';
import { printJson } from '../shared/json.js';
import { nonEmpty } from '../shared/options.js';

/** Line width of `show` when stdout is not a terminal. */
const SHOW_WIDTH = 80;

export function showCommand(ctx: Context): Command {
  return new Command('show')
    .description(DESCRIPTIONS.show)
    .argument('<id|name>', 'program id (from `mls find`) or words of its name')
    .option('--career <name>', 'also show the departments this career needs, with their evidence', nonEmpty)
    .option('--sources', 'also show the research notes from the reference table and every source URL')
    .option('--json', 'print JSON (includes the research notes and sources)')
    .addHelpText(
      'after',
      examples([
        'mls show san-jose-state-university-mlis',
        'mls show "University of Toronto"',
        'mls show san-jose-state-university-mlis --sources',
        'mls show drexel --json',
      ]),
    )
    .action(async (query: string, opts: { json?: boolean; career?: string; sources?: boolean }) => {
      const { io, now } = ctx;
      const dataset = loadAlaPrograms();
      const all = withImportedCharges(dataset.programs, importedCharges(io.env));
      const { programsForQuery } = await import('../shared/institution.js');
      const matches = sortPrograms(await programsForQuery(ctx, query, all, opts), 'name');
      if (matches.length === 0) {
        const names = [...new Set(all.flatMap((p) => [p.institution, p.shortName]))];
        throw new UserError(`no program matches "${query}"${didYouMean(query, names)}`, {
          exitCode: ExitCode.notFound,
          hint: 'try fewer words, or list programs with `mls find --query <words>`',
        });
      }
      if (matches.length > 1) {
        const list = matches.map((p) => `  ${p.id}  (${p.institution}, ${p.degree})`).join('\n');
        throw new UserError(`"${query}" matches ${matches.length} programs:\n${list}`, {
          exitCode: ExitCode.notFound,
          hint: 'run `mls show <id>` with one of the ids above',
        });
      }
      const program = matches[0] as (typeof matches)[number];
      const { departmentSummary } = await import('./departments.js');
      const departments = departmentSummary(program, opts.career, io.env);
      if (opts.json) {
        printJson(io, {
          dataset: { name: dataset.meta.dataset, asOf: dataset.meta.asOf },
          program: programJson(program, now),
          departments,
        });
        return;
      }
      const style = await makeStyle(io.stdoutIsTTY, io.env);
      const { renderDepartmentSummary } = await import('../../ui/departments.js');
      io.out(
        `${programDetail(program, { chalk: style, today: now, asOf: dataset.meta.asOf, width: Math.min(io.columns ?? SHOW_WIDTH, 100), sources: opts.sources })}\n\n${renderDepartmentSummary(departments, style)}`,
      );
    });
}
