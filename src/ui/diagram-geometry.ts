/**
 * The diagram's geometry, free of the DOM: where nodes sit, how a link curves
 * and is labelled, where a new node goes, and the zoom that fits the design.
 */
import type { RawLink, ScenarioDoc } from '../state/design.js';
import { autoLayout, hasPosition, NODE_H, NODE_W } from '../state/layout.js';
import { plainMap } from '../scenario/plain-map.js';
import type { RunResult } from '../worker/api.js';

/** A point in diagram coordinates (a node's centre). */
export type Pos = { x: number; y: number };

/** A zoom: scale k, then translate by (x, y) screen pixels — d3-zoom's transform. */
export type Fit = { k: number; x: number; y: number };

/** Node centres: the author's positions, automatic layout for the rest. */
export function positionsOf(doc: ScenarioDoc): Record<string, Pos> {
  const out: Record<string, Pos> = autoLayout(doc);
  for (const [id, c] of Object.entries(doc.components)) if (hasPosition(c)) out[id] = c.position as Pos;
  return out;
}

/**
 * Node centres for a variant drawn over its base (`layout`: the variant with
 * what it removes put back): base nodes stay where the base draws them, so
 * switching between the two moves nothing; the variant's own nodes go where
 * the author placed them, else near where a layout of the whole puts them,
 * clear of the others.
 */
export function variantPositions(layout: ScenarioDoc, base: ScenarioDoc): Record<string, Pos> {
  const fixed = positionsOf(base),
    joint = positionsOf(layout);
  const out = plainMap<Pos>();
  const own = Object.keys(layout.components).filter((id) => {
    const c = layout.components[id];
    if (hasPosition(c)) out[id] = c.position as Pos;
    else if (Object.hasOwn(fixed, id)) out[id] = fixed[id];
    return !Object.hasOwn(out, id);
  });
  for (const id of own) out[id] = freeSpot(joint[id], Object.values(out));
  return out;
}

/**
 * A variant's design with the base parts it removes put back (to lay them out
 * as faint outlines): the removed nodes and links after its own.
 */
export function withRemoved(
  view: ScenarioDoc,
  base: ScenarioDoc,
  removed: { removedNodes: string[]; removedLinks: RawLink[] },
): ScenarioDoc {
  const ghosts = Object.fromEntries(removed.removedNodes.map((id) => [id, base.components[id]]));
  return { ...view, components: { ...view.components, ...ghosts }, links: [...view.links, ...removed.removedLinks] };
}

/** Short text for a link's latency: "5ms" for a bare number, "dist" for a distribution object, '' for none. */
export const latencyText = (l: Record<string, unknown>): string =>
  typeof l.latency === 'string' || typeof l.latency === 'number'
    ? String(l.latency).replace(/^(\d+(\.\d+)?)$/, '$1ms')
    : l.latency
      ? 'dist'
      : '';

/**
 * A link's curve and label spot: right side to left side when the target is to
 * the right; bottom to top (or top to bottom) when it is clearly below (above);
 * otherwise a loop under both nodes, so a curve never runs through a node.
 */
export function linkPath(a: Pos, b: Pos): { d: string; mx: number; my: number } {
  const x1 = a.x + NODE_W / 2,
    x2 = b.x - NODE_W / 2 - 2;
  if (x2 >= x1 + 20) {
    const dx = Math.max(40, (x2 - x1) / 2);
    return { d: `M${x1},${a.y} C${x1 + dx},${a.y} ${x2 - dx},${b.y} ${x2},${b.y}`, mx: (x1 + x2) / 2, my: (a.y + b.y) / 2 - 6 };
  }
  const gap = Math.abs(b.y - a.y) - NODE_H;
  if (gap > 40) {
    const s = Math.sign(b.y - a.y),
      y1 = a.y + (s * NODE_H) / 2,
      y2 = b.y - s * (NODE_H / 2 + 2),
      k = Math.max(20, gap / 2);
    return { d: `M${a.x},${y1} C${a.x},${y1 + s * k} ${b.x},${y2 - s * k} ${b.x},${y2}`, mx: (a.x + b.x) / 2 + 24, my: (y1 + y2) / 2 + 4 };
  }
  const y = Math.max(a.y, b.y) + NODE_H / 2;
  return {
    d: `M${a.x},${a.y + NODE_H / 2} C${a.x},${y + 60} ${b.x},${y + 60} ${b.x},${b.y + NODE_H / 2 + 2}`,
    mx: (a.x + b.x) / 2,
    my: y + 48,
  };
}

/** Requests per simulated second over a link: its target's arrival rate, shared among the target's incoming links. */
export function linkRate(doc: ScenarioDoc, index: number, result: RunResult | undefined): number {
  const l = doc.links[index];
  const st = l && result?.components[l.to];
  if (!st || !result?.simulatedMs) return 0;
  const incoming = doc.links.filter((x) => x.to === l.to).length || 1;
  return st.arrivals / (result.simulatedMs / 1000) / incoming;
}

/**
 * Where a new node goes near `centre`: the nearest spot straight above or below
 * it (one node row at a time, above first) that overlaps none of `taken`, so a
 * new node never hides another; `centre` itself when 40 tries find none.
 */
export function freeSpot(centre: Pos, taken: Pos[]): Pos {
  const { x, y } = centre;
  for (let i = 0; i < 40; i++) {
    const cy = y + (i % 2 ? -1 : 1) * Math.ceil(i / 2) * (NODE_H + 36);
    if (!taken.some((p) => Math.abs(p.x - x) < NODE_W + 20 && Math.abs(p.y - cy) < NODE_H + 30)) return { x, y: cy };
  }
  return { x, y };
}

/** The largest zoom a fit uses: at 1× node labels are the size of the page's text (at 1.4× two-node designs looked oversized). */
export const MAX_FIT_ZOOM = 1;

/**
 * The zoom that shows every node (with a margin) centred in a width × height
 * view, never enlarged past MAX_FIT_ZOOM; undefined when there is nothing to fit.
 */
export function fitTransform(positions: Pos[], width: number, height: number): Fit | undefined {
  if (!positions.length || !width) return undefined;
  const xs = positions.map((p) => p.x),
    ys = positions.map((p) => p.y);
  const x0 = Math.min(...xs) - NODE_W / 2 - 30,
    x1 = Math.max(...xs) + NODE_W / 2 + 30;
  const y0 = Math.min(...ys) - NODE_H / 2 - 30,
    y1 = Math.max(...ys) + NODE_H / 2 + 40;
  const k = Math.min(MAX_FIT_ZOOM, width / (x1 - x0), height / (y1 - y0));
  return { k, x: width / 2 - (k * (x0 + x1)) / 2, y: height / 2 - (k * (y0 + y1)) / 2 };
}
