// Builds dist/ with esbuild:
//   dist/mls.cjs      the whole program, one CommonJS bundle; each command's modules are still
//                     evaluated lazily (esbuild keeps `await import()` lazy inside a bundle)
//   dist/catalog.cjs  the same program holding only find, show, check and careers
//   dist/plan-build.cjs, dist/plan.cjs
//                     the same program holding only `plan build`, or only the other daily plan
//                     commands (PARTS below)
//   dist/main.cjs     the loader bin/mls.js requires (src/boot.ts): picks the bundle that holds
//                     the command being run and loads it with a V8 code cache kept in the user
//                     cache folder (see src/boot.ts, docs/ARCHITECTURE.md). CommonJS, like
//                     bin/mls.js (bin/package.json), so a run never starts Node's ES module
//                     loader: ~5 ms of every run.
// A bundle starts faster than tsc's per-file output loaded through node_modules, and a bundle
// without the commands a run does not use starts ~4-5 ms faster still: V8 reads and
// deserializes less.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { foldIcsLinesByOctets, icsPrivateEntryPoints } from './ics-private.mjs';
import { PARTS } from './parts.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/**
 * Replaces the dynamic imports of the commands a part does not hold with a module that throws:
 * src/boot.ts never runs such a command from that part, and if it ever did, the run would stop
 * with an internal error (exit 70) naming the module, not misbehave.
 */
function onlyTheseCommands(part) {
  return {
    name: 'only-these-commands',
    setup(b) {
      b.onResolve({ filter: /^\.\/(commands\/\w+\/index|\w+)\.js$/ }, (args) => {
        if (args.kind !== 'dynamic-import') return undefined;
        const group = /^\.\/commands\/(\w+)\/index\.js$/.exec(args.path)?.[1];
        const left =
          group !== undefined
            ? args.importer.endsWith(join('src', 'cli.ts')) && !part.commands.includes(group)
            : args.importer.includes(join('src', 'commands', 'plan')) && part.without.includes(args.path);
        return left ? { path: args.path, namespace: 'not-in-this-bundle' } : undefined;
      });
      b.onLoad({ filter: /.*/, namespace: 'not-in-this-bundle' }, (args) => ({
        contents: `throw new Error("internal: ${args.path} is not in this bundle (src/boot.ts chose the wrong one)");`,
        loader: 'js',
      }));
    },
  };
}

/**
 * commander requires node:child_process when it loads, for executable subcommands, which mls
 * does not have; child_process loads net and more (~1.2 ms of every run). In the bundle,
 * commander's child_process is a stand-in that requires the real module on first use.
 */
function commanderChildProcessOnUse() {
  return {
    name: 'commander-child-process-on-use',
    setup(b) {
      b.onResolve({ filter: /^node:child_process$/ }, (args) =>
        args.importer.includes(join('node_modules', 'commander'))
          ? { path: 'child_process', namespace: 'on-use' }
          : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'on-use' }, () => ({
        contents: 'module.exports = new Proxy({}, { get: (_, key) => require("node:child_process")[key] });',
        loader: 'js',
      }));
    },
  };
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20.19',
  minify: !process.env.MLS_NO_MINIFY,
  legalComments: 'none',
  logLevel: 'warning',
};

/**
 * A hash of everything the bundles are built from (the source, the locked dependencies, this
 * script): the plan cache (src/store/plan-cache.ts) serves a plan only to the build that kept it.
 */
function sourceHash() {
  const h = createHash('sha256');
  const files = readdirSync(join(root, 'src'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  for (const f of files)
    h.update(`${f}\0`)
      .update(readFileSync(join(root, 'src', f)))
      .update('\0');
  for (const f of ['package-lock.json', 'scripts/build.mjs', 'scripts/ics-private.mjs', 'scripts/parts.mjs']) {
    h.update(`${f}\0`)
      .update(readFileSync(join(root, f)))
      .update('\0');
  }
  return h.digest('hex').slice(0, 32);
}
const SOURCE = sourceHash();

/** Bundles the program into dist/<name>.cjs; returns a hash of it, so a code cache never outlives its bundle. */
async function bundle(name, plugins = []) {
  const outfile = join(dist, `${name}.cjs`);
  await build({
    ...common,
    entryPoints: [join(root, 'src/main.ts')],
    outfile,
    format: 'cjs',
    // The bundle is CommonJS; src/store/paths.ts finds data/ from import.meta.url.
    define: {
      __MLS_VERSION__: JSON.stringify(pkg.version),
      __MLS_SOURCE__: JSON.stringify(SOURCE),
      'import.meta.url': '__mlsUrl',
    },
    banner: { js: 'var __mlsUrl = require("node:url").pathToFileURL(__filename).href;' },
    plugins: [foldIcsLinesByOctets(root), commanderChildProcessOnUse(), ...plugins],
    alias: icsPrivateEntryPoints(root),
  });
  // On Node 20 the bundle runs as a vm.Script, which has no module loader of its own:
  // an import() left in the bundle would fail at run time.
  const text = readFileSync(outfile);
  const leftover = /\bimport\((?!\s*\))/.exec(text.toString('utf8'));
  if (leftover)
    throw new Error(`dist/${name}.cjs still calls import() at offset ${leftover.index}: import it statically`);
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
const buildId = await bundle('mls');
const parts = {};
for (const [name, { without, ...serves }] of Object.entries(PARTS)) {
  parts[name] = { ...serves, id: await bundle(name, [onlyTheseCommands({ ...serves, without })]) };
}
await build({
  ...common,
  entryPoints: [join(root, 'src/boot.ts')],
  outfile: join(dist, 'main.cjs'),
  format: 'cjs',
  define: {
    __MLS_BUILD_ID__: JSON.stringify(buildId),
    __MLS_PARTS__: JSON.stringify(parts),
    'import.meta.url': '__mlsUrl',
  },
  banner: { js: 'var __mlsUrl = require("node:url").pathToFileURL(__filename).href;' },
});
