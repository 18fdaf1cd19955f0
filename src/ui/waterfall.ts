/**
 * <archsim-waterfall>: one traced request as a waterfall — a table whose rows
 * are its spans in reading order (indented under their parent), each with a
 * bar placed on the request's own time axis, its component, start, duration
 * and outcome. The table is the accessible form; the bars are its picture.
 * "Download trace" writes the request as Chrome trace-event JSON.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RequestTrace, TraceSpan } from '../output/trace-data.js';
import { chromeTrace, traceLabel } from '../output/chrome-trace.js';
import { spanRows } from '../analysis/trace-pick.js';
import { downloadBlob } from './chart-export.js';

/** Bar colours by what a span is (Okabe–Ito, as the charts). */
const BAR: Record<TraceSpan['cat'], string> = {
  request: '#000000',
  call: '#0072B2',
  attempt: '#56B4E9',
  network: '#999999',
  visit: '#009E73',
  queue: '#E69F00',
  work: '#CC79A7',
};

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/** One traced request's spans as a table of bars, with a picker of the run's traced requests and a download. */
@customElement('archsim-waterfall')
export class ArchsimWaterfall extends LitElement {
  /** Every traced request of the run, to choose from. */
  @property({ attribute: false }) traces: RequestTrace[] = [];
  /** The request shown (its `requestId`); the slowest when unset. */
  @property({ type: Number }) selected?: number;

  static override styles = css`
    :host { display: block; font: 12px/1.4 var(--font); color: var(--text); }
    .head { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; margin-bottom: 6px; }
    h3 { margin: 0; font: 600 12px/1.4 var(--font); }
    select, button { font: 12px var(--font); color: var(--text); background: var(--surface); border: 1px solid var(--line); border-radius: 4px; padding: 2px 6px; }
    button { cursor: pointer; }
    button:hover { color: var(--accent); border-color: var(--accent); }
    :is(select, button):focus-visible { outline: 2px solid var(--focus); }
    .hint { color: var(--muted); }
    table { width: 100%; border-collapse: collapse; table-layout: fixed; }
    caption { text-align: left; color: var(--muted); padding-bottom: 4px; }
    th, td { padding: 1px 3px; text-align: left; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; border-bottom: 1px solid var(--grid); }
    thead th { font-weight: 600; color: var(--muted); font-size: 11px; }
    th.span { width: 32%; font-weight: normal; }
    .comp { width: 5.8em; }
    .num { width: 4.6em; text-align: right; font-variant-numeric: tabular-nums; }
    .status { width: 5em; }
    td.bar { position: relative; height: 16px; }
    .bar i { position: absolute; top: 3px; bottom: 3px; min-width: 1px; border-radius: 2px; opacity: 0.85; }
    tr.bad .status { color: var(--hot); font-weight: 600; }
  `;

  /** The trace on show: the selected request, else the slowest, else the first. */
  get shown(): RequestTrace | undefined {
    const t = this.traces;
    return t.find((x) => x.requestId === this.selected) ?? t.find((x) => x.why.includes('slowest')) ?? t[0];
  }

  override render() {
    const t = this.shown;
    if (!t) return html`<p class="hint">No traced requests in this run.</p>`;
    return html`<div class="head">
        <h3 id="title">Request trace</h3>
        <label>Traced request
          <select @change=${(e: Event) => this.#choose(Number((e.target as HTMLSelectElement).value))}>
            ${this.traces.map((x) => html`<option value=${x.requestId} ?selected=${x === t}>${traceLabel(x)}</option>`)}
          </select></label>
        <button @click=${() => this.#download(t)}>Download trace</button>
        <span class="hint">Click a point of the latency chart to trace a request near it.</span>
      </div>
      ${this.#table(t)}`;
  }

  #table(t: RequestTrace) {
    const t0 = t.issuedMs,
      total = Math.max(t.latencyMs, 1e-9);
    const pct = (x: number) => `${Math.max(0, Math.min(100, ((x - t0) / total) * 100)).toFixed(3)}%`;
    return html`<table aria-labelledby="title">
      <caption>${traceLabel(t)}, issued at ${ms(t0 / 1000)} s: each row is one span, indented under the span it is part of; times in ms from the request's start.</caption>
      <thead><tr><th class="span" scope="col">Span</th><th class="comp" scope="col">Component</th><th class="num" scope="col" title="ms from the request's start">Start</th><th class="num" scope="col" title="ms">Duration</th><th class="status" scope="col">Outcome</th><th scope="col">Timeline</th></tr></thead>
      <tbody>${spanRows(t).map(({ span: s, depth }) => {
        const isBad = s.status !== undefined && s.status !== 'ok';
        const note = s.args?.answer ? ` (${s.args.answer})` : '';
        return html`<tr class=${isBad ? 'bad' : ''}>
          <th class="span" scope="row" style=${`padding-left:${6 + depth * 12}px`} title=${s.name}>${s.name}</th>
          <td class="comp">${s.component}</td>
          <td class="num">${ms(s.startMs - t0)}</td>
          <td class="num">${ms(s.endMs - s.startMs)}</td>
          <td class="status" title=${s.status ? `${s.status}${note}` : ''}>${s.status ?? nothing}</td>
          <td class="bar" aria-hidden="true"><i style=${`left:${pct(s.startMs)};width:calc(${pct(s.endMs)} - ${pct(s.startMs)});background:${BAR[s.cat]}`}></i></td>
        </tr>`;
      })}</tbody></table>`;
  }

  #choose(requestId: number): void {
    this.selected = requestId;
    this.dispatchEvent(new CustomEvent('trace-select', { detail: requestId, bubbles: true, composed: true }));
  }

  #download(t: RequestTrace): void {
    const doc = chromeTrace([t], { request: String(t.requestId) });
    downloadBlob(`trace-request-${t.requestId}.json`, new Blob([JSON.stringify(doc)], { type: 'application/json' }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'archsim-waterfall': ArchsimWaterfall;
  }
}
