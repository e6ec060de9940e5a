/**
 * Reads a plan file (YAML, or JSON, which is YAML too) through three stages:
 * YAML syntax -> zod schema -> cross-record rules.
 *
 * A valid plan is read with js-yaml, which parses a two-year plan in ~20 ms. Only when
 * something is wrong is the file parsed again with `yaml`, whose syntax tree gives every
 * problem its file:line:column (plan-file-errors.ts); that parser took ~100 ms on the same file.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import { UserError } from '../errors.js';
import { normalisePlan, type Plan, planIssues } from '../planner/plan.js';
import { type PlanFile, planSchema } from './plan-schema.js';
import { isTimeZone } from './time-zone.js';

export interface LoadedPlan {
  plan: Plan;
  file: PlanFile;
  text: string;
}

function fastParse(text: string, defaultZone: string | (() => string)): LoadedPlan | null {
  let raw: unknown;
  try {
    raw = load(text, { schema: CORE_SCHEMA }) ?? {};
  } catch (error) {
    if (error instanceof YAMLException) return null;
    throw error;
  }
  const parsed = planSchema.safeParse(raw);
  if (!parsed.success) return null;
  const file = parsed.data;
  const timezone = file.timezone ?? (typeof defaultZone === 'function' ? defaultZone() : defaultZone);
  if (!isTimeZone(timezone)) return null;
  const plan = normalisePlan(file, timezone);
  if (planIssues(plan).length > 0) return null;
  return { plan, file, text };
}

/** Parses plan text; `name` is the file name used in messages. */
export async function parsePlan(
  text: string,
  name: string,
  defaultZone: string | (() => string),
): Promise<LoadedPlan> {
  const loaded = fastParse(text, defaultZone);
  if (loaded) return loaded;
  const { planError } = await import('./plan-file-errors.js');
  throw planError(text, name, typeof defaultZone === 'function' ? defaultZone() : defaultZone);
}

export async function readPlan(path: string, defaultZone: string | (() => string)): Promise<LoadedPlan> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? `plan file ${path} not found` : `cannot read ${path} (${code})`, {
      hint: 'create one with `mls plan example -o plan.yaml`',
    });
  }
  return parsePlan(text, basename(path), defaultZone);
}
