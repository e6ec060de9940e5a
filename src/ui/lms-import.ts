/** The text and JSON of `mls plan import`: what was added, linked, changed, and every event left out and why. */

import type { Style } from './color.js';
import { sanitizeField as s } from './sanitize.js';

interface Deadline {
  uid: string;
  course: string;
  title: string;
  kind: string;
  due: string;
}

/** The parts of a merge report and a feed that `mls plan import` shows (formats/plan-merge.ts, calendar/lms-feed.ts). */
export interface ImportOutcome {
  report: {
    source: string;
    added: Deadline[];
    linked: { uid: string; title: string; due: string; course: string; planTitle: string }[];
    changed: { uid: string; title: string; fromTitle: string; from: string; to: string; changes: string[] }[];
    removed: { uid: string; title: string; due: string }[];
    unchanged: number;
    outsideTerms: Deadline[];
    courseLeftOut: Deadline[];
    refused: NotImported[];
    movedOutside: { uid: string; title: string; from: string; to: string }[];
    breaksAdded: { name: string; start: string; end: string; term: string }[];
    breaksChanged: {
      name: string;
      start: string;
      end: string;
      term: string;
      fromName: string;
      fromStart: string;
      fromEnd: string;
    }[];
    breaksUnchanged: number;
    breaksOutside: { uid?: string; name: string; start: string; end: string }[];
    coursesAdded: string[];
    aliasesAdded: { label: string; code: string | null }[];
  };
  feed: { encoding: string; skipped: { uid: string; summary: string; reason: string }[]; warnings: string[] };
}

export interface NotImported {
  uid: string;
  summary: string;
  due?: string;
  reason: string;
}

/** Every event of the feed that is not in the plan after the import, with its reason. */
export function notImported({ report, feed }: ImportOutcome): NotImported[] {
  return [
    ...feed.skipped,
    ...report.outsideTerms.map((d) => ({
      uid: d.uid,
      summary: d.title,
      due: d.due,
      reason: 'outside every term of the plan',
    })),
    ...report.courseLeftOut.map((d) => ({
      uid: d.uid,
      summary: d.title,
      due: d.due,
      reason: `course ${d.course} left out`,
    })),
    ...report.refused,
    ...report.breaksOutside.map((b) => ({
      uid: b.uid ?? '',
      summary: b.name,
      due: b.start,
      reason: `a break (${b.start} to ${b.end}) outside every term of the plan`,
    })),
    ...report.movedOutside.map((d) => ({ uid: d.uid, summary: d.title, due: d.to, reason: movedOutsideReason(d) })),
  ];
}

function movedOutsideReason(d: { from: string; to: string }): string {
  return `moved to ${d.to}, outside every term of the plan; the plan keeps ${d.from}`;
}

/** Warnings about the merge (printed on stderr after the feed's own). */
export function mergeWarnings({ report }: ImportOutcome): string[] {
  return report.movedOutside.map((d) => `"${d.title}" (UID ${d.uid}) ${movedOutsideReason(d)}`);
}

export function importLines(outcome: ImportOutcome, style: Style): string[] {
  const r = outcome.report;
  const lines: string[] = [];
  for (const d of r.added)
    lines.push(`${style.green('added  ')}  ${d.due.padEnd(16)}  ${s(d.course)}: ${s(d.title)} (${s(d.kind)})`);
  for (const d of r.linked)
    lines.push(
      `${style.cyan('linked ')}  ${d.due.padEnd(16)}  ${s(d.course)}: ${s(d.title)} is your "${s(d.planTitle)}"`,
    );
  for (const d of r.changed) {
    const was = [
      d.changes.includes('due') ? `due was ${s(d.from)}` : null,
      d.changes.includes('title') ? `title was "${s(d.fromTitle)}"` : null,
    ].filter(Boolean);
    lines.push(`${style.yellow('changed')}  ${d.to.padEnd(16)}  ${s(d.title)} (${was.join('; ')})`);
  }
  for (const d of r.removed)
    lines.push(
      `${style.red('removed')}  ${d.due.padEnd(16)}  ${s(d.title)}: no longer in the feed; still in your plan`,
    );
  for (const d of notImported(outcome))
    lines.push(`${style.dim('skipped')}  ${(d.due ?? '').padEnd(16)}  ${s(d.summary || '(no title)')}: ${s(d.reason)}`);
  for (const b of r.breaksAdded)
    lines.push(`${style.green('break  ')}  ${b.start} to ${b.end}  ${s(b.name)} (${s(b.term)})`);
  for (const b of r.breaksChanged) {
    const was = [
      b.fromName === b.name ? null : `"${s(b.fromName)}"`,
      b.fromStart === b.start && b.fromEnd === b.end ? null : `${b.fromStart} to ${b.fromEnd}`,
    ].filter(Boolean);
    lines.push(
      `${style.yellow('changed')}  ${b.start} to ${b.end}  ${s(b.name)} (${s(b.term)}) (was ${was.join(', ')})`,
    );
  }
  for (const c of r.coursesAdded)
    lines.push(`${style.green('course ')}  ${''.padEnd(16)}  ${s(c)}: new course (weeklyHours: 0)`);
  for (const a of r.aliasesAdded)
    lines.push(
      `${style.green('mapped ')}  ${''.padEnd(16)}  ${s(a.label)} -> ${a.code === null ? 'left out (courseAliases: null)' : s(a.code)}`,
    );
  return lines;
}

export function importSummary(outcome: ImportOutcome): string {
  const r = outcome.report;
  const skipped = notImported(outcome).length;
  const breaks = r.breaksAdded.length + r.breaksChanged.length + r.breaksUnchanged;
  const breakCounts =
    breaks > 0
      ? `; breaks: ${r.breaksAdded.length} added, ${r.breaksChanged.length} changed, ${r.breaksUnchanged} unchanged`
      : '';
  return `${s(r.source)}: ${r.added.length} added, ${r.linked.length} linked, ${r.changed.length} changed, ${r.removed.length} removed, ${r.unchanged} unchanged${breakCounts}; ${skipped} ${skipped === 1 ? 'event' : 'events'} not imported`;
}

/** The `--json` payload (docs/lms-import.md). */
export function importJson(outcome: ImportOutcome, dryRun: boolean, written: boolean): Record<string, unknown> {
  const { report, feed } = outcome;
  return {
    dryRun,
    written,
    encoding: feed.encoding,
    ...report,
    notImported: notImported(outcome),
    warnings: [...feed.warnings, ...mergeWarnings(outcome)],
  };
}
