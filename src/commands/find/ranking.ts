/** `find --career/--dept`: rank programs by their host's departments (loaded only when asked). */
import { legendSentence, scoreLegend } from '../../catalog/careers.js';
import type { Io } from '../../io.js';
import type { Program } from '../../schema/datasets.js';
import { makeStyle } from '../../ui/color.js';
import {
  departmentQuery,
  loadCipTitles,
  rankByScore,
  rankedList,
  rankedTsv,
  scorePrograms,
} from '../shared/departments.js';
import type { FindOptions } from './options.js';

export function rankPrograms(programs: Program[], opts: FindOptions, env: NodeJS.ProcessEnv) {
  const titles = loadCipTitles();
  const query = departmentQuery(opts.career, opts.dept ?? [], titles);
  const scores = scorePrograms(programs, query, titles, env);
  let ranked = opts.sort ? programs : rankByScore(programs, scores);
  if (opts.requireDept) ranked = ranked.filter((p) => (scores.get(p.id)?.score ?? 0) > 0);
  const online = opts.onlineOnly === true;
  const legend = scoreLegend({ career: opts.career !== undefined, departments: (opts.dept ?? []).length > 0 });
  return {
    programs: ranked,
    scores,
    query,
    label: query.label,
    legend,
    notes: (onlineOnly: boolean) => [
      legendSentence(legend),
      ...(onlineOnly
        ? [
            'Departments are campus-wide: an online student may not be able to take their courses. Each program shows whether its institution offers graduate distance education (IPEDS 2020-21).',
          ]
        : []),
    ],
    render: async (io: Io) =>
      io.stdoutIsTTY
        ? rankedList(ranked, scores, await makeStyle(true, io.env), { distanceEd: online, columns: io.columns })
        : rankedTsv(ranked, scores),
  };
}
