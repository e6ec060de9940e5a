/**
 * How `mls plan init` asks: each answer is read by the same parsers as the flags and checked
 * at once with the plan file's own rules (draftIssues); a wrong answer is asked again with
 * the reason, so no answer typed is ever lost.
 */
import type { Answer } from '../../formats/plan-answers.js';
import { parseTimeZoneAnswer } from '../../formats/zone-answers.js';
import { draftIssues } from '../../planner/plan-draft.js';
import type { Prompter } from '../../ui/prompts.js';
import type { Draft } from './init-flags.js';

type Path = (string | number)[];
export const text = (value: string): Answer<string> => ({ value: value.trim() });
export const optional = (value: string): Answer<string | undefined> => ({ value: value.trim() || undefined });

/** Asks until the answer parses and `check` (the plan's rules on the draft with it) finds nothing. */
export async function ask<T>(
  p: Prompter,
  message: string,
  parse: (text: string) => Answer<T>,
  check: (value: T) => string | undefined = () => undefined,
  fallback?: string,
): Promise<T> {
  const read = (v: string) => parse(v);
  const answer = await p.input(message, {
    default: fallback,
    validate: (v) => {
      const a = read(v);
      return 'error' in a ? a.error : (check(a.value) ?? true);
    },
    preview: (v) => {
      const a = read(v);
      return 'value' in a && typeof a.value === 'string' ? a.value : undefined;
    },
  });
  const a = read(answer);
  if ('error' in a) throw new Error(`the prompt returned an answer it should have refused: ${a.error}`);
  return a.value;
}

/** The first problem the plan's rules find in `draft` at `path`. */
export const problemAt = (draft: Draft, path: Path): string | undefined => draftIssues(draft, path)[0]?.message;

export async function askLoop(p: Prompter, first: [string, boolean], again: string, askOne: () => Promise<void>) {
  if (!(await p.confirm(...first))) return;
  do await askOne();
  while (await p.confirm(again, false));
}

export async function askZone(p: Prompter, fallback: string): Promise<string> {
  const candidates = await ask(
    p,
    'Time zone (a city, a region such as Central, or an IANA name)',
    parseTimeZoneAnswer,
    undefined,
    fallback,
  );
  return pickZone(p, candidates);
}

/** One zone of several candidates: the only one, or the one chosen from a list. */
export async function pickZone(p: Prompter, candidates: string[]): Promise<string> {
  if (candidates.length === 1) return candidates[0] as string;
  return p.select(
    'Which time zone?',
    candidates.map((z) => ({ name: z, value: z })),
  );
}
