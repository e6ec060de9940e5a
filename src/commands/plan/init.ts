/**
 * `mls plan init`: a plan from answers. Every question has a flag; on a terminal the
 * missing ones are asked, otherwise the command names the flags to pass.
 */
import { existsSync } from 'node:fs';
import { stringify } from 'yaml';
import { ExitCode, UserError } from '../../errors.js';
import { parsePlan } from '../../formats/plan-file.js';
import { buildSchedule } from '../../planner/schedule.js';
import type { PlanInput } from '../../schema/plan.js';
import { DEADLINE_KINDS, type DeadlineKind, WEEKDAYS, type Weekday } from '../../schema/plan-vocabulary.js';
import { checkCalendarOutput } from '../../store/calendar-output.js';
import { writableTarget, writeFileAtomic } from '../../store/write-file.js';
import { isTimeZone } from '../../time/zone.js';
import { makeStyle } from '../../ui/color.js';
import type { Prompter } from '../../ui/prompts.js';
import { workloadChart } from '../../ui/workload.js';
import type { Context } from '../shared/context.js';
import { hostTimeZone } from './session.js';

export interface InitOptions {
  output: string;
  name?: string;
  timezone?: string;
  term?: string[];
  slot?: string[];
  course?: string[];
  deadline?: string[];
  ics?: string;
  force?: boolean;
  input: boolean;
}

type Plan = PlanInput & {
  terms: NonNullable<PlanInput['terms']>;
  availability: NonNullable<PlanInput['availability']>;
  courses: NonNullable<PlanInput['courses']>;
  deadlines: NonNullable<PlanInput['deadlines']>;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const isDate = (v: string) => (DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? true : 'use YYYY-MM-DD');
const isClock = (v: string) => (CLOCK.test(v) ? true : 'use HH:MM, 24-hour');
const isDue = (v: string) =>
  /^\d{4}-\d{2}-\d{2}( ([01]\d|2[0-3]):[0-5]\d)?$/.test(v) ? true : 'use YYYY-MM-DD or YYYY-MM-DD HH:MM';
const isHours = (v: string) => (v !== '' && Number(v) >= 0 && Number(v) <= 500 ? true : 'a number of hours, 0 or more');

/** `--term "Fall 2027:2027-08-23:2027-12-10"` */
export function parseTerm(text: string): Plan['terms'][number] {
  const m = /^(.+):(\d{4}-\d{2}-\d{2}):(\d{4}-\d{2}-\d{2})$/.exec(text.trim());
  if (!m) throw new UserError(`--term "${text}": use "Name:YYYY-MM-DD:YYYY-MM-DD"`, { exitCode: ExitCode.usage });
  return { name: (m[1] ?? '').trim(), start: m[2] ?? '', end: m[3] ?? '', breaks: [] };
}

/** `--slot "mon 19:00-21:30"` */
export function parseSlot(text: string): Plan['availability'][number] {
  const m = /^(mon|tue|wed|thu|fri|sat|sun)\w*\s+(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/i.exec(text.trim());
  if (!m) throw new UserError(`--slot "${text}": use "mon 19:00-21:30"`, { exitCode: ExitCode.usage });
  return { day: (m[1] ?? '').toLowerCase() as Weekday, start: m[2] ?? '', end: m[3] ?? '' };
}

/** `--course "INFO 200:Information Communities:3"` (title and hours optional) */
export function parseCourse(text: string): Plan['courses'][number] {
  const [code, title, hours] = text.split(':').map((p) => p.trim());
  if (!code || (hours !== undefined && isHours(hours) !== true)) {
    throw new UserError(`--course "${text}": use "CODE:Title:weekly hours"`, { exitCode: ExitCode.usage });
  }
  return { code, ...(title ? { title } : {}), weeklyHours: hours ? Number(hours) : 0 };
}

/** `--deadline "INFO 200|Paper|paper|2027-10-08 23:59|10"` */
export function parseDeadline(text: string): Plan['deadlines'][number] {
  const [course, title, kind, due, hours] = text.split('|').map((p) => p.trim());
  if (
    !course ||
    !title ||
    !DEADLINE_KINDS.includes(kind as DeadlineKind) ||
    !due ||
    isDue(due) !== true ||
    !hours ||
    isHours(hours) !== true
  ) {
    throw new UserError(
      `--deadline "${text}": use "COURSE|Title|kind|YYYY-MM-DD HH:MM|hours" (kinds: ${DEADLINE_KINDS.join(', ')})`,
      {
        exitCode: ExitCode.usage,
      },
    );
  }
  return { course, title, kind: kind as DeadlineKind, due, hours: Number(hours) };
}

async function askLoop<T>(p: Prompter, first: string, again: string, askOne: () => Promise<T>): Promise<T[]> {
  const items: T[] = [];
  if (!(await p.confirm(first, true))) return items;
  do items.push(await askOne());
  while (await p.confirm(again, false));
  return items;
}

/** Fills what the flags left out, asking the prompter. Pure of I/O apart from the prompter. */
export async function gatherPlan(opts: InitOptions, prompter: Prompter | null, defaultZone: string): Promise<Plan> {
  const missing: string[] = [];
  if (!opts.term?.length) missing.push('--term "Name:YYYY-MM-DD:YYYY-MM-DD"');
  if (!opts.slot?.length) missing.push('--slot "mon 19:00-21:30"');
  if (!prompter && missing.length > 0) {
    throw new UserError(`missing ${missing.join(' and ')}`, {
      exitCode: ExitCode.usage,
      hint: 'run `mls plan init` on a terminal to be asked, or pass the flags (see `mls plan init --help`)',
    });
  }
  const plan: Plan = {
    name:
      opts.name ??
      (prompter
        ? await prompter.input('Name of the plan (also the calendar name)', { default: 'My study plan' })
        : 'My study plan'),
    timezone:
      opts.timezone ??
      (prompter
        ? await prompter.input('Time zone (IANA name)', {
            default: defaultZone,
            validate: (v) => (isTimeZone(v) ? true : 'not a time zone: try America/Chicago or Europe/London'),
          })
        : defaultZone),
    terms: opts.term?.map(parseTerm) ?? [],
    availability: opts.slot?.map(parseSlot) ?? [],
    courses: opts.course?.map(parseCourse) ?? [],
    deadlines: opts.deadline?.map(parseDeadline) ?? [],
  };
  if (!prompter) return plan;
  if (plan.terms.length === 0) {
    do {
      const name = await prompter.input('Term name', { default: plan.terms.length === 0 ? 'Fall term' : 'Next term' });
      const start = await prompter.input('First day of the term (YYYY-MM-DD)', { validate: isDate });
      const end = await prompter.input('Last day of the term (YYYY-MM-DD)', {
        validate: (v) => (isDate(v) === true ? (v >= start ? true : 'the term must end after it starts') : isDate(v)),
      });
      plan.terms.push({ name, start, end, breaks: [] });
    } while (await prompter.confirm('Add another term?', false));
  }
  if (plan.availability.length === 0) {
    do {
      const day = await prompter.select(
        'Which day can you study?',
        WEEKDAYS.map((d) => ({ name: d, value: d })),
      );
      const start = await prompter.input('From (HH:MM)', { default: '19:00', validate: isClock });
      const end = await prompter.input('Until (HH:MM)', {
        default: '21:00',
        validate: (v) => (isClock(v) === true ? (v > start ? true : 'must be after the start') : isClock(v)),
      });
      plan.availability.push({ day, start, end });
    } while (await prompter.confirm('Add another weekly time slot?', true));
  }
  if (!opts.course) {
    plan.courses = await askLoop(prompter, 'Add your courses now?', 'Add another course?', async () => {
      const code = await prompter.input('Course code', {
        validate: (v) => (v.trim() ? true : 'a code such as INFO 200'),
      });
      const title = await prompter.input('Course title (optional)', { default: '' });
      const hours = await prompter.input('Steady weekly study hours for it', { default: '3', validate: isHours });
      return { code: code.trim(), ...(title.trim() ? { title: title.trim() } : {}), weeklyHours: Number(hours) };
    });
  }
  if (!opts.deadline && plan.courses.length > 0) {
    plan.deadlines = await askLoop(prompter, 'Add deadlines you already know?', 'Add another deadline?', async () => {
      const course = await prompter.select(
        'Course',
        plan.courses.map((c) => ({ name: c.code, value: c.code })),
      );
      const title = await prompter.input('What is due', {
        validate: (v) => (v.trim() ? true : 'a title, e.g. Research paper'),
      });
      const kind = await prompter.select(
        'Kind',
        DEADLINE_KINDS.map((k) => ({ name: k, value: k })),
        'assignment',
      );
      const due = await prompter.input('Due (YYYY-MM-DD or YYYY-MM-DD HH:MM)', { validate: isDue });
      const hours = await prompter.input('Your estimate of the work, in hours', { default: '6', validate: isHours });
      return { course, title: title.trim(), kind, due, hours: Number(hours) };
    });
  }
  return plan;
}

export function planYaml(plan: Plan): string {
  // Times are quoted: YAML 1.1 tools read an unquoted 19:00 as a number (sexagesimal).
  const body = stringify(plan, { lineWidth: 0 }).replace(/^(\s*-?\s*(?:start|end): )(\d{2}:\d{2})$/gm, '$1"$2"');
  return `# mls study plan, written by \`mls plan init\`. Edit freely; every field is described by \`mls plan example\`.\n${body}`;
}

export async function runInit(ctx: Context, opts: InitOptions): Promise<void> {
  const { io, now } = ctx;
  const interactive = opts.input && io.stdinIsTTY && io.stdoutIsTTY;
  const prompter = interactive ? (await import('../../ui/prompts.js')).inquirerPrompter : null;
  writableTarget(opts.output); // a device, FIFO or folder is refused before any question
  if (opts.ics) checkCalendarOutput(opts.ics, opts.force);
  if (existsSync(opts.output) && !opts.force) {
    if (!prompter) {
      throw new UserError(`${opts.output} already exists; not overwriting it`, {
        hint: 'pass --force to replace it, or -o another file',
      });
    }
  }
  const plan = await gatherPlan(opts, prompter, hostTimeZone());
  const text = planYaml(plan);
  const loaded = await parsePlan(text, opts.output, hostTimeZone);
  const schedule = buildSchedule(loaded.plan);
  const style = await makeStyle(io.stdoutIsTTY, io.env);
  if (prompter) io.out(workloadChart(loaded.plan, schedule, style));
  if (existsSync(opts.output) && !opts.force) {
    if (!(await prompter?.confirm(`${opts.output} exists. Replace it?`, false))) {
      io.err(`Nothing written: ${opts.output} was kept.`);
      return;
    }
  } else if (prompter && !(await prompter.confirm(`Write the plan to ${opts.output}?`, true))) {
    io.err('Nothing written.');
    return;
  }
  await writeFileAtomic(opts.output, text);
  io.err(`Wrote ${opts.output}.${schedule.overloaded ? ' The plan is overloaded: see `mls plan check`.' : ''}`);
  let ics = opts.ics;
  if (!ics && prompter && (await prompter.confirm('Also write the calendar (.ics) now?', true))) {
    ics = await prompter.input('Calendar file', { default: 'study.ics' });
  }
  if (ics) {
    const { renderCalendar } = await import('../../calendar/ics-writer.js');
    const { zoneRules } = await import('../../time/zone.js');
    const zone = zoneRules(loaded.plan.timezone);
    checkCalendarOutput(ics, opts.force);
    await writeFileAtomic(ics, renderCalendar(loaded.plan, schedule, { zone, timestamp: now }).text);
    io.err(`Wrote ${ics}: import it into your calendar app.`);
  }
}
