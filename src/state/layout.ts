/**
 * Automatic layout (dagre, left to right in call order) for components that
 * have no position yet; positioned components stay where the author put them.
 */
import dagre from '@dagrejs/dagre';
import type { ScenarioDoc } from './design.js';
import { plainMap } from '../scenario/plain-map.js';

/** Size of a node box on the diagram, in diagram units. */
export const NODE_W = 150;
export const NODE_H = 64;

/** Positions (node centres) for every component without one, in a prototype-less map; empty when all have one. */
export function autoLayout(doc: ScenarioDoc, all = false): Record<string, { x: number; y: number }> {
  const ids = Object.keys(doc.components);
  const missing = ids.filter((id) => all || !hasPosition(doc.components[id]));
  if (!missing.length) return plainMap();
  // dagre keeps nodes and edges in plain objects keyed by name, so it is given
  // names of its own ("n0", "n1", ...): no id such as "__proto__" reaches it
  const name = new Map(ids.map((id, i) => [id, `n${i}`]));
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of ids) g.setNode(name.get(id)!, { width: NODE_W, height: NODE_H + 16 });
  for (const l of doc.links) {
    const from = name.get(l?.from),
      to = name.get(l?.to);
    if (from && to && from !== to) g.setEdge(from, to);
  }
  dagre.layout(g);
  const out = plainMap<{ x: number; y: number }>();
  for (const id of missing) {
    const n = g.node(name.get(id)!);
    out[id] = { x: Math.round(n.x), y: Math.round(n.y) };
  }
  return out;
}

/** True when the component has a usable diagram position. */
export function hasPosition(c: object): boolean {
  const p = (c as { position?: { x?: unknown; y?: unknown } }).position;
  return typeof p?.x === 'number' && typeof p?.y === 'number' && Number.isFinite(p.x) && Number.isFinite(p.y);
}
