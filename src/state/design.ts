/**
 * The design store: the scenario being edited, as the plain object the YAML
 * holds (raw values such as "250ms"), with undo/redo. Transitions are pure
 * functions of (context, event); nothing here knows about the DOM.
 */
import { createStore } from '@xstate/store';
import { undoRedo } from '@xstate/store/undo';

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

/** Ids are what YAML keys and --set paths can hold. */
export const ID_PATTERN = /^[A-Za-z_][\w-]{0,63}$/;

/** An empty scenario. */
export const emptyDoc = (): ScenarioDoc => ({ version: 1, title: 'Untitled', duration: '30s', components: {}, links: [] });

/** Turns any parsed object into a ScenarioDoc (missing maps and lists become empty). */
export function asDoc(raw: unknown): ScenarioDoc {
  const o = (raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const components = (o.components && typeof o.components === 'object' && !Array.isArray(o.components) ? o.components : {}) as ScenarioDoc['components'];
  return { ...o, components, links: Array.isArray(o.links) ? (o.links as RawLink[]) : [] };
}

/** A fresh id for a new component of `kind`: "cache", "cache-2", ... */
export function freshId(doc: ScenarioDoc, kind: string): string {
  if (!(kind in doc.components)) return kind;
  for (let i = 2; ; i++) if (!(`${kind}-${i}` in doc.components)) return `${kind}-${i}`;
}

/** Sets (or with `undefined`, deletes) the value at `path` inside `obj`, copying along the path. */
export function setIn(obj: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  const copy = { ...obj };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
  } else {
    const child = copy[head];
    copy[head] = setIn(child && typeof child === 'object' && !Array.isArray(child) ? (child as Record<string, unknown>) : {}, rest, value);
  }
  return copy;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const withComponents = (ctx: DesignContext, components: ScenarioDoc['components'], links = ctx.doc.links): DesignContext => ({
  ...ctx,
  doc: { ...ctx.doc, components, links },
});

const getIn = (o: unknown, path: readonly string[]) => path.reduce<unknown>((x, k) => (x as Record<string, unknown> | undefined)?.[k], o);

/** Edits that would change nothing stay out of the undo history. */
function isNoop(ctx: DesignContext, e: Record<string, unknown>): boolean {
  if (e.type === 'setParam') return same(getIn(ctx.doc.components[e.id as string], e.path as string[]), e.value);
  if (e.type === 'setLinkParam') return same(ctx.doc.links[e.index as number]?.[e.key as string], e.value);
  if (e.type === 'setTop') return same(ctx.doc[e.key as string], e.value);
  return false;
}

/** Creates a design store holding `doc`. */
export function createDesignStore(doc: ScenarioDoc = emptyDoc(), source = 'new') {
  return createStore({
    context: { doc, source } as DesignContext,
    on: {
      /** Replace the whole document (open a scenario, import a file). */
      load: (_ctx, e: { doc: ScenarioDoc; source: string }) => ({ doc: asDoc(e.doc), source: e.source }),
      setTop: (ctx, e: { key: string; value: unknown }) => ({ ...ctx, doc: setIn(ctx.doc, [e.key], e.value) as ScenarioDoc }),
      addNode: (ctx, e: { id: string; kind: string; x: number; y: number }) => {
        if (!ID_PATTERN.test(e.id) || e.id in ctx.doc.components) return ctx;
        return withComponents(ctx, { ...ctx.doc.components, [e.id]: { kind: e.kind, position: { x: Math.round(e.x), y: Math.round(e.y) } } });
      },
      moveNode: (ctx, e: { id: string; x: number; y: number; transactionId?: string }) => {
        const c = ctx.doc.components[e.id];
        if (!c) return ctx;
        return withComponents(ctx, { ...ctx.doc.components, [e.id]: { ...c, position: { x: Math.round(e.x), y: Math.round(e.y) } } });
      },
      /** Sets positions of many nodes at once (automatic layout). */
      placeAll: (ctx, e: { positions: Record<string, { x: number; y: number }> }) => {
        const components = { ...ctx.doc.components };
        for (const [id, p] of Object.entries(e.positions)) if (components[id]) components[id] = { ...components[id], position: { x: Math.round(p.x), y: Math.round(p.y) } };
        return withComponents(ctx, components);
      },
      removeNode: (ctx, e: { id: string }) => {
        if (!(e.id in ctx.doc.components)) return ctx;
        const { [e.id]: _gone, ...components } = ctx.doc.components;
        return withComponents(ctx, components, ctx.doc.links.filter((l) => l.from !== e.id && l.to !== e.id));
      },
      /** Renames a node, keeping its links and its place in document order. */
      renameNode: (ctx, e: { id: string; to: string }) => {
        if (e.id === e.to || !ID_PATTERN.test(e.to) || e.to in ctx.doc.components || !(e.id in ctx.doc.components)) return ctx;
        const components = Object.fromEntries(Object.entries(ctx.doc.components).map(([k, v]) => [k === e.id ? e.to : k, v]));
        const ren = (x: string) => (x === e.id ? e.to : x);
        return withComponents(ctx, components, ctx.doc.links.map((l) => ({ ...l, from: ren(l.from), to: ren(l.to) })));
      },
      /** Sets a raw parameter (path inside the component; `undefined` removes it). */
      setParam: (ctx, e: { id: string; path: string[]; value: unknown }) => {
        const c = ctx.doc.components[e.id];
        if (!c || e.path[0] === 'kind' || same(getIn(c, e.path), e.value)) return ctx;
        return withComponents(ctx, { ...ctx.doc.components, [e.id]: setIn(c, e.path, e.value) as RawComponent });
      },
      addLink: (ctx, e: { from: string; to: string }) => {
        const { components, links } = ctx.doc;
        if (e.from === e.to || !components[e.from] || !components[e.to] || links.some((l) => l.from === e.from && l.to === e.to)) return ctx;
        return withComponents(ctx, components, [...links, { from: e.from, to: e.to }]);
      },
      removeLink: (ctx, e: { index: number }) =>
        e.index in ctx.doc.links ? withComponents(ctx, ctx.doc.components, ctx.doc.links.filter((_, i) => i !== e.index)) : ctx,
      setLinkParam: (ctx, e: { index: number; key: string; value: unknown }) => {
        const l = ctx.doc.links[e.index];
        if (!l || e.key === 'from' || e.key === 'to' || same(l[e.key], e.value)) return ctx;
        return withComponents(ctx, ctx.doc.components, ctx.doc.links.map((x, i) => (i === e.index ? (setIn(x, [e.key], e.value) as RawLink) : x)));
      },
    },
  }).with(
    undoRedo({
      strategy: 'snapshot',
      historyLimit: 200,
      // a drag is one undo step: every move of one gesture shares its transaction id
      getTransactionId: (e) => (e as { transactionId?: string }).transactionId,
      compare: (a, b) => a.context.doc === b.context.doc,
      skipEvent: (e, snap) => isNoop(snap.context, e as unknown as Record<string, unknown>),
    }),
  );
}

/** The design store's type. */
export type DesignStore = ReturnType<typeof createDesignStore>;
