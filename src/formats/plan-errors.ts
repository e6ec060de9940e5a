/**
 * Explains why a plan file was rejected: parses it with `yaml`, whose syntax tree
 * gives each problem its line and column, and lists every problem at once.
 */
import { load, YAMLException } from 'js-yaml';
import { type Document, isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { ExitCode, UserError } from '../errors.js';
import { normalisePlan, planIssues } from '../planner/plan.js';
import { loadZodMessages } from '../schema/datasets.js';
import { planSchema } from '../schema/plan.js';
import { canonicalTimeZone } from '../time/zone.js';
import { closestKey, knownKeys } from './plan-keys.js';
import { regionZones } from './zone-answers.js';

/** An alias bomb ("billion laughs") expands past this many aliases; a real plan uses a handful. */
const MAX_ALIAS_COUNT = 100;

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)),
    '',
  );
}

function locate(document: Document, lines: LineCounter, path: readonly PropertyKey[]): string {
  for (let n = path.length; n >= 0; n -= 1) {
    const node = document.getIn(path.slice(0, n) as (string | number)[], true) as
      | { range?: [number, number, number] }
      | undefined;
    if (node?.range) {
      const { line, col } = lines.linePos(node.range[0]);
      return `${line}:${col}`;
    }
  }
  return '1:1';
}

/** The position of `key` inside the mapping at `path`, else of the mapping itself. */
function locateKey(document: Document, lines: LineCounter, path: readonly PropertyKey[], key: string): string {
  const node = document.getIn(path as (string | number)[], true);
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
    const range = isScalar(pair?.key) ? pair.key.range : undefined;
    if (range) {
      const { line, col } = lines.linePos(range[0]);
      return `${line}:${col}`;
    }
  }
  return locate(document, lines, path);
}

/** A value echoed in a message: short, on one line. */
function shownValue(value: unknown): string {
  if (typeof value === 'number') return `${value} `;
  if (typeof value !== 'string') return '';
  const oneLine = JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value).slice(1, -1);
  return `${oneLine} `;
}

function problemsError(problems: string[]): UserError {
  const [first, ...rest] = problems;
  const more = rest.length > 0 ? `\n${rest.map((p) => `  ${p}`).join('\n')}` : '';
  return new UserError(`${first}${more}`, {
    exitCode: ExitCode.usage,
    hint: 'fix the plan file and run again; `mls plan example` shows every field',
  });
}

function syntaxError(message: string, where: string): UserError {
  return new UserError(`YAML syntax error: ${message}`, {
    where,
    hint: 'check the indentation and quoting around that line',
  });
}

export function planError(text: string, name: string, defaultZone: string): UserError {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const error = document.errors[0];
    // Without prettyErrors, `yaml` leaves linePos unset: the offset in `pos` is turned into line:col here.
    const offset = error?.pos?.[0];
    const pos = offset === undefined ? undefined : lines.linePos(offset);
    const message = (error?.message ?? 'invalid YAML').split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? '';
    return syntaxError(message, `${name}:${pos ? `${pos.line}:${pos.col}` : '1:1'}`);
  }
  const problems: string[] = [];
  loadZodMessages(); // the fast path never needs them
  let raw: unknown;
  try {
    raw = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      return new UserError(`the plan uses YAML aliases (*name) too often: ${error.message}`, {
        where: `${name}:1:1`,
        hint: `a plan needs no more than ${MAX_ALIAS_COUNT} aliases; write the values out`,
      });
    }
    throw error;
  }
  const parsed = planSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const where = `${name}:${locateKey(document, lines, issue.path, key)}`;
          const suggestion = closestKey(key, knownKeys(issue.path));
          const hint = suggestion ? ` (did you mean ${suggestion}?)` : '';
          problems.push(`${where}: ${formatPath(issue.path) || '(top level)'}: unknown key ${key}${hint}`);
        }
        continue;
      }
      const where = `${name}:${locate(document, lines, issue.path)}`;
      const value = issue.path.length ? document.getIn(issue.path as (string | number)[]) : undefined;
      if (issue.code === 'invalid_value' && typeof value === 'string') {
        // A mistyped choice ("papr", "wedn"): name the choices, the closest first.
        const choices = issue.values.map(String);
        const suggestion = closestKey(value, choices);
        const hint = suggestion ? ` (did you mean ${suggestion}?)` : '';
        problems.push(`${where}: ${formatPath(issue.path)}: "${value}" is not one of ${choices.join(', ')}${hint}`);
        continue;
      }
      problems.push(`${where}: ${formatPath(issue.path) || '(top level)'}: ${shownValue(value)}${issue.message}`);
    }
    return problemsError(problems);
  }
  const file = parsed.data;
  const choices = file.timezone === undefined || file.timezone.includes('/') ? null : regionZones(file.timezone);
  if (choices) {
    problems.push(
      `${name}:${locate(document, lines, ['timezone'])}: timezone: "${file.timezone}" is more than one zone, or one without daylight saving: write its IANA name, e.g. ${choices.join(' or ')}`,
    );
    return problemsError(problems);
  }
  const timezone = canonicalTimeZone(file.timezone ?? defaultZone);
  if (!timezone) {
    problems.push(
      `${name}:${locate(document, lines, ['timezone'])}: timezone: unknown time zone "${file.timezone ?? defaultZone}" (use an IANA name such as America/Chicago)`,
    );
    return problemsError(problems);
  }
  for (const issue of planIssues(normalisePlan(file, timezone))) {
    problems.push(`${name}:${locate(document, lines, issue.path)}: ${formatPath(issue.path)}: ${issue.message}`);
  }
  if (problems.length > 0) return problemsError(problems);
  // The fast parser refused what this one accepts: report the fast parser's own error.
  try {
    load(text);
  } catch (error) {
    if (error instanceof YAMLException) {
      return syntaxError(error.reason, `${name}:${error.mark.line + 1}:${error.mark.column + 1}`);
    }
  }
  return new UserError(`${name}: the plan could not be read`, { hint: 'check the file is a YAML or JSON plan' });
}
