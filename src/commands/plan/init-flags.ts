/**
 * `mls plan init` flags read into a draft plan, with the same answer parsers the questions
 * use, and checked with the plan file's own rules before anything is asked or written.
 */
import { ExitCode, UserError } from '../../errors.js';
import {
  type Answer,
  parseDateAnswer,
  parseDueAnswer,
  parseHoursAnswer,
  parseSlotAnswer,
} from '../../formats/plan-answers.js';
import { formatPath } from '../../formats/plan-errors.js';
import { parseTimeZoneAnswer } from '../../formats/zone-answers.js';
import { draftIssues } from '../../planner/plan-draft.js';
import type { PlanInput } from '../../schema/plan.js';
import { DEADLINE_KINDS, type DeadlineKind } from '../../schema/plan-vocabulary.js';
import { type DayNumber, dayNumber } from '../../time/dates.js';

type Lists = 'terms' | 'availability' | 'courses' | 'deadlines';
type TermInput = PlanInput['terms'][number];
export type Term = TermInput & { breaks: NonNullable<TermInput['breaks']> };
/** A plan being written: every list present (empty until given or answered). */
export type Draft = Omit<PlanInput, 'terms' | 'courses' | 'deadlines'> & {
  terms: Term[];
  courses: NonNullable<PlanInput['courses']>;
  deadlines: NonNullable<PlanInput['deadlines']>;
};

export interface InitFlags {
  name?: string;
  timezone?: string;
  term?: string[];
  break?: string[];
  slot?: string[];
  course?: string[];
  deadline?: string[];
}

function usage(flag: string, text: string, problem: string): UserError {
  return new UserError(`${flag} "${text}": ${problem}`, { exitCode: ExitCode.usage });
}

function answerValue<T>(answer: Answer<T>, flag: string, text: string): T {
  if ('error' in answer) throw usage(flag, text, answer.error);
  return answer.value;
}

/** `--timezone`: a zone in any spelling, a city or a region; several candidates are listed, not guessed. */
export function zoneFlag(text: string): string {
  const candidates = answerValue(parseTimeZoneAnswer(text), '--timezone', text);
  if (candidates.length === 1) return candidates[0] as string;
  throw usage('--timezone', text, `more than one time zone fits: ${candidates.join(', ')}`);
}

/** `--term "Fall 2027:2027-08-23:2027-12-10"` (also `Fall 2027:Aug 23:Dec 10`) */
export function termFlag(text: string, today: DayNumber): Term {
  const parts = text.split(':');
  const [name, start, end] = [parts.slice(0, -2).join(':').trim(), parts.at(-2) ?? '', parts.at(-1) ?? ''];
  if (parts.length < 3 || !name) throw usage('--term', text, 'use "Name:YYYY-MM-DD:YYYY-MM-DD"');
  const first = answerValue(parseDateAnswer(start, today), '--term', text);
  return { name, start: first, end: answerValue(parseDateAnswer(end, dayNumber(first)), '--term', text), breaks: [] };
}

/** `--break "Thanksgiving:2027-11-24:2027-11-28"`, put in the term that holds its first day. */
export function addBreakFlag(terms: Term[], text: string, today: DayNumber): void {
  const parts = text.split(':');
  const [name, start, end] = [parts.slice(0, -2).join(':').trim(), parts.at(-2) ?? '', parts.at(-1) ?? ''];
  if (parts.length < 3) throw usage('--break', text, 'use "Name:YYYY-MM-DD:YYYY-MM-DD"');
  const first = answerValue(parseDateAnswer(start, referenceDay({ terms }, today)), '--break', text);
  const last = answerValue(parseDateAnswer(end, dayNumber(first)), '--break', text);
  const term = terms.find((t) => t.start <= first && first <= t.end);
  if (!term) throw usage('--break', text, 'the break is outside every term (give the terms with --term)');
  term.breaks.push({ ...(name ? { name } : {}), start: first, end: last });
}

/** `--slot "mon 19:00-21:30"` (also `Monday 7pm-9:30pm`) */
export function slotFlag(text: string): Draft['availability'][number] {
  return answerValue(parseSlotAnswer(text), '--slot', text);
}

/** `--course "INFO 200:Information Communities:3"` (title and hours optional) */
export function courseFlag(text: string): Draft['courses'][number] {
  const [code, title, hours] = text.split(':').map((p) => p.trim());
  if (!code) throw usage('--course', text, 'use "CODE:Title:weekly hours"');
  const weeklyHours = hours ? answerValue(parseHoursAnswer(hours), '--course', text) : 0;
  return { code, ...(title ? { title } : {}), weeklyHours };
}

/** `--deadline "INFO 200|Paper|paper|2027-10-08 23:59|10"` (the due moment also as `Oct 8 11:59pm`) */
export function deadlineFlag(text: string, reference: DayNumber): Draft['deadlines'][number] {
  const [course, title, kind, due, hours] = text.split('|').map((p) => p.trim());
  if (!course || !title || !DEADLINE_KINDS.includes(kind as DeadlineKind) || !due || !hours) {
    throw usage(
      '--deadline',
      text,
      `use "COURSE|Title|kind|YYYY-MM-DD HH:MM|hours" (kinds: ${DEADLINE_KINDS.join(', ')})`,
    );
  }
  return {
    course,
    title,
    kind: kind as DeadlineKind,
    due: answerValue(parseDueAnswer(due, reference), '--deadline', text),
    hours: answerValue(parseHoursAnswer(hours), '--deadline', text),
  };
}

/** The day a year-less date is counted from: the first term's start, else today. */
export function referenceDay(draft: Pick<Draft, 'terms'>, today: DayNumber): DayNumber {
  const first = draft.terms[0]?.start;
  return first ? dayNumber(first) : today;
}

/** The draft the flags describe (lists not given stay empty, to be asked). */
export function draftFromFlags(flags: InitFlags, defaultName: string, defaultZone: string, today: DayNumber): Draft {
  const terms = (flags.term ?? []).map((t) => termFlag(t, today));
  for (const b of flags.break ?? []) addBreakFlag(terms, b, today);
  const draft: Draft = {
    name: flags.name ?? defaultName,
    timezone: flags.timezone ? zoneFlag(flags.timezone) : defaultZone,
    terms,
    availability: (flags.slot ?? []).map(slotFlag),
    courses: (flags.course ?? []).map(courseFlag),
    deadlines: [],
  };
  draft.deadlines = (flags.deadline ?? []).map((d) => deadlineFlag(d, referenceDay(draft, today)));
  return draft;
}

const FLAG_OF = { terms: 'term', availability: 'slot', courses: 'course', deadlines: 'deadline' } as const;

/**
 * Fails on the first problem the plan's rules find in what the flags gave, naming the flag.
 * Lists not given by flags are skipped (they are asked, answer by answer); deadlines are
 * checked once there are terms to check them against.
 */
export function checkFlags(draft: Draft, flags: InitFlags): void {
  for (const issue of draftIssues(draft)) {
    if (issue.path[0] === 'name' && flags.name !== undefined) {
      throw new UserError(`--name "${flags.name}": ${issue.message}`, { exitCode: ExitCode.usage });
    }
    const [list, index] = issue.path as [Lists, number | undefined];
    const key = FLAG_OF[list];
    if (!key || !flags[key]?.length || (list === 'deadlines' && draft.terms.length === 0)) continue;
    const isBreak = list === 'terms' && issue.path[2] === 'breaks';
    const text = isBreak || index === undefined ? undefined : flags[key]?.[index];
    const flag = isBreak ? '--break' : `--${key}`;
    throw new UserError(
      `${flag}${text === undefined ? '' : ` "${text}"`}: ${issue.message} (${formatPath(issue.path)})`,
      { exitCode: ExitCode.usage },
    );
  }
}
