/**
 * A sweep's results: at each point, its replications summarised
 * (aggregate.ts) with the figures a load curve plots — p50, p95, p99 and mean
 * latency, throughput, error rate, each mean ± 95 % half-width — the
 * closed-form values where the design has them, and the knee of the p99 curve
 * (kneeOf in sweep.ts). Pure: the CLI and the app's main thread share it.
 *
 * @example
 * const result = sweepResult(sweep, runsByPoint);
 * result.points[3].latencyMs.p99; // { mean: 41.2, halfWidth: 1.3 }
 * result.knee?.value; // "700/s"
 */
import type { RunResult } from '../run/result.js';
import { type Aggregated, aggregate, type AggregatedWarning, type Estimate } from './aggregate.js';
import { kneeOf, type Sweep, type SweepPoint } from './sweep.js';
import type { Summary } from '../run/result.js';

/** The closed form at one point: end-to-end mean and p99 latency (null where the model is overloaded) and the busiest station's utilisation. */
export interface PointTheory {
  meanMs: number | null;
  p99Ms: number | null;
  maxRho: number;
}

/** One point of a sweep, measured. */
export interface SweepPointResult extends SweepPoint {
  replications: number;
  latencyMs: { mean: Estimate; p50: Estimate; p95: Estimate; p99: Estimate };
  throughputRps: Estimate;
  errorRate: Estimate;
  /** Every summary figure, mean ± 95 % half-width. */
  summary: Aggregated<Summary>;
  /** Every component's utilisation, mean ± 95 % half-width. */
  utilization: Record<string, Estimate>;
  /** False when some run stopped early (event limit, overload). */
  complete: boolean;
  warnings: AggregatedWarning[];
  theory?: PointTheory;
}

/** How the knee was found, in words, for reports. */
export const KNEE_RULE =
  'the point farthest from the straight line through the first and last mean p99, both axes scaled to [0, 1] (Kneedle)';

/** A sweep measured: the parameter, the seeds every point ran with, each point, the knee of the p99 curve. */
export interface SweepResult {
  title: string;
  variant?: string;
  param: string;
  unit: Sweep['unit'];
  /** The seeds of each point's replications (the same at every point: common random numbers). */
  seeds: (number | string)[];
  points: SweepPointResult[];
  /** The knee of the mean p99 curve; absent when the curve has none (too straight, too few points). */
  knee?: { index: number; value: string; x: number; rule: string };
  /** The model the theory values come from ("M/M/1"), or why there are none. */
  theory: { model: string } | { none: string };
}

/**
 * Summarises a sweep: `runs[i]` are the replications of `sweep.points[i]` (same
 * seeds at every point); `theory[i]`, when given, the closed form there.
 */
export function sweepResult(
  sweep: Sweep,
  runs: readonly (readonly RunResult[])[],
  theory: { model: string; points: PointTheory[] } | { none: string } = { none: 'no closed form was given' },
): SweepResult {
  if (runs.length !== sweep.points.length) throw new Error(`sweepResult: ${runs.length} sets of runs for ${sweep.points.length} points`);
  const points = sweep.points.map((p, i): SweepPointResult => {
    const agg = aggregate(runs[i]);
    const l = agg.summary.latencyMs;
    const utilization: Record<string, Estimate> = Object.create(null);
    for (const [id, c] of Object.entries(agg.components)) utilization[id] = c.utilization;
    return {
      ...p,
      replications: agg.replications,
      latencyMs: { mean: l.mean, p50: l.p50, p95: l.p95, p99: l.p99 },
      throughputRps: agg.summary.throughputRps,
      errorRate: agg.summary.errorRate,
      summary: agg.summary,
      utilization,
      complete: agg.complete,
      warnings: agg.warnings,
      ...('points' in theory ? { theory: theory.points[i] } : {}),
    };
  });
  const first = runs[0]?.[0];
  const k = kneeOf(
    points.map((p) => p.x),
    points.map((p) => p.latencyMs.p99.mean),
  );
  return {
    title: first?.title ?? '',
    ...(first?.variant !== undefined ? { variant: first.variant } : {}),
    param: sweep.param,
    unit: sweep.unit,
    seeds: (runs[0] ?? []).map((r) => r.seed),
    points,
    ...(k === undefined ? {} : { knee: { index: k, value: points[k].value, x: points[k].x, rule: KNEE_RULE } }),
    theory: 'points' in theory ? { model: theory.model } : theory,
  };
}
