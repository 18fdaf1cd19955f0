import { describe, expect, it } from 'vitest';
import { cost, scenarioRunner } from './helpers.js';

const run = scenarioRunner('ec2-vs-lambda');

describe('scenarios/ec2-vs-lambda.yaml', () => {
  const ec2 = run(),
    lambda = run('lambda');

  it('runs the course plan: 20 threads × 100 iterations × 2 requests through four phases = 7,400 requests', () => {
    for (const r of [ec2, lambda]) {
      expect(r.summary.requests).toBe(7400);
      expect(r.summary.completed).toBe(7400);
      expect(r.phases.map((p) => [p.name, p.requests])).toEqual([
        ['warmup', 400],
        ['loading', 2000],
        ['peak', 4000],
        ['cooldown', 1000],
      ]);
    }
  });

  it('cold-starts Lambda instances in the first requests of each phase that adds threads, never on EC2', () => {
    const fn = lambda.components.api;
    expect(fn.coldStarts).toBeGreaterThanOrEqual(10);
    expect(fn.coldStarts).toBeLessThanOrEqual(20);
    expect(fn.peakInstances).toBeLessThanOrEqual(20);
    expect(ec2.components.api.coldStarts).toBeUndefined();
    // the slowest Lambda requests are the cold ones: max ≥ median + a cold start
    expect(lambda.summary.latencyMs.max).toBeGreaterThan(lambda.summary.latencyMs.p50 + 100);
  });

  it('gives EC2 the lower median and mean at 20 threads, near the course measurements (45/36/162 ms vs 114/116/184 ms)', () => {
    const e = ec2.summary.latencyMs,
      l = lambda.summary.latencyMs;
    expect(e.p50).toBeLessThan(l.p50 / 2);
    expect(e.mean).toBeGreaterThan(35);
    expect(e.mean).toBeLessThan(55);
    expect(l.mean).toBeGreaterThan(100);
    expect(l.mean).toBeLessThan(130);
    expect(e.p99).toBeGreaterThan(120);
    expect(l.p99).toBeGreaterThan(e.p99);
  });

  it('reverses the tail at 100 threads: the one EC2 instance queues, Lambda scales out', () => {
    const e = run('ec2-100-threads'),
      l = run('lambda-100-threads');
    expect(e.summary.requests).toBe(37000);
    expect(e.components.api.utilization).toBeGreaterThan(0.8);
    expect(e.summary.latencyMs.p99).toBeGreaterThan(l.summary.latencyMs.p99 * 1.3);
    expect(l.components.api.peakInstances).toBeGreaterThan(50);
  });

  it('costs each design: the always-on instance is cheaper at this sustained load', () => {
    expect(cost(ec2).perMonth).toBeCloseTo(0.0416 * 730, 1);
    expect(cost(lambda).perMonth).toBeGreaterThan(cost(ec2).perMonth);
    // Lambda's bill is per request: 7,400 × $0.20 per million plus the GB-seconds
    expect(cost(lambda).run).toBeGreaterThan(7400 * 0.2e-6);
    expect(lambda.components.api.cost).toEqual(cost(lambda));
  });
});
