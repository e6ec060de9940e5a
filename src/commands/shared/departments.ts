/**
 * The department side of `mls find --career/--dept` and `mls show`: loaded only when
 * asked for, since it reads the careers, CIP and evidence datasets.
 */
import {
  cipTitle,
  type Department,
  findCareer,
  type HostScore,
  resolveDepartments,
  scoreHost,
} from '../../catalog/careers.js';
import { didYouMean } from '../../catalog/suggest.js';
import { ExitCode, UserError } from '../../errors.js';
import type { Career, CareersDataset, CipTaxonomy, Program } from '../../schema/datasets.js';
import { readBundledJson } from '../../store/bundled.js';
import { activeEvidence } from '../../store/evidence.js';

export interface DepartmentQuery {
  label: string;
  career: string | null;
  departments: Department[];
}

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

export function departmentQuery(
  career: string | undefined,
  depts: readonly string[],
  titles: CipTaxonomy['titles'],
): DepartmentQuery {
  const departments: Department[] = [];
  let careerName: string | null = null;
  if (career) {
    const found = findCareer(career, loadCareers().careers);
    if (!('career' in found)) {
      const list = found.candidates.map((c) => `  ${c.name}`).join('\n');
      if (found.candidates.length === 0) throw careerMiss(career, loadCareers().careers, 'usage');
      throw new UserError(`"${career}" matches several careers:\n${list}`, {
        exitCode: ExitCode.usage,
        hint: 'give more words of one name, e.g. --career "Metadata Librarian"',
      });
    }
    careerName = found.career.name;
    departments.push(...found.career.departments);
  }
  for (const d of depts) {
    const codes = resolveDepartments(d, titles);
    if (codes.length === 0) {
      const names = Object.keys(titles)
        .filter((code) => code.length <= 5)
        .map((code) => cipTitle(code, titles));
      throw new UserError(`no CIP family or series matches "${d}"${didYouMean(d, names)}`, {
        hint: 'give a CIP code such as 45.07 or words of its title such as geography',
      });
    }
    for (const code of codes) {
      if (!departments.some((x) => x.code === code)) {
        departments.push({ code, weight: 'primary', reason: `asked for with --dept ${d}` });
      }
    }
  }
  const label = [careerName ? `--career "${careerName}"` : '', ...depts.map((d) => `--dept ${d}`)]
    .filter(Boolean)
    .join(', ');
  return { label, career: careerName, departments };
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
