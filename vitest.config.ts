import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

const internal = (file: string) => fileURLToPath(new URL(`./node_modules/ics/dist/pipeline/${file}`, import.meta.url));

export default defineConfig({
  resolve: { alias: { 'ics-internal/build': internal('build.js'), 'ics-internal/format': internal('format.js') } },
  define: { __MLS_VERSION__: JSON.stringify(pkg.version) },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // The end-to-end tests run the built binary; `npm test` builds it first.
    pool: 'forks',
  },
});
