import stringWidth from 'string-width';

export interface Column<Row> {
  header: string;
  value(row: Row): string;
  /**
   * May be shortened (with an ellipsis) when the table is wider than the terminal:
   * columns with a lower `order` give up their width first, down to `min`.
   */
  shrink?: { order: number; min?: number };
  /** Colour applied after padding, so escape codes never upset the alignment. */
  style?(text: string, row: Row): string;
}

function truncate(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (stringWidth(`${out}${ch}`) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** An aligned table with a header, two spaces between columns, fitted to `maxWidth` when given. */
export function renderTable<Row>(
  rows: readonly Row[],
  columns: readonly Column<Row>[],
  options: { maxWidth?: number; header?: (text: string) => string } = {},
): string {
  const cells = rows.map((row) => columns.map((c) => c.value(row)));
  const widths = columns.map((c, i) => Math.max(stringWidth(c.header), ...cells.map((r) => stringWidth(r[i] ?? ''))));
  const gap = 2;
  if (options.maxWidth) {
    let excess = widths.reduce((a, b) => a + b, 0) + gap * (columns.length - 1) - options.maxWidth;
    const shrinkable = columns
      .map((c, i) => ({ i, order: c.shrink?.order ?? Number.NaN, min: c.shrink?.min ?? 12 }))
      .filter((c) => !Number.isNaN(c.order))
      .sort((a, b) => a.order - b.order);
    for (const col of shrinkable) {
      const width = widths[col.i] ?? 0;
      const take = Math.min(excess, Math.max(0, width - col.min));
      widths[col.i] = width - take;
      excess -= take;
      if (excess <= 0) break;
    }
  }
  const header = options.header ?? ((t: string) => t);
  const lines = [
    header(
      columns
        .map((c, i) => pad(c.header, widths[i] ?? 0))
        .join(' '.repeat(gap))
        .trimEnd(),
    ),
  ];
  rows.forEach((row, r) => {
    const line = columns.map((c, i) => {
      const width = widths[i] ?? 0;
      const text = pad(truncate(cells[r]?.[i] ?? '', width), width);
      return c.style ? c.style(text, row) : text;
    });
    lines.push(line.join(' '.repeat(gap)).trimEnd());
  });
  return lines.join('\n');
}
