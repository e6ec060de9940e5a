import stringWidth from 'string-width';

export interface Column<Row> {
  header: string;
  /** The cell's text, or its forms from longest to shortest (`University of Iowa`, `U. of Iowa`). */
  value(row: Row): string | readonly string[];
  /**
   * When the table is wider than the terminal, columns with a lower `order` give up width
   * first: each cell takes its longest form that fits, and only when none does is the
   * shortest cut at a word boundary (down to `min`). Without `shrink` a column keeps its
   * longest form unless it has shorter forms, which it may use (order 0).
   */
  shrink?: { order: number; min?: number };
  /** When even the shortest forms do not fit, columns are dropped, lowest `drop` first; none = kept. */
  drop?: number;
  /** Colour applied after padding, so escape codes never upset the alignment. */
  style?(text: string, row: Row): string;
}

const GAP = 2;

/** Cuts at the last word boundary that fits, with an ellipsis; mid-word only for one long word. */
export function truncateWords(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (stringWidth(`${out}${ch}`) > width - 1) break;
    out += ch;
  }
  // A word that ends exactly where the room does is whole; otherwise go back to the last boundary.
  const wordEnds = /[\s,;:/-]/.test(text.charAt(out.length));
  const boundary = wordEnds ? out.length : out.search(/[\s,;:/-]+[^\s,;:/-]*$/);
  const cut = boundary > width / 3 ? out.slice(0, boundary) : out;
  return `${cut.replace(/[\s,;:/-]+$/, '')}…`;
}

/**
 * A cut that keeps the last word: `U. of…Madison` and `U. of…Milwaukee`, where cutting at the
 * end would show `U. of Wisconsin…` twice. Falls back to truncateWords when the word is too long.
 */
export function truncateKeepingEnd(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  const last = /[^\s,;:/-]+$/.exec(text)?.[0] ?? '';
  const room = width - stringWidth(last);
  if (last === '' || room < 4) return truncateWords(text, width);
  return `${truncateWords(text.slice(0, text.length - last.length), room).replace(/…$/, '')}…${last}`;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** The longest form that fits `width`, else the shortest cut at a word. */
function fitForm(forms: readonly string[], width: number): string {
  for (const form of forms) if (stringWidth(form) <= width) return form;
  return truncateWords(forms.at(-1) ?? '', width);
}

const forms = (v: string | readonly string[]): readonly string[] => (typeof v === 'string' ? [v] : v);

/** An aligned table with a header, two spaces between columns, fitted to `maxWidth` when given. */
export function renderTable<Row>(
  rows: readonly Row[],
  allColumns: readonly Column<Row>[],
  options: { maxWidth?: number; header?: (text: string) => string } = {},
): string {
  const allCells = rows.map((row) => allColumns.map((c) => forms(c.value(row))));
  const widest = (i: number, pick: (f: readonly string[]) => string) =>
    Math.max(stringWidth(allColumns[i]?.header ?? ''), ...allCells.map((r) => stringWidth(pick(r[i] ?? ['']))));
  const natural = allColumns.map((_, i) => widest(i, (f) => f[0] ?? ''));
  const shortest = allColumns.map((c, i) => {
    const short = widest(i, (f) => f.at(-1) ?? '');
    return c.shrink ? Math.max(stringWidth(c.header), Math.min(short, c.shrink.min ?? 12)) : short;
  });
  let visible = allColumns.map((_, i) => i);
  const max = options.maxWidth;
  const total = (idx: number[], w: number[]) => idx.reduce((a, i) => a + (w[i] ?? 0), 0) + GAP * (idx.length - 1);
  if (max) {
    while (total(visible, shortest) > max) {
      const droppable = visible.filter((i) => allColumns[i]?.drop !== undefined);
      if (droppable.length === 0) break;
      const first = droppable.reduce((a, b) => ((allColumns[a]?.drop ?? 0) <= (allColumns[b]?.drop ?? 0) ? a : b));
      visible = visible.filter((i) => i !== first);
    }
  }
  const widths = [...natural];
  if (max) {
    let excess = total(visible, widths) - max;
    const order = visible
      .filter((i) => (natural[i] ?? 0) > (shortest[i] ?? 0))
      .sort((a, b) => (allColumns[a]?.shrink?.order ?? 0) - (allColumns[b]?.shrink?.order ?? 0));
    for (const i of order) {
      if (excess <= 0) break;
      const col = allColumns[i];
      const width = widths[i] ?? 0;
      // A column of forms jumps to the widest form that fits; a shrinkable one gives up what is needed.
      const target = col?.shrink
        ? Math.max(shortest[i] ?? 0, width - excess)
        : widest(i, (f) => fitForm(f, Math.max(shortest[i] ?? 0, width - excess)));
      widths[i] = target;
      excess -= width - target;
    }
  }
  const header = options.header ?? ((t: string) => t);
  const lines = [
    header(
      visible
        .map((i) => pad(allColumns[i]?.header ?? '', widths[i] ?? 0))
        .join(' '.repeat(GAP))
        .trimEnd(),
    ),
  ];
  const fitted = rows.map((_, r) => visible.map((i) => fitForm(allCells[r]?.[i] ?? [''], widths[i] ?? 0)));
  // Cut cells that read the same for different values are cut again keeping their last word.
  visible.forEach((i, v) => {
    const byText = new Map<string, number[]>();
    fitted.forEach((cells, r) => {
      const text = cells[v] ?? '';
      if (text.endsWith('…')) byText.set(text, [...(byText.get(text) ?? []), r]);
    });
    for (const same of byText.values()) {
      const full = new Set(same.map((r) => allCells[r]?.[i]?.[0]));
      if (full.size < 2) continue;
      for (const r of same) {
        const cells = fitted[r] as string[];
        cells[v] = truncateKeepingEnd(allCells[r]?.[i]?.at(-1) ?? '', widths[i] ?? 0);
      }
    }
  });
  rows.forEach((row, r) => {
    const line = visible.map((i, v) => {
      const width = widths[i] ?? 0;
      const text = pad(fitted[r]?.[v] ?? '', width);
      const style = allColumns[i]?.style;
      return style ? style(text, row) : text;
    });
    lines.push(line.join(' '.repeat(GAP)).trimEnd());
  });
  return lines.join('\n');
}
