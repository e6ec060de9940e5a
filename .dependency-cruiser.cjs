/**
 * The layers of src/ and the one direction imports flow (docs/ARCHITECTURE.md):
 *
 *   main/cli -> commands -> store -> formats -> core (catalog, planner, calendar) -> time, schema
 *                        \-> ui (renders core types)
 *
 * `npm run lint:layers` (and so CI) fails on any import against that direction and on any cycle.
 */
const core = '^src/(catalog|planner|calendar)/';
const pure = '^src/(schema|time|formats|catalog|planner|calendar|ui)/';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'An import cycle makes load order and layering unclear; extract the shared part.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'schema-is-the-bottom',
      severity: 'error',
      comment: 'src/schema holds zod schemas and vocabularies only; it imports nothing of ours but itself.',
      from: { path: '^src/schema/' },
      to: { path: '^src/', pathNot: '^src/schema/' },
    },
    {
      name: 'time-is-low',
      severity: 'error',
      comment: 'src/time (day arithmetic and the one time-zone module) sits under the core.',
      from: { path: '^src/time/' },
      to: { path: '^src/', pathNot: '^src/(time|schema)/' },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'The core computes on data it is given: no store, formats, ui, commands or errors.',
      from: { path: core },
      to: { path: '^src/', pathNot: ['^src/(catalog|planner|calendar|time|schema)/'] },
    },
    {
      name: 'formats-below-store',
      severity: 'error',
      comment: 'src/formats turns text into data and back; it reads no files and renders nothing.',
      from: { path: '^src/formats/' },
      to: { path: '^src/(store|ui|commands)/|^src/(cli|main|io|boot)\\.ts$' },
    },
    {
      name: 'store-below-commands',
      severity: 'error',
      comment: 'src/store reads and writes; it does not render or call commands.',
      from: { path: '^src/store/' },
      to: { path: '^src/(ui|commands)/|^src/(cli|main|io)\\.ts$' },
    },
    {
      name: 'ui-renders-only',
      severity: 'error',
      comment: 'src/ui turns core types into strings; it reads nothing and calls no command.',
      from: { path: '^src/ui/' },
      to: { path: '^src/(store|formats|commands)/|^src/(cli|main|io|boot)\\.ts$' },
    },
    {
      name: 'pure-has-no-effects',
      severity: 'error',
      comment: 'Pure folders never touch files, the process or the terminal: the store does.',
      from: { path: pure, pathNot: '^src/ui/(prompts|color)\\.ts$|^src/time/zone\\.ts$' },
      to: { path: '^(node:)?(fs|fs/promises|child_process|os|tty|readline)$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'commands-do-not-import-commands-of-other-groups',
      severity: 'error',
      comment: 'A command group uses shared helpers from src/commands/shared, never another group.',
      from: { path: '^src/commands/([^/]+)/' },
      to: { path: '^src/commands/', pathNot: ['^src/commands/$1/', '^src/commands/shared/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|data|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['es6'],
  },
};
