/**
 * Merges LMS deadlines into a plan file. Keyed by the feed's UID (`id`, or `feedUid` on a
 * hand-entered deadline it was linked to), so importing the same feed again changes nothing.
 *
 * The plan is read with the same reader and schema as `mls plan check` (js-yaml, core
 * schema), so what this module compares is what the planner sees. A YAML plan is edited as
 * text: new lines are spliced in and changed values replaced where they stand, so the user's
 * comments, alignment, flow lists, folded scalars and blank lines survive; only a `[]` that
 * gets items becomes a block list. A JSON plan stays JSON. Linear in the size of the plan
 * and the feed.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { estimateFor, type Feed, type FeedBreak, type FeedDeadline } from '../calendar/lms-feed.js';
import { PLAN_LIMITS } from '../schema/plan.js';
import { isRealDay } from '../time/dates.js';
import { canonicalTimeZone } from '../time/zone.js';
import { applyYaml, type Edits } from './yaml-splice.js';

export interface MergeReport {
  source: string;
  added: FeedDeadline[];
  /** Feed deadlines that are a deadline the user typed in (same course and day, similar title). */
  linked: { uid: string; title: string; due: string; course: string; planTitle: string }[];
  /** `from`/`to` are the due before and after; `changes` says which of `title` and `due` changed. */
  changed: {
    uid: string;
    title: string;
    fromTitle: string;
    from: string;
    to: string;
    changes: ('due' | 'title')[];
  }[];
  /** In the plan from this feed before, no longer in it: reported, not deleted. */
  removed: { uid: string; title: string; due: string }[];
  unchanged: number;
  outsideTerms: FeedDeadline[];
  /** Feed deadlines whose course the user chose to leave out. */
  courseLeftOut: FeedDeadline[];
  breaksAdded: (FeedBreak & { term: string })[];
  /**
   * Plan breaks the feed moved or renamed: a plan break with the days of a feed break, else
   * the one with its name in that term (a break has no field for the feed's UID).
   */
  breaksChanged: (FeedBreak & { term: string; fromName: string; fromStart: string; fromEnd: string })[];
  /** Feed breaks (one per term they fall in) already in the plan with the same days and name. */
  breaksUnchanged: number;
  /** Breaks of the feed outside every term of the plan. */
  breaksOutside: FeedBreak[];
  coursesAdded: string[];
  /** Deadlines in the plan the feed moved outside every term: the plan keeps their due. */
  movedOutside: { uid: string; title: string; from: string; to: string }[];
  /** Feed deadlines and breaks a value of which the plan cannot hold (checked before writing). */
  refused: { uid: string; summary: string; due?: string; reason: string }[];
  /** Feed course labels remembered in the plan's `courseAliases` (code null: left out). */
  aliasesAdded: { label: string; code: string | null }[];
}

/**
 * The merge would give the plan more deadlines than a plan may hold. Thrown as soon as the
 * count passes the limit, before the merged text is built and validated: a 100,000-event
 * feed took 1.1 GB and 14 s to be refused by the validation of the merged plan.
 */
export class PlanLimitError extends Error {}

export interface MergeResult {
  text: string;
  report: MergeReport;
  changed: boolean;
  format: 'yaml' | 'json';
}

export interface MergeOptions {
  /** Hours by title word and by kind (see estimateFor). */
  estimates: Record<string, number>;
  /** The plan course a feed course label stands for; null leaves its events out. Default: the label. */
  courseOf?: (label: string) => string | null;
  /** Course mappings to remember in the plan (`courseAliases`); null leaves a label's events out. */
  remember?: Record<string, string | null>;
}

interface PlainDeadline {
  id?: unknown;
  source?: unknown;
  feedUid?: unknown;
  course?: unknown;
  title?: unknown;
  due?: unknown;
}

interface PlainPlan {
  terms?: {
    name?: unknown;
    start?: unknown;
    end?: unknown;
    breaks?: { name?: unknown; start?: unknown; end?: unknown }[];
  }[];
  courses?: { code?: unknown }[];
  deadlines?: PlainDeadline[];
  courseAliases?: Record<string, unknown>;
}

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

const DUE = /^\d{4}-\d{2}-\d{2}(?: ([01]\d|2[0-3]):[0-5]\d)?$/;

/**
 * What the plan schema would refuse in a value the merge writes (the schema's own limits, see
 * schema/plan.ts), or null. Checked on every value taken from a feed before it is written, so
 * feed content can never make the merged plan invalid.
 */
export function valueProblem(key: string, value: string): string | null {
  if (key === 'due') return DUE.test(value) && isRealDay(value) ? null : `due: ${value} is not a date`;
  const max = key === 'id' || key === 'source' || key === 'feedUid' ? PLAN_LIMITS.idChars : PLAN_LIMITS.textChars;
  if (value.length === 0) return `${key}: empty`;
  if (value.length > max) return `${key}: longer than ${max} characters`;
  return null;
}

function rowProblem(row: Record<string, string | number>): string | null {
  for (const [key, value] of Object.entries(row)) {
    const problem = typeof value === 'string' ? valueProblem(key, value) : null;
    if (problem) return problem;
  }
  return null;
}

/**
 * A linked deadline's due once the feed says `feedDue`: unchanged while the feed's day is the
 * plan's day (whatever the form: `2027-03-05` against `2027-03-05 23:59`, or the user's own
 * 17:00 against an all-day event); else the feed's day, in the plan's form (its own time kept).
 */
export function followDay(planDue: string, feedDue: string): string {
  const day = feedDue.slice(0, 10);
  if (planDue.slice(0, 10) === day) return planDue;
  return `${day}${planDue.slice(10)}`;
}

/** Titles compared without case, punctuation or spacing. */
function words(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * How alike two titles are: 3 the same words (ignoring case and punctuation), 2 one title's
 * words inside the other's as whole words (`Exam` in `Midterm exam`, never in `Examples`),
 * 1 + the share of words in common when that is at least 60%, else 0. Numbers are whole
 * words that must agree when both titles have some: `Quiz 1` is not `Quiz 10`.
 */
export function titleScore(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x === y) return x ? 3 : 0;
  const xs = new Set(x.split(' '));
  const ys = new Set(y.split(' '));
  const xn = [...xs].filter((w) => /^\d+$/.test(w)).map(Number);
  const yn = [...ys].filter((w) => /^\d+$/.test(w)).map(Number);
  if (xn.length > 0 && yn.length > 0 && (xn.length !== yn.length || xn.some((n) => !yn.includes(n)))) return 0;
  if (x.length >= 4 && y.length >= 4 && (` ${x} `.includes(` ${y} `) || ` ${y} `.includes(` ${x} `))) return 2;
  let shared = 0;
  for (const w of xs) if (ys.has(w)) shared += 1;
  const share = shared / (xs.size + ys.size - shared);
  return share >= 0.6 ? 1 + share : 0;
}

/** Same words, one title inside the other as whole words, or most words shared (titleScore > 0). */
export function similarTitles(a: string, b: string): boolean {
  return titleScore(a, b) > 0;
}

/** What import needs before merging, read with the plan reader's own YAML schema. */
export interface PlanFacts {
  /** The plan's zone, canonically spelled; undefined when it names none. */
  timezone?: string;
  /** First and last day of its terms. */
  window?: { start: string; end: string };
  /** Every course code the plan uses (its courses and its deadlines'). */
  codes: string[];
  /** `courseAliases`: a label's plan code, or null when its events are left out. */
  aliases: Record<string, string | null>;
}

/** A JSON plan as JSON (so it is written back as JSON); anything else, a `{...}` YAML plan too, as YAML. */
function readPlain(planText: string): { plain: PlainPlan; json: boolean } {
  if (planText.trimStart().startsWith('{')) {
    try {
      return { plain: (JSON.parse(planText) ?? {}) as PlainPlan, json: true };
    } catch {
      // Not JSON: YAML's flow syntax.
    }
  }
  return { plain: (load(planText, { schema: CORE_SCHEMA }) ?? {}) as PlainPlan, json: false };
}

/**
 * Where a plan that starts with `{` stops being JSON (line and column from 1), and what is
 * there; null when it is JSON. Said in our words: the engine's message names its own parser.
 */
export function jsonSyntaxError(planText: string): { line: number; column: number; message: string } | null {
  if (!planText.trimStart().startsWith('{')) return null;
  try {
    JSON.parse(planText);
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const at = /at position (\d+)/.exec(message);
    const lineColumn = /\(line (\d+) column (\d+)\)/.exec(message);
    let offset = at ? Number(at[1]) : planText.length;
    if (!at && lineColumn) {
      const lines = planText.split('\n').slice(0, Number(lineColumn[1]) - 1);
      offset = lines.reduce((n, l) => n + l.length + 1, 0) + Number(lineColumn[2]) - 1;
    }
    const before = planText.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - (before.lastIndexOf('\n') + 1) + 1;
    const found = planText[offset];
    return {
      line,
      column,
      message: found === undefined ? 'the text ends before the JSON does' : `unexpected ${JSON.stringify(found)}`,
    };
  }
}

/** The plan's zone, terms and course codes; null when the text is no plan (parsePlan says why). */
export function readPlanFacts(planText: string): PlanFacts | null {
  let plain: PlainPlan & { timezone?: unknown };
  try {
    plain = readPlain(planText).plain;
  } catch {
    return null;
  }
  if (!plain || typeof plain !== 'object' || Array.isArray(plain)) return null;
  let timezone: string | undefined;
  if (plain.timezone !== undefined && plain.timezone !== null) {
    timezone = canonicalTimeZone(String(plain.timezone));
    if (!timezone) return null;
  }
  const terms = list<{ start?: unknown; end?: unknown }>(plain.terms)
    .map((t) => [text(t?.start), text(t?.end)] as const)
    .filter(([a, b]) => /^\d{4}-\d{2}-\d{2}$/.test(a) && /^\d{4}-\d{2}-\d{2}$/.test(b));
  const window = terms.length
    ? {
        start: terms.map((t) => t[0]).sort()[0] as string,
        end: terms
          .map((t) => t[1])
          .sort()
          .at(-1) as string,
      }
    : undefined;
  const codes = new Set<string>();
  for (const c of list<{ code?: unknown }>(plain.courses)) if (c?.code) codes.add(text(c.code));
  for (const d of list<PlainDeadline>(plain.deadlines)) if (d?.course) codes.add(text(d.course));
  const aliases: Record<string, string | null> = {};
  if (plain.courseAliases && typeof plain.courseAliases === 'object') {
    for (const [label, code] of Object.entries(plain.courseAliases)) aliases[label] = code === null ? null : text(code);
  }
  return { timezone, window, codes: [...codes], aliases };
}

export function mergeFeed(planText: string, feed: Feed, opts: MergeOptions): MergeResult {
  const courseOf = opts.courseOf ?? ((label: string) => label);
  const { plain, json } = readPlain(planText);
  const terms = list<NonNullable<PlainPlan['terms']>[number]>(plain.terms).map((t) => ({
    name: text(t?.name),
    start: text(t?.start),
    end: text(t?.end),
    breaks: list<{ name?: unknown; start?: unknown; end?: unknown } | null>(t?.breaks),
  }));
  const deadlines = list<PlainDeadline>(plain.deadlines);
  const report: MergeReport = {
    source: feed.source,
    added: [],
    linked: [],
    changed: [],
    removed: [],
    unchanged: 0,
    outsideTerms: [],
    courseLeftOut: [],
    refused: [],
    movedOutside: [],
    breaksAdded: [],
    breaksChanged: [],
    breaksUnchanged: 0,
    breaksOutside: [],
    coursesAdded: [],
    aliasesAdded: [],
  };
  const edits: Edits = { deadlines: [], fields: [], courses: [], breaks: [], breakFields: [], aliases: [] };

  const byId = new Map<string, number>();
  const byFeedUid = new Map<string, number>();
  /** Hand-entered deadlines (no source, not yet linked) by course and due day. */
  const handEntered = new Map<string, number[]>();
  deadlines.forEach((d, index) => {
    if (!d || typeof d !== 'object') return;
    if (d.id !== undefined && d.id !== null) byId.set(text(d.id), index);
    if (d.feedUid !== undefined && d.feedUid !== null) byFeedUid.set(text(d.feedUid), index);
    else if (d.source === undefined || d.source === null) {
      const key = `${text(d.course)}|${text(d.due).slice(0, 10)}`;
      handEntered.set(key, [...(handEntered.get(key) ?? []), index]);
    }
  });
  const sortedTerms = [...terms].sort((a, b) => (a.start < b.start ? -1 : 1));
  const inSomeTerm = (date: string) => sortedTerms.some((t) => date >= t.start && date <= t.end);

  // Typed deadlines are linked best match first (the same title before a looser one), and
  // each to one feed event at most: `Quiz 10` never takes the typed `Quiz 1` from `Quiz 1`.
  const links = new Map<string, number>();
  const pairs: { score: number; order: number; uid: string; planIndex: number }[] = [];
  const seen = new Set<string>();
  feed.deadlines.forEach((f, order) => {
    if (seen.has(f.uid)) return;
    seen.add(f.uid);
    const course = courseOf(f.course);
    if (course === null || byId.has(f.uid) || byFeedUid.has(f.uid)) return;
    for (const planIndex of handEntered.get(`${course}|${f.due.slice(0, 10)}`) ?? []) {
      const score = titleScore(text(deadlines[planIndex]?.title), f.title);
      if (score > 0) pairs.push({ score, order, uid: f.uid, planIndex });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.order - b.order || a.planIndex - b.planIndex);
  const taken = new Set<number>();
  for (const pair of pairs) {
    if (links.has(pair.uid) || taken.has(pair.planIndex)) continue;
    links.set(pair.uid, pair.planIndex);
    taken.add(pair.planIndex);
  }

  for (const feedDeadline of feed.deadlines) {
    const course = courseOf(feedDeadline.course);
    if (course === null) {
      report.courseLeftOut.push(feedDeadline);
      continue;
    }
    const d = { ...feedDeadline, course };
    const linkedIndex = byFeedUid.get(d.uid);
    const index = byId.get(d.uid) ?? linkedIndex;
    if (index === -1) continue; // the same UID twice in this feed: the first one counts
    if (index !== undefined) {
      const existing = deadlines[index] as PlainDeadline;
      const due = text(existing.due);
      const linked = linkedIndex !== undefined && byId.get(d.uid) === undefined;
      // A linked deadline keeps the user's title, and the user's form of the due (`2027-03-05`,
      // or their own time that day): it follows the feed only when the feed's day moves.
      const newDue = linked ? followDay(due, d.due) : d.due;
      const retitled = !linked && text(existing.title) !== d.title;
      const problem =
        (due !== newDue ? valueProblem('due', newDue) : null) ?? (retitled ? valueProblem('title', d.title) : null);
      if (problem) {
        report.refused.push({
          uid: d.uid,
          summary: d.title,
          due: d.due,
          reason: `the plan cannot hold it (${problem})`,
        });
        continue;
      }
      if (due !== newDue && !inSomeTerm(newDue.slice(0, 10))) {
        report.movedOutside.push({ uid: d.uid, title: d.title, from: due, to: d.due });
        continue;
      }
      if (due !== newDue || retitled) {
        report.changed.push({
          uid: d.uid,
          title: d.title,
          fromTitle: text(existing.title),
          from: due,
          to: newDue,
          changes: [...(due !== newDue ? (['due'] as const) : []), ...(retitled ? (['title'] as const) : [])],
        });
        if (due !== newDue) edits.fields.push({ index, key: 'due', value: newDue });
        if (retitled) edits.fields.push({ index, key: 'title', value: d.title });
      } else report.unchanged += 1;
      continue;
    }
    const problem = rowProblem({ id: d.uid, source: feed.source, course: d.course, title: d.title, due: d.due });
    if (problem) {
      report.refused.push({ uid: d.uid, summary: d.title, due: d.due, reason: `the plan cannot hold it (${problem})` });
      continue;
    }
    if (!inSomeTerm(d.due.slice(0, 10))) {
      report.outsideTerms.push(d);
      continue;
    }
    const planIndex = links.get(d.uid);
    if (planIndex !== undefined) {
      edits.fields.push({ index: planIndex, key: 'feedUid', value: d.uid });
      edits.fields.push({ index: planIndex, key: 'source', value: feed.source });
      byFeedUid.set(d.uid, planIndex);
      report.linked.push({
        uid: d.uid,
        title: d.title,
        due: d.due,
        course: d.course,
        planTitle: text(deadlines[planIndex]?.title),
      });
      continue;
    }
    edits.deadlines.push({
      id: d.uid,
      source: feed.source,
      course: d.course,
      title: d.title,
      kind: d.kind,
      due: d.due,
      hours: estimateFor(d.title, d.kind, opts.estimates),
    });
    byId.set(d.uid, -1);
    report.added.push(d);
    if (deadlines.length + edits.deadlines.length > PLAN_LIMITS.deadlines) {
      throw new PlanLimitError(
        `deadlines: at most ${PLAN_LIMITS.deadlines} deadlines (the plan has ${deadlines.length}; the feed adds more than ${PLAN_LIMITS.deadlines - deadlines.length})`,
      );
    }
  }

  const uids = new Set(feed.deadlines.map((d) => d.uid));
  for (const d of deadlines) {
    if (!d || typeof d !== 'object' || text(d.source) !== feed.source) continue;
    const uid = text(d.feedUid ?? d.id);
    if (uid && !uids.has(uid)) report.removed.push({ uid, title: text(d.title), due: text(d.due) });
  }

  // Courses the plan does not list yet (a plan that lists courses must list every one it uses).
  const courses = list<{ code?: unknown }>(plain.courses);
  if (courses.length > 0) {
    const known = new Set(courses.map((c) => text(c?.code)));
    for (const code of new Set(report.added.map((d) => d.course))) {
      if (known.has(code)) continue;
      edits.courses.push({ code, weeklyHours: 0 });
      report.coursesAdded.push(code);
    }
  }

  const aliases = plain.courseAliases && typeof plain.courseAliases === 'object' ? plain.courseAliases : {};
  for (const [label, code] of Object.entries(opts.remember ?? {})) {
    if (valueProblem('label', label) || (code !== null && valueProblem('code', code))) continue;
    const now = Object.hasOwn(aliases, label) ? aliases[label] : undefined;
    if (code === null ? now === null : now !== null && now !== undefined && text(now) === code) continue;
    edits.aliases.push([label, code]);
    report.aliasesAdded.push({ label, code });
  }

  mergeBreaks(feed, terms, edits, report);

  const changed =
    edits.deadlines.length +
      edits.fields.length +
      edits.courses.length +
      edits.breaks.length +
      edits.breakFields.length +
      edits.aliases.length >
    0;
  const format = json ? 'json' : 'yaml';
  if (!changed) return { text: planText, report, changed, format };
  // A plan whose lines end in CRLF (saved on Windows) is edited with LF and given CRLF back,
  // so the lines an import adds end like the file's own.
  const crlf = /^[^\n]*\r\n/.test(planText);
  const lf = crlf ? planText.replace(/\r\n/g, '\n') : planText;
  const merged = json ? applyJson(lf, edits) : applyYaml(lf, edits);
  return { text: crlf ? merged.replace(/\r?\n/g, '\r\n') : merged, report, changed, format };
}

type PlanTerm = {
  name: string;
  start: string;
  end: string;
  breaks: ({ name?: unknown; start?: unknown; end?: unknown } | null)[];
};

/**
 * Breaks and holidays from the feed go into every term they fall in, cut to its days. A
 * plan break has no field for the feed's UID, so a feed break is matched to the term's
 * breaks by its days first (the same days: already in the plan, or renamed), then by its
 * name (moved); each plan break answers to one feed break at most.
 */
function mergeBreaks(feed: Feed, terms: PlanTerm[], edits: Edits, report: MergeReport): void {
  const parts: { b: FeedBreak; index: number; start: string; end: string }[] = [];
  for (const b of feed.breaks) {
    const problem = rowProblem({ 'break name': b.name, start: b.start, end: b.end });
    if (problem) {
      report.refused.push({
        uid: b.uid ?? '',
        summary: b.name,
        due: b.start,
        reason: `the plan cannot hold it (${problem})`,
      });
      continue;
    }
    let inside = false;
    terms.forEach((t, index) => {
      if (!(b.start <= t.end && b.end >= t.start)) return;
      inside = true;
      // ISO dates compare as text: the later start, the earlier end.
      parts.push({ b, index, start: [b.start, t.start].sort()[1] as string, end: [b.end, t.end].sort()[0] as string });
    });
    if (!inside) report.breaksOutside.push(b);
  }
  const taken = new Set<string>();
  const match = new Map<(typeof parts)[number], number>();
  const find = (
    part: (typeof parts)[number],
    fits: (x: { name?: unknown; start?: unknown; end?: unknown }) => boolean,
  ) => {
    const found = (terms[part.index]?.breaks ?? []).findIndex(
      (x, i) => x !== null && typeof x === 'object' && !taken.has(`${part.index}/${i}`) && fits(x),
    );
    if (found >= 0) {
      taken.add(`${part.index}/${found}`);
      match.set(part, found);
    }
  };
  const sameDays = (part: (typeof parts)[number]) => (x: { start?: unknown; end?: unknown }) =>
    text(x.start) === part.start && text(x.end) === part.end;
  for (const part of parts) find(part, (x) => sameDays(part)(x) && text(x.name ?? '') === part.b.name);
  for (const part of parts) if (!match.has(part)) find(part, sameDays(part));
  for (const part of parts) if (!match.has(part)) find(part, (x) => text(x.name ?? '') === part.b.name);
  for (const part of parts) {
    const term = terms[part.index] as PlanTerm;
    const at = match.get(part);
    const { b, start, end } = part;
    if (at === undefined) {
      edits.breaks.push({ term: part.index, row: { name: b.name, start, end } });
      report.breaksAdded.push({ ...b, start, end, term: term.name });
      continue;
    }
    const old = term.breaks[at] as { name?: unknown; start?: unknown; end?: unknown };
    const was = { name: text(old.name ?? ''), start: text(old.start), end: text(old.end) };
    if (was.name === b.name && was.start === start && was.end === end) {
      report.breaksUnchanged += 1;
      continue;
    }
    for (const [key, value] of [
      ['name', b.name],
      ['start', start],
      ['end', end],
    ] as const) {
      if (was[key] !== value) edits.breakFields.push({ term: part.index, index: at, key, value });
    }
    report.breaksChanged.push({
      ...b,
      start,
      end,
      term: term.name,
      fromName: was.name,
      fromStart: was.start,
      fromEnd: was.end,
    });
  }
}

function applyJson(planText: string, edits: Edits): string {
  const plan = JSON.parse(planText) as Record<string, unknown>;
  const indent = /^\{\s*\n([ \t]+)"/.exec(planText)?.[1] ?? (planText.includes('\n') ? '  ' : '');
  if (!Array.isArray(plan.deadlines)) plan.deadlines = [];
  const deadlines = plan.deadlines as Record<string, unknown>[];
  for (const f of edits.fields) {
    const d = deadlines[f.index];
    if (d) d[f.key] = f.value;
  }
  deadlines.push(...edits.deadlines);
  if (edits.courses.length) (plan.courses as unknown[]).push(...edits.courses);
  const terms = plan.terms as Record<string, unknown>[];
  for (const f of edits.breakFields) {
    const b = (terms[f.term]?.breaks as Record<string, unknown>[] | undefined)?.[f.index];
    if (b) b[f.key] = f.value;
  }
  for (const b of edits.breaks) {
    const term = terms[b.term] as Record<string, unknown>;
    term.breaks = [...(Array.isArray(term.breaks) ? term.breaks : []), b.row];
  }
  if (edits.aliases.length) {
    const aliases = (plan.courseAliases && typeof plan.courseAliases === 'object' ? plan.courseAliases : {}) as Record<
      string,
      string | null
    >;
    for (const [label, code] of edits.aliases) aliases[label] = code;
    plan.courseAliases = aliases;
  }
  return `${JSON.stringify(plan, null, indent)}${planText.endsWith('\n') ? '\n' : ''}`;
}
