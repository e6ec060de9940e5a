/**
 * The department side of `mls find --career/--dept` and `mls show`: loaded only when
 * asked for, since it reads the careers, CIP and evidence datasets.
 */
import {
  cipTitle,
  type DepartmentQuery,
  type HostScore,
  departmentQuery as queryDepartments,
  scoreHost,
} from '../../catalog/careers.js';

export type { DepartmentQuery } from '../../catalog/careers.js';

import { didYouMean } from '../../catalog/suggest.js';
import { ExitCode, UserError } from '../../errors.js';
import type { Career, CareersDataset, CipTaxonomy, Program } from '../../schema/datasets.js';
import { readBundledJson } from '../../store/bundled.js';
import { activeEvidence } from '../../store/evidence.js';

export function loadCareers(): CareersDataset {
  return readBundledJson<CareersDataset>('careers.json');
}

export function loadCipTitles(): CipTaxonomy['titles'] {
  return readBundledJson<CipTaxonomy>('cip.json').titles;
}

/** No career matches: the error, with the closest names. */
export function careerMiss(query: string, careers: readonly Career[], code: 'usage' | 'notFound'): UserError {
  return new UserError(
    `no career matches "${query}"${didYouMean(
      query,
      careers.map((c) => c.name),
    )}`,
    {
      exitCode: ExitCode[code],
      hint: 'run `mls careers` for the list',
    },
  );
}

/** The departments a `--career`/`--dept` query asks for, or a usage error naming the closest values. */
export function departmentQuery(
  career: string | undefined,
  depts: readonly string[],
  titles: CipTaxonomy['titles'],
): DepartmentQuery {
  const careers = loadCareers().careers;
  const result = queryDepartments(career, depts, careers, titles);
  if ('query' in result) return result.query;
  const { problem } = result;
  if (problem.kind === 'no-career') throw careerMiss(problem.career, careers, 'usage');
  if (problem.kind === 'several-careers') {
    const list = problem.candidates.map((c) => `  ${c.name}`).join('\n');
    throw new UserError(`"${problem.career}" matches several careers:\n${list}`, {
      exitCode: ExitCode.usage,
      hint: 'give more words of one name, e.g. --career "Metadata Librarian"',
    });
  }
  const names = Object.keys(titles)
    .filter((code) => code.length <= 5)
    .map((code) => cipTitle(code, titles));
  throw new UserError(`no CIP family or series matches "${problem.dept}"${didYouMean(problem.dept, names)}`, {
    hint: 'give a CIP code such as 45.07 or words of its title such as geography',
  });
}

export function scorePrograms(
  programs: readonly Program[],
  query: DepartmentQuery,
  titles: CipTaxonomy['titles'],
  env: NodeJS.ProcessEnv,
): Map<string, HostScore> {
  const evidence = activeEvidence(env);
  const codes = query.departments.map((d) => d.code);
  return new Map(
    programs.map((p) => [
      p.id,
      scoreHost(evidence.host(p.doe?.unitId, codes), query.departments, titles, evidence.years),
    ]),
  );
}

// Re-exported so that `find --career` loads one chunk, not two (each costs start-up).
export { rankByScore, rankedList, rankedTsv } from '../../ui/departments.js';
