/**
 * Saving an edited entry changes only the lines of what the editor changed.
 *
 * Written afresh, a file comes out in one house style: a flow list
 * `tags: [a, b]` turns into a block list, quotes and comments vanish, and a
 * diff of a one-word edit shows the whole file. Here the file's own YAML text
 * is kept: every top-level key whose value is unchanged stays byte for byte;
 * a changed value is written in place of the old one, reusing what did not
 * change inside it (a flow list stays flow, a quoted string stays quoted, a
 * trailing comment stays); a removed key goes, with the comment lines right
 * above it; a new key goes before the next key it precedes in `next`. What
 * cannot be kept safely (anchors, several documents, duplicate keys, anything
 * but a block map at the top) is left to the fresh writer, and so is any
 * result that would not read back as exactly `next`.
 */
import { Document, isAlias, isMap, isScalar, isSeq, parseDocument, Pair, Scalar, visit, YAMLMap, YAMLSeq, type Node } from 'yaml';

type Value = unknown;

const isPlainObject = (v: Value): v is Record<string, Value> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep equality of plain YAML data, key order aside. */
export function sameValue(a: Value, b: Value): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  }
  if (isPlainObject(a) || isPlainObject(b)) {
    if (!isPlainObject(a) || !isPlainObject(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameValue(a[k], b[k]));
  }
  return Object.is(a, b);
}

/** Comments and blank lines of `from` carried over to the node that replaces it. */
function withComments<T extends Node>(node: T, from: Node): T {
  node.comment = from.comment;
  node.commentBefore = from.commentBefore;
  node.spaceBefore = from.spaceBefore;
  return node;
}

/** `value` as a node, reusing `old` where it still holds the same data and keeping its style. */
function merge(doc: Document, old: Node | null | undefined, value: Value): Node {
  if (old && sameValue(old.toJS(doc), value)) return old;
  if (isMap(old) && isPlainObject(value)) {
    const map = withComments(new YAMLMap(), old);
    map.flow = old.flow;
    const kept = new Set<string>();
    for (const pair of old.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined || !Object.hasOwn(value, key)) continue;
      kept.add(key);
      map.items.push(new Pair(pair.key, merge(doc, pair.value as Node | null, value[key])));
    }
    for (const [key, v] of Object.entries(value)) if (!kept.has(key)) map.items.push(new Pair(doc.createNode(key), doc.createNode(v)));
    return map;
  }
  if (isSeq(old) && Array.isArray(value)) {
    const seq = withComments(new YAMLSeq(), old);
    seq.flow = old.flow;
    seq.items = value.map((v, i) => merge(doc, old.items[i] as Node | undefined, v));
    return seq;
  }
  const node = doc.createNode(value) as Node;
  if (isScalar(old) && isScalar(node) && typeof old.value === 'string' && typeof node.value === 'string') node.type = old.type;
  return old ? withComments(node, old) : node;
}

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
const lineEnd = (text: string, at: number) =>
  at > 0 && text[at - 1] === '\n' ? at : text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at) + 1;

/** Where a top-level key's text starts, taking in the comment lines right above it. */
function blockStart(text: string, keyAt: number): number {
  let start = lineStart(text, keyAt);
  while (start > 0) {
    const above = lineStart(text, start - 1);
    if (!/^[ \t]*#/.test(text.slice(above, start))) break;
    start = above;
  }
  return start;
}

/** True when the file writes block lists flush with their key (`key:\n- a`), not indented. */
const flushLists = (text: string) => /^( *)[^\s#-][^\n]*:[ \t]*(#[^\n]*)?\n\1- /m.test(text);

/** How the file writes a flow collection: `[a, b]` or `[ a, b ]` (the first non-empty one tells). */
function flowPadding(doc: Document, text: string): boolean {
  let padded: boolean | undefined;
  visit(doc, {
    Node(_key, node) {
      if ((isMap(node) || isSeq(node)) && node.flow && node.items.length > 0 && node.range) {
        padded = /\s/.test(text.charAt(node.range[0] + 1));
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return padded ?? true;
}

interface Layout {
  indentSeq: boolean;
  flowCollectionPadding: boolean;
}

/** One `key: value` line (or block) in the file's own layout. */
function pairText(key: Scalar, value: Node, layout: Layout): string {
  const doc = new Document(null, { version: '1.2' });
  const map = new YAMLMap();
  const name = new Scalar(key.value);
  name.type = key.type;
  map.items.push(new Pair(name, value));
  doc.contents = map;
  return doc.toString({ lineWidth: 0, ...layout });
}

function hasAnchors(doc: Document): boolean {
  let found = false;
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node) || ('anchor' in node && node.anchor)) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * The YAML text `source` edited to hold `next` (keys in the order new keys
 * should take), or undefined when the file's style cannot be kept safely.
 */
export function keepStyle(source: string, next: Record<string, Value>): string | undefined {
  const doc = parseDocument(source, { uniqueKeys: false, version: '1.2' });
  if (doc.errors.length > 0 || doc.directives.docStart || !isMap(doc.contents) || doc.contents.flow || hasAnchors(doc)) return undefined;
  const pairs = doc.contents.items;
  const keys = pairs.map((p) => (isScalar(p.key) && typeof p.key.value === 'string' ? p.key.value : undefined));
  if (keys.some((k) => k === undefined) || new Set(keys).size !== keys.length) return undefined;

  const text = source.endsWith('\n') ? source : `${source}\n`;
  const layout: Layout = { indentSeq: !flushLists(source), flowCollectionPadding: flowPadding(doc, text) };
  const edits: { from: number; to: number; text: string }[] = [];
  const edit = (from: number, to: number, text: string) => edits.push({ from, to, text });
  const starts = new Map<string, number>();
  pairs.forEach((pair, i) => {
    const key = pair.key as Scalar;
    const name = keys[i]!;
    const keyAt = key.range![0];
    const start = blockStart(text, keyAt);
    starts.set(name, start);
    const value = pair.value as Node | null;
    const end = lineEnd(text, value?.range?.[2] ?? key.range![2]);
    if (!Object.hasOwn(next, name)) edit(start, end, '');
    else if (!value || !sameValue(value.toJS(doc), next[name]))
      edit(lineStart(text, keyAt), end, pairText(key, merge(doc, value, next[name]), layout));
  });
  const order = Object.keys(next);
  order.forEach((name, i) => {
    if (starts.has(name)) return;
    const before = order.slice(i + 1).find((k) => starts.has(k));
    const at = before === undefined ? text.length : starts.get(before)!;
    edit(at, at, pairText(new Scalar(name), doc.createNode(next[name]) as Node, layout));
  });

  // From the end of the text back, so earlier offsets stay true; of two new keys at one place the later goes in first.
  const backwards = edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.from - a.from || b.to - a.to || b.i - a.i);
  let out = text;
  let limit = text.length;
  for (const { from, to, text: piece } of backwards) {
    if (to > limit) return undefined;
    out = out.slice(0, from) + piece + out.slice(to);
    limit = from;
  }
  const check = parseDocument(out, { uniqueKeys: false, version: '1.2' });
  return check.errors.length === 0 && sameValue(check.toJS(), next) ? out : undefined;
}
