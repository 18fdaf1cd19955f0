/**
 * analyze(result): the closed-form model beside each component with workers, on
 * the validation's theory cases at shorter run lengths (stated per case), and the
 * flag with its reason where the model's assumptions fail. Rates per ms in the
 * formulas ("800/s" is λ = 0.8), times in ms.
 *
 * The bounds are about four standard deviations of the simulated − predicted
 * difference at these run lengths, measured over 10 seeds (100–109): sd of the
 * mean wait 1.09 % (M/M/1), 1.59 % (M/M/4), 0.87 % (M/D/1), 0.98 % (M/G/1),
 * 0.22 % (M/M/1/10); of the p99s 2.2–2.4 %; of blocking and utilisation ≤ 0.07
 * points. Worst of the 10: 3.75 % on a mean (bound 6 %), 5.22 % on a p99 (bound 9 %).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze, type Analysis, type NodeTheory } from '../../src/analysis/analyze.js';
import { erlangB, mmc, mmck, pollaczekKhinchine } from '../../src/analysis/queueing-theory.js';
import { loadScenario } from '../../src/scenario/index.js';
import { runScenario } from '../../src/run/run.js';
import type { RunResult } from '../../src/run/result.js';

const WARMUP_S = 20;

/** A scenario of one client and the given components, run once. */
function run(seed: number, measuredS: number, client: string, components: string[], links: string[]): RunResult {
  const text = `
title: analyze test
seed: ${seed}
duration: ${measuredS + WARMUP_S}s
warmup: ${WARMUP_S}s
components:
  users: ${client}
${components.map((c) => `  ${c}`).join('\n')}
links:
${links.map((l) => `  - ${l}`).join('\n')}
`;
  return runScenario(loadScenario(text));
}

const theoryOf = (a: Analysis, id: string): NodeTheory => {
  const t = a.theory.find((x) => x.id === id);
  if (!t) throw new Error(`no theory for ${id}: ${a.theory.map((x) => x.id).join(', ')}`);
  return t;
};

/** Each comparison as [figure, relative difference] (absolute for shares), to read in a failure message. */
const gaps = (t: NodeTheory) =>
  t.comparisons.map((c) => [
    c.figure,
    +(c.unit === 'ratio' ? c.simulated - c.predicted : (c.simulated - c.predicted) / c.predicted).toFixed(4),
  ]);

/** Every comparison agrees, and each time is within `relative` of its prediction (shares within 0.02). */
function expectAgreement(t: NodeTheory, relative: number) {
  expect({ agrees: t.agrees, reasons: t.reasons }, JSON.stringify(gaps(t))).toEqual({ agrees: true, reasons: [] });
  for (const c of t.comparisons) {
    const error = c.unit === 'ratio' ? Math.abs(c.simulated - c.predicted) : Math.abs(c.simulated - c.predicted) / c.predicted;
    expect(error, `${t.id} ${c.label}: simulated ${c.simulated}, predicted ${c.predicted}`).toBeLessThanOrEqual(
      c.unit === 'ratio' ? 0.02 : c.figure.endsWith('P99Ms') ? 1.5 * relative : relative,
    );
  }
}

const predicted = (t: NodeTheory, figure: string) => t.comparisons.find((c) => c.figure === figure)?.predicted;

describe('analyze(result) on theory cases', () => {
  it('M/M/1 at ρ = 0.8 (400k customers): Pollaczek–Khinchine with exponential service, mean within 6 %, p99 within 9 %', () => {
    const t = theoryOf(
      analyze(
        run(11, 500, '{ kind: client, rate: 800/s }', ['app: { kind: service, serviceTime: exp(1ms) }'], ['{ from: users, to: app }']),
      ),
      'app',
    );
    expect([t.model, t.formula]).toEqual(['M/M/1', 'Pollaczek–Khinchine']);
    // the prediction is the closed form of what the node measured
    const { arrivalRps, serviceMs, serviceScv } = t.inputs;
    expect(predicted(t, 'sojournMs')).toBeCloseTo(
      pollaczekKhinchine(arrivalRps / 1000, serviceMs, serviceMs ** 2 * (1 + serviceScv)) + serviceMs,
      9,
    );
    expect(predicted(t, 'sojournMs') as number).toBeCloseTo(mmc(0.8, 1).w, 0);
    expect(predicted(t, 'sojournP99Ms')).toBeCloseTo(Math.log(100) / (1 / serviceMs - arrivalRps / 1000), 6);
    // and the measured inputs are the design's
    expect(arrivalRps / 800).toBeCloseTo(1, 1);
    expect(serviceMs).toBeCloseTo(1, 1);
    expect(t.inputs.interarrivalScv).toBeCloseTo(1, 1);
    expectAgreement(t, 0.06);
  });

  it('M/M/4 at ρ = 0.8 (400k customers): Erlang C, mean within 6 %', () => {
    const t = theoryOf(
      analyze(
        run(
          12,
          500,
          '{ kind: client, rate: 800/s }',
          ['app: { kind: service, workers: 4, serviceTime: exp(4ms) }'],
          ['{ from: users, to: app }'],
        ),
      ),
      'app',
    );
    expect([t.model, t.formula]).toEqual(['M/M/4', 'Erlang C']);
    expect(predicted(t, 'waitMs')).toBeCloseTo(mmc(t.inputs.arrivalRps / 1000, 1 / t.inputs.serviceMs, 4).wq, 9);
    expectAgreement(t, 0.06);
  });

  it('M/D/1 at ρ = 0.8 (400k customers): Pollaczek–Khinchine with constant service, mean within 6 %, no p99', () => {
    const t = theoryOf(
      analyze(run(13, 500, '{ kind: client, rate: 800/s }', ['app: { kind: service, serviceTime: 1ms }'], ['{ from: users, to: app }'])),
      'app',
    );
    expect([t.model, t.formula]).toEqual(['M/D/1', 'Pollaczek–Khinchine']);
    expect(t.inputs.serviceScv).toBe(0);
    const lambda = t.inputs.arrivalRps / 1000;
    expect(predicted(t, 'waitMs')).toBeCloseTo(pollaczekKhinchine(lambda, 1, 1), 3);
    expect(t.comparisons.map((c) => c.figure)).not.toContain('sojournP99Ms');
    expectAgreement(t, 0.06);
  });

  it('M/G/1 with high-variance service (two-point, SCV 2.25) at ρ = 0.7 (420k customers): Pollaczek–Khinchine, mean within 8 %', () => {
    // 0.5 ms with probability 0.9, 5.5 ms with 0.1: mean 1 ms, E[S²] 3.25 ms²
    const t = theoryOf(
      analyze(
        run(
          14,
          600,
          '{ kind: client, rate: 700/s }',
          ['app: { kind: service, serviceTime: "empirical(0.5ms:0.9, 5.5ms:0.1)" }'],
          ['{ from: users, to: app }'],
        ),
      ),
      'app',
    );
    expect(t.model).toBe('M/G/1');
    expect(t.inputs.serviceScv).toBeCloseTo(2.25, 1);
    expect(predicted(t, 'waitMs')).toBeCloseTo(
      pollaczekKhinchine(t.inputs.arrivalRps / 1000, t.inputs.serviceMs, t.inputs.serviceMs ** 2 * (1 + t.inputs.serviceScv)),
      9,
    );
    expect(predicted(t, 'waitMs') as number).toBeCloseTo(pollaczekKhinchine(0.7, 1, 3.25), 0);
    expectAgreement(t, 0.08);
  });

  it('M/M/5/5 (Erlang B) at 4 Erlangs (400k customers): blocking and utilisation within 0.02', () => {
    const t = theoryOf(
      analyze(
        run(
          15,
          400,
          '{ kind: client, rate: 1000/s }',
          ['app: { kind: service, workers: 5, queueCapacity: 0, serviceTime: exp(4ms) }'],
          ['{ from: users, to: app }'],
        ),
      ),
      'app',
    );
    expect([t.model, t.formula]).toEqual(['M/M/5/5', 'Erlang B']);
    expect(predicted(t, 'blocking') as number).toBeCloseTo(erlangB(5, 4), 2);
    expectAgreement(t, 0.06);
  });

  it('M/M/1/10 at ρ = 0.9 (360k customers): the birth–death chain, blocking within 0.02, mean wait within 6 %', () => {
    const t = theoryOf(
      analyze(
        run(
          16,
          400,
          '{ kind: client, rate: 900/s }',
          ['app: { kind: service, queueCapacity: 9, serviceTime: exp(1ms) }'],
          ['{ from: users, to: app }'],
        ),
      ),
      'app',
    );
    expect([t.model, t.formula]).toEqual(['M/M/1/10', 'M/M/c/K birth–death chain']);
    const m = mmck(t.inputs.arrivalRps / 1000, 1 / t.inputs.serviceMs, 1, 10);
    expect(predicted(t, 'blocking')).toBeCloseTo(m.blocking, 9);
    expect(predicted(t, 'waitMs')).toBeCloseTo(m.wq, 9);
    expectAgreement(t, 0.06);
  });
});

describe('analyze(result) flags where the model does not hold, with the reason', () => {
  it('a closed workload: finite-population arrivals wait less than the open M/M/1 says, and the reason names the closed workload', () => {
    const a = analyze(
      run(
        17,
        300,
        '{ kind: client, users: 10, thinkTime: exp(20ms) }',
        ['app: { kind: service, serviceTime: exp(3ms) }'],
        ['{ from: users, to: app }'],
      ),
    );
    const t = theoryOf(a, 'app');
    expect(t.agrees).toBe(false);
    const wait = t.comparisons.find((c) => c.figure === 'waitMs');
    expect(wait?.agrees).toBe(false);
    expect(wait?.simulated).toBeLessThan(wait?.predicted as number);
    expect(t.reasons[0]).toMatch(/^arrivals are not Poisson: a closed workload sends them — 10 users each wait for their answer/);
  });

  it('evenly spaced arrivals: the interarrival SCV near 0 is the reason, and they wait less', () => {
    const t = theoryOf(
      analyze(
        run(
          18,
          200,
          '{ kind: client, rate: 800/s, arrival: uniform }',
          ['app: { kind: service, serviceTime: exp(1ms) }'],
          ['{ from: users, to: app }'],
        ),
      ),
      'app',
    );
    expect(t.inputs.interarrivalScv).toBeLessThan(0.01);
    expect(t.agrees).toBe(false);
    expect(t.comparisons.find((c) => c.figure === 'waitMs')?.simulated).toBeLessThan(predicted(t, 'waitMs') as number);
    expect(t.reasons).toEqual([
      'arrivals are not Poisson: the time between arrivals has SCV 0.00 (Poisson: 1) — more regular than Poisson (a round-robin balancer, ' +
        'evenly spaced arrivals, or a queue upstream that smooths them), so they wait less than the formula says.',
    ]);
  });

  it('the retry storm (scenarios/retry-storm.yaml): overload, bursty arrivals, phases and the callers’ timeouts and retries are named', () => {
    const text = readFileSync(new URL('../../scenarios/retry-storm.yaml', import.meta.url), 'utf8');
    const a = analyze(runScenario(loadScenario(text)));
    const t = theoryOf(a, 'app');
    expect(t.agrees).toBe(false);
    expect(t.reasons.map((r) => r.split(':')[0])).toEqual([
      'overloaded',
      'arrivals are not Poisson',
      'the load changes across 3 phases (before, slowdown, after)',
      'service times are not exponential (SCV 1.32, exponential',
      expect.stringMatching(/^callers timed out [\d,]+ calls and retried [\d,]+$/),
      'the run warned',
    ]);
    expect(a.bottleneck?.sentence).toMatch(/^app saturates first: at most \d+(\.\d)? req\/s \(offered \d+ req\/s, \d+ %: overloaded\)/);
  });

  it('a service fed by a queue’s consumers never queues itself: the reason says the queue forms upstream', () => {
    const t = theoryOf(
      analyze(
        run(
          26,
          100,
          '{ kind: client, rate: 150/s }',
          ['orders: { kind: queue, consumers: 2 }', 'worker: { kind: service, workers: 2, serviceTime: exp(10ms) }'],
          ['{ from: users, to: orders }', '{ from: orders, to: worker }'],
        ),
      ),
      'worker',
    );
    expect(t.inputs.rho).toBeGreaterThan(0.7);
    expect(t.comparisons.find((c) => c.figure === 'waitMs')).toMatchObject({ simulated: 0, agrees: false });
    expect(t.reasons[0]).toMatch(/^no request ever waited for a worker here: .*a queue's consumers pulling/);
  });

  it('an overloaded unbounded queue has no steady state: flagged, with ρ in the reason', () => {
    const t = theoryOf(
      analyze(
        run(
          19,
          20,
          '{ kind: client, rate: 1200/s }',
          ['app: { kind: service, queueCapacity: 1000000, serviceTime: exp(1ms) }'],
          ['{ from: users, to: app }'],
        ),
      ),
      'app',
    );
    expect(t.agrees).toBe(false);
    expect(t.reasons[0]).toMatch(/^overloaded: offered load ρ = 1\.\d\d ≥ 1/);
  });
});
