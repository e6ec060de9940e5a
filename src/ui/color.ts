/**
 * Colour only on a terminal, never with NO_COLOR (any non-empty value) or
 * TERM=dumb; FORCE_COLOR=1/2/3 forces it. chalk is loaded only when colour is on.
 */
export function colorLevel(isTTY: boolean, env: NodeJS.ProcessEnv): 0 | 1 | 2 | 3 {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const forced = env.FORCE_COLOR;
  if (forced !== undefined && forced !== '') {
    if (forced === '0' || forced === 'false') return 0;
    return forced === '2' ? 2 : forced === '3' ? 3 : 1;
  }
  if (!isTTY || env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  return env.TERM?.includes('256') ? 2 : 1;
}

type Paint = (text: string) => string;

/** The few styles mls uses; a chalk instance satisfies it, and so does `plain`. */
export interface Style {
  bold: Paint;
  dim: Paint;
  red: Paint;
  yellow: Paint;
  green: Paint;
  cyan: Paint;
}

const same: Paint = (text) => text;
export const plain: Style = { bold: same, dim: same, red: same, yellow: same, green: same, cyan: same };

export async function makeStyle(isTTY: boolean, env: NodeJS.ProcessEnv): Promise<Style> {
  const level = colorLevel(isTTY, env);
  if (level === 0) return plain;
  const { Chalk } = await import('chalk');
  return new Chalk({ level });
}
