/** `mls careers` as text: each career with its departments, primary first as listed. */
import type { Style } from './color.js';

export interface CareerView {
  name: string;
  departments: { code: string; weight: 'primary' | 'secondary'; reason: string; title: string }[];
}

export function careersText(careers: readonly CareerView[], style: Style): string {
  return careers
    .map((c) =>
      [
        style.bold(c.name),
        ...c.departments.map(
          (d) =>
            `  ${d.weight === 'primary' ? style.green('primary  ') : style.dim('secondary')}  ${d.code.padEnd(7)}  ${d.reason}`,
        ),
      ].join('\n'),
    )
    .join('\n\n');
}
