/**
 * What the Source tab knows about scenario text, without any editor: the
 * problems archsim's own validator finds in it (with line:col), how to carry a
 * change of the design into the text without losing its comments or key order
 * (the yaml Document API), and what the JSON Schema says about the key at the
 * cursor (for completion and hover help).
 */
import { Document, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { kinds } from '../kinds/index.js';
import type { Param } from '../kinds/params.js';
import { formatProblem, loadScenario, parseScenarioText, type Problem, ScenarioError, scenarioSchema } from '../scenario/index.js';
import { isObject } from '../scenario/is-object.js';
import { asDoc, type ScenarioDoc } from '../state/design.js';
import { lockedChangesIn } from '../state/locks.js';

/** What the validator says about scenario text: its problems, or the design it describes. */
export type Checked = { problems: Problem[]; doc?: undefined } | { problems: []; doc: ScenarioDoc };

/**
 * Parses and validates `text` as the app's import does (variants that no
 * longer apply are the variants panel's business, not a reason to refuse).
 * @example checkSource('components: {app: {kind: service, workrs: 4}}').problems[0].message // 'unknown key "workrs"; did you mean "workers"?'
 */
export function checkSource(text: string): Checked {
  try {
    const parsed = parseScenarioText(text);
    loadScenario(parsed, { checkVariants: false });
    return { problems: [], doc: asDoc(parsed.raw) };
  } catch (e) {
    if (e instanceof ScenarioError) return { problems: e.problems };
    return { problems: [{ path: '', message: (e as Error).message }] };
  }
}

/**
 * The locked paths (`locked:` of `current`, the design in the store) whose
 * value `next` (the text's design) changes, as problems at their place in
 * `text`: the store refuses such an edit, so the text says why.
 */
export function lockProblems(text: string, current: ScenarioDoc, next: ScenarioDoc): Problem[] {
  const changed = lockedChangesIn(current, next);
  if (!changed.length) return [];
  const { locate } = parseScenarioText(text);
  return changed.map((path) => ({
    path,
    message: 'is locked (locked:), so this change does not reach the design; an author removes it from locked: first',
    ...locate(path.split('.'), 'key'),
  }));
}

/** A problem's message as archsim prints it, without a file name: `components.app.workrs: unknown key …`. */
export const problemText = (p: Problem): string => formatProblem({ path: p.path, message: p.message });

/**
 * The character range a problem marks in `text`: the key or value token at its
 * line:col (a trailing comment left out), or the first line when it names no place.
 */
export function problemRange(text: string, p: Problem): { from: number; to: number } {
  const lines = text.split('\n');
  const line = Math.min(Math.max(p.line ?? 1, 1), lines.length);
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  const body = lines[line - 1];
  const col = Math.min(Math.max((p.col ?? 1) - 1, 0), body.length);
  const rest = body.slice(col);
  // a key ends at its colon; a value at the end of the line or a comment
  const token = /^[^\s:#][^:#]*?(?=:\s|:$)/.exec(rest)?.[0] ?? rest.replace(/\s+#.*$/, '').trimEnd();
  const from = start + col;
  return { from, to: token.length ? from + token.length : Math.min(from + 1, text.length) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A replacement of one scalar's text: where it was in the source, and what it becomes. */
interface Spot {
  from: number;
  to: number;
  text: string;
}

/** A scalar as it is written on one line, or undefined when it would need several (a multi-line string). */
function inline(value: unknown): string | undefined {
  if (typeof value === 'string' && value.includes('\n')) return undefined;
  return new Document(value).toString().trimEnd();
}

/**
 * Carries the change `before` → `after` of the design into the YAML text
 * `text`, touching only what changed. A changed scalar (a value, a renamed
 * key) is replaced where it stands, so every other byte stays as written; a
 * change of structure is made on the yaml Document, which keeps comments and
 * key order. Undefined when `text` does not parse.
 * @example carryChange('a: 1 # one\n', {a: 1}, {a: 2}) // 'a: 2 # one\n'
 */
export function carryChange(text: string, before: unknown, after: unknown): string | undefined {
  const doc = parseClean(text);
  if (!doc) return undefined;
  const spots: Spot[] = [];
  if (!applyChange(doc, before, after, [], spots)) return doc.toString();
  return spots.sort((a, b) => b.from - a.from).reduce((t, s) => t.slice(0, s.from) + s.text + t.slice(s.to), text);
}

/**
 * Applies the change `before` → `after` to `doc` at `path`, recording in
 * `spots` the scalars replaced in place; false when it also changed structure
 * (then only the edited document, not the spots, holds the whole change).
 */
export function applyChange(doc: Document, before: unknown, after: unknown, path: (string | number)[] = [], spots: Spot[] = []): boolean {
  if (same(before, after)) return true;
  const node = path.length ? doc.getIn(path, true) : doc.contents;
  if (isObject(before) && isObject(after) && isMap(node)) {
    let isInPlace = true;
    const removed = Object.keys(before).filter((k) => !Object.hasOwn(after, k));
    const added = new Set(Object.keys(after).filter((k) => !Object.hasOwn(before, k)));
    for (const k of removed) {
      // a key gone and a new one with the same value: a rename, kept in its place with its comments
      const to = [...added].find((a) => same(before[k], after[a]));
      const pair = to === undefined ? undefined : node.items.find((it) => isScalar(it.key) && it.key.value === k);
      const written = to === undefined ? undefined : inline(to);
      if (to !== undefined && pair && isScalar(pair.key) && written !== undefined) {
        if (pair.key.range) spots.push({ from: pair.key.range[0], to: pair.key.range[1], text: written });
        else isInPlace = false;
        pair.key.value = to;
        added.delete(to);
      } else {
        doc.deleteIn([...path, k]);
        isInPlace = false;
      }
    }
    for (const k of Object.keys(after))
      if (added.has(k)) {
        doc.setIn([...path, k], doc.createNode(after[k]));
        isInPlace = false;
      } else if (Object.hasOwn(before, k)) isInPlace = applyChange(doc, before[k], after[k], [...path, k], spots) && isInPlace;
    return isInPlace;
  }
  if (Array.isArray(before) && Array.isArray(after) && isSeq(node) && before.length === after.length)
    return after.reduce<boolean>((ok, v, i) => applyChange(doc, before[i], v, [...path, i], spots) && ok, true);
  if (isScalar(node) && !isObject(after) && !Array.isArray(after) && after !== undefined) {
    const written = inline(after);
    node.value = after; // the scalar keeps its comment
    if (written === undefined || !node.range || node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return false;
    spots.push({ from: node.range[0], to: node.range[1], text: written });
    return true;
  }
  if (!path.length) doc.contents = doc.createNode(after) as never;
  else if (after === undefined) doc.deleteIn(path);
  else doc.setIn(path, doc.createNode(after));
  return false;
}

/** `text` as a YAML document when it has no syntax errors. */
export function parseClean(text: string): Document | undefined {
  const d = parseDocument(text, { uniqueKeys: true });
  return d.errors.length ? undefined : d;
}

/** Where the cursor is in the text: the path of mapping keys above it ('-' for a list item) and what is being typed. */
export interface Place {
  /** Keys from the top to the mapping the cursor is in, e.g. ['components', 'app'] or ['links', '-']. */
  path: string[];
  /** True when typing a key (no colon yet on the line before the cursor). */
  isKey: boolean;
  /** The key whose value is being typed (when !isKey). */
  key?: string;
  /** Start offset and text of the word being typed. */
  from: number;
  word: string;
}

const indentOf = (l: string) => /^ */.exec(l)![0].length;

/**
 * The place at offset `pos` of `text`, read from indentation (so it works on
 * text that does not parse yet).
 * @example placeAt('components:\n  app:\n    wor', 28).path // ['components', 'app']
 */
export function placeAt(text: string, pos: number): Place {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  const before = text.slice(lineStart, pos);
  const lines = text.slice(0, lineStart).split('\n').slice(0, -1);
  // "- key" on this line: the list item's own mapping, one deeper than the dash
  const dash = /^(\s*)-\s+/.exec(before);
  let indent = dash ? dash[1].length : indentOf(before);
  // after a list item, the key holding the list may sit at the dash's own column
  let isInItem = !!dash;
  const path: string[] = dash ? ['-'] : [];
  for (let i = lines.length - 1; i >= 0 && (indent > 0 || isInItem); i--) {
    const l = lines[i];
    if (!l.trim() || l.trim().startsWith('#')) continue;
    const ind = indentOf(l);
    const item = /^(\s*)-(?:\s|$)/.exec(l);
    if (item) {
      if (item[1].length < indent) [indent, isInItem] = [item[1].length, true];
      if (isInItem && path[0] !== '-') path.unshift('-');
      continue;
    }
    if (ind < indent || (isInItem && ind === indent)) {
      const key = /^\s*([^:#\s][^:#]*?)\s*:/.exec(l)?.[1];
      if (key) path.unshift(key.replace(/^["']|["']$/g, ''));
      [indent, isInItem] = [ind, false];
    }
  }
  const afterDash = dash ? before.slice(dash[0].length) : before.trimStart();
  const colon = /^([^:#]+?)\s*:\s*(.*)$/.exec(afterDash);
  const word = /[\w./+-]*$/.exec(before)![0];
  return colon
    ? { path, isKey: false, key: colon[1].trim(), from: pos - word.length, word }
    : { path, isKey: true, from: pos - word.length, word };
}

/**
 * The id of the component whose lines hold offset `pos` (its key line or a
 * line inside it), or undefined outside `components:`.
 * @example componentAt('components:\n  app:\n    kind: service\n', 25) // 'app'
 */
export function componentAt(text: string, pos: number): string | undefined {
  const { path } = placeAt(text, pos);
  if (path[0] !== 'components') return undefined;
  if (path.length >= 2) return path[1];
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  const line = text.slice(lineStart, text.indexOf('\n', pos) < 0 ? undefined : text.indexOf('\n', pos));
  return /^\s+([^:#\s][^:#]*?)\s*:/.exec(line)?.[1];
}

type Schema = Record<string, unknown>;
let cached: Schema | undefined;
/** The scenario JSON Schema (made once). */
export const schema = (): Schema => (cached ??= scenarioSchema());

function deref(s: unknown): Schema | undefined {
  if (!isObject(s)) return undefined;
  const r = s.$ref;
  if (typeof r === 'string') return deref((schema().definitions as Schema)[r.replace('#/definitions/', '')]);
  return s;
}

/** The kind written for component `id` in `text` (a `kind:` line inside it), if any. */
export function kindIn(text: string, id: string): string | undefined {
  const re = new RegExp(`^(\\s+)${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:\\s*(?:#.*)?$`, 'm');
  const m = re.exec(text);
  if (!m) return new RegExp(`^\\s+${id}\\s*:\\s*\\{[^}]*kind:\\s*([\\w-]+)`, 'm').exec(text)?.[1];
  const after = text.slice(m.index + m[0].length).split('\n');
  for (const l of after) {
    if (!l.trim()) continue;
    if (indentOf(l) <= m[1].length) break;
    const k = /^\s*kind\s*:\s*([\w-]+)/.exec(l);
    if (k) return k[1];
  }
  return undefined;
}

/**
 * The schema of the mapping at `path` (as placeAt gives it) in `text`: a
 * component's by its kind, a link's, the top level's.
 */
export function schemaAt(text: string, path: readonly string[]): Schema | undefined {
  let s = deref(schema());
  for (let i = 0; i < path.length && s; i++) {
    const k = path[i];
    if (i === 2 && path[0] === 'components' && k === 'kind' && path.length === 3) {
      s = deref(((deref((schema().definitions as Schema).component)?.properties ?? {}) as Schema).kind);
      continue;
    }
    if (path[i - 1] === 'components' && i === 1) {
      const kind = kindIn(text, k);
      s = kind && Object.hasOwn(kinds, kind) ? deref((schema().definitions as Schema)[`kind-${kind}`]) : deref(s.additionalProperties);
      continue;
    }
    const props = isObject(s.properties) ? s.properties : {};
    s = deref(k === '-' ? s.items : Object.hasOwn(props, k) ? props[k] : s.additionalProperties);
    // a parameter's own schema may say what it holds through allOf: [$ref]
    if (s && Array.isArray(s.allOf) && s.allOf.length === 1) s = { ...deref(s.allOf[0]), ...s, allOf: undefined };
  }
  return s;
}

/** The keys a mapping's schema names, each with its description. */
export function keysOf(s: Schema | undefined): { key: string; help: string }[] {
  if (!s || !isObject(s.properties)) return [];
  return Object.entries(s.properties).map(([key, v]) => ({ key, help: String((deref(v)?.description as string) ?? '') }));
}

/** The values a key's schema allows, when it lists them (kinds, enums, booleans, examples). */
export function valuesOf(s: Schema | undefined): { value: string; help: string }[] {
  if (!s) return [];
  if (Array.isArray(s.enum))
    return s.enum.map((v) => ({ value: String(v), help: Object.hasOwn(kinds, String(v)) ? kinds[String(v)].help : '' }));
  if (s.const !== undefined) return [{ value: String(s.const), help: '' }];
  if (s.type === 'boolean') return ['true', 'false'].map((value) => ({ value, help: '' }));
  if (Array.isArray(s.examples)) return s.examples.filter((v) => typeof v !== 'object').map((v) => ({ value: String(v), help: 'example' }));
  return [];
}

/**
 * Help for key `key` in the mapping at `path`: its description, default,
 * unit and examples, from the schema and the kind's descriptors.
 */
export function helpFor(text: string, path: readonly string[], key: string): string | undefined {
  const s = schemaAt(text, [...path, key]);
  if (!s) return undefined;
  const kind = path[0] === 'components' && path.length === 2 ? kindIn(text, path[1]) : undefined;
  const d: Param | undefined = kind && Object.hasOwn(kinds, kind) ? (kinds[kind].params as Record<string, Param>)[key] : undefined;
  const parts = [String(s.description ?? d?.help ?? '')];
  const dflt = s.default ?? (d && 'default' in d ? d.default : undefined);
  if (dflt !== undefined) parts.push(`Default: ${JSON.stringify(dflt)}`);
  if (d?.type === 'number' && d.unit) parts.push(`Unit: ${d.unit}`);
  if (Array.isArray(s.enum)) parts.push(`One of: ${s.enum.join(', ')}`);
  else if (Array.isArray(s.examples)) parts.push(`e.g. ${s.examples.map((x) => JSON.stringify(x)).join(', ')}`);
  return parts.filter(Boolean).join('\n');
}
