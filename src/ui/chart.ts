/** <archsim-chart>: one d3 chart with a legend, redrawn when its spec or size changes. */
import { LitElement, css, html, svg } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { drawChart, type ChartSpec } from './charts.js';

@customElement('archsim-chart')
export class ArchsimChart extends LitElement {
  @property({ attribute: false }) spec?: ChartSpec;
  @query('svg.plot') private plot!: SVGSVGElement;
  #size = { w: 0, h: 0 };
  #observer = new ResizeObserver(([e]) => {
    this.#size = { w: e.contentRect.width, h: e.contentRect.height };
    this.#draw();
  });

  static override styles = css`
    :host { display: flex; flex-direction: column; min-width: 0; min-height: 0; }
    h3 { margin: 0 0 2px; font: 600 12px/1.4 var(--font); color: var(--text); }
    .legend { display: flex; flex-wrap: wrap; gap: 2px 10px; font: 11px/1.4 var(--font); color: var(--muted); }
    .legend span { display: inline-flex; align-items: center; gap: 4px; }
    .box { flex: 1; min-height: 0; position: relative; }
    svg.plot { position: absolute; inset: 0; overflow: visible; }
    svg.plot .axis text { fill: var(--muted); font: 10px var(--font); }
    svg.plot .axis path, svg.plot .axis line { stroke: var(--line); }
    svg.plot .grid line { stroke: var(--grid); }
    svg.plot .grid path { display: none; }
    svg.plot .axis-label { fill: var(--muted); font: 10px var(--font); }
    .empty { position: absolute; inset: 0; display: grid; place-items: center; color: var(--muted); font: 12px var(--font); }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    this.updateComplete.then(() => this.#observer.observe(this.renderRoot.querySelector('.box')!));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer.disconnect();
  }

  override render() {
    const s = this.spec;
    const hasData = !!s?.series.some((x) => x.points.length);
    return html`<h3>${s?.title}</h3>
      <div class="legend">${s?.series.map((x) => html`<span>${svg`<svg width="22" height="10" aria-hidden="true"><line x1="1" y1="5" x2="21" y2="5" stroke=${x.color} stroke-width="2" stroke-dasharray=${x.dash ?? 'none'} stroke-opacity=${x.isBaseline ? 0.55 : 1}/></svg>`}${x.name}</span>`)}</div>
      <div class="box"><svg class="plot" role="img" aria-label=${s ? `${s.title}: ${s.yLabel} against ${s.xLabel}` : 'chart'}></svg>${hasData ? '' : html`<div class="empty">No data yet — press Run</div>`}</div>`;
  }

  override updated(): void {
    this.#draw();
  }

  #draw(): void {
    if (this.spec && this.plot && this.#size.w) drawChart(this.plot, this.spec, this.#size.w, this.#size.h);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'archsim-chart': ArchsimChart;
  }
}
