// The one place the build (scripts/build.mjs) and the tests (vitest.config.ts) reach into the
// `ics` package's private files. mls uses ics's own event formatter without the yup validation
// its public createEvents() runs on every event (about 1 s for a two-year plan's 1,790 events):
// mls validates its input with zod. The version of ics is pinned exactly in package.json, and
// test/unit/ics-adapter.test.ts fails loudly if these files move. src/calendar/ics-adapter.ts
// is the only source file that imports them.
import { join } from 'node:path';

/** Import names -> ics's private pipeline files (aliases for esbuild and vitest). */
export function icsPrivateEntryPoints(root) {
  return {
    'ics-internal/build': join(root, 'node_modules/ics/dist/pipeline/build.js'),
    'ics-internal/format': join(root, 'node_modules/ics/dist/pipeline/format.js'),
    // ics's own fold-line; in the bundle this name, like ics's imports of it, is mls's foldLine.
    'ics-internal/fold-line': join(root, 'node_modules/ics/dist/utils/fold-line.js'),
  };
}

/**
 * ics folds lines by characters (wrong for multi-byte text: RFC 5545 folds at 75 octets) and
 * slowly (it splits every line into graphemes). In the bundle, ics's fold-line is mls's
 * foldLine (src/calendar/ics-fold-line.ts), so every line ics writes is folded right where
 * it is written. src/calendar/ics-adapter.ts checks which one ics has, and refolds ics's
 * output when run from source (vitest), where ics keeps its own.
 */
export function foldIcsLinesByOctets(root) {
  const ours = { path: join(root, 'src/calendar/ics-fold-line.ts') };
  return {
    name: 'fold-ics-lines-by-octets',
    setup(b) {
      b.onResolve({ filter: /^\.\/fold-line$/ }, (args) =>
        args.importer.includes('/node_modules/ics/dist/utils/') ? ours : undefined,
      );
      b.onResolve({ filter: /^ics-internal\/fold-line$/ }, () => ours);
    },
  };
}
