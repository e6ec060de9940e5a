// Builds dist/ with esbuild:
//   dist/mls.cjs   the whole program, one CommonJS bundle; each command's modules are still
//                  evaluated lazily (esbuild keeps `await import()` lazy inside a bundle)
//   dist/main.cjs  the loader bin/mls.js requires (src/boot.ts): loads mls.cjs with a V8 code
//                  cache kept in the user cache folder (see src/boot.ts, docs/ARCHITECTURE.md).
//                  CommonJS, like bin/mls.js (bin/package.json), so a run never starts Node's
//                  ES module loader: ~5 ms of every run.
// A bundle starts faster than tsc's per-file output loaded through node_modules.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { foldIcsLinesByOctets, icsPrivateEntryPoints } from './ics-private.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20.19',
  minify: !process.env.MLS_NO_MINIFY,
  legalComments: 'none',
  logLevel: 'warning',
};

/**
 * commander requires node:child_process at load, for executable subcommands, which mls does
 * not have; loading it (and node:net under it) took ~2.5 ms of every run. In the bundle,
 * commander gets a stand-in whose spawn() loads the real module when it is first called.
 */
const commanderSpawnsLazily = {
  name: 'commander-spawns-lazily',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes('/node_modules/commander/') ? { path: 'child_process', namespace: 'lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "exports.spawn = (...args) => require('node:child_process').spawn(...args);",
      loader: 'js',
    }));
  },
};

const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: [join(root, 'src/main.ts')],
  outfile: join(dist, 'mls.cjs'),
  format: 'cjs',
  // The bundle is CommonJS; src/store/paths.ts finds data/ from import.meta.url.
  define: { __MLS_VERSION__: JSON.stringify(pkg.version), 'import.meta.url': '__mlsUrl' },
  banner: { js: 'var __mlsUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [foldIcsLinesByOctets(root), commanderSpawnsLazily],
  alias: icsPrivateEntryPoints(root),
});
// On Node 20 the bundle runs as a vm.Script, which has no module loader of its own:
// an import() left in the bundle would fail at run time.
const bundleText = readFileSync(join(dist, 'mls.cjs'));
// src/boot.ts reads the bundle as latin1, a byte a character (half the time of UTF-8 decoding):
// that reads it right only while every byte is ASCII, as esbuild writes it (escape any non-ASCII
// character left in a regular expression, e.g. \u2013 for an en dash). A profiling build
// (MLS_NO_MINIFY=1) keeps comments, whose non-ASCII characters latin1 misreads harmlessly.
const nonAscii = bundleText.findIndex((byte) => byte > 0x7f);
if (nonAscii !== -1 && common.minify)
  throw new Error(`dist/mls.cjs has a non-ASCII byte at offset ${nonAscii}: escape it in the source`);
const leftover = /\bimport\((?!\s*\))/.exec(bundleText.toString('utf8'));
if (leftover) throw new Error(`dist/mls.cjs still calls import() at offset ${leftover.index}: import it statically`);
await build({
  ...common,
  entryPoints: [join(root, 'src/boot.ts')],
  outfile: join(dist, 'main.cjs'),
  format: 'cjs',
  define: {
    __MLS_BUILD_ID__: JSON.stringify(createHash('sha256').update(bundleText).digest('hex').slice(0, 16)),
    'import.meta.url': '__mlsUrl',
  },
  banner: { js: 'var __mlsUrl = require("node:url").pathToFileURL(__filename).href;' },
});
