/** The output contract (docs/output.md): what a run returns, as plain JSON data. */
import type { ComponentStats } from '../kinds/define.js';
import type { FailureName } from '../engine/sim.js';
import type { RequestTrace } from '../output/trace-data.js';

export interface LatencySummary {
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
}

/** Failures by reason. */
export type Failures = Record<FailureName, number>;

export interface Summary {
  requests: number;
  completed: number;
  failed: number;
  inFlight: number;
  failures: Failures;
  /** Completed ÷ the interval measured requests were issued and answered in (docs/output.md). */
  throughputRps: number;
  errorRate: number;
  latencyMs: LatencySummary;
  [extra: string]: unknown;
}

export interface PhaseSummary extends Summary {
  name: string;
  startMs: number;
  endMs: number;
}

/** One route's figures (Locust's per-Name row): a Summary over the same measured window, whose latency also has its min. */
export interface RouteSummary extends Summary {
  latencyMs: LatencySummary & { min: number };
}

export interface SeriesOut {
  bucketMs: number;
  t: number[];
  throughputRps: number[];
  errorsPerSec: number[];
  p50: (number | null)[];
  p95: (number | null)[];
  p99: (number | null)[];
  [extra: string]: unknown;
}

export interface Warning {
  /** saturated | drain-cut | event-limit | overload | cancelled */
  code: string;
  component?: string;
  message: string;
}

export interface RunResult {
  title: string;
  seed: number | string;
  variant?: string;
  simulatedMs: number;
  wallMs: number;
  events: number;
  /** False when the run was stopped early (cancelled, event limit, overload). */
  complete: boolean;
  summary: Summary;
  phases: PhaseSummary[];
  /** Per route (Locust's Name, JMeter's label), by route name, in the order the clients declare them. */
  routes: Record<string, RouteSummary>;
  components: Record<string, ComponentStats>;
  series: SeriesOut;
  warnings: Warning[];
  /** Latency histogram of successful requests: [lowerMs, upperMs, count]. */
  histogram: [number, number, number][];
  /** Sampled request traces (`--trace`, the app): absent from a run that traced nothing. */
  traces?: RequestTrace[];
}
