// Builds dist/ with esbuild, then trains a V8 code cache per command:
//   dist/mls.cjs       the whole program, one CommonJS bundle; modules are still
//                      evaluated lazily (esbuild keeps `await import()` lazy inside a bundle)
//   dist/main.js       the loader bin/mls.js imports (src/boot.ts): compiles mls.cjs
//                      with the command's code cache
//   dist/cache/*.v8    one code cache per command, written by running it on sample input
// A bundle starts faster than tsc's per-file output loaded through node_modules, and the
// code cache saves most of the parse and compile work that remains (see src/boot.ts).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** commander requires child_process at load time; mls never spawns subcommands. */
const stubChildProcessInCommander = {
  name: 'stub-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes('/node_modules/commander/')
        ? { path: join(root, 'src/stubs/child-process.ts') }
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
        ? { path: join(root, 'src/calendar/ics-fold-line.ts') }
        : undefined,
    );
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20.19',
  minify: !process.env.MLS_NO_MINIFY,
  legalComments: 'none',
  logLevel: 'warning',
};

const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: [join(root, 'src/main.ts')],
  outfile: join(dist, 'mls.cjs'),
  format: 'cjs',
  // The bundle is CommonJS; src/store/paths.ts finds data/ from import.meta.url.
  define: {
    __MLS_VERSION__: JSON.stringify(pkg.version),
    'import.meta.url': '__mlsUrl',
    // See isTimeZone() in src/time/zone.ts.
    __MLS_TIME_ZONES__: JSON.stringify({ tz: process.versions.tz, zones: Intl.supportedValuesOf('timeZone') }),
  },
  banner: { js: 'var __mlsUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [stubChildProcessInCommander, replaceIcsFoldLine],
  alias: ICS_INTERNAL,
});
// vm.Script code has no module loader of its own: an import() left in the bundle would fail at run time.
const leftover = /\bimport\((?!\s*\))/.exec(readFileSync(join(dist, 'mls.cjs'), 'utf8'));
if (leftover) throw new Error(`dist/mls.cjs still calls import() at offset ${leftover.index}: import it statically`);
const bundleText = readFileSync(join(dist, 'mls.cjs'));
await build({
  ...common,
  entryPoints: [join(root, 'src/boot.ts')],
  outfile: join(dist, 'main.js'),
  format: 'esm',
  define: {
    __MLS_TRAINED_V8__: JSON.stringify(process.versions.v8),
    __MLS_BUILD_ID__: JSON.stringify(createHash('sha256').update(bundleText).digest('hex').slice(0, 16)),
  },
});

/** Sample runs that train each command's cache; `{plan}` is a copy of `mls plan example`. */
const TRAINING = {
  find: ['find', '--online-only', '--career', 'Metadata Librarian'],
  show: ['show', 'san-jose-state-university-mlis', '--career', 'Metadata Librarian'],
  check: ['check', 'San Jose State University'],
  careers: ['careers', 'metadata'],
  plan: ['plan', 'build', '{plan}', '-o', '{ics}'],
  data: ['data', 'info'],
  help: ['--help'],
};

function train() {
  const work = mkdtempSync(join(tmpdir(), 'mls-train-'));
  const bin = join(root, 'bin', 'mls.js');
  const env = { ...process.env, NO_COLOR: '1', MLS_DATA_HOME: join(work, 'data'), MLS_NOW: '2027-09-01T12:00:00Z' };
  const run = (args, extra = {}) =>
    spawnSync(process.execPath, [bin, ...args], { env: { ...env, ...extra }, cwd: work, encoding: 'utf8' });
  const plan = join(work, 'plan.yaml');
  run(['plan', 'example', '-o', plan]);
  mkdirSync(join(dist, 'cache'));
  try {
    for (const [command, args] of Object.entries(TRAINING)) {
      const argv = args.map((a) => a.replace('{plan}', plan).replace('{ics}', join(work, 'plan.ics')));
      const result = run(argv, { MLS_CODE_CACHE_OUT: join(dist, 'cache', `${command}.v8`) });
      if (result.status !== 0) throw new Error(`training run mls ${argv.join(' ')} failed:\n${result.stderr}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (!process.env.MLS_NO_CODE_CACHE) train();
