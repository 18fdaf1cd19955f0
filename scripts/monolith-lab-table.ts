/**
 * The monolith lab's Locust figures beside the simulator's (mean of 10
 * replications ± 95 % CI half-width) for scenarios/monolith-lab.yaml:
 * `npx tsx scripts/monolith-lab-table.ts` prints the markdown table. Also the
 * measured figures and the replication used by test/scenarios/monolith-lab.test.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../src/scenario/index.js';
import { runScenario } from '../src/run/run.js';
import { meanCI } from '../src/output/confidence.js';
import type { RunResult } from '../src/run/result.js';

/** One figure Locust printed: where it is in a run result, and its value. */
export interface Measured {
  variant?: string;
  label: string;
  get: (r: RunResult) => number;
  value: number;
  /** Held to 15 % by the test (the issue's bound); the others are reported. */
  isBound: boolean;
}

const route = (name: string, key: 'p50' | 'p90' | 'p95' | 'p99' | 'mean' | 'max') => (r: RunResult) => r.routes[name].latencyMs[key];
const requests = (name: string) => (r: RunResult) => r.routes[name].requests;

/** The lab's Locust table (one user), and the /my-events median after the fix. */
export const MEASURED: Measured[] = [
  { label: '/checkout # requests', get: requests('/checkout'), value: 17, isBound: false },
  { label: '/checkout median (ms)', get: route('/checkout', 'p50'), value: 9, isBound: true },
  { label: '/checkout p95 = p99 = max (ms)', get: route('/checkout', 'p95'), value: 2100, isBound: false },
  { label: '/checkout average (ms)', get: route('/checkout', 'mean'), value: 132.7, isBound: true },
  { label: '/events # requests', get: requests('/events'), value: 16, isBound: false },
  { label: '/events median (ms)', get: route('/events', 'p50'), value: 330, isBound: true },
  { label: '/events p90 (ms)', get: route('/events', 'p90'), value: 370, isBound: false },
  { label: '/events p95 (ms)', get: route('/events', 'p95'), value: 2500, isBound: false },
  { label: '/events average (ms)', get: route('/events', 'mean'), value: 451.9, isBound: true },
  { label: '/my-events # requests', get: requests('/my-events'), value: 16, isBound: false },
  { label: '/my-events median (ms)', get: route('/my-events', 'p50'), value: 150, isBound: true },
  { label: '/my-events p95 (ms)', get: route('/my-events', 'p95'), value: 2200, isBound: false },
  { label: '/my-events average (ms)', get: route('/my-events', 'mean'), value: 280, isBound: true },
  { label: 'overall req/s', get: (r) => r.summary.throughputRps, value: 0.6, isBound: false },
  { variant: 'fix', label: '/my-events median after the fix (ms)', get: route('/my-events', 'p50'), value: 71, isBound: true },
];

/** Replications of the lab (seeds seed..seed+n−1), by variant. */
export function replicateLab(n = 10): Map<string | undefined, RunResult[]> {
  const file = fileURLToPath(new URL('../scenarios/monolith-lab.yaml', import.meta.url));
  const text = readFileSync(file, 'utf8');
  const out = new Map<string | undefined, RunResult[]>();
  for (const variant of new Set(MEASURED.map((m) => m.variant))) {
    const s = loadScenario(text, { file: 'monolith-lab.yaml', variant });
    const seed = typeof s.seed === 'number' ? s.seed : 1;
    out.set(
      variant,
      Array.from({ length: n }, (_, i) => runScenario({ ...s, seed: seed + i })),
    );
  }
  return out;
}

/** Each measured figure with the simulated mean and half-width over `runs`. */
export function compare(runs: Map<string | undefined, RunResult[]>): { m: Measured; mean: number; halfWidth: number; error: number }[] {
  return MEASURED.map((m) => {
    const { mean, halfWidth } = meanCI((runs.get(m.variant) ?? []).map(m.get));
    return { m, mean, halfWidth, error: mean / m.value - 1 };
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  const lines = ['| Figure | Locust | archsim (10 runs) | Error |', '|---|---:|---:|---:|'];
  for (const { m, mean, halfWidth, error } of compare(replicateLab(10)))
    lines.push(
      `| ${m.variant ? `[${m.variant}] ` : ''}${m.label}${m.isBound ? ' (±15 %)' : ''} | ${m.value} | ${fmt(mean)} ± ${fmt(halfWidth)} | ${(error * 100).toFixed(1)} % |`,
    );
  console.log(lines.join('\n'));
}
