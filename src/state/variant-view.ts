/**
 * Variants as the page sees them: the design a variant draws (its patch applied
 * with the run's own merge), what it changes against the base (per node, per
 * link, in words), and the
 * reasons a variant no longer applies to the edited base. Pure: no DOM.
 */
import { stringify } from 'yaml';
import { formatProblem, listVariants, resolveScenario, ScenarioError } from '../scenario/index.js';
import { isObject } from '../scenario/is-object.js';
import { patchOf, type RawLink, type ScenarioDoc } from './design.js';

/** One value that differs: where (`workers`, `pool.size`, `latency`) and from what to what (undefined: not set). */
export interface Change {
  path: string;
  from: unknown;
  to: unknown;
}

/** How a variant treats one node or link of the design it draws. */
export type DiffStatus = 'same' | 'added' | 'changed';

/** A link of the drawn design with what the variant did to it. */
export interface LinkDiff {
  status: DiffStatus;
  changes: Change[];
}

/** What a variant changes against the base: per drawn node and link, what it removes, and top-level settings. */
export interface DesignDiff {
  nodes: Record<string, { status: DiffStatus; changes: Change[] }>;
  /** Indexed like the drawn design's links. */
  links: LinkDiff[];
  /** Base components the variant removes. */
  removedNodes: string[];
  /** Base links the variant removes. */
  removedLinks: RawLink[];
  /** Top-level settings (duration, seed, ...) it changes. */
  top: Change[];
}

/** True for a variant that only names the base: called "base" (any case) and changing nothing. */
export function isBaseAlias(doc: ScenarioDoc, name: string): boolean {
  const p = patchOf(doc, name);
  return /^base$/i.test(name) && isObject(p) && Object.keys(p).length === 0;
}

/** The variants offered as choices, in document order: all but a base alias (the base design is one entry). */
export function variantNames(doc: ScenarioDoc): string[] {
  return listVariants(doc).filter((n) => !isBaseAlias(doc, n));
}

/** The variant shown for a choice `name`: '' (the base) when it is empty, gone or a base alias. */
export function shownVariant(doc: ScenarioDoc, name: string): string {
  return name && variantNames(doc).includes(name) ? name : '';
}

/** Who gets an edit: the selected variant unless the user chose to edit the base; undefined is the base. */
export function editTarget(doc: ScenarioDoc, ui: { variant: string; isEditingBase: boolean }): string | undefined {
  const v = shownVariant(doc, ui.variant);
  return v && !ui.isEditingBase ? v : undefined;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Differences between two values, down to the leaves of nested mappings; two
 * lists of the same length compare item by item (`phases[2].users`), others whole.
 */
function changesBetween(a: unknown, b: unknown, path: string[] = [], skip: readonly string[] = []): Change[] {
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length && path.length) {
    const [last, ...up] = [...path].reverse();
    return a.flatMap((x, i) => changesBetween(x, b[i], [...up.reverse(), `${last}[${i}]`]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !(path.length === 0 && skip.includes(k)));
    return keys.flatMap((k) =>
      changesBetween(Object.hasOwn(a, k) ? a[k] : undefined, Object.hasOwn(b, k) ? b[k] : undefined, [...path, k]),
    );
  }
  if (isObject(a) && b === undefined) return Object.entries(a).flatMap(([k, v]) => changesBetween(v, undefined, [...path, k]));
  if (isObject(b) && a === undefined) return Object.entries(b).flatMap(([k, v]) => changesBetween(undefined, v, [...path, k]));
  return same(a, b) ? [] : [{ path: path.join('.').replace(/\.\[/g, '['), from: a, to: b }];
}

/** Pairs each link of `view` with the first unpaired base link between the same two nodes. */
function pairLinks(base: RawLink[], view: RawLink[]): (number | undefined)[] {
  const used = new Set<number>();
  return view.map((l) => {
    const i = base.findIndex((b, j) => !used.has(j) && b?.from === l?.from && b?.to === l?.to);
    if (i < 0) return undefined;
    used.add(i);
    return i;
  });
}

/**
 * What `view` (a variant's design) changes against `base`: nodes added or
 * changed (layout positions are not changes), links matched by their ends,
 * what it removes, and top-level settings.
 */
export function diffDesign(base: ScenarioDoc, view: ScenarioDoc): DesignDiff {
  const nodes: DesignDiff['nodes'] = {};
  for (const [id, c] of Object.entries(view.components)) {
    const b = Object.hasOwn(base.components, id) ? base.components[id] : undefined;
    const changes = b ? changesBetween(b, c, [], ['position']) : [];
    nodes[id] = { status: !b ? 'added' : changes.length ? 'changed' : 'same', changes };
  }
  const pairs = pairLinks(base.links, view.links);
  const links = view.links.map((l, i): LinkDiff => {
    const j = pairs[i];
    if (j === undefined) return { status: 'added', changes: [] };
    const changes = changesBetween(base.links[j], l);
    return { status: changes.length ? 'changed' : 'same', changes };
  });
  const kept = new Set(pairs);
  const skip = ['components', 'links', 'variants', 'title', 'description'];
  return {
    nodes,
    links,
    removedNodes: Object.keys(base.components).filter((id) => !Object.hasOwn(view.components, id)),
    removedLinks: base.links.filter((_, j) => !kept.has(j)),
    top: changesBetween(base, view, [], skip),
  };
}

/** A value in a few words: "8", "exp(5ms)", "{size: 10}", or "default" when not set. */
export function showValue(v: unknown): string {
  if (v === undefined || v === null) return 'default';
  const text = typeof v === 'object' ? stringify(v, { flow: true, lineWidth: 0 }).trim() : String(v);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** "workers 4 → 8" */
export const showChange = (c: Change): string => `${c.path} ${showValue(c.from)} → ${showValue(c.to)}`;

const kindOf = (doc: ScenarioDoc, id: string) => String(doc.components[id]?.kind ?? '?');

/**
 * What a variant changes, one line each, in the words the panel shows:
 * "+ redis (cache)", "− jmeter (client)", "app.workers 4 → 8",
 * "+ link app → redis", "link jmeter → api: latency 10ms → 50ms", "duration 30s → 1m".
 */
export function summarize(base: ScenarioDoc, view: ScenarioDoc, diff = diffDesign(base, view)): string[] {
  const lines: string[] = [];
  for (const [id, d] of Object.entries(diff.nodes)) {
    if (d.status === 'added') lines.push(`+ ${id} (${kindOf(view, id)})`);
    else for (const c of d.changes) lines.push(`${id}.${showChange(c)}`);
  }
  for (const id of diff.removedNodes) lines.push(`− ${id} (${kindOf(base, id)})`);
  view.links.forEach((l, i) => {
    const d = diff.links[i];
    if (d.status === 'added') lines.push(`+ link ${l.from} → ${l.to}`);
    else if (d.status === 'changed') lines.push(`link ${l.from} → ${l.to}: ${d.changes.map(showChange).join(', ')}`);
  });
  for (const l of diff.removedLinks) lines.push(`− link ${l.from} → ${l.to}`);
  for (const c of diff.top) lines.push(showChange(c));
  return lines;
}

/** Problems of the design run as `variant` ('' is the base), formatted; empty when it runs. */
function problemsOf(doc: ScenarioDoc, variant: string): string[] {
  try {
    resolveScenario(doc, variant ? { variant } : { checkVariants: false });
    return [];
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems.map((p) => formatProblem(p));
    return [String((e as Error)?.message ?? e)];
  }
}

const problemCache = new WeakMap<ScenarioDoc, Map<string, string[]>>();

/**
 * Why each variant no longer applies to the base as it now is, by variant
 * (variants that apply are left out): components its patch changes that the
 * base lacks, then the validator's problems that the base alone does not have.
 * Cached per document, since the panel and the diagram ask on every render.
 */
export function variantProblems(doc: ScenarioDoc): Map<string, string[]> {
  const cached = problemCache.get(doc);
  if (cached) return cached;
  const out = new Map<string, string[]>();
  const names = variantNames(doc);
  if (names.length) {
    const base = new Set(problemsOf(doc, ''));
    for (const name of names) {
      const patch = patchOf(doc, name);
      const comps = isObject(patch) && isObject(patch.components) ? patch.components : {};
      const missing = Object.entries(comps)
        .filter(([id, c]) => isObject(c) && !('kind' in c) && !Object.hasOwn(doc.components, id))
        .map(([id]) => `it changes "${id}", which the base design no longer has`);
      const reasons = [...missing, ...problemsOf(doc, name).filter((p) => !base.has(p))];
      if (reasons.length) out.set(name, reasons);
    }
  }
  problemCache.set(doc, out);
  return out;
}

/** The index in `doc` of the link between the same two nodes as `link` (-1 when it has none). */
export function linkIndexIn(doc: ScenarioDoc, link: RawLink | undefined): number {
  return link ? doc.links.findIndex((l) => l.from === link.from && l.to === link.to) : -1;
}
