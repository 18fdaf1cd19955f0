/**
 * How a replicated run reads in the results panel: every figure as its mean
 * with a "± half-width" (95 % Student-t over the replications, from
 * analysis/aggregate.ts), the paired difference from a baseline run with the
 * same seeds, and confidence bands on the time and percentile charts.
 */
import { aggregate, estimateOf, pairedDifference, type AggregateResult, type Estimate, type FigurePath } from '../analysis/aggregate.js';
import { band, evenly } from '../analysis/bands.js';
import type { RunResult } from '../worker/api.js';
import { percentilePoints, type ChartSpec, type Series } from './charts.js';

const aggregated = new WeakMap<readonly RunResult[], AggregateResult>();

/** aggregate(replicas), computed once per set of replicas (the panel re-renders often). */
export function aggregateOf(replicas: readonly RunResult[]): AggregateResult {
  let a = aggregated.get(replicas);
  if (!a) aggregated.set(replicas, (a = aggregate(replicas)));
  return a;
}

/** One figure over the replicas, by the values `get` reads (undefined where none has it). */
export function estimateBy(replicas: readonly RunResult[], get: (r: RunResult) => number | undefined): Estimate | undefined {
  const xs = replicas.map(get).filter((x): x is number => x !== undefined && Number.isFinite(x));
  return xs.length ? estimateOf(xs) : undefined;
}

/** "± 3.2 ms": a half-width in the figure's own format; '' without an interval. */
export const plusMinus = (e: Estimate | undefined, fmt: (x: number) => string): string =>
  e && Number.isFinite(e.halfWidth) ? `± ${fmt(e.halfWidth)}` : '';

/** "52.1 ms ± 3.2 ms" for a table cell. */
export const withInterval = (e: Estimate | undefined, fmt: (x: number | undefined) => string): string =>
  e ? `${fmt(e.mean)}${Number.isFinite(e.halfWidth) ? ` ± ${fmt(e.halfWidth)}` : ''}` : fmt(undefined);

const isEstimate = (v: unknown): v is Estimate =>
  typeof v === 'object' && v !== null && typeof (v as Estimate).mean === 'number' && 'halfWidth' in v && Object.keys(v).length === 2;

/**
 * An aggregated value split into two of the original shape: its means and its
 * half-widths (text kept in both), so a formatter written for one run's value
 * (a statistic's `{mean, p99}`, a cost's `{run, perMonth}`) formats either.
 */
export function splitEstimates(v: unknown): { mean: unknown; halfWidth: unknown } {
  if (isEstimate(v)) return v;
  if (Array.isArray(v)) {
    const parts = v.map(splitEstimates);
    return { mean: parts.map((p) => p.mean), halfWidth: parts.map((p) => p.halfWidth) };
  }
  if (typeof v !== 'object' || v === null) return { mean: v, halfWidth: v };
  const entries = Object.entries(v).map(([k, x]) => [k, splitEstimates(x)] as const);
  return {
    mean: Object.fromEntries(entries.map(([k, p]) => [k, p.mean])),
    halfWidth: Object.fromEntries(entries.map(([k, p]) => [k, p.halfWidth])),
  };
}

/** True when `base` and `runs` ran the same seeds in the same order: their difference can be paired. */
export const isPaired = (base: readonly RunResult[] | undefined, runs: readonly RunResult[] | undefined): boolean =>
  !!base && !!runs && base.length === runs.length && base.every((r, i) => r.seed === runs[i].seed);

/** The paired difference (run − baseline) of the figure at `path`, when the two ran the same seeds. */
export function pairedChange(base: readonly RunResult[], runs: readonly RunResult[], path: FigurePath): Estimate | undefined {
  const d = pairedDifference(base, runs, path);
  return d.pairs ? d.difference : undefined;
}

/** Points [x, mean] and the band [x, low, high] of an aggregated per-bucket series. */
function timeBand(t: Estimate[], v: (Estimate | null)[] | undefined) {
  const points: [number, number][] = [],
    bandOf: [number, number, number][] = [];
  (v ?? []).forEach((e, i) => {
    if (!e || !t[i] || !Number.isFinite(e.mean)) return;
    points.push([t[i].mean, e.mean]);
    if (Number.isFinite(e.halfWidth)) bandOf.push([t[i].mean, e.mean - e.halfWidth, e.mean + e.halfWidth]);
  });
  return { points, band: bandOf };
}

/**
 * The run's chart specs redrawn for its replicas: each time series becomes
 * the per-bucket mean with its 95 % band, and the percentile curve the mean
 * over the replicas' curves with its band. Baseline series are left as they are.
 */
export function withBands(specs: ChartSpec[], replicas: readonly RunResult[]): ChartSpec[] {
  const series = aggregateOf(replicas).series as unknown as Record<string, (Estimate | null)[]> | undefined;
  const curves = replicas.map((r) => percentilePoints(r.histogram ?? []));
  const top = Math.min(...curves.map((c) => c.at(-1)?.[0] ?? 0));
  const percentiles = band(curves, evenly(0, top, 60));
  const onTime: Record<string, string> = { p50: 'p50', p95: 'p95', p99: 'p99', ok: 'throughputRps', failed: 'errorsPerSec' };
  const redraw = (s: Series, spec: ChartSpec): Series => {
    if (s.isBaseline) return s;
    if (spec.xPercentile)
      return { ...s, points: percentiles.map(([x, m]) => [x, m]), band: percentiles.map(([x, , lo, hi]) => [x, lo, hi]) };
    const key = onTime[s.name];
    if (!series || !key) return s;
    return { ...s, ...timeBand(series.t as unknown as Estimate[], series[key]) };
  };
  return specs.map((spec) => ({ ...spec, series: spec.series.map((s) => redraw(s, spec)) }));
}
