import { Command, InvalidArgumentError, Option } from 'commander';
import {
  DELIVERY_MODES,
  type DeliveryMode,
  filterPrograms,
  type ProgramFilters,
  SORT_KEYS,
  type SortKey,
  sortPrograms,
} from '../catalog/programs.js';
import { findCountry, findRegion, type Region } from '../catalog/regions.js';
import { loadAlaPrograms } from '../data/bundled.js';
import type { ProgramStatus } from '../data/schemas.js';
import { PROGRAM_STATUSES } from '../data/vocabulary.js';
import { UserError } from '../errors.js';
import { makeStyle } from '../ui/color.js';
import { CSV_COLUMNS, programCsvRow, programJson, programsTsv } from '../ui/programs.js';
import { type Context, examples } from './context.js';
import { listOf, oneOf } from './options.js';

interface FindOptions {
  onlineOnly?: boolean;
  delivery?: DeliveryMode[];
  state?: Region[];
  country?: Region['country'][];
  degree?: string[];
  status?: ProgramStatus[];
  query?: string;
  includeCandidates?: boolean;
  sort: SortKey;
  json?: boolean;
  csv?: boolean;
  quiet?: boolean;
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
    .description('List ALA-accredited master’s programs, filtered by delivery, place, degree and status')
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
    .addOption(new Option('--sort <key>', 'sort order').choices(SORT_KEYS).default('name' satisfies SortKey))
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
      const programs = sortPrograms(result.programs, opts.sort);
      const { io, now } = ctx;

      if (opts.json) {
        io.out(
          JSON.stringify(
            {
              schemaVersion: 1,
              dataset: { name: dataset.meta.dataset, asOf: dataset.meta.asOf },
              filters: result.applied,
              count: programs.length,
              unknownDeliveryExcluded: result.unknownDeliveryExcluded,
              programs: programs.map((p) => programJson(p, now)),
            },
            null,
            2,
          ),
        );
      } else if (opts.csv) {
        const { toCsv } = await import('../ui/csv.js');
        io.out(toCsv(CSV_COLUMNS, programs.map(programCsvRow)));
      } else if (programs.length > 0 && io.stdoutIsTTY) {
        const { programsTable } = await import('../ui/program-table.js');
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
