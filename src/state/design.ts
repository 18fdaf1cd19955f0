/**
 * The design store: the scenario being edited, as the plain object the YAML
 * holds (raw values such as "250ms"), with undo/redo. Transitions are pure
 * functions of (context, event); nothing here knows about the DOM.
 */
import { createStore } from '@xstate/store';
import { undoRedo } from '@xstate/store/undo';
import { isObject } from '../scenario/is-object.js';
import { ID_RE, idProblem } from '../scenario/validate.js';
import { applyVariant, listVariants } from '../scenario/variants.js';
import { reservedReason } from '../scenario/plain-map.js';
import { lockedChangesIn } from './locks.js';

/** One component as written: `kind` plus raw parameters. */
export type RawComponent = { kind: string; [param: string]: unknown };
/** One link as written. */
export type RawLink = { from: string; to: string; [param: string]: unknown };
/** A scenario document: the same shape as the YAML file. */
export interface ScenarioDoc {
  components: Record<string, RawComponent>;
  links: RawLink[];
  [key: string]: unknown;
}

/**
 * Context of the design store. `source` names where the document came from;
 * `opened` is its base as opened (what "save edits as a variant" compares with).
 */
export interface DesignContext {
  doc: ScenarioDoc;
  source: string;
  opened?: ScenarioDoc;
}

/** The id pattern (letters, digits, _ and -), for a hint as the user types; `isValidId` is the whole rule. */
export const ID_PATTERN = ID_RE;

/** Ids the store accepts: the validator's own rule (pattern, no reserved name), so the store never holds a design the validator refuses for its ids. */
export const isValidId = (id: string): boolean => idProblem(id) === undefined;

/** True when the design has a component called `id` (its own key, never an inherited name such as "constructor"). */
const has = (doc: ScenarioDoc, id: string): boolean => Object.hasOwn(doc.components, id);
/** The component called `id`, or undefined. */
const componentOf = (doc: ScenarioDoc, id: string): RawComponent | undefined => (has(doc, id) ? doc.components[id] : undefined);

/** An empty scenario. */
const emptyDoc = (): ScenarioDoc => ({ version: 1, title: 'Untitled', duration: '30s', components: {}, links: [] });

/** Turns any parsed object into a ScenarioDoc (missing maps and lists become empty). */
export function asDoc(raw: unknown): ScenarioDoc {
  const o = isObject(raw) ? raw : {};
  const components = (isObject(o.components) ? o.components : {}) as ScenarioDoc['components'];
  return { ...o, components, links: Array.isArray(o.links) ? (o.links as RawLink[]) : [] };
}

/** A fresh id for a new component of `kind`: "cache", "cache-2", ... */
export function freshId(doc: ScenarioDoc, kind: string): string {
  if (!has(doc, kind) && isValidId(kind)) return kind;
  for (let i = 2; ; i++) if (!has(doc, `${kind}-${i}`)) return `${kind}-${i}`;
}

/** Sets (or with `undefined`, deletes) the value at `path` inside `obj`, copying along the path. */
function setIn(obj: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  // computed keys in a literal define own properties, so even "__proto__" stays a plain key
  if (rest.length === 0) {
    if (value !== undefined) return { ...obj, [head]: value };
    const { [head]: _gone, ...copy } = obj;
    return copy;
  }
  const child = Object.hasOwn(obj, head) ? obj[head] : undefined;
  return { ...obj, [head]: setIn(isObject(child) ? child : {}, rest, value) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The variant's own patch (undefined when there is no such variant). */
export function patchOf(doc: ScenarioDoc, name: string): unknown {
  const v = doc.variants;
  return isObject(v) && Object.hasOwn(v, name) ? v[name] : undefined;
}

/** The design without its variants. */
export function baseOf(doc: ScenarioDoc): ScenarioDoc {
  const { variants: _v, ...base } = doc;
  return base as ScenarioDoc;
}

/**
 * The design variant `name` draws and runs: its patch applied to the base by
 * the run's own merge (scenario/variants.ts), variants left out; the base when
 * `name` is '' and undefined when there is no such variant.
 */
export function variantDoc(doc: ScenarioDoc, name: string): ScenarioDoc | undefined {
  if (!name) return baseOf(doc);
  if (!listVariants(doc).includes(name)) return undefined;
  return baseOf(asDoc(applyVariant(doc, name)));
}

/**
 * The JSON Merge Patch (RFC 7386) that turns `from` into `to`: changed keys,
 * `null` for removed ones, lists whole. `mergePatch(from, createPatch(from, to))`
 * equals `to` for any `to` without null values.
 * @example createPatch({a: 1, b: 2}, {a: 1, c: 3}) // {b: null, c: 3}
 */
export function createPatch(from: unknown, to: unknown): unknown {
  if (!isObject(from) || !isObject(to)) return to;
  // Object.fromEntries defines own keys: a "__proto__" key stays a key
  const removed = Object.keys(from).flatMap((k) => (Object.hasOwn(to, k) ? [] : [[k, null]]));
  const changed = Object.entries(to).flatMap(([k, v]) =>
    !Object.hasOwn(from, k) ? [[k, v]] : same(from[k], v) ? [] : [[k, createPatch(from[k], v)]],
  );
  return Object.fromEntries([...removed, ...changed]);
}

const withComponents = (ctx: DesignContext, components: ScenarioDoc['components'], links = ctx.doc.links): DesignContext => ({
  ...ctx,
  doc: { ...ctx.doc, components, links },
});

const getIn = (o: unknown, path: readonly string[]) =>
  path.reduce<unknown>((x, k) => (isObject(x) && Object.hasOwn(x, k) ? x[k] : undefined), o);

/** A component moved to (x, y), rounded; the same component when it is already there. */
function placed(c: RawComponent, x: number, y: number): RawComponent {
  const position = { x: Math.round(x), y: Math.round(y) };
  const at = c.position;
  return isObject(at) && at.x === position.x && at.y === position.y ? c : { ...c, position };
}

/**
 * Edits of the design. Each returns `ctx` itself when the event changes
 * nothing, which is how the undo history tells a no-op from an edit.
 */
const edits = {
  setTop: (ctx: DesignContext, e: { key: string; value: unknown }): DesignContext =>
    same(Object.hasOwn(ctx.doc, e.key) ? ctx.doc[e.key] : undefined, e.value)
      ? ctx
      : { ...ctx, doc: setIn(ctx.doc, [e.key], e.value) as ScenarioDoc },
  addNode: (ctx: DesignContext, e: { id: string; kind: string; x: number; y: number }): DesignContext => {
    if (!isValidId(e.id) || has(ctx.doc, e.id)) return ctx;
    return withComponents(ctx, { ...ctx.doc.components, [e.id]: { kind: e.kind, position: { x: Math.round(e.x), y: Math.round(e.y) } } });
  },
  moveNode: (ctx: DesignContext, e: { id: string; x: number; y: number; transactionId?: string }): DesignContext => {
    const c = componentOf(ctx.doc, e.id);
    const moved = c && placed(c, e.x, e.y);
    return !moved || moved === c ? ctx : withComponents(ctx, { ...ctx.doc.components, [e.id]: moved });
  },
  /** Sets positions of many nodes at once (automatic layout). */
  placeAll: (ctx: DesignContext, e: { positions: Record<string, { x: number; y: number }> }): DesignContext => {
    let isMoved = false;
    // Object.fromEntries defines own keys: no id can reach a prototype
    const components = Object.fromEntries(
      Object.entries(ctx.doc.components).map(([id, c]) => {
        const p = Object.hasOwn(e.positions, id) ? e.positions[id] : undefined;
        const moved = p ? placed(c, p.x, p.y) : c;
        isMoved ||= moved !== c;
        return [id, moved];
      }),
    );
    return isMoved ? withComponents(ctx, components) : ctx;
  },
  removeNode: (ctx: DesignContext, e: { id: string }): DesignContext => {
    if (!has(ctx.doc, e.id)) return ctx;
    const { [e.id]: _gone, ...components } = ctx.doc.components;
    return withComponents(
      ctx,
      components,
      ctx.doc.links.filter((l) => l.from !== e.id && l.to !== e.id),
    );
  },
  /** Renames a node, keeping its links and its place in document order. */
  renameNode: (ctx: DesignContext, e: { id: string; to: string }): DesignContext => {
    if (e.id === e.to || !isValidId(e.to) || has(ctx.doc, e.to) || !has(ctx.doc, e.id)) return ctx;
    const components = Object.fromEntries(Object.entries(ctx.doc.components).map(([k, v]) => [k === e.id ? e.to : k, v]));
    const ren = (x: string) => (x === e.id ? e.to : x);
    return withComponents(
      ctx,
      components,
      ctx.doc.links.map((l) => ({ ...l, from: ren(l.from), to: ren(l.to) })),
    );
  },
  /** Sets a raw parameter (path inside the component; `undefined` removes it). */
  setParam: (ctx: DesignContext, e: { id: string; path: string[]; value: unknown }): DesignContext => {
    const c = componentOf(ctx.doc, e.id);
    if (!c || e.path[0] === 'kind' || same(getIn(c, e.path), e.value)) return ctx;
    return withComponents(ctx, { ...ctx.doc.components, [e.id]: setIn(c, e.path, e.value) as RawComponent });
  },
  addLink: (ctx: DesignContext, e: { from: string; to: string }): DesignContext => {
    const { components, links } = ctx.doc;
    if (e.from === e.to || !has(ctx.doc, e.from) || !has(ctx.doc, e.to) || links.some((l) => l.from === e.from && l.to === e.to))
      return ctx;
    return withComponents(ctx, components, [...links, { from: e.from, to: e.to }]);
  },
  removeLink: (ctx: DesignContext, e: { index: number }): DesignContext =>
    e.index in ctx.doc.links
      ? withComponents(
          ctx,
          ctx.doc.components,
          ctx.doc.links.filter((_, i) => i !== e.index),
        )
      : ctx,
  setLinkParam: (ctx: DesignContext, e: { index: number; key: string; value: unknown }): DesignContext => {
    const l = ctx.doc.links[e.index];
    if (!l || e.key === 'from' || e.key === 'to' || same(Object.hasOwn(l, e.key) ? l[e.key] : undefined, e.value)) return ctx;
    return withComponents(
      ctx,
      ctx.doc.components,
      ctx.doc.links.map((x, i) => (i === e.index ? (setIn(x, [e.key], e.value) as RawLink) : x)),
    );
  },
};

type Edits = typeof edits;
/** An edit's event, which may name the variant it is made in. */
type InVariant<K extends keyof Edits> = Parameters<Edits[K]>[1] & { variant?: string };

/** `edit`, refused (the context returned as it was) when it would change a path the design locks (`locked:`, see locks.ts). */
function unlocked<E>(edit: (ctx: DesignContext, e: E) => DesignContext) {
  return (ctx: DesignContext, e: E): DesignContext => {
    const next = edit(ctx, e);
    return next !== ctx && lockedChangesIn(ctx.doc, next.doc).length ? ctx : next;
  };
}

/**
 * `edit` made in variant `e.variant` when one is named: on the design that
 * variant draws, kept as the variant's new patch against the base.
 */
function inVariant<K extends keyof Edits>(edit: Edits[K]) {
  return (ctx: DesignContext, e: InVariant<K>): DesignContext => {
    const f = unlocked(edit as (ctx: DesignContext, e: InVariant<K>) => DesignContext);
    const view = e.variant ? variantDoc(ctx.doc, e.variant) : undefined;
    if (!e.variant || !view) return e.variant ? ctx : f(ctx, e);
    const next = f({ ...ctx, doc: view }, e);
    if (next.doc === view) return ctx;
    const patch = createPatch(baseOf(ctx.doc), next.doc);
    return same(patch, patchOf(ctx.doc, e.variant)) ? ctx : withVariant(ctx, e.variant, e.variant, patch);
  };
}

/** The design with variant `name` replaced by `to` holding `patch` (in its place), or removed when `to` is undefined. */
function withVariant(ctx: DesignContext, name: string, to: string | undefined, patch?: unknown): DesignContext {
  const old = isObject(ctx.doc.variants) ? Object.entries(ctx.doc.variants) : [];
  const entries = old.flatMap(([k, v]) => (k !== name ? [[k, v]] : to === undefined ? [] : [[to, patch]]));
  if (to !== undefined && !old.some(([k]) => k === name)) entries.push([to, patch]);
  const { variants: _old, ...base } = ctx.doc;
  return { ...ctx, doc: (entries.length ? { ...base, variants: Object.fromEntries(entries) } : base) as ScenarioDoc };
}

/** True when a variant's patch places node `id` (or the base lacks it): its moves belong to the variant, others' to the shared base layout. */
function placesNode(doc: ScenarioDoc, variant: string, id: string): boolean {
  const patch = patchOf(doc, variant);
  const c = isObject(patch) && isObject(patch.components) ? patch.components[id] : undefined;
  return !has(doc, id) || (isObject(c) && 'position' in c);
}

/**
 * The base as opened, with the layout of its nodes and the lesson (title,
 * description) as they are now: what "save edits as a variant" returns to.
 */
function asOpened(opened: ScenarioDoc, now: ScenarioDoc): ScenarioDoc {
  const components = Object.fromEntries(
    Object.entries(opened.components).map(([id, c]) => {
      const at = componentOf(now, id)?.position;
      return [id, isObject(at) ? { ...c, position: at } : c];
    }),
  );
  const lesson = Object.fromEntries(['title', 'description'].flatMap((k) => (Object.hasOwn(now, k) ? [[k, now[k]]] : [])));
  const { title: _t, description: _d, ...rest } = opened;
  return { ...rest, ...lesson, components };
}

/**
 * The patch holding the edits made to the base since it was opened (layout
 * and lesson left out); undefined when there are none.
 */
export function editsSinceOpened(ctx: DesignContext): Record<string, unknown> | undefined {
  if (!ctx.opened) return undefined;
  const now = baseOf(ctx.doc);
  const patch = createPatch(asOpened(ctx.opened, now), now);
  return isObject(patch) && Object.keys(patch).length ? patch : undefined;
}

/**
 * Why `name` cannot name a new variant, or undefined when it can: not empty,
 * not "base" (that is the base design), not taken, not a reserved word.
 */
export function variantNameProblem(doc: ScenarioDoc, name: string): string | undefined {
  const n = name.trim();
  if (!n) return 'give the variant a name, e.g. "+cache" or "8-workers"';
  if (/^base$/i.test(n)) return '"base" is the base design; choose another name';
  if (listVariants(doc).includes(n)) return `there is already a variant "${n}"`;
  return reservedReason(n);
}

/**
 * The store's transitions: load, every edit (in the base, or in the variant
 * the event names), and the variants' own actions.
 */
const on = {
  /**
   * Replace the whole document (open a scenario, import a file); `opened` is
   * the design as first opened when that was earlier (a restored autosave).
   */
  load: (_ctx: DesignContext, e: { doc: ScenarioDoc; source: string; opened?: ScenarioDoc }): DesignContext => {
    const doc = asDoc(e.doc);
    return { doc, source: e.source, opened: baseOf(e.opened ? asDoc(e.opened) : doc) };
  },
  /** Replaces the whole document as one undoable edit (the Source tab's text, once it validates); source and opened stay. */
  replaceDoc: (ctx: DesignContext, e: { doc: ScenarioDoc }): DesignContext => (same(ctx.doc, e.doc) ? ctx : { ...ctx, doc: asDoc(e.doc) }),
  setTop: inVariant<'setTop'>(edits.setTop),
  addNode: inVariant<'addNode'>(edits.addNode),
  /** A move lands where the node's layout lives: the variant for its own nodes, the shared base layout for the rest. */
  moveNode: (ctx: DesignContext, e: InVariant<'moveNode'>): DesignContext =>
    inVariant<'moveNode'>(edits.moveNode)(ctx, {
      ...e,
      variant: e.variant && placesNode(ctx.doc, e.variant, e.id) ? e.variant : undefined,
    }),
  /** Automatic layout: base nodes in the base, the variant's own nodes in the variant. */
  placeAll: (ctx: DesignContext, e: InVariant<'placeAll'>): DesignContext => {
    const v = e.variant;
    if (!v) return edits.placeAll(ctx, e);
    const mine = (id: string) => placesNode(ctx.doc, v, id);
    const pick = (isMine: boolean) => Object.fromEntries(Object.entries(e.positions).filter(([id]) => mine(id) === isMine));
    const based = edits.placeAll(ctx, { positions: pick(false) });
    return inVariant<'placeAll'>(edits.placeAll)(based, { positions: pick(true), variant: v });
  },
  removeNode: inVariant<'removeNode'>(edits.removeNode),
  renameNode: inVariant<'renameNode'>(edits.renameNode),
  setParam: inVariant<'setParam'>(edits.setParam),
  addLink: inVariant<'addLink'>(edits.addLink),
  removeLink: inVariant<'removeLink'>(edits.removeLink),
  setLinkParam: inVariant<'setLinkParam'>(edits.setLinkParam),
  /** Adds variant `name`: a copy of variant `copyOf`, or (without it) an empty patch, the base as it is. */
  addVariant: (ctx: DesignContext, e: { name: string; copyOf?: string }): DesignContext => {
    if (variantNameProblem(ctx.doc, e.name)) return ctx;
    const copied = e.copyOf === undefined ? undefined : patchOf(ctx.doc, e.copyOf);
    return withVariant(ctx, e.name.trim(), e.name.trim(), copied === undefined ? {} : structuredClone(copied));
  },
  removeVariant: (ctx: DesignContext, e: { name: string }): DesignContext =>
    patchOf(ctx.doc, e.name) === undefined ? ctx : withVariant(ctx, e.name, undefined),
  /** Renames a variant, keeping its place in the list. */
  renameVariant: (ctx: DesignContext, e: { name: string; to: string }): DesignContext =>
    patchOf(ctx.doc, e.name) === undefined || variantNameProblem(ctx.doc, e.to)
      ? ctx
      : withVariant(ctx, e.name, e.to.trim(), patchOf(ctx.doc, e.name)),
  /**
   * Keeps the edits made to the base since it was opened as variant `name`,
   * and returns the base to how it was opened (its layout and lesson stay).
   */
  saveEditsAsVariant: (ctx: DesignContext, e: { name: string }): DesignContext => {
    const patch = editsSinceOpened(ctx);
    if (!ctx.opened || !patch || variantNameProblem(ctx.doc, e.name)) return ctx;
    const restored = asOpened(ctx.opened, baseOf(ctx.doc));
    const withBase = { ...ctx, doc: { ...restored, ...(ctx.doc.variants === undefined ? {} : { variants: ctx.doc.variants }) } };
    return withVariant(withBase, e.name.trim(), e.name.trim(), patch);
  },
};

/** Creates a design store holding `doc`. */
export function createDesignStore(doc: ScenarioDoc = emptyDoc(), source = 'new') {
  return createStore({ context: { doc, source, opened: baseOf(doc) } as DesignContext, on }).with(
    undoRedo({
      strategy: 'snapshot',
      historyLimit: 200,
      // a drag is one undo step: every move of one gesture shares its transaction id
      getTransactionId: (e) => (e as { transactionId?: string }).transactionId,
      // transitions are pure, so running one again tells whether it changes the
      // document; an event that does not (a duplicate link, a move to the same
      // place) leaves no undo step
      skipEvent: (e, snap) => {
        const transition = on[e.type as keyof typeof on] as ((ctx: DesignContext, e: unknown) => DesignContext) | undefined;
        return !transition || transition(snap.context, e).doc === snap.context.doc;
      },
    }),
  );
}

/** The design store's type. */
export type DesignStore = ReturnType<typeof createDesignStore>;
