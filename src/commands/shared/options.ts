import { InvalidArgumentError } from 'commander';

/**
 * An option parser for repeatable, comma-separated values (`--delivery online,campus`
 * or `--delivery online --delivery campus`), checking each value with `parse`.
 */
export function listOf<T>(parse: (value: string) => T): (value: string, previous: T[] | undefined) => T[] {
  return (value, previous) => {
    const values = value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    if (values.length === 0) throw new InvalidArgumentError('it is empty: give a value, or leave the option out');
    return [...(previous ?? []), ...values.map(parse)];
  };
}

/** A value that must say something: `--career ""` is a slip, not "no career" (it was silently ignored). */
export function nonEmpty(value: string): string {
  if (!value.trim()) throw new InvalidArgumentError('it is empty: give a value, or leave the option out');
  return value;
}

export function oneOf<T extends string>(choices: readonly T[], what: string): (value: string) => T {
  return (value) => {
    const v = value.toLowerCase() as T;
    if (!choices.includes(v)) {
      throw new InvalidArgumentError(`unknown ${what} "${value}" (choose from: ${choices.join(', ')})`);
    }
    return v;
  };
}
