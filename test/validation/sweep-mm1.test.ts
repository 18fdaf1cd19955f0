/**
 * A sweep of M/M/1 against its closed form (must-show of issue 14): at every
 * point of a sweep of the arrival rate, the simulated mean and p99 latency lie
 * within the validation tolerances of the M/M/1 cases (test/validation/cases/
 * queueing.ts: mean 2 %, p99 3 %, relative) of W = 1/(μ − λ) and
 * ln(100)/(μ − λ), drawn by theoryCurve through curveModelOf — the same path as
 * `archsim sweep`, on the same worker-thread pool.
 *
 * Run length: the estimate's spread grows as 1/(1 − ρ)² (Whitt: the relative
 * variance of the mean over C customers is ≈ 2(1 + ρ)/((1 − ρ)²C); the p99's
 * relative s.d. is ≈ 2.3× the mean's, measured at ρ = 0.8 and 0.95), so each
 * point runs long enough for the same relative spread: 8 replications ×
 * 8,550 s × (0.05 / (1 − ρ))² measured (at least 120 s) — 65 M customers at
 * ρ = 0.95 (p99 s.d. ≈ 1 %, so the 3 % tolerance is ≥ 3 s.d.), 7 M at 0.86,
 * about 77 M in all: half a minute on two cores.
 */
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseSweep } from '../../src/analysis/sweep.js';
import { sweepResult } from '../../src/analysis/sweep-result.js';
import { curveModelOf } from '../../src/analysis/curve-design.js';
import { theoryCurve } from '../../src/analysis/theory-curve.js';
import { loadScenario } from '../../src/scenario/index.js';
import { replicationInputs } from '../../src/run/replications.js';
import { runScenarios } from '../../src/cli/run-scenarios.js';

const TOLERANCE = { mean: 0.02, p99: 0.03 };

const mm1 = (measuredS: number) => `title: M/M/1 sweep
seed: 2026
duration: ${measuredS + 20}s
warmup: 20s
components:
  users: { kind: client, rate: 100/s }
  app: { kind: service, workers: 1, serviceTime: exp(1ms) }
links:
  - { from: users, to: app }
`;

/** Seconds measured per replication at utilisation ρ: the same relative spread at every point. */
const measuredAt = (rho: number) => Math.max(120, Math.round(8550 * (0.05 / (1 - rho)) ** 2));

async function sweepAgainstTheory(range: string, steps: number, replications: number) {
  const base = loadScenario(mm1(20));
  const sweep = parseSweep(range, steps);
  const inputs = sweep.points.flatMap((p) => replicationInputs(loadScenario(mm1(measuredAt(p.x / 1000)), { set: [p.set] }), replications));
  const runs = await runScenarios(inputs, availableParallelism());
  const model = curveModelOf(base, sweep.param);
  if ('none' in model) throw new Error(model.none);
  const theory = theoryCurve(
    model.design,
    model.swept,
    sweep.points.map((p) => p.x),
  );
  const result = sweepResult(
    sweep,
    sweep.points.map((_, i) => runs.slice(i * replications, (i + 1) * replications)),
    { model: model.model, points: theory },
  );
  expect(result.theory).toEqual({ model: 'M/M/1' });
  return result.points.map((p) => {
    const rho = p.x / 1000;
    const err = (sim: number, th: number) => +(Math.abs(sim - th) / th).toFixed(4);
    return {
      rho: +rho.toFixed(3),
      meanError: err(p.latencyMs.mean.mean, p.theory!.meanMs!),
      p99Error: err(p.latencyMs.p99.mean, p.theory!.p99Ms!),
      meanOk: Math.abs(p.latencyMs.mean.mean - 1 / (1 - rho)) <= TOLERANCE.mean / (1 - rho),
      p99Ok: Math.abs(p.latencyMs.p99.mean - Math.log(100) / (1 - rho)) <= (TOLERANCE.p99 * Math.log(100)) / (1 - rho),
    };
  });
}

describe('a sweep of M/M/1 against the closed form', () => {
  it('ρ = 0.1..0.95 (10 points, 8 replications each, 65 M customers at 0.95): mean within 2 % and p99 within 3 % of M/M/1 at every point', async () => {
    const points = await sweepAgainstTheory('users.rate=100/s..950/s', 10, 8);
    expect(points).toHaveLength(10);
    expect(points[9].rho).toBe(0.95);
    for (const p of points) expect(p, `ρ = ${p.rho}`).toMatchObject({ meanOk: true, p99Ok: true });
  }, 900_000);
});
