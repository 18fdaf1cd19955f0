/**
 * <archsim-sweep>: the Sweep view beside the single run. Choose a parameter of
 * the design and a range, run every point (with the same seeds) on all cores,
 * and watch p50/p95/p99, throughput and errors against the parameter fill in
 * as the points finish: 95 % whiskers over the seeds, the knee marked and
 * explained, the queueing-theory curve through the points where the design is
 * an M/M/c network, and a table of the points for reading them exactly.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Estimate } from '../analysis/aggregate.js';
import { kneeOf, makeSweep, type Sweep } from '../analysis/sweep.js';
import type { CampaignController } from '../state/campaign-controller.js';
import type { DesignStore } from '../state/design.js';
import { finishedRuns, sweepFraction, type SweepPoint, type SweepRecord, type SweepsStore, type TheoryAt } from '../state/sweeps.js';
import type { UiStore } from '../state/ui.js';
import { shownVariant } from '../state/variant-view.js';
import type { RunResult } from '../worker/api.js';
import { OKABE_ITO as C, type ChartSpec, type Series } from './charts.js';
import { count, ms } from './format.js';
import { estimateBy } from './replicated.js';
import { StoreController } from './store-controller.js';
import { sweepChoices, type SweepChoice } from './sweep-params.js';
import { sweepTheory } from './sweep-theory.js';
import './chart.js';

/** Seeds per point the view offers. */
const SEEDS_PER_POINT = [1, 3, 5, 10];

/** The figures a sweep plots, per point. */
const FIGURES = {
  mean: (r: RunResult) => r.summary.latencyMs.mean,
  p50: (r: RunResult) => r.summary.latencyMs.p50,
  p95: (r: RunResult) => r.summary.latencyMs.p95,
  p99: (r: RunResult) => r.summary.latencyMs.p99,
  throughput: (r: RunResult) => r.summary.throughputRps,
  errors: (r: RunResult) => r.summary.errorRate,
  // failed requests per second over the same measured interval as the throughput
  failedPerSec: (r: RunResult) => (r.summary.completed ? (r.summary.failed * r.summary.throughputRps) / r.summary.completed : Number.NaN),
};
type FigureName = keyof typeof FIGURES;

/** A point's figures, once it has a finished run. */
interface PointFigures {
  x: number;
  runs: number;
  of: Record<FigureName, Estimate | undefined>;
}

const figuresOf = (p: SweepPoint): PointFigures | undefined => {
  const runs = finishedRuns(p).filter((r) => r.summary.completed > 0 || r.summary.failed > 0);
  if (!runs.length) return undefined;
  const of = Object.fromEntries(Object.entries(FIGURES).map(([k, get]) => [k, estimateBy(runs, get)])) as PointFigures['of'];
  return { x: p.value, runs: runs.length, of };
};

/** Three significant digits, grouped: 0.284, 11.3, 1,230. */
const SIG3 = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });
// a difference of rounding (3e-15 between equal figures) is no spread: it reads as 0
const sig3 = (x: number) => SIG3.format(Math.abs(x) < 1e-9 ? 0 : x);

/** How the x axis and the table write the parameter's value. */
const formatX = (unit: string) => (x: number) => {
  const v = String(+x.toPrecision(4));
  return unit === 'rps' ? `${v}/s` : unit === 'ms' ? `${v} ms` : v;
};

/** A series of a figure over the points, with its whiskers. */
function seriesOf(points: PointFigures[], name: FigureName, look: Omit<Series, 'name' | 'points'>, label: string = name): Series {
  const has = points.filter((p) => p.of[name] && Number.isFinite(p.of[name]!.mean));
  return {
    name: label,
    ...look,
    points: has.map((p) => [p.x, p.of[name]!.mean]),
    whiskers: has
      .filter((p) => Number.isFinite(p.of[name]!.halfWidth))
      .map((p) => [p.x, p.of[name]!.mean - p.of[name]!.halfWidth, p.of[name]!.mean + p.of[name]!.halfWidth]),
  };
}

@customElement('archsim-sweep')
export class ArchsimSweep extends LitElement {
  @property({ attribute: false }) design!: DesignStore;
  @property({ attribute: false }) ui!: UiStore;
  @property({ attribute: false }) sweeps!: SweepsStore;
  @property({ attribute: false }) campaigns!: CampaignController;
  /** A run or another campaign is in progress: a sweep cannot start. */
  @property({ type: Boolean }) isBusy = false;
  @state() private param = '';
  @state() private from = '';
  @state() private to = '';
  @state() private steps = '';
  @state() private seeds = 3;
  @state() private problems: string[] = [];
  #sweep = new StoreController(
    this,
    () => this.sweeps,
    (s) => s.context.sweep,
  );
  #doc = new StoreController(
    this,
    () => this.design,
    (s) => s.context.doc,
  );

  static override styles = css`
    :host { display: grid; grid-template-columns: minmax(380px, 50%) 1fr; gap: 14px; padding: 8px 14px; min-height: 0; font: 12px/1.4 var(--font); color: var(--text); contain: strict; }
    .side { display: flex; flex-direction: column; gap: 6px; min-height: 0; }
    form { display: flex; flex-wrap: wrap; gap: 6px 8px; align-items: end; }
    label { display: flex; flex-direction: column; gap: 1px; color: var(--muted); font-size: 11px; }
    select, input { padding: 3px 5px; border: 1px solid var(--line); border-radius: 6px; background: var(--surface); color: var(--text); font: 12px var(--font); }
    input { width: 64px; }
    select.param { max-width: 170px; }
    button { padding: 4px 10px; border: 1px solid var(--line); border-radius: 6px; background: var(--surface); color: var(--text); font: 12px var(--font); cursor: pointer; }
    button.primary { background: var(--accent); border-color: var(--accent); color: var(--on-accent, #fff); font-weight: 600; }
    button:disabled { opacity: 0.45; cursor: default; }
    button:focus-visible, select:focus-visible, input:focus-visible { outline: 2px solid var(--focus); }
    .status { margin: 0; color: var(--muted); }
    .status.done { color: var(--ok); }
    .progress { height: 4px; background: var(--surface-2); border-radius: 2px; overflow: hidden; }
    .progress span { display: block; height: 100%; background: var(--accent); transform-origin: left; transition: transform .15s; }
    .error { border: 1px solid var(--hot); background: var(--hot-bg); border-radius: 6px; padding: 6px 8px; white-space: pre-wrap; margin: 0; }
    .note { margin: 0; padding: 3px 6px; border-left: 3px solid var(--accent); background: var(--surface-2); }
    .table { overflow: auto; min-height: 0; flex: 1; }
    table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
    caption { text-align: left; font-weight: 600; padding: 2px 0; }
    th, td { padding: 1px 5px; text-align: right; border-bottom: 1px solid var(--grid); white-space: nowrap; }
    thead th { color: var(--muted); position: sticky; top: 0; background: var(--panel); }
    td { font-family: var(--mono); }
    small { color: var(--muted); font-size: 10px; }
    tr.knee th, tr.knee td { background: var(--warm-bg); }
    .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 14px; min-height: 0; }
    archsim-chart { min-height: 0; }
  `;

  /** The parameters of the design open now. */
  #choices(): SweepChoice[] {
    return sweepChoices(this.#doc.value);
  }

  /** Picks a parameter and proposes its range. */
  #choose(path: string): void {
    const c = this.#choices().find((x) => x.path === path);
    this.param = path;
    this.from = c?.from ?? '';
    this.to = c?.to ?? '';
    this.steps = c?.steps === undefined ? '' : String(c.steps);
  }

  override willUpdate(): void {
    const choices = this.#choices();
    if (!choices.some((c) => c.path === this.param) && choices.length) this.#choose(choices[0].path);
  }

  async #run(e: Event): Promise<void> {
    e.preventDefault();
    if (this.#sweep.value?.status === 'running') return this.campaigns.stop();
    const choice = this.#choices().find((c) => c.path === this.param);
    if (!choice) return;
    let sweep: Sweep;
    try {
      const steps = this.steps.trim() ? Number(this.steps) : undefined;
      if (steps !== undefined && !(Number.isInteger(steps) && steps >= 1))
        throw new Error(`Steps: expected a whole number of at least 1, got "${this.steps}"`);
      sweep = makeSweep(choice.path, { from: this.from.trim(), to: this.to.trim(), steps });
    } catch (err) {
      this.problems = [(err as Error).message];
      return;
    }
    const doc = this.design.getSnapshot().context.doc,
      ui = this.ui.getSnapshot().context,
      variant = shownVariant(doc, ui.variant);
    this.problems = [];
    this.problems = await this.campaigns.sweep(
      doc,
      { ...ui, variant },
      {
        param: { path: choice.path, label: choice.label, unit: sweep.unit },
        points: sweep.points.map((p) => ({ value: p.x, set: [p.set] })),
        replications: this.seeds,
        theory: sweepTheory(
          doc,
          variant || undefined,
          choice.path,
          sweep.points.map((p) => p.x),
        ),
      },
    );
  }

  override render() {
    const s = this.#sweep.value;
    const points = s ? s.points.map(figuresOf) : [];
    const ready = points.filter((p): p is PointFigures => p !== undefined);
    const knee =
      ready.length >= 3
        ? kneeOf(
            ready.map((p) => p.x),
            ready.map((p) => p.of.p99?.mean),
          )
        : undefined;
    const theory = s?.theory && 'model' in s.theory ? s.theory : undefined;
    return html`<section class="side" aria-label="Sweep">
        ${this.#form(s)} ${this.#status(s)}
        ${this.problems.length ? html`<p class="error" role="alert">${this.problems.slice(0, 6).join('\n')}</p>` : nothing}
        ${s && knee !== undefined ? html`<p class="note" role="note">${this.#explainKnee(s, ready, knee)}</p>` : nothing}
        ${s?.theory ? html`<p class="note" role="note">${this.#explainTheory(s)}</p>` : nothing}
        <div class="table" tabindex="0" role="region" aria-label="Points of the sweep">${s ? this.#table(s, points, knee === undefined ? undefined : ready[knee]) : nothing}</div>
      </section>
      <section class="charts" aria-label="Sweep charts">${s ? this.#charts(s, ready, knee === undefined ? undefined : ready[knee], theory?.curve ?? []).map((c) => html`<archsim-chart .spec=${c}></archsim-chart>`) : html`<p class="status">Choose a parameter and a range, then <b>Run sweep</b>: every point runs with the same seeds, on all cores.</p>`}</section>`;
  }

  #form(s: SweepRecord | null) {
    const isRunning = s?.status === 'running';
    const set = (k: 'from' | 'to' | 'steps') => (e: Event) => (this[k] = (e.target as HTMLInputElement).value);
    return html`<form aria-label="Sweep settings" @submit=${this.#run}>
      <label>Parameter<select class="param" @change=${(e: Event) => this.#choose((e.target as HTMLSelectElement).value)}>
        ${this.#choices().map((c) => html`<option value=${c.path} .selected=${c.path === this.param}>${c.label}</option>`)}</select></label>
      <label>From<input .value=${this.from} @change=${set('from')}></label>
      <label>To<input .value=${this.to} @change=${set('to')}></label>
      <label>Steps<input .value=${this.steps} placeholder="each" title="Points between From and To, both included (empty: every whole number)" @change=${set('steps')}></label>
      <label>Seeds per point<select @change=${(e: Event) => (this.seeds = Number((e.target as HTMLSelectElement).value))}>
        ${SEEDS_PER_POINT.map((n) => html`<option value=${n} .selected=${n === this.seeds}>${n}</option>`)}</select></label>
      <button class="primary" type="submit" ?disabled=${!isRunning && (this.isBusy || !this.param)}>${isRunning ? 'Stop sweep' : 'Run sweep'}</button>
    </form>`;
  }

  #status(s: SweepRecord | null) {
    if (!s) return nothing;
    const runs = s.points.length * s.seeds.length,
      done = s.points.reduce((n, p) => n + finishedRuns(p).length + p.errors.length, 0);
    const f = sweepFraction(s);
    const text =
      s.status === 'running'
        ? `Sweeping ${s.param.label}: ${done} of ${runs} runs done`
        : s.status === 'done'
          ? `Sweep of ${s.param.label} done: ${runs} runs (${s.points.length} points × ${s.seeds.length} seeds) in ${ms(s.wallMs)} wall time`
          : s.status === 'stopped'
            ? `Sweep stopped: ${done} of ${runs} runs done`
            : 'Sweep failed';
    const errors = [...new Set(s.points.flatMap((p) => p.errors))];
    return html`${s.status === 'running' ? html`<div class="progress" role="progressbar" aria-label="Sweep progress" aria-valuemin="0" aria-valuemax="100" aria-valuenow=${Math.round(f * 100)}><span style=${`transform:scaleX(${Math.round(f * 100) / 100})`}></span></div>` : nothing}
      <p class="status ${s.status}" role="status">${text}</p>
      ${errors.length ? html`<p class="error" role="alert">${errors.slice(0, 3).join('\n')}</p>` : nothing}`;
  }

  /** The knee in words: where the p99 turns, and what that means on this side of it and the other. */
  #explainKnee(s: SweepRecord, ready: PointFigures[], k: number): string {
    const fx = formatX(s.param.unit);
    const y = (i: number) => ms(ready[i].of.p99?.mean);
    const first = 0,
      last = ready.length - 1;
    const isRising = (ready[last].of.p99?.mean ?? 0) > (ready[first].of.p99?.mean ?? 0);
    return isRising
      ? `Knee at ${s.param.label} = ${fx(ready[k].x)}: p99 goes ${y(first)} → ${y(k)} up to it, then ${y(last)} by ${fx(ready[last].x)}. ` +
          'Past the knee each step costs far more latency than the one before: the busiest component nears saturation and its queue grows.'
      : `Knee at ${s.param.label} = ${fx(ready[k].x)}: up to it each step cuts p99 sharply (${y(first)} → ${y(k)}); ` +
          `beyond it more buys little (${y(last)} at ${fx(ready[last].x)}): the bottleneck has moved elsewhere or the queue is already short.`;
  }

  /** What the dashed lines are, or why there are none. */
  #explainTheory(s: SweepRecord): string {
    const t = s.theory!;
    if ('none' in t) return `No theory curve: ${t.none.replace(/^no closed form: /, 'no closed form here — ')}.`;
    return (
      `Theory: ${t.model} (Poisson arrivals, exponential service, first come first served). The dashed lines are its mean and p99; ` +
      `the markers are the simulation's, with 95 % whiskers over ${s.seeds.length} seed${s.seeds.length === 1 ? '' : 's'}.`
    );
  }

  #charts(s: SweepRecord, ready: PointFigures[], knee: PointFigures | undefined, theory: TheoryAt[]): ChartSpec[] {
    const fx = formatX(s.param.unit);
    const xLabel = `${s.param.label}${s.param.unit === 'rps' ? ' (requests/s)' : s.param.unit === 'ms' ? ' (ms)' : ''}`;
    const xMax = Math.max(...s.points.map((p) => p.value));
    const events = knee ? [{ at: knee.x, label: 'knee' }] : [];
    const curve = (i: 1 | 2): [number, number][] =>
      theory.flatMap((t) => (t[i] === null ? [] : [[t[0], t[i] as number] as [number, number]]));
    const latency: Series[] = [
      ...(theory.length
        ? [
            // mid grey: visible on the light and the dark scheme alike
            { name: 'theory mean', points: curve(1), color: '#8a8a8a', dash: '5 4' },
            { name: 'theory p99', points: curve(2), color: C.purple, dash: '5 4' },
          ]
        : []),
      seriesOf(ready, 'mean', { color: C.sky, marker: 'diamond', isPointsOnly: theory.length > 0 }),
      seriesOf(ready, 'p50', { color: C.blue, marker: 'circle' }),
      seriesOf(ready, 'p95', { color: C.orange, dash: '6 3', marker: 'square' }),
      seriesOf(ready, 'p99', { color: C.vermillion, dash: '2 2', marker: 'triangle', isPointsOnly: theory.length > 0 }),
    ];
    const load: Series[] = [
      seriesOf(ready, 'throughput', { color: C.green, marker: 'circle' }, 'ok (req/s)'),
      seriesOf(ready, 'failedPerSec', { color: C.vermillion, dash: '6 3', marker: 'diamond' }, 'failed (req/s)'),
    ];
    return [
      { title: `Latency against ${s.param.label}`, xLabel, yLabel: 'latency (ms)', series: latency, yLog: true, xMax, xFormat: fx, events },
      { title: `Throughput against ${s.param.label}`, xLabel, yLabel: 'requests/s', series: load, xMax, xFormat: fx, events },
    ];
  }

  #table(s: SweepRecord, points: (PointFigures | undefined)[], knee: PointFigures | undefined) {
    const fx = formatX(s.param.unit);
    const at = s.theory && 'at' in s.theory ? s.theory.at : undefined;
    const theoryCell = (x: number | null | undefined) => (x === null ? 'overloaded' : x === undefined ? '' : sig3(x));
    // units live in the headers, so a row of eight figures with their intervals stays narrow
    const cell = (e: Estimate | undefined, scale = 1) =>
      e
        ? html`${sig3(e.mean * scale)}${Number.isFinite(e.halfWidth) ? html` <small>± ${sig3(e.halfWidth * scale)}</small>` : nothing}`
        : '…';
    const col = (name: string, unit: string) => html`<th scope="col">${name} <small>${unit}</small></th>`;
    return html`<table aria-label="Sweep points"><caption>Points: mean ± 95 % over ${s.seeds.length} seed${s.seeds.length === 1 ? '' : 's'}</caption>
      <thead><tr><th scope="col">${s.param.label}</th><th scope="col">Runs</th>${col('Throughput', 'req/s')}${col('Mean', 'ms')}${col('p50', 'ms')}${col('p95', 'ms')}${col('p99', 'ms')}${col('Errors', '%')}${at ? html`${col('Theory mean', 'ms')}${col('Theory p99', 'ms')}` : nothing}</tr></thead>
      <tbody>${s.points.map((p, i) => {
        const f = points[i];
        return html`<tr class=${f && f === knee ? 'knee' : ''}><th scope="row">${fx(p.value)}${f && f === knee ? ' (knee)' : ''}</th><td>${count(finishedRuns(p).length)}/${s.seeds.length}</td><td>${cell(f?.of.throughput)}</td><td>${cell(f?.of.mean)}</td><td>${cell(f?.of.p50)}</td><td>${cell(f?.of.p95)}</td><td>${cell(f?.of.p99)}</td><td>${cell(f?.of.errors, 100)}</td>${at ? html`<td>${theoryCell(at[i]?.[1])}</td><td>${theoryCell(at[i]?.[2])}</td>` : nothing}</tr>`;
      })}</tbody></table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'archsim-sweep': ArchsimSweep;
  }
}
