import { InvalidArgumentError } from 'commander';

/**
 * An option parser for repeatable, comma-separated values (`--delivery online,campus`
 * or `--delivery online --delivery campus`), checking each value with `parse`.
 */
export function listOf<T>(parse: (value: string) => T): (value: string, previous: T[] | undefined) => T[] {
  return (value, previous) => [
    ...(previous ?? []),
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean)
      .map(parse),
  ];
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
