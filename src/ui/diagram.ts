/**
 * <archsim-diagram>: the architecture as an SVG diagram. Pan and zoom with
 * d3-zoom, move nodes with d3-drag, connect by dragging from a node's port or
 * by choosing the port (or pressing C) and then the target. Keyboard: Tab
 * through nodes and links, arrows move, Delete removes, Enter inspects, Esc
 * clears. Live badges and request dots come from the current run.
 */
import { LitElement, html, svg, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { drag, select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import { kinds } from '../components/kinds.js';
import type { DesignStore, ScenarioDoc } from '../state/design.js';
import type { UiStore } from '../state/ui.js';
import { shownRuns, isRunning, type RunsStore } from '../state/runs.js';
import { autoLayout, hasPosition, NODE_H, NODE_W } from '../state/layout.js';
import type { RunResult } from '../worker/api.js';
import { StoreController } from './store-controller.js';
import { iconPaths } from './icons.js';
import { loadTone, stat } from './format.js';
import { diagramStyles } from './diagram-styles.js';

type Pos = { x: number; y: number };

/** Node centres: the author's positions, automatic layout for the rest. */
export function positionsOf(doc: ScenarioDoc): Record<string, Pos> {
  const out: Record<string, Pos> = autoLayout(doc);
  for (const [id, c] of Object.entries(doc.components)) if (hasPosition(c)) out[id] = c.position as Pos;
  return out;
}

/** Short text for a link's latency. */
const latencyText = (l: Record<string, unknown>) =>
  typeof l.latency === 'string' || typeof l.latency === 'number' ? String(l.latency).replace(/^(\d+(\.\d+)?)$/, '$1ms') : l.latency ? 'dist' : '';

@customElement('archsim-diagram')
export class ArchsimDiagram extends LitElement {
  @property({ attribute: false }) design!: DesignStore;
  @property({ attribute: false }) ui!: UiStore;
  @property({ attribute: false }) runs!: RunsStore;
  @property({ type: Boolean }) readonly = false;
  /** A palette kind is being dragged over the canvas. */
  @state() private isDropTarget = false;
  @query('svg.canvas') private canvas!: SVGSVGElement;
  @query('g.viewport') private viewport!: SVGGElement;
  @query('g.dots') private dotsLayer!: SVGGElement;

  #doc = new StoreController(this, () => this.design, (s) => s.context.doc);
  #ui = new StoreController(this, () => this.ui, (s) => s.context);
  #runs = new StoreController(this, () => this.runs, (s) => s.context);
  #zoom?: ZoomBehavior<SVGSVGElement, unknown>;
  #transform: ZoomTransform = zoomIdentity;
  #positions: Record<string, Pos> = {};
  #fitted = '';
  #raf = 0;

  static override styles = diagramStyles;

  /** The diagram point at the centre of the visible area (where palette clicks add nodes). */
  viewCentre(): Pos {
    const r = this.canvas.getBoundingClientRect();
    const [x, y] = this.#transform.invert([r.width / 2, r.height / 2]);
    // the nearest free spot below or above the centre, so a new node never hides another
    const ps = Object.values(this.#positions);
    for (let i = 0; i < 40; i++) {
      const cy = y + (i % 2 ? -1 : 1) * Math.ceil(i / 2) * (NODE_H + 36);
      if (!ps.some((p) => Math.abs(p.x - x) < NODE_W + 20 && Math.abs(p.y - cy) < NODE_H + 30)) return { x, y: cy };
    }
    return { x, y };
  }

  /** Zooms so the whole design is visible. */
  fit(): void {
    const ps = Object.values(this.#positions);
    const r = this.canvas?.getBoundingClientRect();
    if (!ps.length || !r?.width || !this.#zoom) return;
    const x0 = Math.min(...ps.map((p) => p.x)) - NODE_W / 2 - 30, x1 = Math.max(...ps.map((p) => p.x)) + NODE_W / 2 + 30;
    const y0 = Math.min(...ps.map((p) => p.y)) - NODE_H / 2 - 30, y1 = Math.max(...ps.map((p) => p.y)) + NODE_H / 2 + 40;
    const k = Math.min(1.4, r.width / (x1 - x0), r.height / (y1 - y0));
    const t = zoomIdentity.translate(r.width / 2 - (k * (x0 + x1)) / 2, r.height / 2 - (k * (y0 + y1)) / 2).scale(k);
    select(this.canvas).call(this.#zoom.transform, t);
  }

  /** Moves keyboard focus to a node. */
  focusNode(id: string): void {
    (this.renderRoot.querySelector(`g.node[data-id="${CSS.escape(id)}"]`) as SVGGElement | null)?.focus();
  }

  override firstUpdated(): void {
    this.#zoom = zoom<SVGSVGElement, unknown>().scaleExtent([0.15, 4]).on('zoom', (e) => {
      this.#transform = e.transform;
      this.viewport.setAttribute('transform', e.transform.toString());
    });
    select(this.canvas).call(this.#zoom).on('dblclick.zoom', null);
    new ResizeObserver(() => this.#fitted === '' || this.#fitted === 'pending' ? this.#refit() : undefined).observe(this.canvas);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.#raf);
    this.#raf = 0;
  }

  #refit(): void {
    this.#fitted = 'pending';
    if (this.canvas.getBoundingClientRect().width && Object.keys(this.#positions).length) {
      this.fit();
      this.#fitted = this.design.getSnapshot().context.source;
    }
  }

  override updated(): void {
    const source = this.design.getSnapshot().context.source;
    if (this.#fitted !== source) this.#refit();
    if (this.readonly) return;
    const host = this;
    const nodes = select(this.renderRoot as unknown as Element).selectAll<SVGGElement, unknown>('g.node');
    let tx = '';
    nodes.call(drag<SVGGElement, unknown>()
      .container(() => this.viewport)
      .filter((e) => !e.button && !(e.target as Element).closest('.port'))
      .subject(function (this: SVGGElement) {
        return { id: this.dataset.id!, ...host.#positions[this.dataset.id!] };
      })
      .on('start', () => (tx = `drag-${performance.now()}`))
      .on('drag', (e) => this.design.trigger.moveNode({ id: e.subject.id, x: e.x, y: e.y, transactionId: tx })));
    const ports = select(this.renderRoot as unknown as Element).selectAll<SVGCircleElement, unknown>('circle.port');
    let from = '', moved = false;
    ports.call(drag<SVGCircleElement, unknown>()
      .container(() => this.viewport)
      .on('start', (e) => {
        from = (e.sourceEvent.target as SVGElement).dataset.id!;
        moved = false;
      })
      .on('drag', (e) => {
        moved = true;
        const p = this.#positions[from];
        select(this.renderRoot as unknown as Element).select('line.ghost').attr('x1', p.x + NODE_W / 2).attr('y1', p.y).attr('x2', e.x).attr('y2', e.y).attr('visibility', 'visible');
      })
      .on('end', (e) => {
        select(this.renderRoot as unknown as Element).select('line.ghost').attr('visibility', 'hidden');
        if (!moved) return this.ui.trigger.startConnect({ from });
        const ev = e.sourceEvent as MouseEvent;
        const target = (this.renderRoot as ShadowRoot).elementFromPoint(ev.clientX, ev.clientY)?.closest<SVGGElement>('g.node')?.dataset.id;
        if (target) this.#connect(from, target);
      }));
    this.#animate();
  }

  #connect(from: string, to: string): void {
    this.design.trigger.addLink({ from, to });
    this.ui.trigger.endConnect();
    const index = this.design.getSnapshot().context.doc.links.findIndex((l) => l.from === from && l.to === to);
    if (index >= 0) this.ui.trigger.select({ selection: { type: 'link', index } });
  }

  #chooseNode(id: string): void {
    const from = this.ui.getSnapshot().context.connectFrom;
    if (from && from !== id) this.#connect(from, id);
    else if (!from) this.ui.trigger.select({ selection: { type: 'node', id } });
  }

  #onNodeKey(e: KeyboardEvent, id: string): void {
    if (this.readonly) return;
    const p = this.#positions[id];
    const step = e.shiftKey ? 50 : 10;
    const move = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key];
    if (move && p) {
      this.design.trigger.moveNode({ id, x: p.x + move[0], y: p.y + move[1] });
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      this.design.trigger.removeNode({ id });
      this.ui.trigger.select({ selection: null });
      this.canvas.focus();
    } else if (e.key === 'Enter') {
      if (this.ui.getSnapshot().context.connectFrom) this.#chooseNode(id);
      else {
        this.ui.trigger.select({ selection: { type: 'node', id } });
        this.dispatchEvent(new CustomEvent('archsim-inspect', { bubbles: true, composed: true }));
      }
    } else if (e.key === 'c' || e.key === 'C') {
      this.ui.trigger.startConnect({ from: id });
    } else if (e.key === 'Escape') {
      this.ui.trigger.escape();
    } else return;
    e.preventDefault();
    e.stopPropagation();
  }

  #onLinkKey(e: KeyboardEvent, index: number): void {
    if (this.readonly) return;
    if (e.key === 'Delete' || e.key === 'Backspace') {
      this.design.trigger.removeLink({ index });
      this.ui.trigger.select({ selection: null });
      this.canvas.focus();
    } else if (e.key === 'Enter') {
      this.ui.trigger.select({ selection: { type: 'link', index } });
      this.dispatchEvent(new CustomEvent('archsim-inspect', { bubbles: true, composed: true }));
    } else if (e.key === 'Escape') this.ui.trigger.escape();
    else return;
    e.preventDefault();
    e.stopPropagation();
  }

  /** Accepts only palette kinds (the data itself is readable only on drop). */
  #onDragOver(e: DragEvent): void {
    if (this.readonly || !e.dataTransfer?.types.includes('application/x-archsim-kind')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    this.isDropTarget = true;
  }

  #onDragLeave(e: DragEvent): void {
    if (!(e.relatedTarget instanceof Node && this.canvas.contains(e.relatedTarget))) this.isDropTarget = false;
  }

  #onDrop(e: DragEvent): void {
    this.isDropTarget = false;
    const kind = e.dataTransfer?.getData('application/x-archsim-kind');
    if (!kind || !kinds[kind] || this.readonly) return;
    e.preventDefault();
    const r = this.canvas.getBoundingClientRect();
    const [x, y] = this.#transform.invert([e.clientX - r.left, e.clientY - r.top]);
    this.dispatchEvent(new CustomEvent('archsim-add', { detail: { kind, x, y }, bubbles: true, composed: true }));
  }

  /** Request dots: per link, a few dots whose number grows with the log of its traffic. */
  #animate(): void {
    const ui = this.#ui.value, result = shownRuns(this.#runs.value).current?.result;
    const on = ui.isAnimating && isRunning(this.#runs.value) && !!result;
    if (!on) {
      cancelAnimationFrame(this.#raf);
      this.#raf = 0;
      this.dotsLayer?.replaceChildren();
      return;
    }
    if (this.#raf) return;
    const frame = (now: number) => {
      this.#raf = requestAnimationFrame(frame);
      const res = shownRuns(this.runs.getSnapshot().context).current?.result;
      const paths = [...this.renderRoot.querySelectorAll<SVGPathElement>('g.link path.line')];
      const want: [number, number][] = [];
      paths.forEach((p) => {
        const rate = linkRate(this.design.getSnapshot().context.doc, Number(p.dataset.index), res);
        const n = rate > 0 ? Math.min(7, Math.ceil(Math.log10(1 + rate) * 1.6)) : 0;
        const len = p.getTotalLength();
        for (let k = 0; k < n; k++) {
          const pt = p.getPointAtLength(len * ((now / 1400 + k / n) % 1));
          want.push([pt.x, pt.y]);
        }
      });
      const layer = this.dotsLayer;
      while (layer.childElementCount < want.length) layer.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'circle')).setAttribute('r', '3.5');
      while (layer.childElementCount > want.length) layer.lastChild!.remove();
      want.forEach(([x, y], i) => {
        const c = layer.children[i];
        c.setAttribute('cx', String(x));
        c.setAttribute('cy', String(y));
      });
    };
    this.#raf = requestAnimationFrame(frame);
  }

  override render() {
    const doc = this.#doc.value;
    const ui = this.#ui.value;
    const result = shownRuns(this.#runs.value).current?.result;
    this.#positions = positionsOf(doc);
    const ids = Object.keys(doc.components);
    const sel = ui.selection;
    return html`<div class="wrap ${ui.connectFrom ? 'connecting' : ''}" style=${this.isDropTarget ? 'outline: 2px dashed var(--accent); outline-offset: -6px' : ''}>
      <svg class="canvas" tabindex="-1" role="group" aria-label="Architecture diagram"
        @dragover=${this.#onDragOver} @dragleave=${this.#onDragLeave} @drop=${this.#onDrop}
        @click=${(e: MouseEvent) => e.target === this.canvas && this.ui.trigger.select({ selection: null })}>
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 10 5 0 10z" class="arrowhead"/></marker>
        </defs>
        <g class="viewport" transform=${this.#transform.toString()}>
          <g class="links">${doc.links.map((l, i) => this.#link(l, i, sel?.type === 'link' && sel.index === i))}</g>
          <g class="dots" aria-hidden="true"></g>
          <g class="nodes">${ids.map((id) => this.#node(doc, id, result, sel?.type === 'node' && sel.id === id, ui.connectFrom === id))}</g>
          <line class="ghost" visibility="hidden"></line>
        </g>
      </svg>
      ${ids.length ? nothing : html`<div class="empty"><strong>An empty canvas.</strong> Pick a scenario above, or add components from the palette (click, or drag them here).</div>`}
      ${ui.connectFrom ? html`<div class="hint" role="status">Choose the node <b>${ui.connectFrom}</b> should call — click it, or Tab to it and press Enter. Esc cancels.</div>` : nothing}
      <div class="tools" role="toolbar" aria-label="View">
        <button title="Zoom in" aria-label="Zoom in" @click=${() => select(this.canvas).call(this.#zoom!.scaleBy, 1.25)}>+</button>
        <button title="Zoom out" aria-label="Zoom out" @click=${() => select(this.canvas).call(this.#zoom!.scaleBy, 0.8)}>−</button>
        <button title="Zoom to fit" aria-label="Zoom to fit" @click=${() => this.fit()}>⤢</button>
        ${this.readonly ? nothing : html`<button title="Automatic layout" aria-label="Automatic layout" @click=${() => {
          this.design.trigger.placeAll({ positions: autoLayout(doc, true) });
          requestAnimationFrame(() => this.fit());
        }}>⊞</button>`}
      </div>
    </div>`;
  }

  #link(l: ScenarioDoc['links'][number], i: number, isSelected: boolean) {
    const a = this.#positions[l.from], b = this.#positions[l.to];
    if (!a || !b) return nothing;
    const { d, mx, my } = linkPath(a, b);
    const lat = latencyText(l);
    const extra = [typeof l.p === 'number' && l.p < 1 ? `p=${l.p}` : '', Array.isArray(l.routes) ? l.routes.join(' ') : ''].filter(Boolean).join(' · ');
    return svg`<g class="link ${isSelected ? 'selected' : ''}" tabindex="0" role="button" data-index=${i}
        aria-label=${`Link from ${l.from} to ${l.to}${lat ? `, latency ${lat}` : ''}${extra ? `, ${extra}` : ''}`}
        @click=${() => this.ui.trigger.select({ selection: { type: 'link', index: i } })}
        @focus=${() => this.ui.trigger.select({ selection: { type: 'link', index: i } })}
        @keydown=${(e: KeyboardEvent) => this.#onLinkKey(e, i)}>
      <path class="hit" d=${d}></path>
      <path class="line" d=${d} data-index=${i} marker-end="url(#arrow)"></path>
      ${lat || extra ? svg`<text class="latency" x=${mx} y=${my} text-anchor="middle">${[lat, extra].filter(Boolean).join(' · ')}</text>` : nothing}
    </g>`;
  }

  #node(doc: ScenarioDoc, id: string, result: RunResult | undefined, isSelected: boolean, isSource: boolean) {
    const c = doc.components[id];
    const p = this.#positions[id];
    const def = kinds[c.kind];
    const label = typeof c.label === 'string' && c.label ? c.label : id;
    const n = typeof c.instances === 'number' && c.instances > 1 ? c.instances : 1;
    const st = result?.components[id];
    const badges = (def?.stats ?? []).filter((s) => s.badge && st && st[s.key] !== undefined).map((s) => ({ label: s.label, text: stat(st![s.key], s.unit), key: s.key }));
    if (st && st.queueLength.max > 0) badges.push({ label: 'Queue', text: `q ${stat(st.queueLength.mean, 'count')}`, key: 'queue' });
    const saturated = result?.warnings.some((w) => w.component === id && (w.code === 'saturated' || w.code === 'overload'));
    const tone = saturated ? 'hot' : st && badges.some((b) => b.key === 'utilization') ? loadTone(st.utilization) : '';
    const x = p.x - NODE_W / 2, y = p.y - NODE_H / 2;
    const name = `${def?.label ?? c.kind} ${label}${n > 1 ? `, ${n} instances` : ''}${badges.length ? ', ' + badges.map((b) => `${b.label} ${b.text}`).join(', ') : ''}${saturated ? ', saturated' : ''}`;
    return svg`<g class="node ${isSelected ? 'selected' : ''} ${isSource ? 'source' : ''} ${tone}" data-id=${id} tabindex="0" role="button" aria-label=${name}
        transform=${`translate(${x},${y})`}
        @click=${() => this.#chooseNode(id)} @focus=${() => !this.ui.getSnapshot().context.connectFrom && this.ui.trigger.select({ selection: { type: 'node', id } })}
        @keydown=${(e: KeyboardEvent) => this.#onNodeKey(e, id)}>
      <title>${def?.help ?? c.kind}</title>
      ${n > 1 ? svg`<rect class="stack" x="8" y="-8" width=${NODE_W} height=${NODE_H} rx="10"></rect><rect class="stack" x="4" y="-4" width=${NODE_W} height=${NODE_H} rx="10"></rect>` : nothing}
      <rect class="box" width=${NODE_W} height=${NODE_H} rx="10"></rect>
      <rect class="cat ${def?.category ?? ''}" width="6" height=${NODE_H - 16} x="0" y="8" rx="3"></rect>
      <svg x="14" y=${NODE_H / 2 - 12} width="24" height="24" viewBox="0 0 24 24" class="icon">${iconPaths(def?.icon ?? c.kind)}</svg>
      <text class="label" x="46" y=${NODE_H / 2 - 3}>${label.length > 15 ? label.slice(0, 14) + '…' : label}</text>
      <text class="kind" x="46" y=${NODE_H / 2 + 13}>${def?.label ?? `unknown kind ${c.kind}`}</text>
      ${n > 1 ? svg`<g class="count"><rect x=${NODE_W - 34} y="6" width="28" height="16" rx="8"></rect><text x=${NODE_W - 20} y="18" text-anchor="middle">×${n}</text></g>` : nothing}
      ${badges.map((b, i) => svg`<g class="badge ${b.key === 'utilization' ? tone : ''}" transform=${`translate(${i * 72},${NODE_H + 6})`}><rect width="68" height="18" rx="9"></rect><text x="34" y="13" text-anchor="middle">${b.key === 'utilization' ? `${b.text} busy` : b.text}</text></g>`)}
      ${saturated ? svg`<text class="warn" x=${NODE_W / 2} y="-10" text-anchor="middle">⚠ saturated</text>` : nothing}
      ${this.readonly || def?.calls === 'none' ? nothing : svg`<circle class="port" data-id=${id} cx=${NODE_W} cy=${NODE_H / 2} r="7"><title>Drag to connect, or click then choose a target</title></circle>`}
    </g>`;
  }
}

/**
 * A link's curve and label spot: right side to left side when the target is to
 * the right; bottom to top (or top to bottom) when it is clearly below (above);
 * otherwise a loop under both nodes, so a curve never runs through a node.
 */
export function linkPath(a: Pos, b: Pos): { d: string; mx: number; my: number } {
  const x1 = a.x + NODE_W / 2, x2 = b.x - NODE_W / 2 - 2;
  if (x2 >= x1 + 20) {
    const dx = Math.max(40, (x2 - x1) / 2);
    return { d: `M${x1},${a.y} C${x1 + dx},${a.y} ${x2 - dx},${b.y} ${x2},${b.y}`, mx: (x1 + x2) / 2, my: (a.y + b.y) / 2 - 6 };
  }
  const gap = Math.abs(b.y - a.y) - NODE_H;
  if (gap > 40) {
    const s = Math.sign(b.y - a.y), y1 = a.y + (s * NODE_H) / 2, y2 = b.y - s * (NODE_H / 2 + 2), k = Math.max(20, gap / 2);
    return { d: `M${a.x},${y1} C${a.x},${y1 + s * k} ${b.x},${y2 - s * k} ${b.x},${y2}`, mx: (a.x + b.x) / 2 + 24, my: (y1 + y2) / 2 + 4 };
  }
  const y = Math.max(a.y, b.y) + NODE_H / 2;
  return {
    d: `M${a.x},${a.y + NODE_H / 2} C${a.x},${y + 60} ${b.x},${y + 60} ${b.x},${b.y + NODE_H / 2 + 2}`,
    mx: (a.x + b.x) / 2, my: y + 48,
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

declare global {
  interface HTMLElementTagNameMap {
    'archsim-diagram': ArchsimDiagram;
  }
}
