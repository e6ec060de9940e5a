/**
 * "did you mean weeklyHours?": the keys the plan schema allows at a path, and the one an
 * unknown key most likely meant (same letters in another case, one or two typos, or a
 * word people use for it).
 */
import { planSchema } from '../schema/plan.js';

interface Def {
  type?: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  element?: { _zod: { def: Def } };
  innerType?: { _zod: { def: Def } };
  in?: { _zod: { def: Def } };
}

/** Words meaning a key the schema spells otherwise. */
const SYNONYMS: Record<string, string> = {
  until: 'end',
  to: 'end',
  ends: 'end',
  finish: 'end',
  from: 'start',
  begin: 'start',
  starts: 'start',
  weekday: 'day',
  hoursPerWeek: 'weeklyHours',
  estimate: 'hours',
  date: 'due',
  dueDate: 'due',
  zone: 'timezone',
  tz: 'timezone',
};

function unwrap(def: Def): Def {
  let current = def;
  for (let i = 0; i < 10; i += 1) {
    const inner = current.innerType ?? current.in;
    if (!inner) break;
    current = inner._zod.def;
  }
  return current;
}

/** The keys of the object schema at `path` in the plan (array indexes step into elements). */
export function knownKeys(path: readonly PropertyKey[]): string[] {
  let def = unwrap((planSchema as unknown as { _zod: { def: Def } })._zod.def);
  for (const part of path) {
    if (typeof part === 'number') {
      if (!def.element) return [];
      def = unwrap(def.element._zod.def);
    } else {
      const next = def.shape?.[String(part)];
      if (!next) return [];
      def = unwrap(next._zod.def);
    }
  }
  return def.shape ? Object.keys(def.shape) : [];
}

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), case-insensitive. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => [i, ...Array<number>(y.length).fill(0)]);
  for (let j = 1; j <= y.length; j += 1) (d[0] as number[])[j] = j;
  for (let i = 1; i <= x.length; i += 1) {
    for (let j = 1; j <= y.length; j += 1) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[x.length] as number[])[y.length] as number;
}

/** The allowed key `key` most likely meant, or undefined when none is close. */
export function closestKey(key: string, allowed: readonly string[]): string | undefined {
  const synonym = SYNONYMS[key] ?? SYNONYMS[key.toLowerCase()];
  if (synonym && allowed.includes(synonym)) return synonym;
  let best: { key: string; score: number } | undefined;
  for (const candidate of allowed) {
    const score = distance(key, candidate);
    if (score <= Math.max(1, Math.min(2, Math.floor(candidate.length / 3))) && (!best || score < best.score)) {
      best = { key: candidate, score };
    }
  }
  return best?.key;
}
