/**
 * Automatic layout (dagre, left to right in call order) for components that
 * have no position yet; positioned components stay where the author put them.
 */
import dagre from '@dagrejs/dagre';
import type { ScenarioDoc } from './design.js';

/** Size of a node box on the diagram, in diagram units. */
export const NODE_W = 150;
export const NODE_H = 64;

/** Positions (node centres) for every component without one; empty when all have one. */
export function autoLayout(doc: ScenarioDoc, all = false): Record<string, { x: number; y: number }> {
  const ids = Object.keys(doc.components);
  const missing = ids.filter((id) => all || !hasPosition(doc.components[id]));
  if (!missing.length) return {};
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of ids) g.setNode(id, { width: NODE_W, height: NODE_H + 16 });
  for (const l of doc.links) if (doc.components[l.from] && doc.components[l.to]) g.setEdge(l.from, l.to);
  dagre.layout(g);
  return Object.fromEntries(missing.map((id) => {
    const n = g.node(id);
    return [id, { x: Math.round(n.x), y: Math.round(n.y) }];
  }));
}

/** True when the component has a usable diagram position. */
export function hasPosition(c: object): boolean {
  const p = (c as { position?: { x?: unknown; y?: unknown } }).position;
  return typeof p?.x === 'number' && typeof p?.y === 'number' && Number.isFinite(p.x) && Number.isFinite(p.y);
}
