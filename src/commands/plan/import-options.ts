/** The options of `mls plan import`, checked: which plan, `--estimate word=hours`, `--course FEED=PLAN`. */
import { DEFAULT_ESTIMATES, TITLE_ESTIMATES } from '../../calendar/lms-feed.js';
import { UserError } from '../../errors.js';
import { PLAN_LIMITS } from '../../schema/plan-limits.js';
import type { Context } from '../shared/context.js';
import { planPath } from './session.js';

export interface ImportOptions {
  plan?: string;
  dryRun?: boolean;
  estimate?: string[];
  course?: string[];
  json?: boolean;
}

const ESTIMATE_KEYS = [...new Set([...Object.keys(DEFAULT_ESTIMATES), ...Object.keys(TITLE_ESTIMATES)])];

export function estimates(pairs: readonly string[]): Record<string, number> {
  const out: Record<string, number> = { ...DEFAULT_ESTIMATES, ...TITLE_ESTIMATES };
  for (const pair of pairs) {
    const [key, hours] = pair.split('=');
    if (!key || !ESTIMATE_KEYS.includes(key) || !hours || !(Number(hours) >= 0) || Number(hours) > 500) {
      throw new UserError(`--estimate ${pair}: use word=hours, e.g. paper=10 (words: ${ESTIMATE_KEYS.join(', ')})`);
    }
    out[key] = Number(hours);
  }
  return out;
}

export function courseFlags(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    const label = pair.slice(0, at).trim();
    const code = pair.slice(at + 1).trim();
    if (at < 0 || !label || !code) {
      throw new UserError(`--course ${pair}: use FEED-CODE=PLAN-CODE, e.g. --course "INFO-200-01-SP27=INFO 200"`);
    }
    for (const [what, value] of [
      ['feed code', label],
      ['plan code', code],
    ] as const) {
      if (value.length > PLAN_LIMITS.textChars) {
        throw new UserError(
          `--course: the ${what} is longer than ${PLAN_LIMITS.textChars} characters (${value.slice(0, 40)}…)`,
          { hint: 'give the course code as the plan writes it, e.g. --course "INFO-200-01-SP27=INFO 200"' },
        );
      }
    }
    out[label] = code;
  }
  return out;
}

/** The plan: the argument, else --plan, else $MLS_PLAN, else ./plan.yaml. */
export function importPlanPath(ctx: Context, arg: string | undefined, opts: ImportOptions): string {
  if (arg && opts.plan && arg !== opts.plan) {
    throw new UserError(`two plans given: ${arg} and --plan ${opts.plan}`, { hint: 'give the plan once' });
  }
  return planPath(ctx, arg ?? opts.plan);
}
