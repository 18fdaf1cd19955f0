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
import { kinds } from '../kinds/index.js';
import type { DesignStore, ScenarioDoc } from '../state/design.js';
import type { Selection, UiStore } from '../state/ui.js';
import { shownRuns, type RunsStore } from '../state/runs.js';
import { autoLayout, NODE_H, NODE_W } from '../state/layout.js';
import type { RunResult } from '../worker/api.js';
import { StoreController } from './store-controller.js';
import { fitTransform, freeSpot, latencyText, linkPath, positionsOf, type Pos } from './diagram-geometry.js';
import { RequestDots } from './request-dots.js';
import { iconPaths } from './icons.js';
import { loadTone } from './format.js';
import { formatDeclared, formatStat } from '../kinds/format-stat.js';
import { instancesOf } from './instances.js';
import { declaredStats } from '../kinds/define.js';
import { diagramStyles } from './diagram-styles.js';

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

  #doc = new StoreController(
    this,
    () => this.design,
    (s) => s.context.doc,
  );
  #ui = new StoreController(
    this,
    () => this.ui,
    (s) => s.context,
  );
  #runs = new StoreController(
    this,
    () => this.runs,
    (s) => s.context,
  );
  /** Dots travelling the links during a run, read-only or not (the controller hooks itself to this element). */
  protected readonly dots = new RequestDots(this);
  #zoom?: ZoomBehavior<SVGSVGElement, unknown>;
  #transform: ZoomTransform = zoomIdentity;
  /** Node centres for `#positionsDoc`, kept between renders: a live run re-renders often, and dagre layout is not cheap. */
  #positions: Record<string, Pos> = {};
  #positionsDoc?: ScenarioDoc;
  #fitted = '';

  static override styles = diagramStyles;

  /** The diagram point at the centre of the visible area (where palette clicks add nodes). */
  viewCentre(): Pos {
    const r = this.canvas.getBoundingClientRect();
    const [x, y] = this.#transform.invert([r.width / 2, r.height / 2]);
    return freeSpot({ x, y }, Object.values(this.#positions));
  }

  /** Zooms so the whole design is visible. */
  fit(): void {
    const r = this.canvas?.getBoundingClientRect();
    const t = r && fitTransform(Object.values(this.#positions), r.width, r.height);
    if (!t || !this.#zoom) return;
    select(this.canvas).call(this.#zoom.transform, zoomIdentity.translate(t.x, t.y).scale(t.k));
  }

  /** Moves keyboard focus to a node. */
  focusNode(id: string): void {
    (this.renderRoot.querySelector(`g.node[data-id="${CSS.escape(id)}"]`) as SVGGElement | null)?.focus();
  }

  override firstUpdated(): void {
    this.#zoom = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.15, 4])
      .on('zoom', (e) => {
        this.#transform = e.transform;
        this.viewport.setAttribute('transform', e.transform.toString());
      });
    select(this.canvas).call(this.#zoom).on('dblclick.zoom', null);
    new ResizeObserver(() => (this.#fitted === '' || this.#fitted === 'pending' ? this.#refit() : undefined)).observe(this.canvas);
  }

  #refit(): void {
    this.#fitted = 'pending';
    if (this.canvas.getBoundingClientRect().width && Object.keys(this.#positions).length) {
      this.fit();
      this.#fitted = this.design.getSnapshot().context.source;
    }
  }

  override willUpdate(): void {
    const doc = this.#doc.value;
    if (doc !== this.#positionsDoc) {
      this.#positions = positionsOf(doc);
      this.#positionsDoc = doc;
    }
  }

  override updated(): void {
    const source = this.design.getSnapshot().context.source;
    if (this.#fitted !== source) this.#refit();
    if (this.readonly) return;
    const host = this;
    const nodes = select(this.renderRoot as unknown as Element).selectAll<SVGGElement, unknown>('g.node');
    let tx = '';
    nodes.call(
      drag<SVGGElement, unknown>()
        .container(() => this.viewport)
        .filter((e) => !e.button && !(e.target as Element).closest('.port'))
        .subject(function (this: SVGGElement) {
          return { id: this.dataset.id!, ...host.#positions[this.dataset.id!] };
        })
        .on('start', () => (tx = `drag-${performance.now()}`))
        .on('drag', (e) => this.design.trigger.moveNode({ id: e.subject.id, x: e.x, y: e.y, transactionId: tx })),
    );
    const ports = select(this.renderRoot as unknown as Element).selectAll<SVGCircleElement, unknown>('circle.port');
    let from = '',
      moved = false;
    ports.call(
      drag<SVGCircleElement, unknown>()
        .container(() => this.viewport)
        .on('start', (e) => {
          from = (e.sourceEvent.target as SVGElement).dataset.id!;
          moved = false;
        })
        .on('drag', (e) => {
          moved = true;
          const p = this.#positions[from];
          select(this.renderRoot as unknown as Element)
            .select('line.ghost')
            .attr('x1', p.x + NODE_W / 2)
            .attr('y1', p.y)
            .attr('x2', e.x)
            .attr('y2', e.y)
            .attr('visibility', 'visible');
        })
        .on('end', (e) => {
          select(this.renderRoot as unknown as Element)
            .select('line.ghost')
            .attr('visibility', 'hidden');
          if (!moved) return this.ui.trigger.startConnect({ from });
          const ev = e.sourceEvent as MouseEvent;
          const target = (this.renderRoot as ShadowRoot).elementFromPoint(ev.clientX, ev.clientY)?.closest<SVGGElement>('g.node')
            ?.dataset.id;
          if (target) this.#connect(from, target);
        }),
    );
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

  /**
   * Keys on a focused node or link: Delete removes it, Enter inspects it (or,
   * while connecting, makes a node the target), Esc clears; on a node, arrows
   * move it (Shift: further) and C starts a connection from it.
   */
  #onItemKey(e: KeyboardEvent, item: NonNullable<Selection>): void {
    if (this.readonly) return;
    const p = item.type === 'node' ? this.#positions[item.id] : undefined;
    const step = e.shiftKey ? 50 : 10;
    const move = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key];
    if (item.type === 'node' && move && p) {
      this.design.trigger.moveNode({ id: item.id, x: p.x + move[0], y: p.y + move[1] });
    } else if (item.type === 'node' && (e.key === 'c' || e.key === 'C')) {
      this.ui.trigger.startConnect({ from: item.id });
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      if (item.type === 'node') this.design.trigger.removeNode({ id: item.id });
      else this.design.trigger.removeLink({ index: item.index });
      this.ui.trigger.select({ selection: null });
      this.canvas.focus();
    } else if (e.key === 'Enter') {
      if (item.type === 'node' && this.ui.getSnapshot().context.connectFrom) this.#chooseNode(item.id);
      else {
        this.ui.trigger.select({ selection: item });
        this.dispatchEvent(new CustomEvent('archsim-inspect', { bubbles: true, composed: true }));
      }
    } else if (e.key === 'Escape') {
      this.ui.trigger.escape();
    } else return;
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

  override render() {
    const doc = this.#doc.value;
    const ui = this.#ui.value;
    const result = shownRuns(this.#runs.value).current?.result;
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
        ${
          this.readonly
            ? nothing
            : html`<button title="Automatic layout" aria-label="Automatic layout" @click=${() => {
                this.design.trigger.placeAll({ positions: autoLayout(doc, true) });
                requestAnimationFrame(() => this.fit());
              }}>⊞</button>`
        }
      </div>
    </div>`;
  }

  #link(l: ScenarioDoc['links'][number], i: number, isSelected: boolean) {
    const a = this.#positions[l.from],
      b = this.#positions[l.to];
    if (!a || !b) return nothing;
    const { d, mx, my } = linkPath(a, b);
    const lat = latencyText(l);
    const extra = [typeof l.p === 'number' && l.p < 1 ? `p=${l.p}` : '', Array.isArray(l.routes) ? l.routes.join(' ') : '']
      .filter(Boolean)
      .join(' · ');
    return svg`<g class="link ${isSelected ? 'selected' : ''}" tabindex="0" role="button" data-index=${i}
        aria-label=${`Link from ${l.from} to ${l.to}${lat ? `, latency ${lat}` : ''}${extra ? `, ${extra}` : ''}`}
        @click=${() => this.ui.trigger.select({ selection: { type: 'link', index: i } })}
        @focus=${() => this.ui.trigger.select({ selection: { type: 'link', index: i } })}
        @keydown=${(e: KeyboardEvent) => this.#onItemKey(e, { type: 'link', index: i })}>
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
    const n = def ? instancesOf(def, c) : 1;
    const st = result?.components[id];
    const badges = (def ? declaredStats(def) : [])
      .filter(([key, s]) => s.badge && st && st[key] !== undefined)
      .map(([key, s]) => ({ label: s.label, text: formatDeclared(st![key], s, 2), key }));
    if (st && st.queueLength.max > 0) badges.push({ label: 'Queue', text: `q ${formatStat(st.queueLength.mean, 'count')}`, key: 'queue' });
    const saturated = result?.warnings.some((w) => w.component === id && (w.code === 'saturated' || w.code === 'overload'));
    const tone = saturated ? 'hot' : st && badges.some((b) => b.key === 'utilization') ? loadTone(st.utilization) : '';
    const x = p.x - NODE_W / 2,
      y = p.y - NODE_H / 2;
    const name = `${def?.label ?? c.kind} ${label}${n > 1 ? `, ${n} instances` : ''}${badges.length ? `, ${badges.map((b) => `${b.label} ${b.text}`).join(', ')}` : ''}${saturated ? ', saturated' : ''}`;
    return svg`<g class="node ${isSelected ? 'selected' : ''} ${isSource ? 'source' : ''} ${tone}" data-id=${id} tabindex="0" role="button" aria-label=${name}
        transform=${`translate(${x},${y})`}
        @click=${() => this.#chooseNode(id)} @focus=${() => !this.ui.getSnapshot().context.connectFrom && this.ui.trigger.select({ selection: { type: 'node', id } })}
        @keydown=${(e: KeyboardEvent) => this.#onItemKey(e, { type: 'node', id })}>
      <title>${def?.help ?? c.kind}</title>
      ${n > 1 ? svg`<rect class="stack" x="8" y="-8" width=${NODE_W} height=${NODE_H} rx="10"></rect><rect class="stack" x="4" y="-4" width=${NODE_W} height=${NODE_H} rx="10"></rect>` : nothing}
      <rect class="box" width=${NODE_W} height=${NODE_H} rx="10"></rect>
      <rect class="cat ${def?.category ?? ''}" width="6" height=${NODE_H - 16} x="0" y="8" rx="3"></rect>
      <svg x="14" y=${NODE_H / 2 - 12} width="24" height="24" viewBox="0 0 24 24" class="icon">${iconPaths(def?.icon ?? c.kind)}</svg>
      <text class="label" x="46" y=${NODE_H / 2 - 3}>${label.length > 15 ? `${label.slice(0, 14)}…` : label}</text>
      <text class="kind" x="46" y=${NODE_H / 2 + 13}>${def?.label ?? `unknown kind ${c.kind}`}</text>
      ${n > 1 ? svg`<g class="count"><rect x=${NODE_W - 34} y="6" width="28" height="16" rx="8"></rect><text x=${NODE_W - 20} y="18" text-anchor="middle">×${n}</text></g>` : nothing}
      ${badges.map((b, i) => svg`<g class="badge ${b.key === 'utilization' ? tone : ''}" transform=${`translate(${i * 72},${NODE_H + 6})`}><rect width="68" height="18" rx="9"></rect><text x="34" y="13" text-anchor="middle">${b.key === 'utilization' ? `${b.text} busy` : b.text}</text></g>`)}
      ${saturated ? svg`<text class="warn" x=${NODE_W / 2} y="-10" text-anchor="middle">⚠ saturated</text>` : nothing}
      ${this.readonly || def?.calls === 'none' ? nothing : svg`<circle class="port" data-id=${id} cx=${NODE_W} cy=${NODE_H / 2} r="7"><title>Drag to connect, or click then choose a target</title></circle>`}
    </g>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'archsim-diagram': ArchsimDiagram;
  }
}
