// The parts of the program that scripts/build.mjs bundles on their own; src/boot.ts picks one
// by command (bundleFor), and test/unit/boot/bundle-for.test.ts checks the choice on these.
/**
 * The parts of the program bundled on their own, and the runs each serves (src/boot.ts
 * `bundleFor`). A part leaves out the other command groups (src/cli.ts loads each group with
 * `import('./commands/<group>/index.js')`) and, for `plan`, the subcommands it does not serve
 * (import and init bring a YAML editor, an LMS feed reader and prompts; `plan build`, the most
 * used, runs from a part of its own). Everything else runs from mls.cjs.
 */
const PLAN_LEAVES = ['./build.js', './check.js', './today.js', './week.js', './status.js', './record.js'];
export const PARTS = {
  catalog: { commands: ['find', 'show', 'check', 'careers'], without: [] },
  'plan-build': {
    commands: ['plan'],
    subcommands: ['build'],
    without: ['./import.js', './init.js', ...PLAN_LEAVES.filter((leaf) => leaf !== './build.js')],
  },
  plan: {
    commands: ['plan'],
    subcommands: ['check', 'today', 'week', 'status', 'done', 'skip', 'example'],
    without: ['./import.js', './init.js', './build.js'],
  },
};
