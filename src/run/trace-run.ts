/**
 * Traced runs: which requests to trace, and the two passes that trace them.
 * The slowest request and the one at a percentile are known only once a run
 * is over, so a first pass runs as usual and watches every measured request's
 * latency; a replay with the same seed — event for event the same run, since
 * tracing draws nothing — traces the picked requests from the moment they are
 * issued. The sample is stratified over the measured requests in issue order
 * (one per equal stretch, its place drawn from a stream of its own), so the
 * traces cover the whole run.
 */
import { stream } from '../engine/random.js';
import type { LatencyWatch } from '../engine/trace.js';
import type { RequestTrace } from '../output/trace-data.js';
import type { RunResult } from './result.js';
import { Run, type RunInput, type RunOptions } from './run.js';

/** What to trace: a sample of the measured requests, the slowest, and the one at a percentile. */
export interface TraceOptions {
  /** Sampled requests: a count (default 20), or a share of the measured requests when below 1 (0.01 = 1 %). */
  sample?: number;
  /** The percentile whose request is traced too (default 99; 0 < p < 100). */
  percentile?: number;
}

/** Sampled requests when the options name no count. */
export const DEFAULT_TRACE_SAMPLE = 20;
/** Traces a run keeps at most, sample included (with MAX_TRACE_SPANS per trace, this bounds the result). */
export const MAX_TRACES = 100;
/** Percentile traced when the options name none. */
export const DEFAULT_TRACE_PERCENTILE = 99;

/** The label of a percentile's trace: 99 → "p99", 99.9 → "p99.9". */
export const percentileLabel = (p: number): string => `p${p}`;

/**
 * The requests to trace (number → why), from what a first pass watched: the
 * slowest measured request answered ok, the one at the percentile (nearest
 * rank), and the sample.
 */
export function tracePicks(watch: LatencyWatch, seed: number | string, opts: TraceOptions = {}): Map<number, string[]> {
  const picks = new Map<number, string[]>();
  const pick = (id: number, why: string) => {
    const w = picks.get(id);
    if (w === undefined) picks.set(id, [why]);
    else if (!w.includes(why)) w.push(why);
  };
  const n = watch.latencies.length;
  if (n > 0) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => watch.latencies[a] - watch.latencies[b] || a - b);
    pick(watch.ids[order[n - 1]], 'slowest');
    const p = opts.percentile ?? DEFAULT_TRACE_PERCENTILE;
    pick(watch.ids[order[Math.max(0, Math.ceil((p / 100) * n) - 1)]], percentileLabel(p));
  }
  const measured = watch.lastId - watch.firstId + 1;
  if (measured <= 0) return picks;
  const s = opts.sample ?? DEFAULT_TRACE_SAMPLE;
  const wanted = s < 1 ? Math.round(s * measured) : Math.round(s);
  const k = Math.min(wanted, measured, MAX_TRACES - picks.size);
  const rng = stream(seed, 'trace sample');
  for (let i = 0; i < k; i++) pick(watch.firstId + Math.floor(((i + rng()) * measured) / k), 'sample');
  return picks;
}

/** The traces a run recorded, as plain data, in issue order. */
export function tracesOf(run: Run): RequestTrace[] {
  const tracer = run.recorder.tracer;
  return tracer ? tracer.traces.map((t) => t.out(run.sim.now)) : [];
}

/** Run a scenario to the end twice (watch, then replay tracing the picks): the result with its `traces`. */
export function runTraced(s: RunInput, opts: RunOptions = {}, trace: TraceOptions = {}): RunResult {
  const first = new Run(s, { ...opts, watch: true });
  while (!first.step(10_000_000));
  const watch = first.recorder.watch as LatencyWatch;
  const replay = new Run(s, { ...opts, trace: tracePicks(watch, s.seed, trace) });
  while (!replay.step(10_000_000));
  return { ...replay.result(), traces: tracesOf(replay) };
}
