import { Command } from 'commander';
import { UserError } from '../../errors.js';
import { type Context, examples } from '../shared/context.js';
import { DESCRIPTIONS } from '../shared/descriptions.js';
import { IMPORTABLE, IMPORTERS, type ImportOptions } from './importers.js';

function infoCommand(ctx: Context): Command {
  return new Command('info')
    .description('List each dataset with its as-of date, record count, source and active copy')
    .option('--json', 'print JSON')
    .addHelpText('after', examples(['mls data info', 'mls data info --json']))
    .action(async (opts: { json?: boolean }) => (await import('./info.js')).runInfo(ctx, opts));
}

function importCommand(ctx: Context): Command {
  return new Command('import')
    .description('Refresh a dataset from an official download; the imported copy then takes precedence over the bundle')
    .argument('<dataset>', `which dataset (${IMPORTABLE.join(', ')})`)
    .argument('<path>', IMPORTABLE.map((name) => `${name}: ${IMPORTERS[name]?.takes}`).join('; '))
    .option('--year <YYYY-YY>', 'ipeds-completions, ipeds-charges: the year, when the file name does not say')
    .addHelpText(
      'after',
      `
dapip: the CSV zip from https://ope.ed.gov/dapip/#/download-data-files (or a folder with
InstitutionCampus.csv, AccreditationRecords.csv and AccreditationActions.csv).
ipeds-completions: the Completions file CYYYY_A.csv from the NCES IPEDS Data Center
(https://nces.ed.gov/ipeds/datacenter/DataFiles.aspx). Its host-university rows replace the
latest year of the department evidence used by --career/--dept and show.
ipeds-hd: the Directory Information file hdYYYY.csv (or HDYYYY.zip) from the same page; \`mls check\`
then reports open, closed, merged and Title IV status from it.
ipeds-charges: IC20xx_AY.csv, or COST1_20xx.csv from 2024-25 on (same site); it replaces
the 2022-23 graduate tuition and fees shown by find and show.
The files are checked before anything is replaced; a bad file changes nothing.
${examples(['mls data import dapip ~/Downloads/AccreditationData.zip', 'mls data import ipeds-hd ~/Downloads/hd2024.csv', 'mls data reset dapip'])}`,
    )
    .action(async (dataset: string, path: string, opts: ImportOptions) => {
      const importer = IMPORTERS[dataset];
      if (!importer) {
        throw new UserError(`cannot import "${dataset}"`, { hint: `importable datasets: ${IMPORTABLE.join(', ')}` });
      }
      await importer.run(ctx, path, opts);
    });
}

function resetCommand(ctx: Context): Command {
  return new Command('reset')
    .description('Remove imported copies so the bundled data is used again')
    .argument('[dataset]', `which dataset (${IMPORTABLE.join(', ')}); all when omitted`)
    .addHelpText('after', examples(['mls data reset dapip', 'mls data reset']))
    .action(async (dataset: string | undefined) => (await import('./reset.js')).runReset(ctx, dataset));
}

export function dataCommand(ctx: Context): Command {
  return new Command('data')
    .description(DESCRIPTIONS.data)
    .addHelpText('after', examples(['mls data info', 'mls data import dapip AccreditationData.zip', 'mls data reset']))
    .addCommand(infoCommand(ctx))
    .addCommand(importCommand(ctx))
    .addCommand(resetCommand(ctx));
}
