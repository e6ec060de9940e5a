// Bundles src/ into dist/ with esbuild: one small entry plus lazily loaded chunks,
// which starts faster than loading tsc's per-file output through node_modules.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** commander requires child_process at load time; mls never spawns subcommands. */
const stubChildProcessInCommander = {
  name: 'stub-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes('/node_modules/commander/')
        ? { path: new URL('../src/stubs/child-process.ts', import.meta.url).pathname }
        : undefined,
    );
  },
};

/** See src/types/ics-internal.d.ts: the ics package's formatter without its per-event yup validation. */
export const ICS_INTERNAL = {
  'ics-internal/build': './node_modules/ics/dist/pipeline/build.js',
  'ics-internal/format': './node_modules/ics/dist/pipeline/format.js',
};

/** ics folds by characters (wrong for multi-byte text) and slowly; mls folds by octets itself. */
const replaceIcsFoldLine = {
  name: 'replace-ics-fold-line',
  setup(b) {
    b.onResolve({ filter: /^\.\/fold-line$/ }, (args) =>
      args.importer.includes('/node_modules/ics/dist/utils/')
        ? { path: new URL('../src/calendar/ics-fold-line.ts', import.meta.url).pathname }
        : undefined,
    );
  },
};

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/main.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: !process.env.MLS_NO_SPLIT,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  minify: !process.env.MLS_NO_MINIFY,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  define: { __MLS_VERSION__: JSON.stringify(pkg.version) },
  // Some CommonJS dependencies call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __mlsRequire } from 'node:module'; const require = __mlsRequire(import.meta.url);",
  },
  plugins: [stubChildProcessInCommander, replaceIcsFoldLine],
  alias: ICS_INTERNAL,
  logLevel: 'warning',
});
