import { cipTitle, type HostScore, scoreHost, strongestFamilies } from '../../catalog/careers.js';
import type { Program } from '../../schema/datasets.js';
import { activeEvidence } from '../../store/evidence.js';
import { departmentQuery, loadCipTitles } from '../shared/departments.js';

export interface DepartmentSummary {
  /** The host's largest families by latest-year completions (library science left out). */
  strongest: { code: string; title: string; completions: number }[];
  career: { name: string; score: HostScore } | null;
  /** Why there is nothing to show, when there is not. */
  note: string | null;
}

export function departmentSummary(
  program: Program,
  career: string | undefined,
  env: NodeJS.ProcessEnv,
): DepartmentSummary {
  const titles = loadCipTitles();
  const data = activeEvidence(env);
  const evidence = data.host(program.doe?.unitId, 'families');
  const strongest = strongestFamilies(evidence, 6).map((f) => ({
    code: f.code,
    title: cipTitle(f.code, titles),
    completions: f.total,
  }));
  let careerScore: DepartmentSummary['career'] = null;
  if (career) {
    const query = departmentQuery(career, [], titles);
    const host = data.host(
      program.doe?.unitId,
      query.departments.map((d) => d.code),
    );
    careerScore = { name: query.career ?? career, score: scoreHost(host, query.departments, titles, data.years) };
  }
  const note = evidence
    ? null
    : program.country === 'United States'
      ? 'no department evidence for this university in the bundled data'
      : `no evidence: IPEDS and College Scorecard cover U.S. institutions, not ${program.country}`;
  return { strongest, career: careerScore, note };
}
