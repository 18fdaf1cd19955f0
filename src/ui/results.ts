/**
 * <archsim-results>: the run shown (live while it runs), compared with a pinned
 * baseline: a Locust-style summary with deltas, per-phase and per-component
 * tables, latency p50/p95/p99 and throughput over time, and the latency
 * percentile plot.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { shownRuns, type RunRecord, type RunsStore } from '../state/runs.js';
import type { RunResult } from '../worker/api.js';
import { StoreController } from './store-controller.js';
import { OKABE_ITO as C, percentilePoints, type ChartSpec, type Series } from './charts.js';
import { count, delta, ms, pct, rps } from './format.js';
import { resultsStyles } from './results-styles.js';
import './chart.js';

type Row = { label: string; get: (r: RunResult) => number | undefined; fmt: (x: number | undefined) => string; isWorseUp: boolean };

const ROWS: Row[] = [
  { label: 'Requests', get: (r) => r.summary.requests, fmt: count, isWorseUp: false },
  { label: 'Failures', get: (r) => r.summary.failed, fmt: count, isWorseUp: true },
  { label: '· timeout', get: (r) => r.summary.failures.timeout, fmt: count, isWorseUp: true },
  { label: '· rejected', get: (r) => r.summary.failures.rejected, fmt: count, isWorseUp: true },
  { label: '· throttled', get: (r) => r.summary.failures.throttled, fmt: count, isWorseUp: true },
  { label: '· error', get: (r) => r.summary.failures.error, fmt: count, isWorseUp: true },
  { label: 'Throughput (req/s)', get: (r) => r.summary.throughputRps, fmt: rps, isWorseUp: false },
  { label: 'Mean', get: (r) => r.summary.latencyMs.mean, fmt: ms, isWorseUp: true },
  { label: 'p50', get: (r) => r.summary.latencyMs.p50, fmt: ms, isWorseUp: true },
  { label: 'p90', get: (r) => r.summary.latencyMs.p90, fmt: ms, isWorseUp: true },
  { label: 'p95', get: (r) => r.summary.latencyMs.p95, fmt: ms, isWorseUp: true },
  { label: 'p99', get: (r) => r.summary.latencyMs.p99, fmt: ms, isWorseUp: true },
  { label: 'Max', get: (r) => r.summary.latencyMs.max, fmt: ms, isWorseUp: true },
];

const pts = (t: number[], v: (number | null)[]): [number, number][] =>
  t.flatMap((x, i) => (v[i] === null || v[i] === undefined ? [] : [[x, v[i] as number] as [number, number]]));

/** Chart specs for a run and an optional baseline. */
export function chartSpecs(r: RunResult | undefined, base: RunResult | undefined, xMax?: number): ChartSpec[] {
  const s = r?.series,
    b = base?.series;
  const latency: Series[] = [
    ...(b ? [{ name: 'baseline p99', points: pts(b.t, b.p99), color: '#888', dash: '2 3', isBaseline: true }] : []),
    { name: 'p50', points: s ? pts(s.t, s.p50) : [], color: C.blue, marker: 'circle' as const },
    { name: 'p95', points: s ? pts(s.t, s.p95) : [], color: C.orange, dash: '6 3', marker: 'square' as const },
    { name: 'p99', points: s ? pts(s.t, s.p99) : [], color: C.vermillion, dash: '2 2', marker: 'triangle' as const },
  ];
  const throughput: Series[] = [
    ...(b ? [{ name: 'baseline ok', points: pts(b.t, b.throughputRps), color: '#888', dash: '2 3', isBaseline: true }] : []),
    { name: 'ok', points: s ? pts(s.t, s.throughputRps) : [], color: C.green, marker: 'circle' as const },
    { name: 'failed', points: s ? pts(s.t, s.errorsPerSec) : [], color: C.vermillion, dash: '6 3', marker: 'diamond' as const },
  ];
  const percentiles: Series[] = [
    ...(base ? [{ name: 'baseline', points: percentilePoints(base.histogram ?? []), color: '#888', dash: '2 3', isBaseline: true }] : []),
    { name: 'this run', points: r ? percentilePoints(r.histogram ?? []) : [], color: C.blue, marker: 'circle' as const },
  ];
  return [
    { title: 'Latency over time', xLabel: 'simulated time', yLabel: 'latency (ms)', series: latency, yLog: true, xMax },
    { title: 'Throughput', xLabel: 'simulated time', yLabel: 'requests/s', series: throughput, xMax },
    {
      title: 'Latency by percentile',
      xLabel: 'percentile (log 1/(1−p) scale)',
      yLabel: 'latency (ms)',
      series: percentiles,
      yLog: true,
      xPercentile: true,
    },
  ];
}

@customElement('archsim-results')
export class ArchsimResults extends LitElement {
  @property({ attribute: false }) runs!: RunsStore;
  /** Simulated ms the run will issue requests for (x axis of live charts). */
  @property({ type: Number }) durationMs?: number;
  /** Show only the summary and latency chart (the embed). */
  @property({ type: Boolean }) compact = false;
  @state() private tab: 'summary' | 'phases' | 'components' = 'summary';
  #runs = new StoreController(
    this,
    () => this.runs,
    (s) => s.context,
  );

  static override styles = resultsStyles;

  override render() {
    const ctx = this.#runs.value;
    const { current, baseline } = shownRuns(ctx);
    const r = current?.result,
      b = baseline?.result;
    const specs = chartSpecs(r, b, current?.status === 'running' ? this.durationMs : undefined);
    return html`<section class="side" aria-label="Run summary">
        ${this.compact ? nothing : this.#runBar(ctx.runs, current, baseline)}
        ${this.#status(current)}
        ${this.compact ? nothing : html`<div class="tabs" role="tablist" aria-label="Result tables">${(['summary', 'phases', 'components'] as const).map((t) => html`<button role="tab" aria-selected=${this.tab === t} @click=${() => (this.tab = t)}>${t[0].toUpperCase() + t.slice(1)}</button>`)}</div>`}
        <div class="table" role="tabpanel">${this.tab === 'phases' ? this.#phases(r) : this.tab === 'components' ? this.#components(r) : this.#summary(r, b, baseline)}</div>
      </section>
      <section class="charts" aria-label="Charts">${(this.compact ? specs.slice(0, 1) : specs).map((s) => html`<archsim-chart .spec=${s}></archsim-chart>`)}</section>`;
  }

  #runBar(runs: RunRecord[], current?: RunRecord, baseline?: RunRecord) {
    const pinned = this.runs.getSnapshot().context.baselineId;
    return html`<div class="runbar">
      <label for="run-pick" class="sr">Run shown</label>
      <select id="run-pick" ?disabled=${!runs.length} @change=${(e: Event) => this.runs.trigger.show({ id: Number((e.target as HTMLSelectElement).value) })}>
        ${runs.length ? runs.map((x) => html`<option value=${x.id} ?selected=${x.id === current?.id}>${x.id === pinned ? '📌 ' : ''}${x.name}</option>`) : html`<option>No runs yet</option>`}
      </select>
      ${
        current && current.id !== pinned && current.result
          ? html`<button @click=${() => this.runs.trigger.pin({ id: current.id })} title="Compare later runs with this one">Pin as baseline</button>`
          : pinned !== null
            ? html`<button @click=${() => this.runs.trigger.pin({ id: null })}>Unpin baseline</button>`
            : nothing
      }
      ${baseline ? html`<span class="vs">vs ${baseline.name.split(' · ')[0]}</span>` : nothing}
    </div>`;
  }

  #status(run?: RunRecord) {
    if (!run) return html`<p class="status idle">Press <b>Run</b> to simulate the design.</p>`;
    const f = run.progress?.fraction ?? (run.status === 'running' ? 0 : 1);
    const warn = run.result?.warnings ?? [];
    return html`
      ${run.status === 'running' ? html`<div class="progress" role="progressbar" aria-label="Run progress" aria-valuemin="0" aria-valuemax="100" aria-valuenow=${Math.round(f * 100)}><span style=${`width:${Math.round(f * 100)}%`}></span></div>` : nothing}
      <p class="status ${run.status}" role="status">${run.status === 'running' ? `Running… ${Math.round(f * 100)}% · ${count(run.result?.summary.requests ?? 0)} requests` : run.status === 'done' ? `Done: ${count(run.result?.events)} events in ${ms(run.result?.wallMs)} wall time` : run.status === 'stopped' ? 'Stopped early: partial results' : 'Run failed'}</p>
      ${run.error ? html`<div class="error" role="alert"><b>${run.error.kind === 'too-large' ? 'Run refused as too large' : run.error.kind === 'invalid' ? 'The design has problems' : 'The simulation failed'}</b><br>${run.error.message}</div>` : nothing}
      ${warn.length ? html`<ul class="warnings" aria-label="Warnings">${warn.map((w) => html`<li>⚠ ${w.message}</li>`)}</ul>` : nothing}`;
  }

  #summary(r?: RunResult, b?: RunResult, baseline?: RunRecord) {
    if (!r) return nothing;
    return html`<table class="summary" aria-label="Summary">
      <thead><tr><th scope="col">Metric</th><th scope="col">This run</th>${b ? html`<th scope="col" title=${baseline!.name}>Baseline</th><th scope="col">Δ</th>` : nothing}</tr></thead>
      <tbody>${ROWS.filter((row) => !row.label.startsWith('·') || (row.get(r) ?? 0) > 0 || (b && (row.get(b) ?? 0) > 0)).map((row) => {
        const v = row.get(r),
          bv = b && row.get(b);
        const d = b ? delta(v, bv) : '';
        const worse = d && d !== '±0%' && d.startsWith('+') === row.isWorseUp;
        return html`<tr><th scope="row">${row.label}</th><td>${row.fmt(v)}</td>${b ? html`<td>${row.fmt(bv)}</td><td class=${d === '±0%' || !d ? '' : worse ? 'worse' : 'better'}>${d}${d && d !== '±0%' ? (worse ? ' ▲' : ' ▼') : ''}</td>` : nothing}</tr>`;
      })}
      <tr><th scope="row">Error rate</th><td>${pct(r.summary.errorRate)}</td>${b ? html`<td>${pct(b.summary.errorRate)}</td><td></td>` : nothing}</tr></tbody></table>`;
  }

  #phases(r?: RunResult) {
    if (!r?.phases.length) return html`<p class="status idle">No phases in this scenario.</p>`;
    return html`<table aria-label="Phases"><thead><tr><th>Phase</th><th>Requests</th><th>Fails</th><th>req/s</th><th>Mean</th><th>p50</th><th>p95</th><th>p99</th><th>Max</th></tr></thead>
      <tbody>${r.phases.map((p) => html`<tr><th scope="row">${p.name}</th><td>${count(p.requests)}</td><td>${count(p.failed)}</td><td>${rps(p.throughputRps)}</td><td>${ms(p.latencyMs.mean)}</td><td>${ms(p.latencyMs.p50)}</td><td>${ms(p.latencyMs.p95)}</td><td>${ms(p.latencyMs.p99)}</td><td>${ms(p.latencyMs.max)}</td></tr>`)}</tbody></table>`;
  }

  #components(r?: RunResult) {
    if (!r) return nothing;
    return html`<table aria-label="Components"><thead><tr><th>Component</th><th>Arrivals</th><th>Failed</th><th>Busy</th><th>Queue mean/max</th><th>Wait p99</th><th>Latency p99</th></tr></thead>
      <tbody>${Object.entries(r.components).map(([id, c]) => html`<tr><th scope="row">${id}<small> ${c.kind}</small></th><td>${count(c.arrivals)}</td><td>${count(c.failed)}</td><td>${pct(c.utilization)}</td><td>${c.queueLength.mean.toFixed(1)} / ${count(c.queueLength.max)}</td><td>${ms(c.waitMs.p99)}</td><td>${ms(c.latencyMs.p99)}</td></tr>`)}</tbody></table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'archsim-results': ArchsimResults;
  }
}
