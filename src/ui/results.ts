/**
 * <archsim-results>: the run shown (live while it runs), compared with a pinned
 * baseline: a Locust-style summary with cost and deltas (arrow: which way the
 * figure moved; colour: better or worse for that figure), per-phase and
 * per-component tables, the selected component's detail, charts over time with
 * the timeline's events marked, and downloads (CSV and JSON as the CLI writes
 * them). Runs of another design are named as such.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { kinds } from '../kinds/index.js';
import { csvReport } from '../output/csv.js';
import { csvReplications } from '../output/csv-replications.js';
import { jsonSafe } from '../output/terminal-safe.js';
import { isOfOpenDesign, replicasOf, shownRuns, type RunRecord, type RunsContext, type RunsStore } from '../state/runs.js';
import type { UiStore } from '../state/ui.js';
import type { RunResult } from '../worker/api.js';
import type { PhaseSummary } from '../run/result.js';
import type { ComponentStats } from '../kinds/define.js';
import { figureAt } from '../analysis/aggregate.js';
import { withAnalysis } from '../analysis/analyze.js';
import { aggregateOf, estimateBy, isPaired, pairedChange, plusMinus, withBands, withInterval } from './replicated.js';
import type { TimelineEvent } from '../timeline/events.js';
import { StoreController } from './store-controller.js';
import { OKABE_ITO as C, percentilePoints, type ChartEvent, type ChartSpec, type Series } from './charts.js';
import { downloadBlob } from './chart-export.js';
import { detailCharts, detailTable } from './detail.js';
import { count, delta, ms, pct, rps } from './format.js';
import { formatUsd } from '../kinds/format-stat.js';
import { resultsStyles } from './results-styles.js';
import './chart.js';
import './waterfall.js';
import { nearestTrace } from '../analysis/trace-pick.js';
import './routes-table.js';
import './analysis.js';

/** A summary figure: how to read it from a result, how to show it, and whether a rise is bad news. */
type Row = {
  label: string;
  /** Where the figure is in a result (aggregate.ts's figureAt reads it, so replicas and paired differences use the same path). */
  path: string;
  fmt: (x: number | undefined) => string;
  /** Whether a rise is bad news (latency, errors, cost) or good (throughput); undefined: neither (the number of requests). */
  isWorseUp?: boolean;
  /** Shown only when a run reports it (cost, for designs that price their components). */
  isOptional?: boolean;
};

const figureOf = (row: Row, r: RunResult) => figureAt(r, row.path);

/** What the design delivers: throughput and the latency of answered requests (the table named "Summary"). */
const PERFORMANCE: Row[] = [
  { label: 'Throughput', path: 'summary.throughputRps', fmt: (x) => (x === undefined ? '—' : `${rps(x)}/s`), isWorseUp: false },
  ...(['mean', 'p50', 'p90', 'p95', 'p99', 'max'] as const).map((k) => ({
    label: k === 'mean' ? 'Mean' : k === 'max' ? 'Max' : k,
    path: `summary.latencyMs.${k}`,
    fmt: ms,
    isWorseUp: true,
  })),
];

/** What it took and what it lost: requests, failures and cost. */
const VOLUME: Row[] = [
  { label: 'Requests', path: 'summary.requests', fmt: count },
  { label: 'Failures', path: 'summary.failed', fmt: count, isWorseUp: true },
  { label: 'Error rate', path: 'summary.errorRate', fmt: pct, isWorseUp: true },
  { label: 'Run cost', path: 'summary.cost.run', fmt: formatUsd, isWorseUp: true, isOptional: true },
  { label: 'Per month', path: 'summary.cost.perMonth', fmt: formatUsd, isWorseUp: true, isOptional: true },
];

/** How a change reads: the arrow follows the figure (▲ up, ▼ down), the tone says whether that is better or worse. */
export function change(row: Pick<Row, 'isWorseUp'>, value: number | undefined, base: number | undefined) {
  const text = delta(value, base);
  if (!text || text === '±0%') return { text, arrow: '', tone: '', words: text ? 'unchanged' : '' };
  const isUp = text.startsWith('+');
  const tone = row.isWorseUp === undefined ? '' : isUp === row.isWorseUp ? 'worse' : 'better';
  return { text, arrow: isUp ? '▲' : '▼', tone, words: `${isUp ? 'up' : 'down'} ${text.slice(1)}${tone ? `, ${tone}` : ''}` };
}

const pts = (t: number[], v: (number | null)[]): [number, number][] =>
  t.flatMap((x, i) => (v[i] === null || v[i] === undefined ? [] : [[x, v[i] as number] as [number, number]]));

/** A timeline event as a chart label: "kill app #2", "slow db ×3", "set users.rate". */
export function eventLabel(e: TimelineEvent): string {
  const who = `${e.target}${e.instance ? ` #${e.instance}` : ''}`;
  if (e.action === 'set') return `set ${e.target}.${e.param ?? ''}`;
  return `${e.action} ${who}${e.action === 'slow' && e.factor !== undefined ? ` ×${e.factor}` : ''}`;
}

/** Chart specs for a run and an optional baseline; `events` are marked on the time charts. */
export function chartSpecs(r: RunResult | undefined, base: RunResult | undefined, xMax?: number, events: ChartEvent[] = []): ChartSpec[] {
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
    { title: 'Latency over time', xLabel: 'simulated time', yLabel: 'latency (ms)', series: latency, yLog: true, xMax, events },
    { title: 'Throughput', xLabel: 'simulated time', yLabel: 'requests/s', series: throughput, xMax, events },
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

/** A file name for a run's download: "run-3-m-m-1.csv". */
const fileName = (run: RunRecord, ext: string) =>
  `run-${run.id}-${
    run.design.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'design'
  }.${ext}`;

/** A table cell's text: the run's figure, or for a replicated run its mean ± 95 % half-width over the replicas. */
const cellOf =
  (r: RunResult, reps?: RunResult[]) =>
  (get: (x: RunResult) => number | undefined, fmt: (x: number | undefined) => string): string =>
    reps ? withInterval(estimateBy(reps, get), fmt) : fmt(get(r));

/** A one-line note (the whole sentence in its tooltip too). */
const note = (text: string) => html`<p class="note" role="note" title=${text}>${text}</p>`;

type Tab = 'summary' | 'routes' | 'phases' | 'components' | 'component' | 'analysis' | 'trace';
const TABS: [Tab, string][] = [
  ['summary', 'Summary'],
  ['routes', 'Routes'],
  ['phases', 'Phases'],
  ['components', 'Components'],
  ['component', 'Component'],
  ['analysis', 'Analysis'],
  ['trace', 'Trace'],
];

@customElement('archsim-results')
export class ArchsimResults extends LitElement {
  @property({ attribute: false }) runs!: RunsStore;
  /** The UI store, for the selected component (the detail view); the embed has none. */
  @property({ attribute: false }) ui?: UiStore;
  /** Simulated ms the run will issue requests for (x axis of live charts). */
  @property({ type: Number }) durationMs?: number;
  /** Show only the summary and latency chart (the embed). */
  @property({ type: Boolean }) compact = false;
  @state() private tab: Tab = 'summary';
  /** The traced request the Trace tab shows (its number; the slowest when unset). */
  @state() private traceId?: number;
  #runs = new StoreController(
    this,
    () => this.runs,
    (s) => s.context,
  );
  #selected = new StoreController(
    this,
    () => this.ui,
    (s) => {
      const sel = s.context.selection;
      return sel?.type === 'node' ? sel.id : undefined;
    },
  );

  static override styles = resultsStyles;

  override render() {
    const ctx = this.#runs.value;
    const { current, baseline } = shownRuns(ctx);
    const r = current?.result,
      // a baseline alone compares nothing: with no run shown (another design just opened), no baseline either
      b = current ? baseline?.result : undefined;
    const xMax = current?.status === 'running' ? this.durationMs : undefined;
    const events = (current?.events ?? []).map((e) => ({ at: e.at, label: eventLabel(e) }));
    const id = this.#selected.value;
    const detail = this.tab === 'component' && r && id ? detailCharts(kinds[r.components[id]?.kind ?? ''], id, r, events, xMax) : [];
    // a replicated run shows its means and intervals once every replication is in
    const reps = current && current.status !== 'running' ? replicasOf(current) : undefined,
      baseReps = b && baseline ? replicasOf(baseline) : undefined;
    const specs = reps ? withBands(chartSpecs(r, b, xMax, events), reps) : chartSpecs(r, b, xMax, events);
    const shown = this.compact ? specs.slice(0, 1) : detail.length ? [...detail, ...specs].slice(0, 3) : specs;
    return html`<section class="side" aria-label="Run summary">
        ${this.compact ? nothing : this.#runBar(ctx, current, baseline)}
        ${this.#status(current)}
        ${current && !isOfOpenDesign(ctx, current) ? note(`This run is of another design, “${current.design.title}”: the diagram shows the design open now, without its figures.`) : nothing}
        ${baseline && current && baseline.design.key !== current.design.key ? note(`Baseline of another design: “${baseline.design.title}” (${baseline.name.split(' · ')[0]}); the differences include the change of design.`) : nothing}
        ${this.compact ? nothing : this.#tabs(id)}
        <div class="table" role=${this.compact ? nothing : 'tabpanel'} aria-label=${TABS.find(([t]) => t === this.tab)![1]}>${this.#panel(r, b, baseline, id, current?.status === 'running', reps, baseReps)}${this.#warnings(r)}</div>
      </section>
      <section class="charts" aria-label="Charts">${shown.map((s) => html`<archsim-chart .spec=${s} ?isPickable=${!this.compact && s.title === 'Latency over time' && !!r?.traces?.length} @chart-point=${(e: CustomEvent<{ x: number; y: number }>) => this.#showTrace(r, e.detail)}></archsim-chart>`)}</section>`;
  }

  /** A point of the latency chart was clicked: show the traced request nearest it. */
  #showTrace(r: RunResult | undefined, point: { x: number; y: number }): void {
    const t = r ? nearestTrace(r.traces ?? [], point.x, point.y, r.series.bucketMs) : undefined;
    if (!t) return;
    this.traceId = t.requestId;
    this.tab = 'trace';
  }

  #tabs(id: string | undefined) {
    return html`<div class="tabs" role="tablist" aria-label="Result tables">${TABS.map(
      ([t, label]) =>
        html`<button role="tab" aria-selected=${this.tab === t} @click=${() => (this.tab = t)}>${t === 'component' && id ? `Component: ${id}` : label}</button>`,
    )}</div>`;
  }

  #panel(
    r: RunResult | undefined,
    b: RunResult | undefined,
    baseline: RunRecord | undefined,
    id: string | undefined,
    isRunning: boolean,
    reps?: RunResult[],
    baseReps?: RunResult[],
  ) {
    if (this.tab === 'trace' && !this.compact)
      return html`<archsim-waterfall .traces=${r?.traces ?? []} .selected=${this.traceId} @trace-select=${(e: CustomEvent<number>) => (this.traceId = e.detail)}></archsim-waterfall>`;
    if (this.compact || this.tab === 'summary') return this.#summary(r, b, baseline, isRunning, reps, baseReps);
    if (this.tab === 'routes') return html`<archsim-routes-table .result=${r} .replicas=${reps}></archsim-routes-table>`;
    if (this.tab === 'phases') return this.#phases(r, reps);
    if (this.tab === 'components') return this.#components(r, reps);
    if (this.tab === 'analysis') return html`<archsim-analysis .result=${r}></archsim-analysis>`;
    return detailTable(r && id ? kinds[r.components[id]?.kind ?? ''] : undefined, id, r, reps);
  }

  #runBar(ctx: RunsContext, current?: RunRecord, baseline?: RunRecord) {
    const { runs, baselineId: pinned } = ctx;
    const done = current?.result && current.status !== 'running' ? current : undefined;
    return html`<div class="runbar">
      <label for="run-pick" class="sr">Run shown</label>
      <select id="run-pick" ?disabled=${!runs.length} @change=${(e: Event) => this.runs.trigger.show({ id: Number((e.target as HTMLSelectElement).value) })}>
        ${current ? nothing : html`<option selected value="">${runs.length ? 'No run of this design yet' : 'No runs yet'}</option>`}
        ${runs.map((x) => html`<option value=${x.id} ?selected=${x.id === current?.id}>${x.id === pinned ? '📌 ' : ''}${x.name}${isOfOpenDesign(ctx, x) ? '' : ' (other design)'}</option>`)}
      </select>
      ${
        current && current.id !== pinned && current.result
          ? html`<button @click=${() => this.runs.trigger.pin({ id: current.id })} title="Compare later runs with this one">Pin as baseline</button>`
          : pinned !== null
            ? html`<button @click=${() => this.runs.trigger.pin({ id: null })}>Unpin baseline</button>`
            : nothing
      }
      <button ?disabled=${!done} aria-label="Download results as CSV" title="The run's table as CSV (the same as archsim run --csv)" @click=${() => done && this.#download(done, 'csv')}>CSV</button>
      <button ?disabled=${!done} aria-label="Download results as JSON" title="The whole result as JSON (the same as archsim run --json)" @click=${() => done && this.#download(done, 'json')}>JSON</button>
      ${baseline ? html`<span class="vs">vs ${baseline.name.split(' · ')[0]}</span>` : nothing}
    </div>`;
  }

  /** Downloads the run as the CLI writes it: a replicated run as `archsim run --replications N` does (the aggregate and the runs; CSV with _ci95 columns). */
  #download(run: RunRecord, format: 'csv' | 'json'): void {
    const r = run.result!,
      reps = replicasOf(run);
    const json = () => JSON.stringify(reps ? { ...aggregateOf(reps), runs: reps } : withAnalysis(r), null, 2);
    const text = format === 'csv' ? (reps ? csvReplications(aggregateOf(reps)) : csvReport(r)) : jsonSafe(json());
    downloadBlob(fileName(run, format), new Blob([`${text}\n`], { type: format === 'csv' ? 'text/csv' : 'application/json' }));
  }

  #status(run?: RunRecord) {
    if (!run) return html`<p class="status idle">Press <b>Run</b> to simulate the design.</p>`;
    const f = run.progress?.fraction ?? (run.status === 'running' ? 0 : 1);
    return html`
      ${run.status === 'running' ? html`<div class="progress" role="progressbar" aria-label="Run progress" aria-valuemin="0" aria-valuemax="100" aria-valuenow=${Math.round(f * 100)}><span style=${`transform:scaleX(${Math.round(f * 100) / 100})`}></span></div>` : nothing}
      <p class="status ${run.status}" role="status">${run.status === 'running' ? this.#runningText(run, f) : run.status === 'done' ? this.#doneText(run) : run.status === 'stopped' ? `Stopped early: partial results over ${ms(run.result?.simulatedMs)} simulated` : 'Run failed'}</p>
      ${run.error ? html`<div class="error" role="alert"><b>${run.error.kind === 'too-large' ? 'Run refused as too large' : run.error.kind === 'invalid' ? 'The design has problems' : 'The simulation failed'}</b><br>${run.error.message}</div>` : nothing}
`;
  }

  /** "Running… 40% · 12,000 requests"; replications, whose first seed is shown live, say so. */
  #runningText(run: RunRecord, f: number): string {
    const shown = `${count(run.result?.summary.requests ?? 0)} requests`;
    return run.replications
      ? `Running ${run.replications} replications… ${Math.round(f * 100)}% · ${shown} in the first`
      : `Running… ${Math.round(f * 100)}% · ${shown}`;
  }

  /** "Done: …" for a run, or for replications their seeds and events. */
  #doneText(run: RunRecord): string {
    const reps = replicasOf(run);
    if (!reps) return `Done: ${count(run.result?.events)} events in ${ms(run.result?.wallMs)} wall time`;
    const events = reps.reduce((n, r) => n + r.events, 0);
    return `Done: ${reps.length} replications (seeds ${reps[0].seed}..${reps.at(-1)!.seed}), ${count(events)} events`;
  }

  /** The run's warnings, after the table shown (the summary stays in view above them). */
  #warnings(r?: RunResult) {
    const warn = r?.warnings ?? [];
    return warn.length ? html`<ul class="warnings" aria-label="Warnings">${warn.map((w) => html`<li>⚠ ${w.message}</li>`)}</ul>` : nothing;
  }

  /** Rows of figures: a replicated run shows each as its mean with a ± column, and a baseline adds its value and the change. */
  #rows(rows: Row[], r?: RunResult, b?: RunResult, reps?: RunResult[], baseReps?: RunResult[]) {
    return rows
      .filter((row) => (r ? figureOf(row, r) !== undefined : !row.isOptional) || (b && figureOf(row, b) !== undefined))
      .map((row) => {
        const e = reps && estimateBy(reps, (x) => figureOf(row, x)),
          be = baseReps && estimateBy(baseReps, (x) => figureOf(row, x));
        const v = e ? e.mean : r && figureOf(row, r),
          bv = be ? be.mean : b && figureOf(row, b);
        return html`<tr><th scope="row">${row.label}</th><td>${row.fmt(v)}</td>${reps ? html`<td class="ci">${plusMinus(e, row.fmt)}</td>` : nothing}${
          b ? html`<td>${row.fmt(bv)}</td>${this.#change(row, v, bv, reps, baseReps)}` : nothing
        }</tr>`;
      });
  }

  /**
   * The change from the baseline: with replications of the same seeds on both
   * sides, the paired difference and its 95 % interval (common random numbers),
   * called better or worse only when the interval leaves out zero; otherwise
   * the relative change.
   */
  #change(row: Row, v: number | undefined, bv: number | undefined, reps?: RunResult[], baseReps?: RunResult[]) {
    const d = isPaired(baseReps, reps) ? pairedChange(baseReps!, reps!, row.path) : undefined;
    if (!d) {
      const c = change(row, v, bv);
      return html`<td class=${c.tone} title=${c.words}>${c.arrow ? html`<span aria-hidden="true">${c.arrow}</span> ` : nothing}${c.text}<span class="sr">${c.tone ? ` (${c.tone})` : ''}</span></td>`;
    }
    const isClear = Number.isFinite(d.halfWidth) && Math.abs(d.mean) > d.halfWidth;
    const isUp = d.mean > 0;
    const tone = !isClear || row.isWorseUp === undefined ? '' : isUp === row.isWorseUp ? 'worse' : 'better';
    const text =
      d.mean === 0 && !d.halfWidth
        ? '±0'
        : `${d.mean === 0 ? '±' : isUp ? '+' : '−'}${row.fmt(Math.abs(d.mean))} ${plusMinus(d, row.fmt)}`.trim();
    const words = `${isClear ? (isUp ? 'up' : 'down') : 'no clear change:'} ${text}${tone ? `, ${tone}` : ''} (paired by seed, 95 % interval)`;
    return html`<td class=${tone} title=${words}>${isClear ? html`<span aria-hidden="true">${isUp ? '▲' : '▼'}</span> ` : nothing}${text}<span class="sr">${tone ? ` (${tone})` : ''}</span></td>`;
  }

  /**
   * The summary; while a run has no figures yet, the same tables with "—", so
   * its first progress update only changes their text (creating the tables
   * then would lengthen that update's task).
   */
  #summary(r?: RunResult, b?: RunResult, baseline?: RunRecord, isRunning = false, reps?: RunResult[], baseReps?: RunResult[]) {
    if (!r && !isRunning) return nothing;
    const paired = isPaired(baseReps, reps);
    const head = (what: string) =>
      html`<thead><tr><th scope="col">${what}</th><th scope="col">${reps ? `Mean of ${reps.length}` : b ? 'Run' : 'This run'}</th>${reps ? html`<th scope="col"><abbr title="Half-width of the 95 % confidence interval (Student's t) over the replications">± 95% CI</abbr></th>` : nothing}${b ? html`<th scope="col"><abbr title=${`Baseline: ${baseline!.name}`}>Base</abbr><span class="sr">line</span></th><th scope="col"><abbr title=${paired ? 'Paired difference from the baseline (same seeds) with its 95 % interval' : 'Change from the baseline'}>Δ</abbr><span class="sr"> change</span></th>` : nothing}</tr></thead>`;
    const f = r?.summary.failures ?? {};
    const reasons = (Object.entries(f) as [string, number][]).filter(([, n]) => n > 0);
    // a replicated comparison has five columns: its two tables go one above the other
    return html`<div class="summary ${b ? 'compared' : ''} ${b && reps ? 'stacked' : ''}">
        <table aria-label="Summary">${head('Performance')}<tbody>${this.#rows(PERFORMANCE, r, b, reps, baseReps)}</tbody></table>
        <table aria-label="Requests, failures and cost">${head('Volume')}<tbody>${this.#rows(VOLUME, r, b, reps, baseReps)}</tbody></table>
      </div>
      ${reasons.length ? html`<p class="reasons">Failures by reason: ${reasons.map(([k, n]) => `${k} ${count(n)}`).join(' · ')}</p>` : nothing}`;
  }

  #phases(r?: RunResult, reps?: RunResult[]) {
    if (!r?.phases.length) return html`<p class="status idle">No phases in this scenario.</p>`;
    const cell = cellOf(r, reps);
    const figures: [(p: PhaseSummary) => number, (x: number | undefined) => string][] = [
      [(p) => p.requests, count],
      [(p) => p.failed, count],
      [(p) => p.throughputRps, rps],
      ...(['mean', 'p50', 'p95', 'p99', 'max'] as const).map(
        (k) => [(p: PhaseSummary) => p.latencyMs[k], ms] as [(p: PhaseSummary) => number, typeof ms],
      ),
    ];
    return html`<table aria-label="Phases"><thead><tr><th>Phase</th><th>Requests</th><th>Fails</th><th>req/s</th><th>Mean</th><th>p50</th><th>p95</th><th>p99</th><th>Max</th></tr></thead>
      <tbody>${r.phases.map((p, i) => html`<tr><th scope="row">${p.name}</th>${figures.map(([get, fmt]) => html`<td>${cell((x) => x.phases[i] && get(x.phases[i]), fmt)}</td>`)}</tr>`)}</tbody></table>`;
  }

  /** Selects component `id` and shows its detail. */
  #inspect(id: string): void {
    this.ui?.trigger.select({ selection: { type: 'node', id } });
    this.tab = 'component';
  }

  #components(r?: RunResult, reps?: RunResult[]) {
    if (!r) return nothing;
    const cell = cellOf(r, reps);
    const of = (id: string, get: (c: ComponentStats) => number) => (x: RunResult) => (x.components[id] ? get(x.components[id]) : undefined);
    return html`<table aria-label="Components"><thead><tr><th>Component</th><th>Arrivals</th><th>Failed</th><th>Busy</th><th>Queue mean/max</th><th>Wait p99</th><th>Latency p99</th></tr></thead>
      <tbody>${Object.entries(r.components).map(
        ([id, c]) =>
          html`<tr><th scope="row">${this.ui ? html`<button class="link" aria-label=${`Details of ${id}`} @click=${() => this.#inspect(id)}>${id}</button>` : id}<small> ${c.kind}</small></th><td>${cell(
            of(id, (s) => s.arrivals),
            count,
          )}</td><td>${cell(
            of(id, (s) => s.failed),
            count,
          )}</td><td>${cell(
            of(id, (s) => s.utilization),
            pct,
          )}</td><td>${cell(
            of(id, (s) => s.queueLength.mean),
            (x) => (x === undefined ? '—' : x.toFixed(1)),
          )} / ${cell(
            of(id, (s) => s.queueLength.max),
            count,
          )}</td><td>${cell(
            of(id, (s) => s.waitMs.p99),
            ms,
          )}</td><td>${cell(
            of(id, (s) => s.latencyMs.p99),
            ms,
          )}</td></tr>`,
      )}</tbody></table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'archsim-results': ArchsimResults;
  }
}
