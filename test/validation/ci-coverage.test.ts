/**
 * Coverage of the replications' 95 % confidence interval (Student's t over N =
 * 20 replication means, aggregate.ts): repeated 200 times, the interval should
 * contain the true M/M/1 mean sojourn W = 1/(μ − λ) about 95 % of the time.
 *
 * What is covered is the steady-state mean, so each replication's estimate must
 * be unbiased for it: λ = 0.5/ms, μ = 1/ms (ρ = 0.5) mixes fast — the M/M/1
 * relaxation time is 1/(μ(1 − √ρ)²) ≈ 11.7 ms — so a 150 ms warm-up (≈ 13
 * relaxation times, leftover bias of order e⁻¹³ of the initial deviation)
 * leaves each run in steady state, and every request issued in the measured
 * window is a stationary arrival (PASTA), its sojourn distributed as in steady
 * state. Each run measures 1 s, ≈ 500 customers, whose mean is close to normal,
 * which the t interval assumes. Tiny runs: 4,000 of them take a few seconds.
 *
 * Acceptance: if each interval covers with probability 0.95, the count of 200
 * covering is Binomial(200, 0.95): mean 190, σ = √(200·0.95·0.05) ≈ 3.08; the
 * test accepts 190 ± 3σ, i.e. 181..199.
 */
import { describe, expect, it } from 'vitest';
import { aggregate } from '../../src/analysis/aggregate.js';
import { mmc } from '../../src/analysis/queueing-theory.js';
import { loadScenario } from '../../src/scenario/index.js';
import { runScenario } from '../../src/run/run.js';
import { replicationInputs } from '../../src/run/replications.js';

const TEXT = `title: M/M/1 for CI coverage
seed: 1
duration: 1150ms
warmup: 150ms
components:
  users: { kind: client, rate: 500/s }
  app: { kind: service, workers: 1, serviceTime: exp(1ms) }
links:
  - { from: users, to: app }
`;
const REPETITIONS = 200;
const N = 20;

describe('replications: 95 % confidence intervals', () => {
  it('from N = 20 replications cover the true M/M/1 mean in 181..199 of 200 repetitions (Binomial(200, 0.95) ± 3σ)', () => {
    const truth = mmc(0.5, 1).w; // 2 ms
    const scenario = loadScenario(TEXT);
    let covered = 0;
    const widths: number[] = [];
    for (let k = 0; k < REPETITIONS; k++) {
      const runs = replicationInputs({ ...scenario, seed: 1 + k * N }, N).map((s) => runScenario(s));
      const { mean, halfWidth } = aggregate(runs).summary.latencyMs.mean;
      if (Math.abs(mean - truth) <= halfWidth) covered++;
      widths.push(halfWidth / truth);
    }
    // the intervals are informative, not vacuous: a few percent of W wide
    expect(Math.max(...widths)).toBeLessThan(0.15);
    expect(covered).toBeGreaterThanOrEqual(181);
    expect(covered).toBeLessThanOrEqual(199);
  });
});
