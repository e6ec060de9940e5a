/**
 * Reads a plan file (YAML, or JSON, which is YAML too) through three stages:
 * YAML syntax -> zod schema -> cross-record rules. Every problem is reported
 * with its file:line:column and path, all at once.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type Document, LineCounter, parseDocument } from 'yaml';
import { normalisePlan, type Plan, planIssues } from '../planner/plan.js';
import { ExitCode, UserError } from '../errors.js';
import { type PlanFile, planSchema } from './plan-schema.js';

export interface LoadedPlan {
  plan: Plan;
  file: PlanFile;
  document: Document;
  text: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)),
    '',
  );
}

function locate(document: Document, lines: LineCounter, path: readonly PropertyKey[]): string {
  for (let n = path.length; n >= 0; n -= 1) {
    const node = document.getIn(path.slice(0, n) as (string | number)[], true) as { range?: [number, number, number] } | undefined;
    if (node?.range) {
      const { line, col } = lines.linePos(node.range[0]);
      return `${line}:${col}`;
    }
  }
  return '1:1';
}

export function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Parses plan text; `name` is the file name used in messages. */
export function parsePlan(text: string, name: string, defaultZone: string | (() => string)): LoadedPlan {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const error = document.errors[0];
    const pos = error?.linePos?.[0];
    const message = (error?.message ?? 'invalid YAML').split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
    throw new UserError(`YAML syntax error: ${message}`, {
      where: `${name}:${pos ? `${pos.line}:${pos.col}` : '1:1'}`,
      hint: 'check the indentation and quoting around that line',
    });
  }
  const raw = document.toJS() ?? {};
  const parsed = planSchema.safeParse(raw);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const where = `${name}:${locate(document, lines, issue.path)}`;
      const value = issue.path.length ? document.getIn(issue.path as (string | number)[]) : undefined;
      const shown = typeof value === 'string' || typeof value === 'number' ? `${value} ` : '';
      const message = issue.code === 'unrecognized_keys' ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}` : `${shown}${issue.message}`;
      problems.push(`${where}: ${formatPath(issue.path) || '(top level)'}: ${message}`);
    }
    throw planError(problems);
  }
  const file = parsed.data;
  const timezone = file.timezone ?? (typeof defaultZone === 'function' ? defaultZone() : defaultZone);
  if (!validTimeZone(timezone)) {
    problems.push(`${name}:${locate(document, lines, ['timezone'])}: timezone: unknown time zone "${timezone}" (use an IANA name such as America/Chicago)`);
    throw planError(problems);
  }
  const plan = normalisePlan(file, timezone);
  for (const issue of planIssues(plan)) {
    problems.push(`${name}:${locate(document, lines, issue.path)}: ${formatPath(issue.path)}: ${issue.message}`);
  }
  if (problems.length > 0) throw planError(problems);
  return { plan, file, document, text };
}

function planError(problems: string[]): UserError {
  const [first, ...rest] = problems;
  const more = rest.length > 0 ? `\n${rest.map((p) => `  ${p}`).join('\n')}` : '';
  return new UserError(`${first}${more}`, {
    exitCode: ExitCode.usage,
    hint: 'fix the plan file and run again; `mls plan example` shows every field',
  });
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
