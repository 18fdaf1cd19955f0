/**
 * Independent replications: the same scenario with seeds seed, seed+1, ...;
 * each summary figure gets its mean and the half-width of a 95% confidence
 * interval (Student's t), which is how to tell a design change from noise.
 */
import { DEFAULT_MAX_EVENTS, estimateEvents, RunTooLargeError, runScenario, type RunInput, type RunOptions } from './run.js';
import type { RunResult } from './result.js';
import { terminalSafe } from '../output/terminal-safe.js';
import { meanCI } from '../output/confidence.js';

export interface Estimate {
  mean: number;
  halfWidth: number;
}

export interface Replicated {
  title: string;
  variant?: string;
  replications: number;
  seeds: (number | string)[];
  summary: Record<string, Estimate>;
  runs: RunResult[];
}

/** Mean and 95 % half-width of one figure over the replications, rounded for reports. */
export function estimate(xs: number[]): Estimate {
  const { mean, halfWidth } = meanCI(xs);
  const r = (x: number) => Math.round(x * 1e4) / 1e4;
  // one replication has no interval
  return { mean: r(mean), halfWidth: xs.length < 2 ? NaN : r(halfWidth) };
}

const FIGURES: [string, (r: RunResult) => number][] = [
  ['requests', (r) => r.summary.requests],
  ['completed', (r) => r.summary.completed],
  ['failed', (r) => r.summary.failed],
  ['errorRate', (r) => r.summary.errorRate],
  ['throughputRps', (r) => r.summary.throughputRps],
  ['latencyMs.mean', (r) => r.summary.latencyMs.mean],
  ['latencyMs.p50', (r) => r.summary.latencyMs.p50],
  ['latencyMs.p90', (r) => r.summary.latencyMs.p90],
  ['latencyMs.p95', (r) => r.summary.latencyMs.p95],
  ['latencyMs.p99', (r) => r.summary.latencyMs.p99],
  ['latencyMs.max', (r) => r.summary.latencyMs.max],
];

/** Most replications one call may run. */
export const MAX_REPLICATIONS = 1000;

const fmt = (x: number) => (x >= 1e6 ? x.toExponential(2).replace('e+', 'e') : Math.round(x).toLocaleString('en-US'));

/**
 * Runs `n` replications; throws RunTooLargeError, before running any, when `n`
 * is over MAX_REPLICATIONS or `n` × the estimated events of one run is over the
 * event limit (`opts.maxEvents`), which bounds the whole campaign, not one run.
 */
export function replicate(s: RunInput, n: number, opts: RunOptions = {}): Replicated {
  if (!Number.isInteger(n) || n < 1 || n > MAX_REPLICATIONS)
    throw new RunTooLargeError(`replications: expected an integer between 1 and ${MAX_REPLICATIONS}, got ${n}`);
  const limit = opts.maxEvents ?? DEFAULT_MAX_EVENTS;
  const each = estimateEvents(s).events;
  if (each * n > limit)
    throw new RunTooLargeError(
      `${n} replications of about ${fmt(each)} events each (≈ ${fmt(each * n)} events) exceed the limit of ${fmt(limit)} events. ` +
        'Run fewer replications, shorten the duration, or raise the limit with --max-events.',
    );
  const seeds = Array.from({ length: n }, (_, i) => (typeof s.seed === 'number' ? s.seed + i : `${s.seed}-${i}`));
  const runs = seeds.map((seed) => runScenario({ ...s, seed }, opts));
  const summary = Object.fromEntries(FIGURES.map(([k, f]) => [k, estimate(runs.map(f))]));
  return { title: s.title, ...(s.variant ? { variant: s.variant } : {}), replications: n, seeds, summary, runs };
}

export function replicationReport(rep: Replicated): string {
  const t = (x: unknown) => terminalSafe(String(x));
  const lines = [
    `${t(rep.title)}${rep.variant ? ` — variant ${t(rep.variant)}` : ''}`,
    `${rep.replications} replications, seeds ${t(rep.seeds[0])}..${t(rep.seeds[rep.seeds.length - 1])}`,
    '',
  ];
  const w = Math.max(...Object.keys(rep.summary).map((k) => k.length));
  lines.push(`${'Figure'.padEnd(w)}  ${'Mean'.padStart(12)}  ${'± 95% CI'.padStart(10)}`);
  for (const [k, e] of Object.entries(rep.summary))
    lines.push(`${k.padEnd(w)}  ${e.mean.toFixed(3).padStart(12)}  ${e.halfWidth.toFixed(3).padStart(10)}`);
  return lines.join('\n');
}
