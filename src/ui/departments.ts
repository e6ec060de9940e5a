/** Rendering of department evidence: ranked program lists for `find --career/--dept`, and `show`. */

import { type DepartmentEvidence, type HostScore, legendSentence, scoreLegend } from '../catalog/careers.js';
import type { Program } from '../schema/datasets.js';
import type { Style } from './color.js';
import { deliveryLabel, locationLabel } from './programs.js';
import { wrapWords } from './wrap.js';

const NO_EVIDENCE = 'no evidence';

/** Highest score first; programs with no evidence last; ties by name. */
export function rankByScore(programs: readonly Program[], scores: ReadonlyMap<string, HostScore>): Program[] {
  const value = (p: Program) => scores.get(p.id)?.score ?? -1;
  return [...programs].sort((a, b) => value(b) - value(a));
}

/** The evidence lines worth showing: departments with completions first, strongest first. */
export function topLines(score: HostScore | undefined, count: number): string[] {
  if (!score) return [];
  const strength = (d: DepartmentEvidence) =>
    d.latest ? d.latest.bachelor + d.latest.master + d.latest.doctoral + d.latest.other : -1;
  return [...score.departments]
    .sort((a, b) => (a.weight === b.weight ? 0 : a.weight === 'primary' ? -1 : 1) || strength(b) - strength(a))
    .flatMap((d) => d.lines)
    .slice(0, count);
}

export function scoreLabel(score: HostScore | undefined): string {
  return score?.score === null || score === undefined ? NO_EVIDENCE : `score ${score.score.toFixed(1)}`;
}

const YES_NO = { yes: 'yes', no: 'no', unknown: 'unknown' } as const;

/** IPEDS IC2020: does the institution offer graduate distance education? */
export function distanceEdLine(p: Program): string {
  if (!p.distanceEd) return 'graduate distance education: not in IPEDS';
  const d = p.distanceEd;
  return `graduate distance education (IPEDS 2020-21): programs ${YES_NO[d.gradPrograms]}, courses ${YES_NO[d.gradCourses]}`;
}

export function rankedList(
  programs: readonly Program[],
  scores: ReadonlyMap<string, HostScore>,
  style: Style,
  options: { distanceEd?: boolean; columns?: number } = {},
): string {
  const width = String(programs.length).length;
  const indent = ' '.repeat(width + 2);
  // Lines longer than the terminal are wrapped at words (evidence lines ran to 200 characters).
  const wrapLine = (text: string, first = '') =>
    options.columns ? wrapWords(text, options.columns, indent).replace(/^/, first) : `${first}${text}`;
  return programs
    .map((p, i) => {
      const score = scores.get(p.id);
      const number = `${String(i + 1).padStart(width)}. `;
      const place = `${p.degree}, ${deliveryLabel(p)}, ${locationLabel(p)}`;
      const scoreText = score?.score === null ? NO_EVIDENCE : scoreLabel(score);
      const paintScore = score?.score === null ? style.dim : style.green;
      const plainHead = `${number}${p.institution}: ${place}  ${scoreText}`;
      const head =
        !options.columns || plainHead.length <= options.columns
          ? `${number}${style.bold(p.institution)}: ${place}  ${paintScore(scoreText)}`
          : `${wrapLine(`${p.institution}: ${place}`, number)}\n${indent}${paintScore(scoreText)}`;
      const evidence = [...topLines(score, 3), ...(options.distanceEd ? [distanceEdLine(p)] : [])];
      const lines = evidence.map((l) => style.dim(wrapLine(l, indent)));
      return [head, ...lines].join('\n');
    })
    .join('\n');
}

/** Piped: id, institution, degree, score (or "no evidence"), evidence lines joined by " | ". */
export function rankedTsv(programs: readonly Program[], scores: ReadonlyMap<string, HostScore>): string {
  return programs
    .map((p) => {
      const score = scores.get(p.id);
      const value = score?.score === null || score === undefined ? NO_EVIDENCE : score.score.toFixed(1);
      return [p.id, p.institution, p.degree, value, topLines(score, 5).join(' | ')].join('\t');
    })
    .join('\n');
}

export function renderDepartmentSummary(
  summary: {
    strongest: { code: string; title: string; completions: number }[];
    career: { name: string; score: HostScore } | null;
    note: string | null;
  },
  style: Style,
): string {
  const lines = [style.bold('Strongest departments (IPEDS completions, latest year, all award levels)')];
  if (summary.note) lines.push(`  ${summary.note}`);
  for (const d of summary.strongest) lines.push(`  ${d.code}  ${d.title}: ${d.completions}`);
  if (summary.career) {
    lines.push('', style.bold(`For ${summary.career.name}: ${scoreLabel(summary.career.score)}`));
    for (const d of summary.career.score.departments) for (const l of d.lines) lines.push(`  ${l}`);
    lines.push(style.dim(`  ${legendSentence(scoreLegend())}`));
  }
  return lines.join('\n');
}
