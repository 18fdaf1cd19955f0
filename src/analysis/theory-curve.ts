/**
 * The queueing-theory curve a sweep is drawn against: for a design of M/M/c
 * stations in tandem fed by Poisson arrivals (an open Jackson network, each
 * request visiting each station once), the end-to-end mean and p99 latency as a
 * function of the swept parameter — the arrival rate, or one station's
 * instances. By Burke's theorem each station's departures are Poisson again and
 * (Reich) a request's sojourns at successive stations are independent, so the
 * end-to-end latency is the sum of independent M/M/c sojourns: the mean is the
 * sum of the means, the p99 a quantile of their convolution (exact for one
 * station, by bisection on its closed-form survival; numerically convolved on a
 * 2,000-cell grid for several, about 4 M multiply-adds per extra station and
 * point — some ms each, so keep multi-station grids short on the main thread).
 * Pure: no runtime.
 */
import { mmc, mmcSojournQuantile, mmcSojournSurvival } from './queueing-theory.js';

/** One station of a modelled design: exponential service, FIFO, unbounded queue. */
export interface CurveStation {
  /** Component id, for the swept `instances` and for messages. */
  id: string;
  /** Mean service time of one request on one worker, ms. */
  serviceMs: number;
  /** Workers per instance. */
  workers: number;
  /** Instances (≥ 1). */
  instances: number;
  /**
   * How a request finds an instance: `random` (each instance is its own M/M/workers queue at
   * rate ÷ instances — a service without a balancer, or a random balancer) or `shared` (all
   * instances × workers serve one queue, M/M/(instances·workers): the best any balancer can
   * do, which least-connections comes close to). Default `random`.
   */
  dispatch?: 'random' | 'shared';
}

/** A design the curve models: Poisson arrivals at `rateRps` through `stations` in order. */
export interface CurveDesign {
  /** Arrival rate of the Poisson source, requests per second. */
  rateRps: number;
  stations: CurveStation[];
}

/** What a sweep varies: the arrival rate (x in requests/s), or one station's instances (x a count). */
export type SweptParameter = { kind: 'rate' } | { kind: 'instances'; station: string };

/** The theory at one value of the swept parameter. */
export interface TheoryPoint {
  /** The swept parameter's value (requests/s, or instances). */
  x: number;
  /** End-to-end mean latency, ms; null when some station is overloaded (ρ ≥ 1: no steady state). */
  meanMs: number | null;
  /** End-to-end p99 latency, ms; null when overloaded. */
  p99Ms: number | null;
  /** Utilisation of the busiest station, λ·S ÷ servers (≥ 1: overloaded). */
  maxRho: number;
}

/** One station's queue as the formulas see it: per-queue arrival rate (per ms), service rate and servers. */
interface StationQueue {
  lambda: number;
  mu: number;
  c: number;
}

const queueOf = (s: CurveStation, rateRps: number): StationQueue => {
  const shared = s.dispatch === 'shared';
  return {
    lambda: rateRps / 1000 / (shared ? 1 : s.instances),
    mu: 1 / s.serviceMs,
    c: shared ? s.workers * s.instances : s.workers,
  };
};

/**
 * The closed-form end-to-end mean and p99 latency of `design` at each of `xs`,
 * with the swept parameter set to that value (the rest of the design as given).
 *
 * @example
 * // M/M/1 at 1 ms service, swept from ρ = 0.1 to 0.9
 * theoryCurve({ rateRps: 100, stations: [{ id: 'app', serviceMs: 1, workers: 1, instances: 1 }] },
 *   { kind: 'rate' }, [100, 500, 900]);
 * // → [{ x: 100, meanMs: 1.111, p99Ms: 5.117, maxRho: 0.1 }, …, { x: 900, meanMs: 10, p99Ms: 46.05, maxRho: 0.9 }]
 */
export function theoryCurve(design: CurveDesign, swept: SweptParameter, xs: number[]): TheoryPoint[] {
  if (swept.kind === 'instances' && !design.stations.some((s) => s.id === swept.station))
    throw new Error(`theoryCurve: no station "${swept.station}" in the design (stations: ${design.stations.map((s) => s.id).join(', ')})`);
  return xs.map((x) => {
    const rate = swept.kind === 'rate' ? x : design.rateRps;
    const stations =
      swept.kind === 'instances' ? design.stations.map((s) => (s.id === swept.station ? { ...s, instances: x } : s)) : design.stations;
    const queues = stations.map((s) => queueOf(s, rate));
    const maxRho = Math.max(0, ...queues.map((q) => q.lambda / (q.mu * q.c)));
    if (maxRho >= 1) return { x, meanMs: null, p99Ms: null, maxRho };
    return { x, meanMs: endToEndMean(queues), p99Ms: endToEndQuantile(queues, 0.99), maxRho };
  });
}

/** Sum of the stations' mean sojourns. */
function endToEndMean(queues: StationQueue[]): number {
  return queues.reduce((sum, q) => sum + mmc(q.lambda, q.mu, q.c).w, 0);
}

/** Cells of the numerical convolution: the quantile's error is below (stations ÷ CELLS) of the span. */
const CELLS = 2000;

/** The p-quantile of the sum of the stations' independent sojourns. */
function endToEndQuantile(queues: StationQueue[], p: number): number {
  if (queues.length === 0) return 0;
  if (queues.length === 1) return mmcSojournQuantile(queues[0].lambda, queues[0].mu, queues[0].c, p);
  // the sum's quantile is at most the sum of the stations' (1 − (1−p)/n)-quantiles (union bound)
  const span = queues.reduce((s, q) => s + mmcSojournQuantile(q.lambda, q.mu, q.c, 1 - (1 - p) / queues.length / 10), 0);
  const h = span / CELLS;
  let acc: Float64Array | null = null;
  for (const q of queues) {
    // exact mass of each cell [ih, (i+1)h), placed at the cell's midpoint
    const mass = new Float64Array(CELLS);
    let prev = 1;
    for (let i = 0; i < CELLS; i++) {
      const next = mmcSojournSurvival(q.lambda, q.mu, q.c, (i + 1) * h);
      mass[i] = prev - next;
      prev = next;
    }
    acc = acc === null ? mass : convolve(acc, mass);
  }
  const sum = acc as Float64Array;
  // cell i of the sum of n midpoints sits at (i + n/2)·h; interpolate within it
  let cum = 0;
  for (let i = 0; i < CELLS; i++) {
    if (cum + sum[i] >= p) return (i + queues.length / 2 - 0.5 + (p - cum) / sum[i]) * h;
    cum += sum[i];
  }
  return span;
}

/** The first CELLS cells of the convolution of two mass vectors. */
function convolve(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(CELLS);
  for (let i = 0; i < CELLS; i++) {
    const ai = a[i];
    if (ai === 0) continue;
    for (let j = 0; i + j < CELLS; j++) out[i + j] += ai * b[j];
  }
  return out;
}
