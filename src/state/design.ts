/**
 * The design store: the scenario being edited, as the plain object the YAML
 * holds (raw values such as "250ms"), with undo/redo. Transitions are pure
 * functions of (context, event); nothing here knows about the DOM.
 */
import { createStore } from '@xstate/store';
import { undoRedo } from '@xstate/store/undo';
import { isObject } from '../scenario/is-object.js';
import { ID_RE, idProblem } from '../scenario/validate.js';

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

/** Context of the design store. `source` names where the document came from. */
export interface DesignContext {
  doc: ScenarioDoc;
  source: string;
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
 * The store's transitions. Each returns `ctx` itself when the event changes
 * nothing, which is how the undo history tells a no-op from an edit.
 */
const on = {
  /** Replace the whole document (open a scenario, import a file). */
  load: (_ctx: DesignContext, e: { doc: ScenarioDoc; source: string }): DesignContext => ({ doc: asDoc(e.doc), source: e.source }),
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

/** Creates a design store holding `doc`. */
export function createDesignStore(doc: ScenarioDoc = emptyDoc(), source = 'new') {
  return createStore({ context: { doc, source } as DesignContext, on }).with(
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
