/**
 * The questions of `mls plan init`, for what the flags left out: terms and their breaks,
 * weekly slots, courses and deadlines. See init-ask.ts for how each answer is checked.
 */
import { parseClockAnswer, parseDateAnswer, parseDueAnswer, parseHoursAnswer } from '../../formats/plan-answers.js';
import { draftIssues } from '../../planner/plan-draft.js';
import { DEADLINE_KINDS, WEEKDAYS } from '../../schema/plan-vocabulary.js';
import { type DayNumber, dayNumber } from '../../time/dates.js';
import type { Prompter } from '../../ui/prompts.js';
import { ask, askLoop, askZone, optional, problemAt, text } from './init-ask.js';
import { type Draft, type InitFlags, referenceDay } from './init-flags.js';

async function askTerm(p: Prompter, draft: Draft, today: DayNumber): Promise<void> {
  const i = draft.terms.length;
  const name = await ask(
    p,
    'Term name',
    text,
    (v) => (v ? undefined : 'a name, e.g. Fall 2027'),
    i ? 'Next term' : 'Fall term',
  );
  const term = { name, start: '', end: '', breaks: [] as Draft['terms'][number]['breaks'] };
  draft.terms.push(term);
  const date = (ref: DayNumber) => (v: string) => parseDateAnswer(v, ref);
  const at = (field: 'start' | 'end', value: string) => {
    Object.assign(term, field === 'start' ? { start: value, end: value } : { end: value });
    return problemAt(draft, ['terms', i]);
  };
  term.start = await ask(p, 'First day of the term (e.g. 2027-08-23, 8/23/2027, Aug 23)', date(today), (v) =>
    at('start', v),
  );
  term.end = await ask(p, 'Last day of the term', date(dayNumber(term.start)), (v) => at('end', v));
  await askLoop(
    p,
    [`Any breaks or holidays in ${name} (no study on those days)?`, false],
    'Add another break?',
    async () => {
      const j = term.breaks.length;
      const brk = { name: await ask(p, 'Name of the break', text, undefined, 'Break'), start: '', end: '' };
      term.breaks.push(brk);
      const atBreak = (start: string, end: string) => {
        Object.assign(brk, { start, end });
        return problemAt(draft, ['terms', i, 'breaks', j]);
      };
      brk.start = await ask(p, 'First day of the break', date(dayNumber(term.start)), (v) => atBreak(v, v));
      brk.end = await ask(p, 'Last day of the break', date(dayNumber(brk.start)), (v) => atBreak(brk.start, v));
    },
  );
}

/** `mon 19:00-21:30`, as the wizard shows a slot. */
const slotText = (s: { day: string; start: string; end: string }) => `${s.day} ${s.start}-${s.end}`;

/**
 * One weekly slot. A From inside a slot given already for that day is asked again; an Until
 * that makes the slot overlap another asks the whole slot again (day, from, until), or drops it,
 * since no Until can fix a From that was wrong.
 */
async function askSlot(p: Prompter, draft: Draft): Promise<void> {
  const k = draft.availability.length;
  for (;;) {
    const day = await p.select(
      'Which day can you study?',
      WEEKDAYS.map((d) => ({ name: d, value: d })),
    );
    const others = draft.availability.slice(0, k).filter((s) => s.day === day);
    const slot = { day, start: '', end: '' };
    draft.availability[k] = slot;
    const inside = (from: string) => {
      const taken = others.find((s) => s.start <= from && from < s.end);
      return taken ? `${from} is inside ${slotText(taken)}, a slot given already` : undefined;
    };
    slot.start = await ask(p, 'From (e.g. 19:00 or 7pm)', parseClockAnswer, inside, '19:00');
    // Until is checked for an empty slot only; an overlap is settled below.
    const empty = (end: string) => {
      Object.assign(slot, { end });
      return draftIssues(draft, ['availability', k]).find((i) => i.path.at(-1) === 'end')?.message;
    };
    slot.end = await ask(p, 'Until (e.g. 21:00 or 9pm)', parseClockAnswer, empty, '21:00');
    const overlap = problemAt(draft, ['availability', k]);
    if (!overlap) return;
    if (!(await p.confirm(`${slotText(slot)} ${overlap}. Type this slot again (no: leave it out)?`, true))) {
      draft.availability.splice(k, 1);
      return;
    }
  }
}

async function askCourse(p: Prompter, draft: Draft): Promise<void> {
  const n = draft.courses.length;
  const course: Draft['courses'][number] = { code: '', weeklyHours: 0 };
  draft.courses.push(course);
  const at = (change: Partial<typeof course>) => {
    Object.assign(course, change);
    return problemAt(draft, ['courses', n]);
  };
  course.code = await ask(p, 'Course code', text, (v) => (v ? at({ code: v }) : 'a code such as INFO 200'));
  const title = await ask(p, 'Course title (optional)', optional, undefined, '');
  if (title) course.title = title;
  course.weeklyHours = await ask(
    p,
    'Steady weekly study hours for it',
    parseHoursAnswer,
    (h) => at({ weeklyHours: h }),
    '3',
  );
}

async function askDeadline(p: Prompter, draft: Draft, today: DayNumber): Promise<void> {
  const n = draft.deadlines.length;
  const course = await p.select(
    'Course',
    draft.courses.map((c) => ({ name: c.code, value: c.code })),
  );
  const deadline: Draft['deadlines'][number] = { course, title: '', due: draft.terms[0]?.start ?? '', hours: 0 };
  draft.deadlines.push(deadline);
  const at = (change: Partial<typeof deadline>) => {
    Object.assign(deadline, change);
    return problemAt(draft, ['deadlines', n]);
  };
  deadline.title = await ask(p, 'What is due', text, (v) => (v ? at({ title: v }) : 'a title, e.g. Research paper'));
  deadline.kind = await p.select(
    'Kind',
    DEADLINE_KINDS.map((k) => ({ name: k, value: k })),
    'assignment',
  );
  const reference = referenceDay(draft, today);
  deadline.due = await ask(
    p,
    'Due (e.g. 2027-10-08 23:59, Oct 8 11:59pm, or a date for all day)',
    (v) => parseDueAnswer(v, reference),
    (v) => at({ due: v }),
  );
  deadline.hours = await ask(p, 'Your estimate of the work, in hours', parseHoursAnswer, (h) => at({ hours: h }), '6');
}

/** Fills what the flags left out of `draft`, asking. */
export async function askPlan(p: Prompter, draft: Draft, flags: InitFlags, today: DayNumber): Promise<Draft> {
  if (flags.name === undefined) {
    draft.name = await ask(
      p,
      'Name of the plan (also the calendar name)',
      text,
      (v) => (v ? undefined : 'a name'),
      draft.name,
    );
  }
  if (flags.timezone === undefined) draft.timezone = await askZone(p, draft.timezone ?? 'UTC');
  if (draft.terms.length === 0) {
    do await askTerm(p, draft, today);
    while (await p.confirm('Add another term?', false));
  }
  if (draft.availability.length === 0) {
    do await askSlot(p, draft);
    while (await p.confirm('Add another weekly time slot?', true));
  }
  if (!flags.course)
    await askLoop(p, ['Add your courses now?', true], 'Add another course?', () => askCourse(p, draft));
  if (!flags.deadline && draft.courses.length > 0) {
    await askLoop(p, ['Add deadlines you already know?', true], 'Add another deadline?', () =>
      askDeadline(p, draft, today),
    );
  }
  return draft;
}
