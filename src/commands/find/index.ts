import { Command, InvalidArgumentError, Option } from 'commander';
import {
  DELIVERY_ALIASES,
  DELIVERY_HELP,
  DELIVERY_MODES,
  type DeliveryMode,
  SORT_KEYS,
} from '../../catalog/programs.js';
import { findCountry, findRegion, REGIONS, type Region } from '../../catalog/regions.js';
import { didYouMean } from '../../catalog/suggest.js';
import { PROGRAM_STATUSES } from '../../schema/vocabulary.js';
import { type Context, examples } from '../shared/context.js';
import { DESCRIPTIONS } from '../shared/descriptions.js';
import { listOf, nonEmpty } from '../shared/options.js';
import type { FindOptions } from './options.js';
import { runFind } from './run.js';

export function parseRegion(value: string): Region {
  const region = findRegion(value);
  if (!region) {
    const names = REGIONS.flatMap((r) => [r.name, r.code]);
    throw new InvalidArgumentError(
      `unknown state or province "${value}"${didYouMean(value, names)} (use a code such as CA or ON, or a name such as California)`,
    );
  }
  return region;
}

function parseCountry(value: string): Region['country'] {
  const country = findCountry(value);
  if (!country) {
    const names = ['US', 'Canada', 'UK', 'United States', 'United Kingdom'];
    throw new InvalidArgumentError(`unknown country "${value}"${didYouMean(value, names)} (use US, Canada or UK)`);
  }
  return country;
}

/** A delivery mode, or an alias (`hybrid` = mostly-online). */
function parseDelivery(value: string): DeliveryMode | `alias:${string}` {
  const v = value.trim().toLowerCase();
  if ((DELIVERY_MODES as readonly string[]).includes(v)) return v as DeliveryMode;
  if (DELIVERY_ALIASES[v]) return `alias:${v}`;
  throw new InvalidArgumentError(
    `unknown delivery mode "${value}"${didYouMean(value, [...DELIVERY_MODES, ...Object.keys(DELIVERY_ALIASES)])} (choose from: ${DELIVERY_MODES.join(', ')}, or hybrid)`,
  );
}

function parseStatus(value: string): (typeof PROGRAM_STATUSES)[number] {
  const v = value.trim().toLowerCase() as (typeof PROGRAM_STATUSES)[number];
  if (PROGRAM_STATUSES.includes(v)) return v;
  throw new InvalidArgumentError(
    `unknown status "${value}"${didYouMean(value, PROGRAM_STATUSES)} (choose from: ${PROGRAM_STATUSES.join(', ')})`,
  );
}

function parseDollars(value: string): number {
  const n = Number(value.replace(/^\$/, '').replace(/,/g, ''));
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`"${value}" is not an amount of dollars (e.g. 600)`);
  return n;
}

const DELIVERY_LINES = DELIVERY_MODES.map((m) => `  ${m.padEnd(15)}${DELIVERY_HELP[m]}`).join('\n');

export function findCommand(ctx: Context): Command {
  return new Command('find')
    .description(DESCRIPTIONS.find)
    .option('--online-only', 'only programs that can be completed 100% online')
    .addOption(
      new Option(
        '--delivery <mode>',
        `delivery, repeatable or comma-separated (${DELIVERY_MODES.join(', ')}; hybrid)`,
      ).argParser(listOf(parseDelivery)),
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
        listOf(parseStatus),
      ),
    )
    .option(
      '-q, --query <text>',
      'whole words to find in names, place, notes and specialisations (archives, licensure)',
      nonEmpty,
    )
    .option('--include-candidates', 'also list programs that are only candidates for accreditation')
    .option('--career <name>', 'rank by the departments this career needs (see `mls careers`)', nonEmpty)
    .addOption(
      new Option(
        '--dept <code|name>',
        'rank by a department: CIP code (45.07) or words (geography); repeatable',
      ).argParser(listOf(String)),
    )
    .option('--require-dept', 'with --career/--dept: hide programs with no evidence of those departments')
    .addOption(
      new Option(
        '--sort <key>',
        'sort order (default: name; by score with --career/--dept; cost = per credit)',
      ).choices(SORT_KEYS),
    )
    .addOption(
      new Option(
        '--max-credit-cost <dollars>',
        'only programs whose graduate per-credit charge is at most this',
      ).argParser(parseDollars),
    )
    .addOption(
      new Option(
        '--resident <state>',
        'your state: costs at in-state or out-of-state rates (default: in-state)',
      ).argParser(parseRegion),
    )
    .option('--wide', 'show every column at full width, even wider than the terminal')
    .option('--json', 'print JSON (docs/programs.md describes the shape)')
    .option('--csv', 'print CSV (RFC 4180, with a header row)')
    .option('--excel', 'CSV with a UTF-8 byte-order mark, so Excel shows accents (San José) correctly')
    .option('--quiet', 'no summary line on stderr')
    .addHelpText(
      'after',
      `
Delivery (--delivery):
${DELIVERY_LINES}
  Tables say "online or on campus" when a program offers both routes, "mostly online"
  when campus visits are required. A program whose delivery is not stated in the
  sources is left out by --online-only and --delivery; the summary says how many.

Cost: the host institution's 2022-23 graduate tuition and fees (IPEDS), institution-wide
rates, not the program's own price (online rates may differ). Canadian and UK programs
are not in IPEDS. --sort cost and --max-credit-cost use the in-state per-credit charge,
or the rate for your state with --resident.
${examples([
  'mls find --online-only',
  'mls find --online-only --sort cost --resident TX',
  'mls find --online-only -q archives',
  'mls find --query "san jose" --json',
  'mls find --delivery campus --country canada --excel > programs.csv',
  'mls find --online-only --career "Metadata Librarian"',
])}`,
    )
    .action((opts: FindOptions) => runFind(ctx, opts));
}
