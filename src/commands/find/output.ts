/** `find --json` and `find --csv`: the shapes documented in docs/programs.md. */
import { evidenceLines } from '../../catalog/careers.js';
import type { FilterResult } from '../../catalog/programs.js';
import type { AlaDataset, Program } from '../../schema/datasets.js';
import { toCsv } from '../../ui/csv.js';
import { CSV_COLUMNS, programCsvRow, programJson } from '../../ui/programs.js';
import type { rankPrograms } from './ranking.js';

type Ranking = ReturnType<typeof rankPrograms> | null;

export function findJson(input: {
  dataset: AlaDataset;
  result: FilterResult;
  programs: Program[];
  ranking: Ranking;
  now: Date;
}): Record<string, unknown> {
  const { dataset, result, programs, ranking, now } = input;
  return {
    dataset: { name: dataset.meta.dataset, asOf: dataset.meta.asOf },
    filters: result.applied,
    count: programs.length,
    unknownDeliveryExcluded: result.unknownDeliveryExcluded,
    ...(ranking
      ? {
          departments: ranking.query.departments.map(({ code, weight }) => ({ code, weight })),
          scoreLegend: ranking.legend,
        }
      : {}),
    programs: programs.map((p) => {
      const score = ranking?.scores.get(p.id);
      return score ? { ...programJson(p, now), departments: score } : programJson(p, now);
    }),
  };
}

/** UTF-8 byte-order mark: Excel on Windows reads a CSV without one as ANSI ("San JosÃ©"). */
const BOM = '\uFEFF';

export function findCsv(programs: readonly Program[], ranking: Ranking, now: Date, excel: boolean): string {
  const header = ranking ? [...CSV_COLUMNS, 'department_score', 'department_evidence'] : [...CSV_COLUMNS];
  const rows = programs.map((p) => {
    const row = programCsvRow(p, now);
    if (!ranking) return row;
    const score = ranking.scores.get(p.id);
    return [
      ...row,
      score?.score === null || !score ? 'no evidence' : String(score.score),
      evidenceLines(score).join(' | '),
    ];
  });
  return `${excel ? BOM : ''}${toCsv(header, rows)}`;
}
