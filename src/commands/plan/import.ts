/** `mls plan import`: LMS calendar export -> plan deadlines (loaded only when run). */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { DEFAULT_ESTIMATES, readLmsFeed } from '../../calendar/lms-feed.js';
import { ExitCode, UserError } from '../../errors.js';
import { parsePlan } from '../../formats/plan-file.js';
import { mergeFeed } from '../../formats/plan-merge.js';
import { DEADLINE_KINDS, type DeadlineKind } from '../../schema/plan-vocabulary.js';
import { readPlanText } from '../../store/plan-file.js';
import { withPlanLock } from '../../store/plan-lock.js';
import { readFeedText } from '../../store/read-file.js';
import { writeFileAtomic } from '../../store/write-file.js';
import { isTimeZone } from '../../time/zone.js';
import { makeStyle } from '../../ui/color.js';
import { sanitizeField } from '../../ui/sanitize.js';
import type { Context } from '../shared/context.js';
import { hostTimeZone } from './session.js';

export interface ImportOptions {
  plan: string;
  dryRun?: boolean;
  estimate?: string[];
  json?: boolean;
}

function estimates(pairs: readonly string[]): Record<DeadlineKind, number> {
  const out = { ...DEFAULT_ESTIMATES };
  for (const pair of pairs) {
    const [kind, hours] = pair.split('=');
    if (!DEADLINE_KINDS.includes(kind as DeadlineKind) || !hours || !(Number(hours) >= 0)) {
      throw new UserError(`--estimate ${pair}: use kind=hours, e.g. paper=10 (kinds: ${DEADLINE_KINDS.join(', ')})`);
    }
    out[kind as DeadlineKind] = Number(hours);
  }
  return out;
}

export async function runImport(ctx: Context, feedPath: string, opts: ImportOptions): Promise<void> {
  // The plan stays locked from its read to its write, so concurrent imports never lose deadlines.
  await withPlanLock(opts.plan, () => importLocked(ctx, feedPath, opts));
}

async function importLocked(ctx: Context, feedPath: string, opts: ImportOptions): Promise<void> {
  const { io } = ctx;
  if (!existsSync(feedPath))
    throw new UserError(`${feedPath} does not exist`, { hint: 'export the calendar feed (.ics) from your LMS first' });
  if (!existsSync(opts.plan)) {
    throw new UserError(`plan file ${opts.plan} not found`, {
      hint: 'create one with `mls plan init` or `mls plan example -o plan.yaml`',
    });
  }
  const planText = readPlanText(opts.plan);
  // The plan's zone, read before validation so a plan mid-edit still imports.
  const zoneLine = /^timezone:\s*["']?([\w/+-]+)/m.exec(planText)?.[1];
  const zone = zoneLine && isTimeZone(zoneLine) ? zoneLine : hostTimeZone();
  const feedText = readFeedText(feedPath);
  let feed: ReturnType<typeof readLmsFeed>;
  try {
    feed = readLmsFeed(feedText, zone);
  } catch (error) {
    throw new UserError(`${basename(feedPath)} is not a readable iCalendar file (${(error as Error).message})`, {
      hint: 'use the .ics calendar export (feed) of Canvas, Moodle, Blackboard or D2L',
    });
  }
  const merged = mergeFeed(planText, feed, estimates(opts.estimate ?? []));
  if (merged.changed) {
    // Never write a plan that does not validate: the merge result goes through the same checks.
    await parsePlan(merged.text, basename(opts.plan), zone);
  }
  const r = merged.report;
  if (opts.json) {
    io.out(
      JSON.stringify(
        { schemaVersion: 1, dryRun: Boolean(opts.dryRun), written: merged.changed && !opts.dryRun, ...r },
        null,
        2,
      ),
    );
  } else {
    const style = await makeStyle(io.stdoutIsTTY, io.env);
    const lines: string[] = [];
    for (const d of r.added)
      lines.push(
        `${style.green('added  ')}  ${d.due.padEnd(16)}  ${sanitizeField(d.course)}: ${sanitizeField(d.title)} (${d.kind})`,
      );
    for (const d of r.changed)
      lines.push(`${style.yellow('changed')}  ${d.to.padEnd(16)}  ${sanitizeField(d.title)} (was ${d.from})`);
    for (const d of r.removed)
      lines.push(
        `${style.red('removed')}  ${d.due.padEnd(16)}  ${sanitizeField(d.title)}: no longer in the feed; still in your plan`,
      );
    for (const d of r.outsideTerms)
      lines.push(`${style.dim('skipped')}  ${d.due.padEnd(16)}  ${sanitizeField(d.title)}: outside every term`);
    for (const b of r.breaksAdded)
      lines.push(
        `${style.green('break  ')}  ${b.start} to ${b.end}  ${sanitizeField(b.name)} (${sanitizeField(b.term)})`,
      );
    if (lines.length) io.out(lines.join('\n'));
  }
  const summary = `${sanitizeField(feed.source)}: ${r.added.length} added, ${r.changed.length} changed, ${r.removed.length} removed, ${r.unchanged} unchanged; ${feed.skipped.length} events were not deadlines`;
  if (!merged.changed) {
    io.err(`${summary}. ${opts.plan} is already up to date.`);
    return;
  }
  if (opts.dryRun) {
    io.err(`${summary}. Dry run: ${opts.plan} was not changed.`);
    return;
  }
  await writeFileAtomic(opts.plan, merged.text);
  io.err(`${summary}. Updated ${opts.plan}; run \`mls plan build ${opts.plan} -o study.ics\` to refresh the calendar.`);
  ctx.exitCode = ExitCode.ok;
}
