/**
 * Reads a plan file (YAML, or JSON, which is YAML too) through three stages:
 * YAML syntax -> zod schema -> cross-record rules.
 *
 * A valid plan is read with js-yaml, which parses a two-year plan in ~20 ms. Only when
 * something is wrong is the file parsed again with `yaml`, whose syntax tree gives every
 * problem its file:line:column (plan-file-errors.ts); that parser took ~100 ms on the same file.
 */
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import { normalisePlan, type Plan, planIssues } from '../planner/plan.js';
import { type PlanFile, planSchema } from '../schema/plan.js';
import { canonicalTimeZone } from '../time/zone.js';
import { regionZones } from './zone-answers.js';

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
  // `EST`, `GMT`, `Central`: refused with the zones they may mean (plan-errors.ts).
  if (file.timezone !== undefined && !file.timezone.includes('/') && regionZones(file.timezone)) return null;
  const timezone = canonicalTimeZone(
    file.timezone ?? (typeof defaultZone === 'function' ? defaultZone() : defaultZone),
  );
  if (!timezone) return null;
  const plan = normalisePlan(file, timezone);
  if (planIssues(plan).length > 0) return null;
  return { plan, file, text };
}

/** Parses plan text; `name` is the file name used in messages. */
export async function parsePlan(text: string, name: string, defaultZone: string | (() => string)): Promise<LoadedPlan> {
  const loaded = fastParse(text, defaultZone);
  if (loaded) return loaded;
  const { planError } = await import('./plan-errors.js');
  throw planError(text, name, typeof defaultZone === 'function' ? defaultZone() : defaultZone);
}
