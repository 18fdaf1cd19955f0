/**
 * <archsim-chart>: one d3 chart with a legend, redrawn in place at most once
 * per animation frame when its spec or size changes, and offered as an SVG or
 * PNG download.
 */
import { LitElement, css, html, svg } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { drawChart, fmtTime, pointAt, type ChartSpec } from './charts.js';
import { downloadBlob, pngOf, standaloneSvg } from './chart-export.js';

/** A file name from a chart title: "Latency over time" → "latency-over-time". */
const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'chart';

/**
 * Charts waiting to be drawn, one per animation frame: a live run changes all
 * of them at once, and three redraws (with the layout and paint they cause) in
 * one frame would make a long task on a slow machine.
 */
const waiting = new Set<ArchsimChart>();
let isFrameRequested = false;
function drawNext(): void {
  isFrameRequested = false;
  const [next] = waiting;
  if (!next) return;
  waiting.delete(next);
  next.draw();
  requestFrame();
}
function requestFrame(): void {
  if (isFrameRequested || !waiting.size) return;
  isFrameRequested = true;
  requestAnimationFrame(drawNext);
}

@customElement('archsim-chart')
export class ArchsimChart extends LitElement {
  @property({ attribute: false }) spec?: ChartSpec;
  /** A click on the plot announces the nearest point (`chart-point`, detail {series, x, y}). */
  @property({ type: Boolean }) isPickable = false;
  @query('svg.plot') private plot!: SVGSVGElement;
  #size = { w: 0, h: 0 };
  #observer = new ResizeObserver(([e]) => {
    this.#size = { w: e.contentRect.width, h: e.contentRect.height };
    this.#schedule();
  });

  static override styles = css`
    :host { display: flex; flex-direction: column; min-width: 0; min-height: 0; contain: content; }
    .head { display: flex; align-items: baseline; gap: 6px; }
    h3 { margin: 0 0 2px; font: 600 12px/1.4 var(--font); color: var(--text); flex: 1; min-width: 0; }
    .head button { padding: 0 5px; border: 1px solid var(--line); border-radius: 4px; background: var(--surface); color: var(--muted); font: 10px/1.5 var(--font); cursor: pointer; }
    .head button:hover { color: var(--accent); border-color: var(--accent); }
    .head button:focus-visible { outline: 2px solid var(--focus); }
    .head button:disabled { opacity: 0.4; cursor: default; }
    .legend { display: flex; flex-wrap: wrap; gap: 2px 10px; font: 11px/1.4 var(--font); color: var(--muted); }
    .legend span { display: inline-flex; align-items: center; gap: 4px; }
    .box { flex: 1; min-height: 0; position: relative; contain: strict; will-change: transform; }
    svg.plot { position: absolute; inset: 0; overflow: visible; }
    svg.plot .axis text { fill: var(--muted); font: 10px var(--font); }
    svg.plot .axis path, svg.plot .axis line { stroke: var(--line); }
    svg.plot .grid line { stroke: var(--grid); }
    svg.plot .grid path { display: none; }
    svg.plot .axis-label { fill: var(--muted); font: 10px var(--font); }
    svg.plot .event line { stroke: var(--text); stroke-opacity: 0.6; }
    svg.plot .event-label { fill: var(--text); font: 600 9px var(--font); paint-order: stroke; stroke: var(--panel); stroke-width: 3px; }
    .empty { position: absolute; inset: 0; display: grid; place-items: center; color: var(--muted); font: 12px var(--font); }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    this.updateComplete.then(() => this.#observer.observe(this.renderRoot.querySelector('.box')!));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer.disconnect();
    waiting.delete(this);
  }

  /** The accessible name of the plot: what it shows, and the timeline events marked on it. */
  #describe(s: ChartSpec): string {
    const events = s.events ?? [];
    const span = s.xMax ?? Math.max(0, ...events.map((x) => x.at));
    const at = (x: number) => (s.xFormat ? s.xFormat(x) : fmtTime(x, span));
    const marked = events.length ? `; events: ${events.map((e) => `${e.label} at ${at(e.at)}`).join(', ')}` : '';
    return `${s.title}: ${s.yLabel} against ${s.xLabel}${marked}`;
  }

  override render() {
    const s = this.spec;
    const hasData = !!s?.series.some((x) => x.points.length);
    const title = s?.title ?? 'chart';
    return html`<div class="head"><h3 title=${s?.help ?? ''}>${s?.title}</h3>
        <button ?disabled=${!hasData} aria-label=${`Download ${title} as SVG`} title="Download this chart as SVG" @click=${() => this.#download('svg')}>SVG</button>
        <button ?disabled=${!hasData} aria-label=${`Download ${title} as PNG`} title="Download this chart as PNG" @click=${() => this.#download('png')}>PNG</button></div>
      <div class="legend">${s?.series.map((x) => html`<span>${svg`<svg width="22" height="10" aria-hidden="true"><line x1="1" y1="5" x2="21" y2="5" stroke=${x.color} stroke-width="2" stroke-dasharray=${x.dash ?? 'none'} stroke-opacity=${x.isBaseline ? 0.55 : 1}/></svg>`}${x.name}</span>`)}</div>
      <div class="box"><svg class="plot" role="img" aria-label=${s ? `${this.#describe(s)}${this.isPickable && hasData ? '. Click a point to open the traced request nearest it' : ''}` : 'chart'} style=${this.isPickable && hasData ? 'cursor:crosshair' : ''} @click=${this.#pick}></svg>${hasData ? '' : html`<div class="empty">No data yet — press Run</div>`}</div>`;
  }

  override updated(): void {
    this.#schedule();
  }

  /** Queues a draw: charts take turns, one per animation frame, and changes made while queued share one draw. */
  #schedule(): void {
    waiting.add(this);
    requestFrame();
  }

  /** Draws the current spec at the current size now (the frame queue calls this). */
  draw(): void {
    if (this.spec && this.plot && this.#size.w) drawChart(this.plot, this.spec, this.#size.w, this.#size.h);
  }

  /** A click on a pickable plot: announce the point drawn nearest it. */
  #pick = (e: MouseEvent): void => {
    if (!this.isPickable || !this.spec || !this.plot) return;
    const box = this.plot.getBoundingClientRect();
    const point = pointAt(this.plot, this.spec, e.clientX - box.left, e.clientY - box.top);
    if (point) this.dispatchEvent(new CustomEvent('chart-point', { detail: point, bubbles: true, composed: true }));
  };

  async #download(format: 'svg' | 'png'): Promise<void> {
    if (!this.spec || !this.plot) return;
    const text = standaloneSvg(this.plot, this.spec, getComputedStyle(this));
    const name = `${slug(this.spec.title)}.${format}`;
    downloadBlob(name, format === 'svg' ? new Blob([text], { type: 'image/svg+xml' }) : await pngOf(text));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'archsim-chart': ArchsimChart;
  }
}
