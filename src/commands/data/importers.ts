import type { Context } from '../shared/context.js';

/**
 * The datasets `mls data import` can refresh from an official download: the name a user
 * types, the folder the imported copy lives in, what to pass, and the importer (loaded
 * only when run). `data import`, `data reset` and their help all read this table.
 */
export interface Importer {
  /** The folder under the user data folder that holds the imported copy. */
  stored: string;
  /** What the path argument is, for `--help`. */
  takes: string;
  run(ctx: Context, path: string, opts: ImportOptions): Promise<void>;
}

export interface ImportOptions {
  year?: string;
}

export const IMPORTERS: Record<string, Importer> = {
  dapip: {
    stored: 'dapip',
    takes: 'the DAPIP download (zip or folder)',
    run: async (ctx, path) => (await import('./import-dapip.js')).importDapip(ctx, path),
  },
  'ipeds-completions': {
    stored: 'host-evidence',
    takes: 'the IPEDS Completions file CYYYY_A.csv',
    run: async (ctx, path, opts) => (await import('./import-ipeds-completions.js')).importCompletions(ctx, path, opts),
  },
  'ipeds-hd': {
    stored: 'ipeds-hd',
    takes: 'the IPEDS Directory Information file hdYYYY.csv or its zip',
    run: async (ctx, path) => (await import('./import-ipeds-hd.js')).importIpedsHd(ctx, path),
  },
  'ipeds-charges': {
    stored: 'ipeds-charges',
    takes: 'the IPEDS file IC20xx_AY.csv or COST1_20xx.csv',
    run: async (ctx, path, opts) =>
      (await import('./import-ipeds-charges.js')).importIpedsCharges(ctx, path, opts.year),
  },
};

export const IMPORTABLE = Object.keys(IMPORTERS);
