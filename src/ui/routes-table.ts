/**
 * <archsim-routes-table>: a run's figures per route, as Locust prints them —
 * Name, # requests, # fails, median, p90, p95, p99, average, min, max, req/s —
 * with the aggregate last; a replicated run shows each cell as its mean ± 95 %
 * half-width. Rendered into the light DOM, so the results panel's table styles apply.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RunResult } from '../worker/api.js';
import type { RouteSummary, Summary } from '../run/result.js';
import { estimateBy, withInterval } from './replicated.js';
import { count, rps } from './format.js';

/** A latency in ms as Locust prints it, a bare number (the caption gives the unit), so the eleven columns fit the panel. */
const ms = (x: number | undefined): string => {
  if (x === undefined || !Number.isFinite(x)) return '—';
  if (x >= 100) return Math.round(x).toLocaleString('en-US');
  return x.toFixed(x >= 10 ? 1 : 2);
};

/** A column: its header, what the header stands for, the figure of a route (or of the aggregate), and its format. */
type Column = [
  header: string,
  title: string,
  get: (s: Summary | RouteSummary) => number | undefined,
  fmt: (x: number | undefined) => string,
];

const COLUMNS: Column[] = [
  ['Reqs', '# Requests issued in the measured interval', (s) => s.requests, count],
  ['Fails', '# Fails: requests that failed, for any reason', (s) => s.failed, count],
  ['Median', 'Median latency (ms)', (s) => s.latencyMs.p50, ms],
  ['p90', '90th percentile latency (ms)', (s) => s.latencyMs.p90, ms],
  ['p95', '95th percentile latency (ms)', (s) => s.latencyMs.p95, ms],
  ['p99', '99th percentile latency (ms)', (s) => s.latencyMs.p99, ms],
  ['Avg', 'Average latency (ms)', (s) => s.latencyMs.mean, ms],
  ['Min', 'Fastest answer (ms)', (s) => ('min' in s.latencyMs ? (s.latencyMs.min as number) : undefined), ms],
  ['Max', 'Slowest answer (ms)', (s) => s.latencyMs.max, ms],
  ['Req/s', 'Answered requests per second', (s) => s.throughputRps, rps],
];

/** The per-route table of a run (Locust's statistics table). */
@customElement('archsim-routes-table')
export class ArchsimRoutesTable extends LitElement {
  /** The run shown. */
  @property({ attribute: false }) result?: RunResult;
  /** Its replications, when it was replicated: cells show mean ± 95 % half-width. */
  @property({ attribute: false }) replicas?: RunResult[];

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    const r = this.result;
    const names = Object.keys(r?.routes ?? {});
    if (!r || !names.length) return html`<p class="status idle">No routes in this run.</p>`;
    const reps = this.replicas;
    const cell = (of: (x: RunResult) => Summary | RouteSummary | undefined, [, , get, fmt]: Column) => {
      const figure = (x: RunResult) => {
        const s = of(x);
        return s && get(s);
      };
      return reps ? withInterval(estimateBy(reps, figure), fmt) : fmt(figure(r));
    };
    const row = (label: string, of: (x: RunResult) => Summary | RouteSummary | undefined) =>
      html`<tr><th scope="row">${label}</th>${COLUMNS.map((c) => html`<td>${cell(of, c)}</td>`)}</tr>`;
    return html`<style>
        table.routes { font-size: 12px; }
        table.routes th, table.routes td { padding: 1px 3px; }
        table.routes caption { caption-side: bottom; text-align: left; color: var(--muted); padding: 2px 4px; }
      </style>
      <table class="routes" aria-label="Routes">
      <caption>Latency in ms of answered requests; Fails counts every failure on the route.</caption>
      <thead><tr><th scope="col">Name</th>${COLUMNS.map(([h, title]) => html`<th scope="col" title=${title}>${h}</th>`)}</tr></thead>
      <tbody>
        ${names.map((name) => row(name, (x) => (x.routes && Object.hasOwn(x.routes, name) ? x.routes[name] : undefined)))}
        ${names.length > 1 ? row('Aggregated', (x) => x.summary) : nothing}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'archsim-routes-table': ArchsimRoutesTable;
  }
}
