import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/index.js';
import { runScenario } from '../../src/run/run.js';

const text = readFileSync(new URL('../../scenarios/cmpe273-progression.yaml', import.meta.url), 'utf8');
const run = (variant: string) => runScenario(loadScenario(text, { variant }));

describe('scenarios/cmpe273-progression.yaml', () => {
  const base = run('Base'),
    pool = run('+pool'),
    cached = run('+cache'),
    kafka = run('+kafka'),
    lb = [run('+lb-1'), run('+lb-3'), run('+lb-4')];

  it('runs the JMeter plan to completion in every step: 20 threads × 500 iterations, no failures', () => {
    for (const r of [base, pool, cached]) expect(r.summary).toMatchObject({ requests: 10_000, completed: 10_000, failed: 0 });
  });

  it('Base pays connectTime on every request; +pool does not', () => {
    expect(base.components.db.connections).toBe('per request');
    expect(pool.components.db.connections).toBe('pool');
  });

  it('+pool raises throughput and cuts mean latency by at least the 20 ms connect cost it removes', () => {
    expect(pool.summary.throughputRps).toBeGreaterThan(base.summary.throughputRps * 1.5);
    const poolWait = (pool.components.db.poolWaitMs as { mean: number }).mean;
    expect(base.summary.latencyMs.mean - pool.summary.latencyMs.mean).toBeGreaterThanOrEqual(20 - poolWait);
  });

  it('+cache raises throughput and cuts mean latency by at least what its hits save', () => {
    const redis = cached.components.redis;
    expect(redis.hitRatio).toBeGreaterThan(0.5);
    expect(cached.summary.throughputRps).toBeGreaterThan(pool.summary.throughputRps * 1.2);
    // a hit skips the database round trip (1 + 10 + 1 ms); every request pays the cache (0.5 + 0.5 + 0.5 ms)
    const reads = (redis.hits as number) + (redis.misses as number);
    const saved = ((redis.hits as number) / redis.arrivals) * 12 - 1.5 * (reads / redis.arrivals);
    expect(saved).toBeGreaterThan(3);
    expect(pool.summary.latencyMs.mean - cached.summary.latencyMs.mean).toBeGreaterThanOrEqual(saved);
    expect(cached.components.db.arrivals).toBeLessThan(pool.components.db.arrivals * 0.5);
  });

  it('+kafka answers a write once Kafka stores it: /post gets faster and the consumer writes every post to MySQL', () => {
    expect(kafka.summary).toMatchObject({ requests: 10_000, completed: 10_000, failed: 0 });
    expect(kafka.routes['/post'].latencyMs.p50).toBeLessThan(cached.routes['/post'].latencyMs.p50 * 0.8);
    expect(kafka.components.consumer.completed).toBe(kafka.routes['/post'].completed);
    expect(kafka.components.db.writes).toBe(kafka.routes['/post'].completed);
  });

  it('throughput rises at every step of the chain: Base → +pool → +cache → +kafka → 1 → 3 → 4 instances (1 instance behind the LB: within 2 %)', () => {
    const chain = [base, pool, cached, kafka, ...lb].map((r) => r.summary.throughputRps);
    for (let i = 1; i < chain.length; i++) {
      if (i === 4) expect(Math.abs(chain[4] / chain[3] - 1)).toBeLessThan(0.02);
      else expect(chain[i], `step ${i}`).toBeGreaterThan(chain[i - 1] * 1.1);
    }
    // the app is the bottleneck: three instances come close to three times one (Little's law on a closed workload)
    expect(chain[5] / chain[4]).toBeGreaterThan(2.4);
  });
});
