import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/index.js';
import { runScenario } from '../../src/run/run.js';
import type { RunResult } from '../../src/run/result.js';
import { compare, MEASURED, replicate } from '../../scripts/ec2-vs-lambda-table.js';
import { cost, scenarioRunner } from './helpers.js';

const run = scenarioRunner('ec2-vs-lambda');
const text = readFileSync(new URL('../../scenarios/ec2-vs-lambda.yaml', import.meta.url), 'utf8');

/** The bound: every figure within 15 % of the measurement. */
const BOUND = 0.15;
/** Replications whose mean is compared (the report's table uses 10 as well). */
const REPLICATIONS = 10;

describe('scenarios/ec2-vs-lambda.yaml reproduces the course measurements', () => {
  for (const [variant, measured] of Object.entries(MEASURED)) {
    it(`${variant}: every figure's mean over ${REPLICATIONS} replications is within 15 % of the measured one`, () => {
      const runs = replicate(variant, REPLICATIONS);
      for (const r of runs) {
        expect(r.summary.requests).toBe(measured.requests);
        expect(r.summary.failed).toBe(0);
      }
      const misses = compare(variant, runs)
        .filter((c) => Math.abs(c.error) > BOUND)
        .map((c) => `${c.f.label}: simulated ${c.mean.toFixed(3)}, measured ${c.f.value}`);
      expect(misses).toEqual([]);
    });
  }
});

describe('scenarios/ec2-vs-lambda.yaml teaches', () => {
  const ec2 = run(),
    lambda = run('lambda');

  it('runs the course plan: 20 threads × 100 iterations × 2 requests through four phases = 7,400 requests', () => {
    for (const r of [ec2, lambda]) {
      expect(r.phases.map((p) => [p.name, p.requests])).toEqual([
        ['warmup', 400],
        ['loading', 2000],
        ['peak', 4000],
        ['cooldown', 1000],
      ]);
    }
  });

  it("puts the gap in the gateway: Lambda's requests pass the API gateway, over the same network as EC2", () => {
    expect(lambda.components.gateway.arrivals).toBe(7400);
    expect(lambda.components.gateway.throttled).toBe(0);
    // the gateway's overhead (64–80 ms) is most of the difference in means
    const gap = lambda.summary.latencyMs.mean - ec2.summary.latencyMs.mean;
    expect(gap).toBeGreaterThan(60);
    expect(gap).toBeLessThan(80);
  });

  it('cold-starts one Lambda instance per new environment, far too few to set the p99', () => {
    const fn = lambda.components.api;
    expect(fn.coldStarts).toBe(fn.peakInstances);
    expect(fn.coldStarts as number).toBeLessThan(0.01 * 7400);
    expect(ec2.components.api.coldStarts).toBeUndefined();
    const big = run('lambda-100-threads').components.api;
    expect(big.coldStarts as number).toBeLessThan(0.01 * 37_000);
    expect(big.scaleLimited).toBe(0);
  });

  it("reads each phase's latency from Little's law: R = phase time ÷ 200 requests per thread equals the mean latency", () => {
    for (const r of [ec2, lambda, run('ec2-100-threads')]) {
      for (const p of r.phases) {
        const perRequest = (p.endMs - p.startMs) / 200;
        // the phase ends with its slowest thread, so R from the phase time is a little above the mean
        expect(perRequest).toBeGreaterThan(p.latencyMs.mean * 0.98);
        expect(perRequest).toBeLessThan(p.latencyMs.mean * 1.15);
      }
    }
  });

  it('needs the worker pool the measurement shows: with 8 workers the 100-thread peak phase saturates', () => {
    const eight = runScenario(loadScenario(text, { variant: 'ec2-100-threads', set: ['api.workers=8'] }));
    const sixteen = run('ec2-100-threads');
    const peak = (r: RunResult) => r.phases[2].endMs - r.phases[2].startMs;
    expect(peak(sixteen)).toBeLessThan(21_440 * 1.15);
    expect(peak(eight)).toBeGreaterThan(1.5 * peak(sixteen));
  });

  it('costs each design: the always-on instance is cheaper at this sustained load, the function pays less the free tier', () => {
    expect(cost(ec2).perMonth).toBeCloseTo(0.0416 * 730, 1);
    expect(cost(lambda).perMonth).toBeGreaterThan(cost(ec2).perMonth);
    expect(lambda.components.api.cost).toEqual(cost(lambda));
  });
});
