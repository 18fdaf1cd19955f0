/**
 * The course's EC2-vs-Lambda client figures beside the simulator's (mean of 10
 * replications ± 95 % CI half-width) for scenarios/ec2-vs-lambda.yaml:
 * `npx tsx scripts/ec2-vs-lambda-table.ts` prints the markdown table. Also the
 * measured figures and the replication used by test/scenarios/ec2-vs-lambda.test.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../src/scenario/index.js';
import { runScenario } from '../src/run/run.js';
import { meanCI } from '../src/output/confidence.js';
import type { RunResult } from '../src/run/result.js';

/** What the client printed for one run (its second "99th percentile" is p95; its "median" is one arbitrary sample, left out). */
export interface Measured {
  requests: number;
  /** warmup, loading, peak, cooldown (10 / 50 / 100 / 25 % of the threads, 100 iterations of two requests each). */
  phasesMs: [number, number, number, number];
  wallMs: number;
  throughputPerMs: number;
  mean: number;
  p95: number;
  p99: number;
}

/** The four runs the course measured, by the scenario variant that reproduces each (`base`: EC2 at 20 threads). */
export const MEASURED: Record<string, Measured> = {
  base: { requests: 7400, phasesMs: [9395, 8890, 9846, 8664], wallMs: 36_795, throughputPerMs: 0.201, mean: 45, p95: 77, p99: 162 },
  'ec2-100-threads': {
    requests: 37_000,
    phasesMs: [20_296, 19_963, 21_440, 20_095],
    wallMs: 81_794,
    throughputPerMs: 0.452,
    mean: 101,
    p95: 129,
    p99: 442,
  },
  lambda: {
    requests: 7400,
    phasesMs: [25_596, 23_068, 22_828, 23_274],
    wallMs: 94_766,
    throughputPerMs: 0.0781,
    mean: 114,
    p95: 133,
    p99: 184,
  },
  'lambda-100-threads': {
    requests: 37_000,
    phasesMs: [27_625, 29_319, 27_143, 23_465],
    wallMs: 107_552,
    throughputPerMs: 0.344,
    mean: 127,
    p95: 183,
    p99: 332,
  },
};

/** One figure the client printed: how to read it from a run, and the measured value. */
export interface Figure {
  label: string;
  get: (r: RunResult) => number;
  value: number;
}

const PHASES = ['warmup', 'loading', 'peak', 'cooldown'] as const;
const wallMs = (r: RunResult) => r.phases[r.phases.length - 1].endMs;

/** Every figure of one measured run: throughput, mean, p95, p99, wall time and the four phase times. */
export function figures(m: Measured): Figure[] {
  return [
    { label: 'throughput (req/ms)', get: (r) => r.summary.requests / wallMs(r), value: m.throughputPerMs },
    { label: 'mean (ms)', get: (r) => r.summary.latencyMs.mean, value: m.mean },
    { label: 'p95 (ms)', get: (r) => r.summary.latencyMs.p95, value: m.p95 },
    { label: 'p99 (ms)', get: (r) => r.summary.latencyMs.p99, value: m.p99 },
    { label: 'wall (ms)', get: wallMs, value: m.wallMs },
    ...PHASES.map((name, i) => ({
      label: `${name} phase (ms)`,
      get: (r: RunResult) => r.phases[i].endMs - r.phases[i].startMs,
      value: m.phasesMs[i],
    })),
  ];
}

/** `n` replications of a variant (`base`: none), seeds seed..seed+n−1 as `--replications` runs them. */
export function replicate(variant: string, n = 10): RunResult[] {
  const file = fileURLToPath(new URL('../scenarios/ec2-vs-lambda.yaml', import.meta.url));
  const s = loadScenario(readFileSync(file, 'utf8'), { file: 'ec2-vs-lambda.yaml', variant: variant === 'base' ? undefined : variant });
  const seed = typeof s.seed === 'number' ? s.seed : 1;
  return Array.from({ length: n }, (_, i) => runScenario({ ...s, seed: seed + i }));
}

/** Each figure of a variant with the simulated mean, half-width and relative error over `runs`. */
export function compare(variant: string, runs: RunResult[]): { f: Figure; mean: number; halfWidth: number; error: number }[] {
  return figures(MEASURED[variant]).map((f) => {
    const { mean, halfWidth } = meanCI(runs.map(f.get));
    return { f, mean, halfWidth, error: mean / f.value - 1 };
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const fmt = (x: number) => (x >= 1000 ? Math.round(x).toLocaleString('en') : x >= 10 ? x.toFixed(1) : x.toFixed(4));
  for (const variant of Object.keys(MEASURED)) {
    const cli = `npx archsim run scenarios/ec2-vs-lambda.yaml${variant === 'base' ? '' : ` --variant ${variant}`} --replications 10 --json`;
    const lines = [`\n\`${cli}\`\n`, '| Figure | Measured | archsim (10 runs) | Error |', '|---|---:|---:|---:|'];
    for (const { f, mean, halfWidth, error } of compare(variant, replicate(variant)))
      lines.push(`| ${f.label} | ${fmt(f.value)} | ${fmt(mean)} ± ${fmt(halfWidth)} | ${(error * 100).toFixed(1)} % |`);
    console.log(lines.join('\n'));
  }
}
