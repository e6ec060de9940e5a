/**
 * Merges LMS deadlines into a plan file, editing the YAML document in place so the
 * user's comments and formatting survive. Keyed by the feed's UID (`id`), so importing
 * the same feed again changes nothing.
 */
import { type Document, isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Feed, FeedBreak, FeedDeadline } from '../calendar/lms-feed.js';
import type { DeadlineKind } from '../schema/plan-vocabulary.js';

export interface MergeReport {
  source: string;
  added: FeedDeadline[];
  changed: { uid: string; title: string; from: string; to: string }[];
  /** In the plan from this feed before, no longer in it: reported, not deleted. */
  removed: { uid: string; title: string; due: string }[];
  unchanged: number;
  outsideTerms: FeedDeadline[];
  breaksAdded: (FeedBreak & { term: string })[];
  coursesAdded: string[];
}

export interface MergeResult {
  text: string;
  report: MergeReport;
  changed: boolean;
}

interface PlainTerm {
  name: string;
  start: string;
  end: string;
  breaks?: { start: string; end: string }[];
}

function seq(doc: Document, key: string): YAMLSeq {
  let node = doc.get(key, true);
  if (!isSeq(node)) {
    node = doc.createNode([]);
    doc.set(key, node);
  }
  return node as YAMLSeq;
}

function str(map: YAMLMap, key: string): string {
  const value = map.get(key);
  return value === undefined || value === null ? '' : String(value);
}

export function mergeFeed(text: string, feed: Feed, estimates: Record<DeadlineKind, number>): MergeResult {
  const doc = parseDocument(text);
  const plain = (doc.toJS() ?? {}) as { terms?: PlainTerm[]; courses?: { code: string }[] };
  const terms = plain.terms ?? [];
  const report: MergeReport = {
    source: feed.source,
    added: [],
    changed: [],
    removed: [],
    unchanged: 0,
    outsideTerms: [],
    breaksAdded: [],
    coursesAdded: [],
  };
  const deadlines = seq(doc, 'deadlines');
  const byId = new Map<string, YAMLMap>();
  for (const item of deadlines.items) {
    if (isMap(item) && item.has('id')) byId.set(str(item, 'id'), item);
  }
  const termOf = (date: string) => terms.find((t) => date >= t.start && date <= t.end);

  for (const d of feed.deadlines) {
    const existing = byId.get(d.uid);
    if (existing) {
      const due = str(existing, 'due');
      if (due !== d.due || str(existing, 'title') !== d.title) {
        report.changed.push({ uid: d.uid, title: d.title, from: due, to: d.due });
        existing.set('due', d.due);
        existing.set('title', d.title);
      } else report.unchanged += 1;
      continue;
    }
    if (!termOf(d.due.slice(0, 10))) {
      report.outsideTerms.push(d);
      continue;
    }
    deadlines.add(
      doc.createNode({
        id: d.uid,
        source: feed.source,
        course: d.course,
        title: d.title,
        kind: d.kind,
        due: d.due,
        hours: estimates[d.kind],
      }),
    );
    report.added.push(d);
  }

  const uids = new Set(feed.deadlines.map((d) => d.uid));
  for (const [id, item] of byId) {
    if (str(item, 'source') === feed.source && !uids.has(id)) {
      report.removed.push({ uid: id, title: str(item, 'title'), due: str(item, 'due') });
    }
  }

  // Courses the plan does not list yet (a plan that lists courses must list every one it uses).
  const courses = plain.courses ?? [];
  if (courses.length > 0) {
    const known = new Set(courses.map((c) => c.code));
    const courseSeq = seq(doc, 'courses');
    for (const code of new Set(report.added.map((d) => d.course))) {
      if (known.has(code)) continue;
      courseSeq.add(doc.createNode({ code, weeklyHours: 0 }));
      report.coursesAdded.push(code);
    }
  }

  // Breaks and holidays from the feed go into the term they fall in.
  const termItems = seq(doc, 'terms').items;
  for (const b of feed.breaks) {
    const index = terms.findIndex((t) => b.start >= t.start && b.end <= t.end);
    const term = terms[index];
    const node = termItems[index];
    if (!term || !isMap(node)) continue;
    if ((term.breaks ?? []).some((x) => x.start === b.start && x.end === b.end)) continue;
    let breaks: unknown = node.get('breaks', true);
    if (!isSeq(breaks)) {
      breaks = doc.createNode([]);
      node.set('breaks', breaks);
    }
    (breaks as YAMLSeq).add(doc.createNode({ name: b.name, start: b.start, end: b.end }));
    report.breaksAdded.push({ ...b, term: term.name });
  }

  const changed =
    report.added.length + report.changed.length + report.coursesAdded.length + report.breaksAdded.length > 0;
  return { text: changed ? doc.toString() : text, report, changed };
}
