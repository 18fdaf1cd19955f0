/**
 * <archsim-diagram>: the architecture as an SVG diagram. Pan and zoom with
 * d3-zoom, move nodes with d3-drag, connect by dragging from a node's port or
 * by choosing the port (or pressing C) and then the target. Keyboard: Tab
 * through nodes and links, arrows move, Delete removes, Enter inspects, Esc
 * clears. Live badges (badges.ts) and request dots come from the shown run,
 * only when it ran the design open now (and the variant drawn). With a variant
 * chosen it draws that variant, marking what it adds, changes and removes
 * against the base (diagram-variant.ts); edits go where the ui store says.
 */
import { LitElement, html, svg, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { type DragBehavior, drag, select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import { kinds } from '../kinds/index.js';
import { baseOf, variantDoc, type DesignStore, type ScenarioDoc } from '../state/design.js';
import { diffDesign, editTarget, linkIndexIn, shownVariant, type DesignDiff } from '../state/variant-view.js';
import { diffLegend, diffMark, diffTag, removedParts } from './diagram-variant.js';
import type { Selection, UiStore } from '../state/ui.js';
import { runOfOpenDesign, type RunsStore } from '../state/runs.js';
import { autoLayout, NODE_H, NODE_W } from '../state/layout.js';
import type { RunResult } from '../worker/api.js';
import { StoreController } from './store-controller.js';
import { fitTransform, freeSpot, latencyText, linkPath, positionsOf, variantPositions, withRemoved, type Pos } from './diagram-geometry.js';
import { RequestDots } from './request-dots.js';
import { iconPaths } from './icons.js';
import { loadTone } from './format.js';
import { badgeRows, badgesOf, badgeWidth } from './badges.js';
import { instancesOf } from './instances.js';
import { diagramStyles } from './diagram-styles.js';
import { type FittedLabel, fitLabel } from './label-fit.js';
import { lockedDeleteNotice, lockOf } from '../state/locks.js';

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
  /**
   * The design drawn: the selected variant applied to the base (the base when
   * none is), what it changes, and the design laid out (it with what it removes).
   */
  #shown: { variant: string; view: ScenarioDoc; diff?: DesignDiff; layout: ScenarioDoc } = {
    variant: '',
    view: { components: {}, links: [] },
    layout: { components: {}, links: [] },
  };
  /** Draw what a variant changes: marks on what it adds or changes, faint outlines of what it removes. */
  @state() private isComparing = true;
  #fitted = '';
  /** The node ids last drawn: a change (a node added or removed) checks that every node is still in view. */
  #ids?: string;
  /** The page's font family (canvas measuring cannot read a CSS variable) and labels already fitted. */
  #family = '';
  #mono = '';
  #fits = new Map<string, { name: FittedLabel; kind: FittedLabel }>();

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

  /** The design drawn: the chosen variant applied to the base (request dots read its links). */
  shownDoc(): ScenarioDoc {
    return this.#shown.view;
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
    new ResizeObserver(() => (this.#fitted === '' || this.#fitted === 'pending' ? this.#refit() : this.#revealAll())).observe(this.canvas);
  }

  #refit(): void {
    this.#fitted = 'pending';
    if (this.canvas.getBoundingClientRect().width && Object.keys(this.#positions).length) {
      this.fit();
      this.#fitted = this.#fitKey();
    }
  }

  override willUpdate(): void {
    const doc = this.#doc.value,
      variant = shownVariant(doc, this.#ui.value.variant);
    if (doc !== this.#positionsDoc || variant !== this.#shown.variant) {
      const view = variantDoc(doc, variant) ?? doc;
      const diff = variant ? diffDesign(baseOf(doc), view) : undefined;
      const layout = diff ? withRemoved(view, baseOf(doc), diff) : view;
      this.#shown = { variant, view, diff, layout };
      this.#positions = diff ? variantPositions(layout, baseOf(doc)) : positionsOf(layout);
      this.#positionsDoc = doc;
    }
  }

  /** Zooms to fit when part of a node lies outside the visible area: after a node is added or removed, or the view shrinks. */
  #revealAll(): void {
    const r = this.canvas.getBoundingClientRect(),
      t = this.#transform;
    const isClipped = Object.values(this.#positions).some((p) => {
      const [x0, y0] = t.apply([p.x - NODE_W / 2, p.y - NODE_H / 2]);
      const [x1, y1] = t.apply([p.x + NODE_W / 2, p.y + NODE_H / 2]);
      return x0 < 0 || y0 < 0 || x1 > r.width || y1 > r.height;
    });
    if (isClipped && r.width) this.fit();
  }

  override updated(): void {
    const source = this.#fitKey();
    if (this.#fitted !== source) this.#refit();
    const ids = Object.keys(this.#shown.layout.components).join('\n');
    if (ids !== this.#ids) {
      if (this.#ids !== undefined && this.#fitted === source) this.#revealAll();
      this.#ids = ids;
    }
    if (this.readonly) return;
    // drag behaviours are made once and given only to elements lit has newly created:
    // re-attaching them to every node on every update (each progress update) cost ~15 ms
    const root = select(this.renderRoot as unknown as Element);
    const isNew = (e: Element) => !this.#wired.has(e) && (this.#wired.add(e), true);
    root
      .selectAll<SVGGElement, unknown>('g.node')
      .filter(function () {
        return isNew(this);
      })
      .call(this.#nodeDrag());
    root
      .selectAll<SVGCircleElement, unknown>('circle.port')
      .filter(function () {
        return isNew(this);
      })
      .call(this.#portDrag());
  }

  /** Elements that already carry their drag behaviour. */
  #wired = new WeakSet<Element>();
  #nodeDragBehaviour?: DragBehavior<SVGGElement, unknown, unknown>;
  #portDragBehaviour?: DragBehavior<SVGCircleElement, unknown, unknown>;

  /** Moving a node: one undo step per drag. */
  #nodeDrag(): DragBehavior<SVGGElement, unknown, unknown> {
    if (this.#nodeDragBehaviour) return this.#nodeDragBehaviour;
    const host = this;
    let tx = '';
    return (this.#nodeDragBehaviour = drag<SVGGElement, unknown>()
      .container(() => this.viewport)
      .filter((e) => !e.button && !(e.target as Element).closest('.port'))
      .subject(function (this: SVGGElement) {
        return { id: this.dataset.id!, ...host.#positions[this.dataset.id!] };
      })
      .on('start', () => (tx = `drag-${performance.now()}`))
      .on('drag', (e) => this.design.trigger.moveNode({ id: e.subject.id, x: e.x, y: e.y, transactionId: tx, variant: this.#variant() })));
  }

  /** Dragging from a port to a node links them; a click on a port starts connect-by-choosing. */
  #portDrag(): DragBehavior<SVGCircleElement, unknown, unknown> {
    if (this.#portDragBehaviour) return this.#portDragBehaviour;
    const ghost = () => select(this.renderRoot as unknown as Element).select('line.ghost');
    let from = '',
      moved = false;
    return (this.#portDragBehaviour = drag<SVGCircleElement, unknown>()
      .container(() => this.viewport)
      .on('start', (e) => {
        from = (e.sourceEvent.target as SVGElement).dataset.id!;
        moved = false;
      })
      .on('drag', (e) => {
        moved = true;
        const p = this.#positions[from];
        ghost()
          .attr('x1', p.x + NODE_W / 2)
          .attr('y1', p.y)
          .attr('x2', e.x)
          .attr('y2', e.y)
          .attr('visibility', 'visible');
      })
      .on('end', (e) => {
        ghost().attr('visibility', 'hidden');
        if (!moved) return this.ui.trigger.startConnect({ from });
        const ev = e.sourceEvent as MouseEvent;
        const target = (this.renderRoot as ShadowRoot).elementFromPoint(ev.clientX, ev.clientY)?.closest<SVGGElement>('g.node')?.dataset.id;
        if (target) this.#connect(from, target);
      }));
  }

  #connect(from: string, to: string): void {
    this.design.trigger.addLink({ from, to, variant: this.#target() });
    this.ui.trigger.endConnect();
    const shown = variantDoc(this.design.getSnapshot().context.doc, this.#shown.variant);
    const index = shown?.links.findIndex((l) => l.from === from && l.to === to) ?? -1;
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
      this.design.trigger.moveNode({ id: item.id, x: p.x + move[0], y: p.y + move[1], variant: this.#variant() });
    } else if (item.type === 'node' && (e.key === 'c' || e.key === 'C')) {
      this.ui.trigger.startConnect({ from: item.id });
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      const variant = this.#target();
      const lock = item.type === 'node' ? lockOf(this.design.getSnapshot().context.doc, ['components', item.id]) : undefined;
      if (item.type === 'node' && lock) this.ui.trigger.notify({ notice: lockedDeleteNotice(item.id, lock) });
      else if (item.type === 'node') this.design.trigger.removeNode({ id: item.id, variant });
      else this.design.trigger.removeLink({ index: this.#targetLink(item.index), variant });
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

  /** What the zoom was fitted to: the design's source and the variant shown. */
  #fitKey(): string {
    return `${this.design.getSnapshot().context.source}\n${this.#shown.variant}`;
  }

  /** The variant shown, as an edit names it (undefined: the base). */
  #variant(): string | undefined {
    return this.#shown.variant || undefined;
  }

  /** Where edits go: the variant shown, unless the user chose to edit the base. */
  #target(): string | undefined {
    return editTarget(this.design.getSnapshot().context.doc, this.ui.getSnapshot().context);
  }

  /** The index, in the design edits go to, of the shown design's link `i` (-1 when it lacks that link). */
  #targetLink(i: number): number {
    const target = this.#target();
    if (target === this.#variant()) return i;
    const doc = variantDoc(this.design.getSnapshot().context.doc, target ?? '');
    return doc ? linkIndexIn(doc, this.#shown.view.links[i]) : -1;
  }

  override render() {
    const doc = this.#shown.view;
    const ui = this.#ui.value;
    const ran = runOfOpenDesign(this.#runs.value)?.result;
    // a run's figures belong on the variant it ran, not on another one drawn after it
    const result = ran && shownVariant(this.#doc.value, ran.variant ?? '') === this.#shown.variant ? ran : undefined;
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
          ${this.#shown.diff && this.isComparing ? removedParts(baseOf(this.#doc.value), this.#shown.diff, this.#positions, this.#shown.variant) : nothing}
          <g class="nodes">${ids.map((id) => this.#node(doc, id, result, sel?.type === 'node' && sel.id === id, ui.connectFrom === id))}</g>
          <g class="links">${doc.links.map((l, i) => this.#link(l, i, sel?.type === 'link' && sel.index === i))}</g>
          <g class="ports">${this.readonly ? nothing : ids.map((id) => this.#port(doc, id))}</g>
          <line class="ghost" visibility="hidden"></line>
        </g>
      </svg>
      ${this.#shown.diff && this.isComparing ? diffLegend(this.#shown.variant) : nothing}
      ${ids.length ? nothing : html`<div class="empty"><strong>An empty canvas.</strong> Pick a scenario above, or add components from the palette (click, or drag them here).</div>`}
      ${ui.connectFrom ? html`<div class="hint" role="status">Choose the node <b>${ui.connectFrom}</b> should call — click it, or Tab to it and press Enter. Esc cancels.</div>` : nothing}
      <div class="tools" role="toolbar" aria-label="View">
        <button title="Zoom in" aria-label="Zoom in" @click=${() => select(this.canvas).call(this.#zoom!.scaleBy, 1.25)}>+</button>
        <button title="Zoom out" aria-label="Zoom out" @click=${() => select(this.canvas).call(this.#zoom!.scaleBy, 0.8)}>−</button>
        <button title="Zoom to fit" aria-label="Zoom to fit" @click=${() => this.fit()}>⤢</button>
        ${
          this.#shown.diff
            ? html`<button title="Compare with the base design: mark what the variant adds and changes, outline what it removes" aria-label="Compare with base" aria-pressed=${this.isComparing} @click=${() => (this.isComparing = !this.isComparing)}>Δ</button>`
            : nothing
        }
        ${
          this.readonly
            ? nothing
            : html`<button title="Automatic layout" aria-label="Automatic layout" @click=${() => {
                this.design.trigger.placeAll({ positions: autoLayout(this.#shown.layout, true), variant: this.#variant() });
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
    const mark = diffMark(this.#shown.diff?.links[i], this.#shown.variant, this.isComparing);
    return svg`<g class="link ${isSelected ? 'selected' : ''} ${mark.cls}" tabindex="0" role="button" data-index=${i}
        aria-label=${`Link from ${l.from} to ${l.to}${lat ? `, latency ${lat}` : ''}${extra ? `, ${extra}` : ''}${mark.text}`}
        @click=${() => this.ui.trigger.select({ selection: { type: 'link', index: i } })}
        @focus=${() => this.ui.trigger.select({ selection: { type: 'link', index: i } })}
        @keydown=${(e: KeyboardEvent) => this.#onItemKey(e, { type: 'link', index: i })}>
      <path class="hit" d=${d}></path>
      <path class="line" d=${d} data-index=${i} marker-end="url(#arrow)"></path>
      ${lat || extra ? this.#linkLabel([lat, extra].filter(Boolean).join(' · '), a, b, mx, my) : nothing}
    </g>`;
  }

  /**
   * A link's label between its nodes, smaller if need be; one too wide for the
   * gap between side-by-side nodes goes above them, never over a node.
   */
  #linkLabel(text: string, a: Pos, b: Pos, mx: number, my: number) {
    const gap = b.x - a.x - NODE_W;
    if (gap < 20) return svg`<text class="latency" x=${mx} y=${my} text-anchor="middle">${text}</text>`;
    this.#mono ||= getComputedStyle(this).getPropertyValue('--mono').trim() || 'monospace';
    const mono = this.#mono;
    const fit = fitLabel(text, gap - 10, { weight: 400, sizePx: 10, minPx: 8.5, family: mono });
    const above = Math.min(a.y, b.y) - NODE_H / 2 - 8;
    return fit.isShortened
      ? svg`<text class="latency" x=${mx} y=${above} text-anchor="middle">${text}</text>`
      : svg`<text class="latency" x=${mx} y=${my} text-anchor="middle" style=${`font-size:${fit.sizePx}px`}>${text}</text>`;
  }

  #node(doc: ScenarioDoc, id: string, result: RunResult | undefined, isSelected: boolean, isSource: boolean) {
    const c = doc.components[id];
    const p = this.#positions[id];
    const def = kinds[c.kind];
    const label = typeof c.label === 'string' && c.label ? c.label : id;
    const n = def ? instancesOf(def, c) : 1;
    const st = result?.components[id];
    const badges = badgesOf(def, st);
    const saturated = result?.warnings.some((w) => w.component === id && (w.code === 'saturated' || w.code === 'overload'));
    const tone = saturated ? 'hot' : st && badges.some((b) => b.key === 'utilization') ? loadTone(st.utilization) : '';
    const x = p.x - NODE_W / 2,
      y = p.y - NODE_H / 2;
    const fit = this.#fitText(label, def?.label ?? `unknown kind ${c.kind}`, n > 1);
    const mark = diffMark(this.#shown.diff?.nodes[id], this.#shown.variant, this.isComparing);
    // the name begins with the box's visible text in its order (kind, name, ×n); badges, tag and warning
    // are drawn beside the button (hidden from screen readers, said in the name), so the two never disagree
    const name = `${def?.label ?? c.kind} ${label}${label === id ? '' : ` (${id})`}${n > 1 ? `, ${n} instances` : ''}${mark.text}${badges.length ? `, ${badges.map((b) => b.name).join(', ')}` : ''}${saturated ? ', saturated' : ''}`;
    return svg`<g class="node ${isSelected ? 'selected' : ''} ${isSource ? 'source' : ''} ${tone} ${mark.cls}" data-id=${id} tabindex="0" role="button" aria-label=${name}
        transform=${`translate(${x},${y})`}
        @click=${() => this.#chooseNode(id)} @focus=${() => !this.ui.getSnapshot().context.connectFrom && this.ui.trigger.select({ selection: { type: 'node', id } })}
        @keydown=${(e: KeyboardEvent) => this.#onItemKey(e, { type: 'node', id })}>
      <title>${fit.name.isShortened ? `${label}: ` : ''}${def?.help ?? c.kind}${mark.title}</title>
      <rect class="ring" x="-6" y="-6" width=${NODE_W + 12} height=${NODE_H + 12} rx="14"></rect>
      ${n > 1 ? svg`<rect class="stack" x="8" y="-8" width=${NODE_W} height=${NODE_H} rx="10"></rect><rect class="stack" x="4" y="-4" width=${NODE_W} height=${NODE_H} rx="10"></rect>` : nothing}
      <rect class="box" width=${NODE_W} height=${NODE_H} rx="10"></rect>
      <rect class="cat ${def?.category ?? ''}" width="6" height=${NODE_H - 16} x="0" y="8" rx="3"></rect>
      <svg x="14" y=${NODE_H / 2 - 12} width="24" height="24" viewBox="0 0 24 24" class="icon">${iconPaths(def?.icon ?? c.kind)}</svg>
      <text class="kind" x="46" y=${NODE_H / 2 + 13} style=${`font-size:${fit.kind.sizePx}px`}>${fit.kind.text}</text>
      <text class="label" x="46" y=${NODE_H / 2 - 3} style=${`font-size:${fit.name.sizePx}px`}>${fit.name.text}</text>
      ${n > 1 ? svg`<g class="count"><rect x=${NODE_W - 34} y="6" width="28" height="16" rx="8"></rect><text x=${NODE_W - 20} y="18" text-anchor="middle">×${n}</text></g>` : nothing}
    </g>
    <g class="node-extras" aria-hidden="true" transform=${`translate(${x},${y})`}>
      ${badgeRows(badges).map(({ b, x, y }) => svg`<g class="badge ${b.key === 'utilization' ? tone : ''}" transform=${`translate(${x},${NODE_H + 6 + y})`}><title>${b.help ?? b.name}</title><rect width=${badgeWidth(b)} height="18" rx="9"></rect><text x=${badgeWidth(b) / 2} y="13" text-anchor="middle">${b.text}</text></g>`)}
      ${diffTag(mark)}
      ${saturated ? svg`<text class="warn" x=${NODE_W / 2} y="-10" text-anchor="middle">⚠ saturated</text>` : nothing}
    </g>`;
  }

  /** Name and kind sized to fit the box: right of the icon, left of the ×n count when there is one. */
  #fitText(name: string, kind: string, hasCount: boolean) {
    this.#family ||= getComputedStyle(this).getPropertyValue('--font').trim() || 'system-ui, sans-serif';
    const key = `${name}\n${kind}\n${hasCount}`;
    let fit = this.#fits.get(key);
    if (!fit) {
      const family = this.#family;
      fit = {
        name: fitLabel(name, NODE_W - 46 - (hasCount ? 38 : 8), { weight: 600, sizePx: 13, minPx: 10, family }),
        kind: fitLabel(kind, NODE_W - 46 - 8, { weight: 400, sizePx: 11, minPx: 9, family }),
      };
      this.#fits.set(key, fit);
    }
    return fit;
  }

  /** A node's output port; drawn above the links (nodes come first so Tab reaches them before the links), so a link never covers it. */
  #port(doc: ScenarioDoc, id: string) {
    const p = this.#positions[id];
    if (!p || kinds[doc.components[id].kind]?.calls === 'none') return nothing;
    return svg`<circle class="port" data-id=${id} cx=${p.x + NODE_W / 2} cy=${p.y} r="7"><title>Drag to connect, or click then choose a target</title></circle>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'archsim-diagram': ArchsimDiagram;
  }
}
