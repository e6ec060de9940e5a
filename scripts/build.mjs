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
  plugins: [foldIcsLinesByOctets(root)],
  alias: icsPrivateEntryPoints(root),
});
// On Node 20 the bundle runs as a vm.Script, which has no module loader of its own:
// an import() left in the bundle would fail at run time.
const bundleText = readFileSync(join(dist, 'mls.cjs'));
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
