/**
 * Applies a plan merge's edits to YAML source as text splices: new lines inserted and changed
 * values replaced where they stand, so everything else (comments, alignment, blank lines,
 * flow collections, folded scalars) stays byte for byte. The `yaml` syntax tree gives the
 * positions. One pass over the source, whatever the number of edits.
 */
import { isAlias, isMap, isScalar, isSeq, type Node, parseDocument, visit, type YAMLMap, type YAMLSeq } from 'yaml';
import { flowScalar, yamlScalar } from './yaml-scalar.js';

export type Row = Record<string, string | number>;

/** What the merge decided, independent of the file's syntax. */
export interface Edits {
  deadlines: Row[];
  fields: { index: number; key: 'due' | 'title' | 'feedUid' | 'source'; value: string }[];
  courses: Row[];
  breaks: { term: number; row: Row }[];
  /** Values of breaks already in the plan (by term and place in its `breaks`) the feed changed. */
  breakFields: { term: number; index: number; key: 'name' | 'start' | 'end'; value: string }[];
  /** `courseAliases` rows; a null code (leave the label's events out) is written `null`. */
  aliases: [string, string | null][];
}

/** A value written as is (YAML's `null`), not as a string. */
const NULL_VALUE = { literal: 'null' } as const;
type Value = string | typeof NULL_VALUE;
const render = (value: Value, scalar: (v: string) => string) =>
  typeof value === 'string' ? scalar(value) : value.literal;

interface Splice {
  at: number;
  remove: number;
  insert: string;
}

/** Applies the edits as text splices on the YAML source. */
export function applyYaml(source: string, edits: Edits): string {
  const doc = parseDocument(source);
  const splices: Splice[] = [];
  const lineEnd = (offset: number) => {
    const i = source.indexOf('\n', offset);
    return i === -1 ? source.length : i;
  };
  const column = (offset: number) => offset - (source.lastIndexOf('\n', offset - 1) + 1);
  /** Where a new line goes after a node: at the end of its last line (after any comment). */
  const after = (node: Node) => {
    const end = node.range?.[1] ?? 0;
    return source[end - 1] === '\n' ? end - 1 : lineEnd(end);
  };
  const pad = (n: number) => ' '.repeat(Math.max(0, n));

  const blockRow = (row: Row, dash: number, content: number) =>
    Object.entries(row)
      .map(
        ([k, v], i) => `${i === 0 ? `${pad(dash)}-${pad(content - dash - 1)}` : pad(content)}${k}: ${yamlScalar(v, k)}`,
      )
      .join('\n');
  const flowRow = (row: Row) =>
    `{ ${Object.entries(row)
      .map(([k, v]) => `${k}: ${flowScalar(v, k)}`)
      .join(', ')} }`;

  /** Appends rows to the sequence `node` (or to a new block list) under `key` in `map`. */
  const appendRows = (map: YAMLMap, key: string, rows: Row[]) => {
    if (rows.length === 0) return;
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
    const node = pair?.value as Node | null | undefined;
    const keyColumn = column((pair?.key as Node | undefined)?.range?.[0] ?? map.range?.[0] ?? 0);
    const newBlock = (dash: number) => rows.map((r) => blockRow(r, dash, dash + 2)).join('\n');
    if (isSeq(node) && !node.flow) {
      const last = node.items.at(-1) as Node | undefined;
      const dash = column(node.range?.[0] ?? 0);
      if (last && isMap(last) && last.flow) {
        splices.push({ at: after(last), remove: 0, insert: rows.map((r) => `\n${pad(dash)}- ${flowRow(r)}`).join('') });
      } else {
        const content = last && isMap(last) ? column(last.range?.[0] ?? 0) : dash + 2;
        const block = rows.map((r) => blockRow(r, dash, content)).join('\n');
        splices.push({ at: last ? after(last) : after(node), remove: 0, insert: `\n${block}` });
      }
    } else if (isSeq(node) && node.items.length > 0) {
      const last = node.items.at(-1) as Node;
      splices.push({ at: last.range?.[1] ?? 0, remove: 0, insert: rows.map((r) => `, ${flowRow(r)}`).join('') });
    } else if (isSeq(node) && map.flow) {
      // `[]` inside a flow map stays flow.
      const [start, end] = node.range ?? [0, 0];
      splices.push({ at: start, remove: end - start, insert: `[${rows.map(flowRow).join(', ')}]` });
    } else if (
      pair &&
      (isSeq(node) || (isScalar(node) && (node.value === null || node.value === undefined)) || !node)
    ) {
      // `key: []`, `key:` or `key: ~`: the list must change to hold items; it becomes a block list.
      const start = node?.range?.[0];
      const end = node?.range?.[1];
      let from = start ?? after(pair.key as Node);
      if (start !== undefined && end !== undefined) {
        while (from > 0 && (source[from - 1] === ' ' || source[from - 1] === '\t')) from -= 1;
        splices.push({ at: from, remove: end - from, insert: '' });
      }
      splices.push({ at: lineEnd(end ?? from), remove: 0, insert: `\n${newBlock(keyColumn + 2)}` });
    } else if (!pair) {
      addPair(map, key, null, rows);
    }
  };

  /** Adds `key: value` (or `key:` with a list of rows) to a map. */
  const addPair = (map: YAMLMap, key: string, value: Value | null, rows: Row[] = []) => {
    const last = map.items.at(-1);
    const lastNode = (last?.value ?? last?.key) as Node | undefined;
    if (map.flow) {
      const rendered = value === null ? `[${rows.map(flowRow).join(', ')}]` : render(value, (v) => flowScalar(v, key));
      const entry = `${flowScalar(key)}: ${rendered}`;
      if (lastNode) splices.push({ at: lastNode.range?.[1] ?? 0, remove: 0, insert: `, ${entry}` });
      else
        splices.push({
          at: map.range?.[0] ?? 0,
          remove: (map.range?.[1] ?? 0) - (map.range?.[0] ?? 0),
          insert: `{ ${entry} }`,
        });
      return;
    }
    const indent = column(map.range?.[0] ?? 0);
    const head = `${pad(indent)}${yamlScalar(key)}:`;
    const body =
      value === null
        ? `${head}\n${rows.map((r) => blockRow(r, indent + 2, indent + 4)).join('\n')}`
        : `${head} ${render(value, (v) => yamlScalar(v, key))}`;
    if (lastNode) splices.push({ at: after(lastNode), remove: 0, insert: `\n${body}` });
    else
      splices.push({
        at: source.length,
        remove: 0,
        insert: `${source.endsWith('\n') || !source ? '' : '\n'}${body}\n`,
      });
  };

  /** The aliases that refer to `node` through `anchor`, in document order. */
  const aliasesOf = (anchor: string, node: Node): Node[] => {
    const start = node.range?.[0] ?? 0;
    const found: Node[] = [];
    let redefined = Number.POSITIVE_INFINITY;
    visit(doc, {
      Node(_, n) {
        const at = n.range?.[0] ?? 0;
        if (isAlias(n) && n.source === anchor && at > start) found.push(n);
        else if (!isAlias(n) && n.anchor === anchor && at > start) redefined = Math.min(redefined, at);
      },
    });
    return found
      .filter((n) => (n.range?.[0] ?? 0) < redefined)
      .sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0));
  };

  const root = doc.contents;
  if (!isMap(root)) throw new Error('the plan is not a map of settings');
  const deadlineSeq = root.get('deadlines', true) as YAMLSeq | undefined;

  const termSeq = root.get('terms', true);
  const targets = [
    ...edits.fields.map((f) => ({ f, item: isSeq(deadlineSeq) ? deadlineSeq.items[f.index] : undefined })),
    ...edits.breakFields.map((f) => {
      const term = isSeq(termSeq) ? termSeq.items[f.term] : undefined;
      const breaks = isMap(term) ? term.get('breaks', true) : undefined;
      return { f, item: isSeq(breaks) ? breaks.items[f.index] : undefined };
    }),
  ].flatMap(({ f, item }) => (isMap(item) ? [{ f, item, value: item.get(f.key, true) as Node | undefined }] : []));
  const replaced = new Set(targets.map((t) => t.value).filter((v) => v?.range));
  for (const { f, item, value } of targets) {
    if (value?.range) {
      const inFlow = item.flow === true;
      let at = value.range[0];
      // A value other deadlines reuse (`due: &d …` and `due: *d`) changes for this deadline
      // only: the anchor moves, with the old value, to the first of them not changed too.
      const anchor = isScalar(value) ? value.anchor : undefined;
      const holder = anchor ? aliasesOf(anchor, value).find((alias) => !replaced.has(alias)) : undefined;
      if (anchor && holder?.range) {
        at = source.lastIndexOf(`&${anchor}`, value.range[0]);
        const old = source.slice(value.range[0], value.range[1]);
        splices.push({ at: holder.range[0], remove: holder.range[1] - holder.range[0], insert: `&${anchor} ${old}` });
      }
      splices.push({
        at,
        remove: value.range[1] - at,
        insert: inFlow ? flowScalar(f.value, f.key) : yamlScalar(f.value, f.key),
      });
    } else addPair(item, f.key, f.value);
  }
  appendRows(root, 'deadlines', edits.deadlines);
  appendRows(root, 'courses', edits.courses);
  const byTerm = new Map<number, Row[]>();
  for (const b of edits.breaks) byTerm.set(b.term, [...(byTerm.get(b.term) ?? []), b.row]);
  for (const [index, rows] of byTerm) {
    const term = isSeq(termSeq) ? termSeq.items[index] : undefined;
    if (isMap(term)) appendRows(term, 'breaks', rows);
  }
  if (edits.aliases.length) {
    const aliases = root.get('courseAliases', true);
    if (isMap(aliases)) for (const [label, code] of edits.aliases) addPair(aliases, label, code ?? NULL_VALUE);
    else {
      const body = edits.aliases
        .map(([label, code]) => `  ${yamlScalar(label)}: ${code === null ? 'null' : yamlScalar(code)}`)
        .join('\n');
      const pair = root.items.find((p) => isScalar(p.key) && p.key.value === 'courseAliases');
      if (pair?.value && (pair.value as Node).range) {
        const range = (pair.value as Node).range as [number, number, number];
        splices.push({ at: range[0], remove: range[1] - range[0], insert: '' });
        splices.push({ at: lineEnd(range[1]), remove: 0, insert: `\n${body}` });
      } else if (pair)
        splices.push({ at: lineEnd((pair.key as Node).range?.[1] ?? 0), remove: 0, insert: `\n${body}` });
      else
        splices.push({
          at: source.length,
          remove: 0,
          insert: `${source.endsWith('\n') || !source ? '' : '\n'}courseAliases:\n${body}\n`,
        });
    }
  }

  // One pass over the source: splices in offset order (inserts at one offset keep their order).
  const ordered = splices.map((s, i) => ({ ...s, i })).sort((a, b) => a.at - b.at || a.i - b.i);
  const parts: string[] = [];
  let cursor = 0;
  for (const s of ordered) {
    if (s.at < cursor) continue;
    parts.push(source.slice(cursor, s.at), s.insert);
    cursor = s.at + s.remove;
  }
  parts.push(source.slice(cursor));
  return parts.join('');
}
