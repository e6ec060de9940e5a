import { Command, InvalidArgumentError, Option } from 'commander';
import type { HostScore } from '../../catalog/careers.js';
import {
  DELIVERY_MODES,
  type DeliveryMode,
  filterPrograms,
  type ProgramFilters,
  SORT_KEYS,
  type SortKey,
  sortPrograms,
} from '../../catalog/programs.js';
import { findCountry, findRegion, type Region } from '../../catalog/regions.js';
import { UserError } from '../../errors.js';
import type { Program, ProgramStatus } from '../../schema/datasets.js';
import { PROGRAM_STATUSES } from '../../schema/vocabulary.js';
import { loadAlaPrograms } from '../../store/bundled.js';
import { makeStyle } from '../../ui/color.js';
import { CSV_COLUMNS, programCsvRow, programJson, programsTsv } from '../../ui/programs.js';
import { type Context, examples } from '../shared/context.js';
import { DESCRIPTIONS } from '../shared/descriptions.js';
import { listOf, oneOf } from '../shared/options.js';

interface FindOptions {
  onlineOnly?: boolean;
  delivery?: DeliveryMode[];
  state?: Region[];
  country?: Region['country'][];
  degree?: string[];
  status?: ProgramStatus[];
  query?: string;
  includeCandidates?: boolean;
  career?: string;
  dept?: string[];
  requireDept?: boolean;
  sort?: SortKey;
  json?: boolean;
  csv?: boolean;
  quiet?: boolean;
}

async function rankByDepartments(programs: Program[], opts: FindOptions, env: NodeJS.ProcessEnv) {
  const { departmentQuery, loadCipTitles, scorePrograms, rankByScore } = await import('../shared/departments.js');
  const titles = loadCipTitles();
  const query = departmentQuery(opts.career, opts.dept ?? [], titles);
  const scores = scorePrograms(programs, query, titles, env);
  let ranked = opts.sort ? programs : rankByScore(programs, scores);
  if (opts.requireDept) ranked = ranked.filter((p) => (scores.get(p.id)?.score ?? 0) > 0);
  return { programs: ranked, scores, query, label: query.label };
}

function evidenceLines(score: HostScore | undefined): string[] {
  return score?.departments.flatMap((d) => d.lines) ?? [];
}

function parseRegion(value: string): Region {
  const region = findRegion(value);
  if (!region) {
    throw new InvalidArgumentError(
      `unknown state or province "${value}" (use a code such as CA or ON, or a name such as California)`,
    );
  }
  return region;
}

function parseCountry(value: string): Region['country'] {
  const country = findCountry(value);
  if (!country) throw new InvalidArgumentError(`unknown country "${value}" (use US, Canada or UK)`);
  return country;
}

export function findCommand(ctx: Context): Command {
  return new Command('find')
    .description(DESCRIPTIONS.find)
    .option('--online-only', 'only programs that can be completed 100% online')
    .addOption(
      new Option(
        '--delivery <mode>',
        `delivery mode, repeatable or comma-separated (${DELIVERY_MODES.join(', ')})`,
      ).argParser(listOf(oneOf(DELIVERY_MODES, 'delivery mode'))),
    )
    .addOption(
      new Option(
        '--state <code|name>',
        'U.S. state, territory or Canadian province, repeatable (CA, California, ON)',
      ).argParser(listOf(parseRegion)),
    )
    .addOption(new Option('--region <code|name>', 'same as --state').argParser(listOf(parseRegion)))
    .addOption(new Option('--country <name>', 'US, Canada or UK, repeatable').argParser(listOf(parseCountry)))
    .addOption(
      new Option('--degree <abbr>', 'degree abbreviation, repeatable (MLIS, MSLIS, MLS, MI…)').argParser(
        listOf(String),
      ),
    )
    .addOption(
      new Option('--status <status>', `ALA status, repeatable (${PROGRAM_STATUSES.join(', ')})`).argParser(
        listOf(oneOf(PROGRAM_STATUSES, 'status')),
      ),
    )
    .option(
      '-q, --query <text>',
      'words to find in the institution, school, program or city (accents and case ignored)',
    )
    .option('--include-candidates', 'also list programs that are only candidates for accreditation')
    .option('--career <name>', 'rank by the departments this career needs (see `mls careers`)')
    .addOption(
      new Option(
        '--dept <code|name>',
        'rank by a department: CIP code (45.07) or words (geography); repeatable',
      ).argParser(listOf(String)),
    )
    .option('--require-dept', 'with --career/--dept: hide programs with no evidence of those departments')
    .addOption(
      new Option('--sort <key>', 'sort order (default: name; by score with --career/--dept)').choices(SORT_KEYS),
    )
    .option('--json', 'print JSON (see README for the shape)')
    .option('--csv', 'print CSV (RFC 4180, with a header row)')
    .option('--quiet', 'no summary line on stderr')
    .addHelpText(
      'after',
      `
Delivery: a program whose delivery is not stated in the sources is left out by
--online-only and --delivery, and the summary line says how many were left out
for that reason alone.
${examples([
  'mls find --online-only',
  'mls find --online-only --state CA --state Ontario',
  'mls find --query "san jose" --json',
  'mls find --delivery campus --country canada --csv > programs.csv',
  'mls find --online-only --career "Metadata Librarian"',
  'mls find --dept geography --dept 04.02',
])}`,
    )
    .action(async (opts: FindOptions & { region?: Region[] }) => {
      if (opts.json && opts.csv) {
        throw new UserError('--json and --csv cannot be used together', { hint: 'pick one output format' });
      }
      const dataset = loadAlaPrograms();
      const filters: ProgramFilters = {
        onlineOnly: opts.onlineOnly,
        delivery: opts.delivery,
        regions: [...(opts.state ?? []), ...(opts.region ?? [])],
        countries: opts.country,
        degrees: opts.degree,
        statuses: opts.status,
        query: opts.query,
        includeCandidates: opts.includeCandidates,
      };
      const result = filterPrograms(dataset.programs, filters);
      const { io, now } = ctx;
      let programs = sortPrograms(result.programs, opts.sort ?? 'name');
      let ranking: Awaited<ReturnType<typeof rankByDepartments>> | null = null;
      if (opts.career || opts.dept?.length) {
        ranking = await rankByDepartments(programs, opts, io.env);
        programs = ranking.programs;
        result.applied.push(ranking.label);
      }

      if (opts.json) {
        io.out(
          JSON.stringify(
            {
              schemaVersion: 1,
              dataset: { name: dataset.meta.dataset, asOf: dataset.meta.asOf },
              filters: result.applied,
              count: programs.length,
              unknownDeliveryExcluded: result.unknownDeliveryExcluded,
              ...(ranking
                ? { departments: ranking.query.departments.map(({ code, weight }) => ({ code, weight })) }
                : {}),
              programs: programs.map((p) => {
                const score = ranking?.scores.get(p.id);
                return score ? { ...programJson(p, now), departments: score } : programJson(p, now);
              }),
            },
            null,
            2,
          ),
        );
      } else if (opts.csv) {
        const { toCsv } = await import('../../ui/csv.js');
        const header = ranking ? [...CSV_COLUMNS, 'department_score', 'department_evidence'] : CSV_COLUMNS;
        const rows = programs.map((p) => {
          const row = programCsvRow(p);
          if (!ranking) return row;
          const score = ranking.scores.get(p.id);
          return [
            ...row,
            score?.score === null || !score ? 'no evidence' : String(score.score),
            evidenceLines(score).join(' | '),
          ];
        });
        io.out(toCsv(header, rows));
      } else if (ranking && programs.length > 0) {
        const { rankedList, rankedTsv } = await import('../shared/departments.js');
        io.out(
          io.stdoutIsTTY
            ? rankedList(programs, ranking.scores, await makeStyle(true, io.env))
            : rankedTsv(programs, ranking.scores),
        );
      } else if (programs.length > 0 && io.stdoutIsTTY) {
        const { programsTable } = await import('../../ui/program-table.js');
        io.out(programsTable(programs, { chalk: await makeStyle(true, io.env), today: now, maxWidth: io.columns }));
      } else if (programs.length > 0) {
        io.out(programsTsv(programs, now));
      }

      if (!opts.quiet) {
        const chalk = await makeStyle(io.stderrIsTTY, io.env);
        const filterText = result.applied.length > 0 ? result.applied.join(', ') : 'no filters';
        let summary = `${programs.length} program${programs.length === 1 ? '' : 's'} · ${filterText} · ALA data as of ${dataset.meta.asOf}`;
        if (result.unknownDeliveryExcluded > 0) {
          summary += `\n${result.unknownDeliveryExcluded} more left out only because their delivery is unknown in the sources`;
        }
        if (result.mostRemoving) {
          const m = result.mostRemoving;
          summary += `\nNo programs match. The filter that removed the most: ${m.label} (${m.removed} of ${m.of}).`;
        }
        io.err(chalk.dim(summary));
      }
    });
}
