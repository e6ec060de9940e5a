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
  };
}

/**
 * ics folds lines by characters (wrong for multi-byte text, RFC 5545 folds at 75 octets) and
 * slowly; mls folds each line itself afterwards (src/calendar/ical-text.ts), so in the bundle
 * ics's fold-line leaves lines whole.
 */
export function keepIcsLinesWhole(root) {
  return {
    name: 'keep-ics-lines-whole',
    setup(b) {
      b.onResolve({ filter: /^\.\/fold-line$/ }, (args) =>
        args.importer.includes('/node_modules/ics/dist/utils/')
          ? { path: join(root, 'src/calendar/ics-fold-line.ts') }
          : undefined,
      );
    },
  };
}
