/**
 * How the diagram shows a variant against the base: the mark on a node or link
 * it adds or changes (class, accessible words, tooltip, tag), faint outlines
 * of what it removes, and the legend. Render helpers of <archsim-diagram>.
 */
import { html, nothing, svg } from 'lit';
import { kinds } from '../kinds/index.js';
import type { ScenarioDoc } from '../state/design.js';
import { NODE_H, NODE_W } from '../state/layout.js';
import { showChange, type Change, type DesignDiff } from '../state/variant-view.js';
import { linkPath, type Pos } from './diagram-geometry.js';

/** A node's or link's mark: its class, the words its accessible name ends with, and the lines its tooltip adds. */
export interface DiffMark {
  cls: '' | 'added' | 'changed';
  text: string;
  title: string;
}

const UNMARKED: DiffMark = { cls: '', text: '', title: '' };
/** Changes named in an accessible name; the tooltip lists them all. */
const NAMED_CHANGES = 4;

/**
 * How variant `variant` marks a node or link `d` of the design drawn: nothing
 * for the base's own (or when comparing is off), else "added by +cache" or
 * "changed by 1-instance: instances 3 → 1".
 */
export function diffMark(d: { status: string; changes: Change[] } | undefined, variant: string, isComparing: boolean): DiffMark {
  if (!d || d.status === 'same' || !isComparing) return UNMARKED;
  if (d.status === 'added') return { cls: 'added', text: `, added by ${variant}`, title: `\nAdded by variant ${variant}.` };
  const changes = d.changes.map(showChange);
  const named = changes.length > NAMED_CHANGES ? [...changes.slice(0, NAMED_CHANGES), `${changes.length - NAMED_CHANGES} more`] : changes;
  return {
    cls: 'changed',
    text: `, changed by ${variant}: ${named.join('; ')}`,
    title: `\nChanged by variant ${variant}:\n${changes.join('\n')}`,
  };
}

/** The tag over a marked node's top-right corner ("+ added", "~ changed"); hidden from assistive technology, which hears the name. */
export function diffTag(mark: DiffMark) {
  if (!mark.cls) return nothing;
  const width = mark.cls === 'added' ? 60 : 76;
  return svg`<g class="diff-tag" aria-hidden="true" transform=${`translate(${NODE_W - width + 4},-22)`}><rect width=${width} height="16" rx="8"></rect><text x="8" y="12">${mark.cls === 'added' ? '+ added' : '~ changed'}</text></g>`;
}

/** Faint outlines of what the variant removes from `base`: seen and named (role img), but not part of the design drawn. */
export function removedParts(base: ScenarioDoc, diff: DesignDiff, positions: Record<string, Pos>, variant: string) {
  const links = diff.removedLinks.map((l) => {
    const a = positions[l.from],
      b = positions[l.to];
    if (!a || !b) return nothing;
    return svg`<g class="removed-link" role="img" aria-label=${`Removed by ${variant}: link from ${l.from} to ${l.to}`}><path d=${linkPath(a, b).d}></path></g>`;
  });
  const nodes = diff.removedNodes.map((id) => {
    const p = positions[id],
      c = base.components[id];
    if (!p || !c) return nothing;
    const def = kinds[c.kind];
    const label = typeof c.label === 'string' && c.label ? c.label : id;
    const name = `Removed by ${variant}: ${def?.label ?? c.kind} ${label}${label === id ? '' : ` (${id})`}`;
    return svg`<g class="removed-node" role="img" aria-label=${name} transform=${`translate(${p.x - NODE_W / 2},${p.y - NODE_H / 2})`}>
      <rect class="box" width=${NODE_W} height=${NODE_H} rx="10"></rect>
      <text class="label" x="14" y=${NODE_H / 2 - 3}>${label.length > 18 ? `${label.slice(0, 17)}…` : label}</text>
      <text class="kind" x="14" y=${NODE_H / 2 + 13}>− removed</text></g>`;
  });
  return svg`<g class="removed">${links}${nodes}</g>`;
}

/** The key to the marks, at the diagram's foot. */
export function diffLegend(variant: string) {
  return html`<p class="legend">Variant <b>${variant}</b> compared with the base:
    <span class="tag added">+ added</span> <span class="tag changed">~ changed</span> <span class="tag removed">− removed</span></p>`;
}
