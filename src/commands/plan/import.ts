/** `mls plan import FEED [PLAN]`: LMS calendar export -> plan deadlines (loaded only when run). */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { matchCourse, NO_COURSE_LABEL, resolveCourses } from '../../calendar/lms-courses.js';
import { FeedEncodingError } from '../../calendar/lms-decode.js';
import { FeedSyntaxError, icalMessage, readLmsFeed } from '../../calendar/lms-feed.js';
import { ExitCode, UserError } from '../../errors.js';
import { parsePlan } from '../../formats/plan-file.js';
import {
  jsonSyntaxError,
  type MergeResult,
  mergeFeed,
  PlanLimitError,
  readPlanFacts,
} from '../../formats/plan-merge.js';
import { readPlanText } from '../../store/plan-file.js';
import { withPlanLock } from '../../store/plan-lock.js';
import { readFeedBytes } from '../../store/read-file.js';
import { writeFileAtomic } from '../../store/write-file.js';
import { makeStyle } from '../../ui/color.js';
import { importJson, importLines, importSummary, mergeWarnings } from '../../ui/lms-import.js';
import { sanitizeText } from '../../ui/sanitize.js';
import type { Context } from '../shared/context.js';
import { printJson } from '../shared/json.js';
import { defaultCalendarPath } from './calendar-output.js';
import { courseFlags, estimates, type ImportOptions, importPlanPath } from './import-options.js';
import { hostTimeZone } from './session.js';

export type { ImportOptions } from './import-options.js';

function readFeed(feedPath: string, zone: string, window: { start: string; end: string } | undefined) {
  const name = basename(feedPath);
  const hint = 'use the .ics calendar export (feed) of Canvas, Moodle, Blackboard, D2L or Outlook, saved as UTF-8';
  // Read first: a FIFO, a device or a file too large is refused by the store with its own message.
  const bytes = readFeedBytes(feedPath);
  try {
    return readLmsFeed(bytes, { zone, window });
  } catch (error) {
    if (error instanceof FeedEncodingError) throw new UserError(`${name}: ${error.message}`, { hint });
    if (error instanceof FeedSyntaxError && error.line !== null) {
      const where = `${name}:${error.line}${error.column === null ? '' : `:${error.column}`}`;
      throw new UserError(error.message, { where, hint: `fix that line of ${name}, or export the feed again` });
    }
    // ical.js's own message when it has one; a JavaScript failure inside it says nothing to the user.
    const reason = error instanceof FeedSyntaxError ? error.message : icalMessage(error);
    throw new UserError(`${name} is not a readable iCalendar file${reason ? ` (${reason})` : ''}`, { hint });
  }
}

function pastLimit(feedPath: string, planPath: string, message: string): UserError {
  return new UserError(`importing ${basename(feedPath)} would take ${planPath} past a limit: ${message}`, {
    hint: 'import the feed of one term or course at a time (docs/files.md lists the limits)',
  });
}

/** The merge, refused as soon as it would pass a plan limit (before the merged text is built). */
function mergeWithinLimits(feedPath: string, planPath: string, merge: () => MergeResult): MergeResult {
  try {
    return merge();
  } catch (error) {
    if (error instanceof PlanLimitError) throw pastLimit(feedPath, planPath, error.message);
    throw error;
  }
}

export async function runImport(ctx: Context, feedPath: string, planArg: string | undefined, opts: ImportOptions) {
  const planPath = importPlanPath(ctx, planArg, opts);
  // The plan stays locked from its read to its write, so concurrent imports never lose deadlines.
  if (!existsSync(planPath)) return importLocked(ctx, feedPath, planPath, opts);
  await withPlanLock(planPath, () => importLocked(ctx, feedPath, planPath, opts));
}

async function importLocked(ctx: Context, feedPath: string, planPath: string, opts: ImportOptions): Promise<void> {
  const { io } = ctx;
  if (!existsSync(feedPath))
    throw new UserError(`${feedPath} does not exist`, { hint: 'export the calendar feed (.ics) from your LMS first' });
  if (!existsSync(planPath)) {
    throw new UserError(`plan file ${planPath} not found`, {
      hint: 'create one with `mls plan init`, or give the plan: `mls plan import FEED PLAN`',
    });
  }
  const planText = readPlanText(planPath);
  const given = courseFlags(opts.course ?? []);
  const hours = estimates(opts.estimate ?? []);
  // The plan must parse for its zone and terms; a broken one is explained with its location.
  const facts = readPlanFacts(planText);
  if (!facts) {
    // A plan that starts with `{` is JSON, unless YAML's flow syntax reads it: when neither
    // does, JSON's error is the one that helps (not YAML's about a flow sequence).
    const json = jsonSyntaxError(planText);
    try {
      await parsePlan(planText, basename(planPath), hostTimeZone());
    } catch (error) {
      if (!json || !(error instanceof UserError) || !/YAML syntax error/.test(error.message)) throw error;
      throw new UserError(`${basename(planPath)}:${json.line}:${json.column}: JSON syntax error: ${json.message}`, {
        hint: 'check the commas, brackets and quotes around that place (JSON allows no comma before } or ])',
      });
    }
    throw new UserError(`${planPath} is not a plan file`, { hint: 'see `mls plan example` for the layout' });
  }
  const zone = facts.timezone ?? hostTimeZone();
  const feed = readFeed(feedPath, zone, facts.window);
  for (const warning of feed.warnings) io.err(`warning: ${sanitizeText(warning)}`);

  const interactive = io.stdinIsTTY && io.stdoutIsTTY && !opts.json;
  const prompter = interactive ? (await import('../../ui/prompts.js')).inquirerPrompter : null;
  // Only courses with a deadline in the terms are worth a question.
  const inTerms = (due: string) => !facts.window || (due >= facts.window.start && due <= `${facts.window.end} 99`);
  const courses = await resolveCourses(
    feed.deadlines.filter((d) => inTerms(d.due)).map((d) => d.course),
    facts.codes,
    facts.aliases,
    given,
    prompter
      ? (label, candidates, fallback, likely) =>
          prompter.select<string | null>(
            `The feed's course "${label}" is not one of your plan's courses. Which is it?`,
            [
              ...candidates.map((code) => ({ name: code, value: code })),
              { name: `a new course: ${fallback}`, value: fallback },
              { name: 'leave its events out', value: null },
            ],
            likely,
          )
      : undefined,
  );
  for (const g of courses.guessed) {
    io.err(
      `warning: the feed's course "${g.label}" matches none of your courses; imported as ${g.code}` +
        ` (to use one of yours: --course "${g.label}=${g.candidates[0] ?? 'CODE'}")`,
    );
  }
  const merged = mergeWithinLimits(feedPath, planPath, () =>
    mergeFeed(planText, feed, {
      estimates: hours,
      // null is an answer ("leave its events out"), not a missing one. A label only outside
      // the terms was not asked about: it is shown as the plan course it surely matches.
      courseOf: (label) => {
        if (courses.map.has(label)) return courses.map.get(label) as string | null;
        if (facts.aliases[label] === null) return label;
        const match = matchCourse(label, facts.codes, facts.aliases);
        return match.kind === 'sure' && facts.codes.includes(match.code) ? match.code : label;
      },
      remember: courses.remember,
    }),
  );
  const unlabelled = merged.report.added.filter((d) => d.course === NO_COURSE_LABEL).length;
  if (unlabelled > 0) {
    io.err(
      `warning: ${unlabelled} ${unlabelled === 1 ? 'event has' : 'events have'} no course label the feed's LMS writes` +
        ` (Canvas "Title [CODE]", Blackboard "CODE: Title", Moodle CATEGORIES, D2L LOCATION);` +
        ` ${unlabelled === 1 ? 'its deadline goes' : 'their deadlines go'} under the course ${NO_COURSE_LABEL}: set the right course in ${planPath}`,
    );
  }
  // Never write a plan that does not validate: the merge result goes through the same checks.
  if (merged.changed) {
    try {
      await parsePlan(merged.text, basename(planPath), zone);
    } catch (error) {
      // A plan that was invalid already is reported at its own lines, not the merged text's.
      await parsePlan(planText, basename(planPath), zone);
      const message = (error as Error).message;
      if (/: at most \d+/.test(message)) throw pastLimit(feedPath, planPath, message);
      throw new UserError(
        `importing ${basename(feedPath)} would make ${planPath} invalid: ${(error as Error).message}`,
        {
          exitCode: ExitCode.internal,
          hint: 'this is a bug in mls plan import: please report it with the feed',
        },
      );
    }
  }
  const outcome = { report: merged.report, feed };
  for (const warning of mergeWarnings(outcome)) io.err(`warning: ${sanitizeText(warning)}`);
  const written = merged.changed && !opts.dryRun;
  if (opts.json) printJson(io, importJson(outcome, Boolean(opts.dryRun), written));
  else {
    const lines = importLines(outcome, await makeStyle(io.stdoutIsTTY, io.env));
    if (lines.length) io.out(lines.join('\n'));
  }
  const summary = importSummary(outcome);
  if (!merged.changed) io.err(`${summary}. ${planPath} is already up to date.`);
  else if (opts.dryRun) io.err(`${summary}. Dry run: ${planPath} was not changed.`);
  else {
    await writeFileAtomic(planPath, merged.text);
    io.err(
      `${summary}. Updated ${planPath}; run \`mls plan build ${planPath}\` to refresh the calendar (${defaultCalendarPath(planPath)}).`,
    );
  }
  ctx.exitCode = ExitCode.ok;
}
