import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Command } from 'commander';
import { isStale, monthsOld } from '../../catalog/staleness.js';
import { UserError } from '../../errors.js';
import { datasetStatuses } from '../../store/datasets.js';
import { makeStyle } from '../../ui/color.js';
import type { Column } from '../../ui/table.js';
import { type Context, examples } from '../shared/context.js';
import { DESCRIPTIONS } from '../shared/descriptions.js';

/** Classifications dated by their edition (CIP 2020 is current until CIP 2030): never "stale". */
const EDITIONS = new Set(['cip']);

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
        stale: isStale(s.active.meta.asOf, now) && !EDITIONS.has(s.active.meta.dataset),
      }));
      if (opts.json) {
        io.out(JSON.stringify({ schemaVersion: 1, datasets: rows }, null, 2));
        return;
      }
      const chalk = await makeStyle(io.stdoutIsTTY, io.env);
      const { renderTable } = await import('../../ui/table.js');
      const columns: Column<(typeof rows)[number]>[] = [
        { header: 'Dataset', value: (r) => r.dataset },
        { header: 'As of', value: (r) => r.asOf, style: (t, r) => (r.stale ? chalk.yellow(t) : t) },
        { header: 'Records', value: (r) => String(r.recordCount) },
        { header: 'Copy', value: (r) => (r.path ? `imported (${r.path})` : r.active) },
        { header: 'Source', value: (r) => r.source, shrink: { order: 1 } },
      ];
      io.out(renderTable(rows, columns, { maxWidth: io.columns, header: (t) => chalk.dim(t) }));
      const stale = rows.filter((r) => r.stale && !EDITIONS.has(r.dataset));
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

const IMPORTABLE = ['dapip', 'ipeds-completions', 'ipeds-hd'] as const;

function importCommand(ctx: Context): Command {
  return new Command('import')
    .description('Refresh a dataset from an official download; the imported copy then takes precedence over the bundle')
    .argument('<dataset>', `which dataset (${IMPORTABLE.join(', ')})`)
    .argument(
      '<path>',
      'the downloaded zip or folder (dapip), the CSV file (ipeds-completions), hdYYYY.csv or its zip (ipeds-hd)',
    )
    .option('--year <YYYY-YY>', 'ipeds-completions: the award year, when the file name (CYYYY_A.csv) does not say')
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
The files are checked before anything is replaced; a bad file changes nothing.
${examples(['mls data import dapip ~/Downloads/AccreditationData.zip', 'mls data import ipeds-hd ~/Downloads/hd2024.csv', 'mls data reset dapip'])}`,
    )
    .action(async (dataset: string, path: string, opts: { year?: string }) => {
      const { io } = ctx;
      if (!(IMPORTABLE as readonly string[]).includes(dataset)) {
        throw new UserError(`cannot import "${dataset}"`, { hint: `importable datasets: ${IMPORTABLE.join(', ')}` });
      }
      if (dataset === 'ipeds-completions') {
        await importIpeds(ctx, path, opts.year);
        return;
      }
      if (dataset === 'ipeds-hd') {
        const { importIpedsHd } = await import('./import-ipeds-hd.js');
        await importIpedsHd(ctx, path);
        return;
      }
      const progress = (text: string) => {
        if (io.stderrIsTTY) io.err(text);
      };
      const { readDapipSource } = await import('../../store/dapip-source.js');
      const { buildDapipDataset } = await import('../../formats/dapip-csv.js');
      const { serializeDapip } = await import('../../formats/dapip-files.js');
      const { installDataset } = await import('../../store/install-dataset.js');
      const { readBundledJson } = await import('../../store/bundled.js');
      const { dapipDataset, loadZodMessages } = await import('../../schema/datasets.js');
      loadZodMessages();

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
      const { loadHdTable } = await import('../../store/check-evidence.js');
      const files = serializeDapip(checked.data, loadHdTable(io.env).table);
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

async function importIpeds(ctx: Context, path: string, yearOption: string | undefined): Promise<void> {
  const { awardYearFromName, readCompletions, mergeLatestYear } = await import('../../formats/ipeds.js');
  const { readBundledJson } = await import('../../store/bundled.js');
  const { loadAlaPrograms } = await import('../../store/bundled.js');
  const { installDataset } = await import('../../store/install-dataset.js');
  const { evidenceDataset, loadZodMessages } = await import('../../schema/datasets.js');
  loadZodMessages();
  if (!existsSync(path))
    throw new UserError(`${path} does not exist`, { hint: 'give the path of the CYYYY_A.csv file' });
  const year = yearOption ?? awardYearFromName(path);
  if (!year || !/^\d{4}-\d{2}$/.test(year)) {
    throw new UserError(`cannot tell the award year of ${basename(path)}`, {
      hint: 'add --year 2024-25 (or name the file CYYYY_A.csv)',
    });
  }
  const { EvidenceStore, EVIDENCE_FILE } = await import('../../catalog/evidence.js');
  const { serializeEvidence } = await import('../../formats/evidence.js');
  const { bundledDataDir } = await import('../../store/paths.js');
  const bundled = new EvidenceStore(readFileSync(join(bundledDataDir(), EVIDENCE_FILE), 'utf8')).toDataset();
  const careers = readBundledJson<import('../../schema/datasets.js').CareersDataset>('careers.json');
  const named = new Set(careers.careers.flatMap((c) => c.departments.map((d) => d.code)).filter((c) => c.length === 7));
  const units = new Set(bundled.hosts.map((h) => h.unitId));
  for (const p of loadAlaPrograms().programs) if (p.doe) units.add(bundled.unitAliases[p.doe.unitId] ?? p.doe.unitId);
  const rows = readCompletions(readFileSync(path, 'utf8'), basename(path), units);
  if (rows.length === 0) {
    throw new UserError(`${basename(path)} has no first-major rows for the host universities`, {
      hint: 'expected the full national Completions file; nothing was replaced',
    });
  }
  const merged = evidenceDataset.parse(
    mergeLatestYear(
      bundled,
      rows,
      year,
      named,
      `NCES IPEDS Completions imported from ${basename(path)} (${year}), earlier years and Scorecard shares from the bundle`,
    ),
  );
  const dir = await installDataset(merged.meta, { [EVIDENCE_FILE]: serializeEvidence(merged) }, ctx.io.env);
  const hosts = new Set(rows.map((r) => r.unitId)).size;
  ctx.io.err(
    `Imported ${year} completions for ${hosts} host universities into ${dir}; \`mls data reset ipeds-completions\` returns to the bundled copy.`,
  );
}

function resetCommand(ctx: Context): Command {
  return new Command('reset')
    .description('Remove imported copies so the bundled data is used again')
    .argument('[dataset]', `which dataset (${IMPORTABLE.join(', ')}); all when omitted`)
    .addHelpText('after', examples(['mls data reset dapip', 'mls data reset']))
    .action(async (dataset: string | undefined) => {
      const { removeImportedDataset } = await import('../../store/install-dataset.js');
      const names = dataset ? [dataset] : [...IMPORTABLE];
      for (const name of names) {
        if (!(IMPORTABLE as readonly string[]).includes(name)) {
          throw new UserError(`unknown dataset "${name}"`, { hint: `choose from: ${IMPORTABLE.join(', ')}` });
        }
        const removed = await removeImportedDataset(name === 'ipeds-completions' ? 'host-evidence' : name, ctx.io.env);
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
    .description(DESCRIPTIONS.data)
    .addHelpText('after', examples(['mls data info', 'mls data import dapip AccreditationData.zip', 'mls data reset']))
    .addCommand(infoCommand(ctx))
    .addCommand(importCommand(ctx))
    .addCommand(resetCommand(ctx));
}
