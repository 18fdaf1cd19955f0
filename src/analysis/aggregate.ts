/**
 * Replications summarised: every numeric figure of a set of runs of one design
 * (seeds seed, seed+1, …) as its mean and the half-width of its 95 % confidence
 * interval (Student's t, output/confidence.ts), in the shape of the run result
 * itself — summary, phases, components' statistics, cost, and any figure a
 * later version adds (routes, …): the walk is over numeric leaves, not a list.
 * Pure: the CLI and the app's main thread share it.
 *
 * @example
 * const agg = aggregate(runs);
 * agg.summary.latencyMs.p99; // { mean: 23.1, halfWidth: 0.41 }
 * agg.components.app.utilization; // { mean: 0.8, halfWidth: 0.002 }
 */
import type { PhaseSummary, RunResult, SeriesOut, Summary, Warning } from '../run/result.js';
import { meanCI } from '../output/confidence.js';

/** A figure over replications: the mean of its values and the half-width of their 95 % confidence interval (NaN, no interval, from one value). */
export interface Estimate {
  mean: number;
  halfWidth: number;
}

/** `T` with every number replaced by its Estimate over the replications; text and flags are kept from the first run. */
export type Aggregated<T> = T extends number
  ? Estimate
  : T extends readonly (infer U)[]
    ? Aggregated<U>[]
    : T extends object
      ? { [K in keyof T]: Aggregated<T[K]> }
      : T;

/** A warning as it occurred over the replications: the first run's message and in how many runs it occurred. */
export interface AggregatedWarning extends Warning {
  runs: number;
}

/** The replications of one design summarised (docs/output.md, "Replications"). */
export interface AggregateResult {
  title: string;
  variant?: string;
  replications: number;
  seeds: (number | string)[];
  /** True when every run finished (none cancelled, cut at the event limit or overloaded). */
  complete: boolean;
  simulatedMs: Estimate;
  events: Estimate;
  summary: Aggregated<Summary>;
  phases: Aggregated<PhaseSummary>[];
  components: Record<string, Aggregated<RunResult['components'][string]>>;
  /** Per-bucket bands; present when every run has the same bucket width. */
  series?: Aggregated<SeriesOut>;
  warnings: AggregatedWarning[];
  /** Figures added to RunResult later (routes, …), aggregated the same way. */
  [extra: string]: unknown;
}

/** Top-level fields of a RunResult that are not figures to average. */
const NOT_FIGURES = new Set(['title', 'seed', 'variant', 'wallMs', 'complete', 'warnings', 'histogram', 'series']);

/** Six significant digits: averages of rounded figures carry no more, and the JSON stays readable. */
const sig = (x: number) => (Number.isFinite(x) ? +x.toPrecision(6) : x);

/** Mean and 95 % half-width of one figure's values (NaN half-width from a single value). */
export function estimateOf(xs: readonly number[]): Estimate {
  const { mean, halfWidth } = meanCI(xs);
  return { mean: sig(mean), halfWidth: xs.length < 2 ? NaN : sig(halfWidth) };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The values at one place in every run, aggregated: numbers become an Estimate
 * over the runs that have a number there (a figure some runs leave null is
 * averaged over the others), arrays element by element, objects key by key
 * (keys in first-seen order), anything else is the first run's value.
 */
function merge(values: readonly unknown[]): unknown {
  const numbers = values.filter((v): v is number => typeof v === 'number');
  if (numbers.length) return estimateOf(numbers);
  if (values.some(Array.isArray)) {
    const arrays = values.filter(Array.isArray) as unknown[][];
    const length = Math.max(...arrays.map((a) => a.length));
    return Array.from({ length }, (_, i) => merge(arrays.filter((a) => i < a.length).map((a) => a[i])));
  }
  const records = values.filter(isRecord);
  if (records.length) {
    const keys = new Set(records.flatMap((r) => Object.keys(r)));
    const out: Record<string, unknown> = Object.create(null);
    for (const k of keys) out[k] = merge(records.filter((r) => k in r).map((r) => r[k]));
    return out;
  }
  return values[0];
}

/** Every run's warnings, one per (code, component), with the number of runs it occurred in. */
function mergeWarnings(runs: readonly RunResult[]): AggregatedWarning[] {
  const byKey = new Map<string, AggregatedWarning>();
  for (const r of runs) {
    const seen = new Set<string>();
    for (const w of r.warnings) {
      const key = `${w.code}\u0000${w.component ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const had = byKey.get(key);
      if (had) had.runs++;
      else byKey.set(key, { ...w, runs: 1 });
    }
  }
  return [...byKey.values()];
}

/**
 * Summarises replications of one design: every numeric figure of `runs` (same
 * scenario, different seeds) as its mean ± 95 % half-width, in the run result's shape.
 */
export function aggregate(runs: readonly RunResult[]): AggregateResult {
  if (!runs.length) throw new Error('aggregate: no runs to summarise');
  const first = runs[0];
  const out: AggregateResult = {
    title: first.title,
    ...(first.variant !== undefined ? { variant: first.variant } : {}),
    replications: runs.length,
    seeds: runs.map((r) => r.seed),
    complete: runs.every((r) => r.complete),
    simulatedMs: estimateOf(runs.map((r) => r.simulatedMs)),
    events: estimateOf(runs.map((r) => r.events)),
    summary: merge(runs.map((r) => r.summary)) as Aggregated<Summary>,
    phases: merge(runs.map((r) => r.phases)) as Aggregated<PhaseSummary>[],
    components: merge(runs.map((r) => r.components)) as AggregateResult['components'],
    warnings: mergeWarnings(runs),
  };
  const keys = new Set(runs.flatMap((r) => Object.keys(r)));
  for (const k of keys)
    if (!NOT_FIGURES.has(k) && !(k in out)) out[k] = merge(runs.map((r) => (r as unknown as Record<string, unknown>)[k]));
  if (runs.every((r) => r.series.bucketMs === first.series.bucketMs))
    out.series = merge(runs.map((r) => r.series)) as Aggregated<SeriesOut>;
  return out;
}

/** A path to one figure of a run result: `summary.latencyMs.p99`, or its keys (for ids with dots: `['components', 'a.b', 'utilization']`). */
export type FigurePath = string | readonly (string | number)[];

const keysOf = (path: FigurePath) => (typeof path === 'string' ? path.split('.') : path);

/** The number at `path` in `run`, or undefined when there is none. */
export function figureAt(run: unknown, path: FigurePath): number | undefined {
  let v: unknown = run;
  for (const k of keysOf(path)) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return typeof v === 'number' ? v : undefined;
}

/** A paired comparison of one figure: base and variant each as mean ± 95 %, and their difference (variant − base) with the CI of the per-seed differences. */
export interface PairedDifference {
  path: string;
  base: Estimate;
  variant: Estimate;
  /** Mean of variant − base over the shared seeds, and the 95 % half-width of those differences. */
  difference: Estimate;
  /** Seeds both sides have the figure for. */
  pairs: number;
}

/**
 * The difference a design change makes to one figure, by common random numbers:
 * `base[i]` and `variant[i]` ran with the same seed (throws otherwise), so the
 * arrivals and draws they share cancel out of each per-seed difference and the
 * interval of the differences is far narrower than that of either side.
 */
export function pairedDifference(base: readonly RunResult[], variant: readonly RunResult[], path: FigurePath): PairedDifference {
  if (base.length !== variant.length)
    throw new Error(`pairedDifference: ${base.length} base runs against ${variant.length} variant runs; pair them by seed`);
  const a: number[] = [],
    b: number[] = [],
    d: number[] = [];
  base.forEach((r, i) => {
    if (r.seed !== variant[i].seed)
      throw new Error(`pairedDifference: run ${i + 1} has seed ${r.seed} in the base and ${variant[i].seed} in the variant`);
    const x = figureAt(r, path),
      y = figureAt(variant[i], path);
    if (x === undefined || y === undefined) return;
    a.push(x);
    b.push(y);
    d.push(y - x);
  });
  const name = typeof path === 'string' ? path : path.join('.');
  return { path: name, base: estimateOf(a), variant: estimateOf(b), difference: estimateOf(d), pairs: d.length };
}

/** The paths of every numeric figure in a run's summary, phases and components (and later figures such as routes), in report order. */
export function figurePaths(run: RunResult): string[][] {
  const out: string[][] = [];
  const walk = (v: unknown, path: string[]) => {
    if (typeof v === 'number') out.push(path);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, String(i)]));
    else if (isRecord(v)) for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  for (const [k, v] of Object.entries(run)) if (!NOT_FIGURES.has(k) && k !== 'simulatedMs' && k !== 'events') walk(v, [k]);
  return out;
}
