/**
 * Scalars written into a plan so that every YAML reader types them as we mean them. The
 * plan is read with js-yaml's core schema, which reads more plain scalars as numbers than
 * YAML 1.2's core schema does (`-0x0`, `0o7`, `+.5`, `1_000`): so a string is written plain
 * only when it starts with a letter and holds no character with a meaning in YAML, and is
 * not a boolean or null word of YAML 1.2 or 1.1 (`No`, `On`, `y`: PyYAML reads `No` as
 * false); everything else is double-quoted, JSON style (valid YAML). A date is plain only as
 * the value of `due`, `start` or `end`.
 */
const PLAIN = /^[A-Za-z][A-Za-z0-9 _.'&()/+-]*(?<! )$/;
/** Words YAML 1.2 or 1.1 (PyYAML, Psych) read as booleans or null, in any case. */
const KEYWORDS = /^(true|false|null|yes|no|on|off|y|n)$/i;
const DATE = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/;
/**
 * The only keys whose values are dates: YAML 1.1 readers (PyYAML) read a plain
 * `2027-03-05` as a date, so a title, id or alias key that looks like one is quoted.
 */
const DATE_KEYS = new Set(['due', 'start', 'end']);

function scalar(value: string | number, plain: RegExp, key?: string): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  if (key !== undefined && DATE_KEYS.has(key) && DATE.test(value)) return value;
  if (plain.test(value) && !KEYWORDS.test(value)) return value;
  // JSON leaves NEL, LS, PS and BOM raw; YAML 1.1 readers take the first three as line breaks.
  return JSON.stringify(value).replace(
    /[\u0085\u2028\u2029\uFEFF]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A scalar for block context (`key: value`). */
export function yamlScalar(value: string | number, key?: string): string {
  return scalar(value, PLAIN, key);
}

/** A scalar inside `[...]` or `{...}`: PLAIN has no `,` `[` `]` `{` `}`, so the same rule serves. */
export function flowScalar(value: string | number, key?: string): string {
  return scalar(value, PLAIN, key);
}
