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
 * relative s.d. is ≈ 2.3× the mean's, measured at ρ = 0.8 and 0.95). A sweep
 * shares one duration, so the top point sets it:
 * - always: ρ = 0.1 .. 0.8 in 8 steps, 4 replications × 1,250 s measured per
 *   point: 4.0 M customers at ρ = 0.8 (p99 s.d. ≈ 1 %, mean ≈ 0.45 %, so the
 *   tolerances are ≥ 3 s.d.), 18 M customers in all;
 * - with ARCHSIM_LONG_VALIDATION=1: ρ = 0.1 .. 0.95 in 10 steps, 8 replications
 *   × 8,550 s measured: 65 M customers at ρ = 0.95 (p99 s.d. ≈ 1 %), about
 *   360 M in all — minutes on a few cores, too long for every `npm test`.
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

async function sweepAgainstTheory(range: string, steps: number, replications: number, measuredS: number) {
  const text = mm1(measuredS);
  const base = loadScenario(text);
  const sweep = parseSweep(range, steps);
  const inputs = sweep.points.flatMap((p) => replicationInputs(loadScenario(text, { set: [p.set] }), replications));
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
  it('ρ = 0.1..0.8 (8 points, 4 × 1,250 s each): mean within 2 % and p99 within 3 % of M/M/1 at every point', async () => {
    const points = await sweepAgainstTheory('users.rate=100/s..800/s', 8, 4, 1250);
    expect(points).toHaveLength(8);
    for (const p of points) expect(p, `ρ = ${p.rho}`).toMatchObject({ meanOk: true, p99Ok: true });
  }, 900_000);

  it.runIf(process.env.ARCHSIM_LONG_VALIDATION === '1')(
    'ρ = 0.1..0.95 (10 points, 8 × 8,550 s each): mean within 2 % and p99 within 3 % of M/M/1 at every point',
    async () => {
      const points = await sweepAgainstTheory('users.rate=100/s..950/s', 10, 8, 8550);
      console.log(points);
      for (const p of points) expect(p, `ρ = ${p.rho}`).toMatchObject({ meanOk: true, p99Ok: true });
    },
    7_200_000,
  );
});
