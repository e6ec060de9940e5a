/**
 * Checks a plan that is still being written (by `mls plan init`) with the plan file's own
 * rules: the zod schema, then the cross-record rules (planIssues). One implementation, so an
 * answer the wizard takes is one the plan file accepts. Pure.
 */
import { loadZodMessages } from '../schema/datasets.js';
import { type PlanInput, planSchema } from '../schema/plan.js';
import { normalisePlan, type PlanIssue, planIssues } from './plan.js';

/** Stand-ins for lists not answered yet, so the rest can be checked; their issues are never reported. */
const PENDING_TERM = { name: 'pending', start: '2000-01-03', end: '2000-01-09' };
const PENDING_SLOT = { day: 'mon', start: '00:00', end: '00:15' } as const;

/** The problems of `draft` at `within` (a path such as ['terms', 0, 'end']) or below it. */
export function draftIssues(draft: PlanInput, within: readonly (string | number)[] = []): PlanIssue[] {
  loadZodMessages();
  const complete: PlanInput = {
    ...draft,
    terms: draft.terms?.length ? draft.terms : [PENDING_TERM],
    availability: draft.availability?.length ? draft.availability : [PENDING_SLOT],
  };
  const parsed = planSchema.safeParse(complete);
  const issues: PlanIssue[] = parsed.success
    ? planIssues(normalisePlan(parsed.data, 'UTC'))
    : parsed.error.issues.map((i) => ({
        path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
        message: i.message,
      }));
  return issues.filter((i) => within.every((part, n) => i.path[n] === part));
}
