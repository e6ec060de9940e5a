// Start-up benchmark: runs each mls command and a bare `node -e 0` alternately,
// reports the medians, the median ratio of each run to the node run before it (and
// the middle half of those ratios, to show the noise) against the command's target,
// and peak RSS.
// Targets live here, never in timed tests: CI machines are shared and noisy.
//
//   npm run bench            (15 runs each; BENCH_RUNS=30 for more)
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'mls.js');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const only = process.env.BENCH_ONLY;
const work = mkdtempSync(join(tmpdir(), 'mls-bench-'));
const rssHook = join(work, 'rss.cjs');
writeFileSync(
  rssHook,
  "process.on('exit',()=>require('fs').writeFileSync(process.env.MLS_BENCH_RSS,String(process.resourceUsage().maxRSS)));",
);

const env = { ...process.env, NO_COLOR: '1', MLS_DATA_HOME: join(work, 'data-home'), TZ: 'UTC' };

/**
 * A Canvas-style feed of `count` deadlines over a spring term (course codes as Canvas writes
 * them), and the plan it is imported into, copied afresh before each run.
 */
function importFixture(count) {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Instructure//Canvas LMS//EN', 'X-WR-CALNAME:Bench feed'];
  const codes = ['INFO-200-01-SP27', 'INFO 202-01 Spring 2027', 'LIS 701 (40123) SP27'];
  for (let i = 0; i < count; i += 1) {
    const due = new Date(Date.UTC(2027, 0, 20 + (i % 110), 4, 59)).toISOString().replace(/[-:]|\.\d+/g, '');
    lines.push('BEGIN:VEVENT', `UID:event-assignment-${i}`, 'DTSTAMP:20270110T120000Z', `DTSTART:${due}`);
    lines.push(`DTEND:${due}`, `SUMMARY:Assignment ${i} [${codes[i % 3]}]`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR', '');
  const feed = join(work, `feed-${count}.ics`);
  writeFileSync(feed, lines.join('\r\n'));
  const plan = join(work, `plan-${count}.yaml`);
  const fresh = () => copyFileSync(join(root, 'test', 'fixtures', 'lms', 'spring-plan.yaml'), plan);
  return { args: ['plan', 'import', feed, plan], setup: fresh };
}

/** name, argv after `mls`, the target ratio to `node -e 0` (none: shown for information), max RSS in MB, setup before each run */
const CASES = [
  { name: 'find --online-only', args: ['find', '--online-only'], target: 1.5 },
  { name: 'find --json', args: ['find', '--json'], target: 1.5 },
  {
    name: 'find --online-only --career "Metadata Librarian"',
    args: ['find', '--online-only', '--career', 'Metadata Librarian'],
    target: 1.5,
  },
  { name: 'check "San Jose State University"', args: ['check', 'San Jose State University'], target: 2, maxRssMb: 100 },
  { name: 'check 00115500', args: ['check', '00115500'], target: 2, maxRssMb: 100 },
  // Exit 3 (candidates): a generic word lists institutions; the bench accepts exit 3 for these.
  { name: 'check Indiana', args: ['check', 'Indiana'], target: 2, maxRssMb: 100, exit: 3 },
  { name: 'check UBC', args: ['check', 'UBC'], target: 2, maxRssMb: 100 },
  {
    name: 'plan build (one term, the example plan)',
    args: ['plan', 'build', join(root, 'test', 'fixtures', 'plans', 'one-term.yaml'), '-o', join(work, 'one-term.ics')],
    target: 1.5,
  },
  // For information (no target): the first build after an edit, when the plan cache cannot serve it.
  (() => {
    const plan = join(work, 'edited.yaml');
    const text = readFileSync(join(root, 'test', 'fixtures', 'plans', 'one-term.yaml'), 'utf8');
    let edits = 0;
    return {
      name: 'plan build (one term, just edited)',
      args: ['plan', 'build', plan, '-o', join(work, 'edited.ics')],
      setup: () => {
        edits += 1;
        writeFileSync(plan, `${text}# edit ${edits}\n`);
      },
    };
  })(),
  {
    name: 'plan build (2 years, 200 deadlines)',
    args: ['plan', 'build', join(root, 'test', 'fixtures', 'plans', 'two-years.yaml'), '-o', join(work, 'out.ics')],
    // The planner issue sets 3x for this fixture (1,790 events; 2x was shown out of reach with `ics`).
    target: 3,
  },
  // Not a start-up case: the whole import, linear in the feed (100,000 events take about ten times as long).
  { name: 'plan import (10,000 events)', ...importFixture(10_000), target: 20, maxRssMb: 250 },
];

function timeOnce(args, exit = 0) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'], cwd: work });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0 && result.status !== 4 && result.status !== exit) {
    throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return ms;
}

function peakRssMb(args) {
  const file = join(work, 'rss.txt');
  spawnSync(process.execPath, ['--require', rssHook, ...args], {
    env: { ...env, MLS_BENCH_RSS: file },
    stdio: 'ignore',
    cwd: work,
  });
  return Number(readFileSync(file, 'utf8')) / 1024;
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))];
};
const median = (xs) => quantile(xs, 0.5);

let failed = 0;
console.log(`mls start-up benchmark: ${runs} runs each, alternating with node -e 0 (${process.version})`);
console.log(
  'command'.padEnd(44),
  'median'.padStart(8),
  'node'.padStart(8),
  'ratio'.padStart(6),
  'middle half'.padStart(12),
  'target'.padStart(7),
  'rss MB'.padStart(7),
);
for (const c of CASES.filter((x) => !only || x.name.includes(only))) {
  const args = [bin, ...c.args];
  c.setup?.();
  timeOnce(args, c.exit); // warm the file cache
  const base = [];
  const ours = [];
  for (let i = 0; i < runs; i += 1) {
    base.push(timeOnce(['-e', '0']));
    c.setup?.();
    ours.push(timeOnce(args, c.exit));
  }
  c.setup?.();
  // Each run is paired with the node -e 0 run just before it, so a slow patch of the
  // machine slows both: the ratio is the median of the pairs' ratios.
  const ratios = ours.map((t, i) => t / base[i]);
  const ratio = median(ratios);
  const rss = peakRssMb(args);
  const overRss = c.maxRssMb !== undefined && rss > c.maxRssMb;
  const ok = (c.target === undefined || ratio <= c.target) && !overRss;
  if (!ok) failed += 1;
  console.log(
    `mls ${c.name}`.padEnd(44),
    `${median(ours).toFixed(1)}ms`.padStart(8),
    `${median(base).toFixed(1)}ms`.padStart(8),
    ratio.toFixed(2).padStart(6),
    `${quantile(ratios, 0.25).toFixed(2)}-${quantile(ratios, 0.75).toFixed(2)}`.padStart(12),
    (c.target === undefined ? '-' : `${c.target.toFixed(1)}x`).padStart(7),
    rss.toFixed(0).padStart(7),
    c.target === undefined ? '' : ok ? 'ok' : 'OVER',
  );
}
rmSync(work, { recursive: true, force: true });
console.log(failed === 0 ? 'all within target' : `${failed} over target`);
process.exitCode = failed === 0 ? 0 : 1;
