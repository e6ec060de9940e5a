import { Command } from 'commander';
import { isStale, monthsOld } from '../catalog/staleness.js';
import { datasetStatuses } from '../data/datasets.js';
import { UserError } from '../errors.js';
import { makeStyle } from '../ui/color.js';
import type { Column } from '../ui/table.js';
import { type Context, examples } from './context.js';

function infoCommand(ctx: Context): Command {
  return new Command('info')
    .description('List each dataset with its as-of date, record count, source and active copy')
    .option('--json', 'print JSON')
    .addHelpText('after', examples(['mls data info', 'mls data info --json']))
    .action(async (opts: { json?: boolean }) => {
      const { io, now } = ctx;
      const rows = datasetStatuses(io.env).map((s) => ({
        ...s.active.meta,
        file: s.active.file,
        active: s.active.origin,
        path: s.active.origin === 'imported' ? s.active.path : null,
        bundledAsOf: s.bundled.meta.asOf,
        monthsOld: monthsOld(s.active.meta.asOf, now),
        stale: isStale(s.active.meta.asOf, now),
      }));
      if (opts.json) {
        io.out(JSON.stringify({ schemaVersion: 1, datasets: rows }, null, 2));
        return;
      }
      const chalk = await makeStyle(io.stdoutIsTTY, io.env);
      const { renderTable } = await import('../ui/table.js');
      const columns: Column<(typeof rows)[number]>[] = [
        { header: 'Dataset', value: (r) => r.dataset },
        { header: 'As of', value: (r) => r.asOf, style: (t, r) => (r.stale ? chalk.yellow(t) : t) },
        { header: 'Records', value: (r) => String(r.recordCount) },
        { header: 'Copy', value: (r) => (r.path ? `imported (${r.path})` : r.active) },
        { header: 'Source', value: (r) => r.source, shrink: { order: 1 } },
      ];
      io.out(renderTable(rows, columns, { maxWidth: io.columns, header: (t) => chalk.dim(t) }));
      const stale = rows.filter((r) => r.stale);
      const warn = await makeStyle(io.stderrIsTTY, io.env);
      for (const r of stale) {
        io.err(
          warn.yellow(
            `warning: ${r.dataset} is ${r.monthsOld} months old (as of ${r.asOf}); newer official data may exist`,
          ),
        );
      }
    });
}

const IMPORTABLE = ['dapip'] as const;

function importCommand(ctx: Context): Command {
  return new Command('import')
    .description('Refresh a dataset from an official download; the imported copy then takes precedence over the bundle')
    .argument('<dataset>', `which dataset (${IMPORTABLE.join(', ')})`)
    .argument('<path>', 'the downloaded zip, or a folder with its CSV files')
    .addHelpText(
      'after',
      `
dapip: the CSV zip from https://ope.ed.gov/dapip/#/download-data-files (or a folder with
InstitutionCampus.csv, AccreditationRecords.csv and AccreditationActions.csv).
The files are checked before anything is replaced; a bad file changes nothing.
${examples(['mls data import dapip ~/Downloads/AccreditationData.zip', 'mls data import dapip ./dapip-csv/', 'mls data reset dapip'])}`,
    )
    .action(async (dataset: string, path: string) => {
      const { io } = ctx;
      if (!(IMPORTABLE as readonly string[]).includes(dataset)) {
        throw new UserError(`cannot import "${dataset}"`, { hint: `importable datasets: ${IMPORTABLE.join(', ')}` });
      }
      const progress = (text: string) => {
        if (io.stderrIsTTY) io.err(text);
      };
      const { readDapipSource } = await import('../data/dapip-source.js');
      const { buildDapipDataset } = await import('../data/dapip-import.js');
      const { serializeDapip } = await import('../data/dapip-store.js');
      const { installDataset } = await import('../data/install-dataset.js');
      const { readBundledJson } = await import('../data/bundled.js');
      const { dapipDataset } = await import('../data/schemas.js');
      const { basename } = await import('node:path');

      progress(`Reading ${path}…`);
      const texts = await readDapipSource(path);
      progress('Checking and converting the records…');
      const built = buildDapipDataset(
        texts,
        readBundledJson('agencies.json'),
        `U.S. Department of Education, DAPIP download imported from ${basename(path)}`,
      );
      const checked = dapipDataset.safeParse(built);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        throw new UserError(`the download does not look like DAPIP data: ${issue?.path.join('.')}: ${issue?.message}`, {
          hint: 'nothing was replaced',
        });
      }
      progress('Writing…');
      const files = serializeDapip(checked.data);
      const dir = await installDataset(
        { ...checked.data.meta, recordCount: checked.data.institutions.length },
        files,
        io.env,
      );
      io.err(
        `Imported ${checked.data.institutions.length} DAPIP locations (as of ${checked.data.meta.asOf}) into ${dir}. \`mls check\` uses them now; \`mls data reset dapip\` returns to the bundled copy.`,
      );
    });
}

function resetCommand(ctx: Context): Command {
  return new Command('reset')
    .description('Remove imported copies so the bundled data is used again')
    .argument('[dataset]', `which dataset (${IMPORTABLE.join(', ')}); all when omitted`)
    .addHelpText('after', examples(['mls data reset dapip', 'mls data reset']))
    .action(async (dataset: string | undefined) => {
      const { removeImportedDataset } = await import('../data/install-dataset.js');
      const names = dataset ? [dataset] : [...IMPORTABLE];
      for (const name of names) {
        const removed = await removeImportedDataset(name, ctx.io.env);
        ctx.io.err(
          removed
            ? `${name}: imported copy removed; using the bundled data`
            : `${name}: already using the bundled data`,
        );
      }
    });
}

export function dataCommand(ctx: Context): Command {
  return new Command('data')
    .description('Bundled datasets: where they come from, how old they are, and refreshing them')
    .addHelpText('after', examples(['mls data info', 'mls data import dapip AccreditationData.zip', 'mls data reset']))
    .addCommand(infoCommand(ctx))
    .addCommand(importCommand(ctx))
    .addCommand(resetCommand(ctx));
}
