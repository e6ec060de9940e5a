import { Command, InvalidArgumentError } from 'commander';
import { findRegion } from '../../catalog/regions.js';
import { type Context, examples } from '../shared/context.js';
import { DESCRIPTIONS } from '../shared/descriptions.js';
import type { CheckOptions } from './run.js';

function parseState(value: string): string {
  const region = findRegion(value);
  if (region?.country !== 'United States') {
    throw new InvalidArgumentError(`unknown U.S. state "${value}" (use a code such as CA or a name such as Ohio)`);
  }
  return region.code;
}

export function checkCommand(ctx: Context): Command {
  return new Command('check')
    .description(DESCRIPTIONS.check)
    .argument(
      '<school...>',
      'name, abbreviation, OPEID, IPEDS UNITID or DAPIP id; a six-digit number is read as a UNITID first (write dapip:N or opeid:N to say otherwise)',
    )
    .option('--state <code>', 'only institutions in this U.S. state', parseState)
    .option('--strict', 'exit 1 unless there is also an ALA-accredited program')
    .option('--json', 'print JSON (see README for the shape)')
    .option('--no-input', 'never prompt; list candidates and exit 3 when ambiguous')
    .addHelpText(
      'after',
      `
A single generic word (a state, a city, "Western") never gives a verdict on its own: it lists
candidates, ALA hosts first. Add a place to narrow a name: "Drexel Philadelphia", "USC Los Angeles".

Exit codes: 0 accredited (or an ALA-accredited program outside the U.S., where DAPIP
does not apply), 1 no recognized institutional accreditation on record, closed, merged, or not
confirmable (no longer listed by IPEDS)
(with --strict: also no ALA-accredited program), 2 unusable query (empty, punctuation only,
over 200 characters, a number that is no id), 3 not found or ambiguous, 74 a damaged imported
data file (\`mls data reset dapip\` recovers).
${examples(['mls check "San Jose State University"', 'mls check UBC', 'mls check "USC Los Angeles" --json', 'mls check "Westminster College" --state PA'])}`,
    )
    .action(async (words: string[], opts: CheckOptions) => {
      const { runCheck } = await import('./run.js');
      await runCheck(ctx, words, opts);
    });
}
