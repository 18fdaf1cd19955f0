import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import { runYaml } from './run-yaml.js';

const limited = (limiter: string, client = 'rate: 200/s, arrival: uniform', duration = '10s', backend = '') =>
  runYaml(`
duration: ${duration}
components:
  users: { kind: client, ${client} }
  limiter: { kind: rate-limiter, ${limiter} }
  ${backend ? `api: { kind: service, ${backend} }` : ''}
links:
  - { from: users, to: limiter }
  ${backend ? '- { from: limiter, to: api }' : ''}
`);

describe('rate-limiter', () => {
  it('token-bucket lets a full bucket of burst through at once, then the rate', () => {
    const r = limited('rate: 10/s, burst: 5', 'rate: 1000/s, arrival: uniform', '2s');
    expect(r.components.limiter.admitted).toBe(5 + 10 * 2 - 1); // the 20th token arrives with the window's end
    expect(r.summary.failures.throttled).toBe(r.components.limiter.throttled);
    expect(r.summary.completed + r.summary.failed).toBe(r.summary.requests);
  });

  it('forwards admitted requests downstream and answers throttled ones at once', () => {
    const r = limited('rate: 100/s, burst: 1', 'rate: 200/s, arrival: uniform', '10s', 'serviceTime: 5ms, workers: 10');
    expect(r.components.api.arrivals).toBe(r.components.limiter.admitted);
    expect(r.summary.latencyMs.p50).toBeCloseTo(5, 1);
  });

  it('leaky-bucket queues requests and lets them leave evenly at the rate; a full queue throttles', () => {
    const r = limited('algorithm: leaky-bucket, rate: 100/s, queueSize: 10');
    const c = r.components.limiter;
    expect(c.admittedRps).toBeCloseTo(100, -1);
    expect(c.queueLength.max).toBe(10);
    // a full queue holds 10 requests that leave 10 ms apart
    expect(c.waitMs.p99).toBeGreaterThan(90);
    expect(c.waitMs.p99).toBeLessThanOrEqual(101);
  });

  it('leaky-bucket with queueSize 0 admits only requests spaced at least 1/rate apart', () => {
    const c = limited('algorithm: leaky-bucket, rate: 100/s, queueSize: 0', 'rate: 150/s, arrival: uniform').components.limiter;
    expect(c.waitMs.p99).toBe(0);
    expect(c.admittedRps).toBeCloseTo(75, -1); // every other arrival (6.7 ms apart) finds the bucket busy
  });

  it('fixed-window admits limit per window, resetting at each boundary', () => {
    const c = limited('algorithm: fixed-window, rate: 100/s, window: 1s').components.limiter;
    expect(c.admitted).toBe(1000);
    const l = limited('algorithm: fixed-window, limit: 30, window: 500ms').components.limiter;
    expect(l.admitted).toBe(20 * 30);
  });

  it('sliding-window admits about the rate without the fixed window’s double burst at a boundary', () => {
    const c = limited('algorithm: sliding-window, rate: 100/s, window: 1s', 'rate: 200/s').components.limiter;
    expect(c.admittedRps).toBeGreaterThan(95);
    expect(c.admittedRps).toBeLessThanOrEqual(101);
    // a burst straddling a boundary: 0.9–1.1 s at 1000/s
    const burst = (alg: string) =>
      runYaml(`
duration: 2s
components:
  users: { kind: client, phases: [{ name: idle, duration: 900ms, rate: 0 }, { name: burst, duration: 200ms, rate: 1000/s }, { name: rest, duration: 900ms, rate: 0 }], arrival: uniform }
  limiter: { kind: rate-limiter, algorithm: ${alg}, rate: 100/s, window: 1s }
links: [{ from: users, to: limiter }]
`).components.limiter.admitted as number;
    expect(burst('fixed-window')).toBe(199); // all of them: 99 before the boundary, 100 after
    expect(burst('sliding-window')).toBeLessThan(120);
  });

  it('keeps a bucket per key with per: key', () => {
    const all = limited('rate: 50/s, burst: 1', 'rate: 400/s, arrival: uniform, keys: { count: 4 }').components.limiter;
    const perKey = limited('rate: 50/s, burst: 1, per: key', 'rate: 400/s, arrival: uniform, keys: { count: 4 }').components.limiter;
    expect(all.admittedRps).toBeCloseTo(50, -1);
    expect(perKey.admittedRps).toBeGreaterThan(2.5 * (all.admittedRps as number)); // four buckets
  });

  it('refuses limit on a token bucket', () => {
    expect(() =>
      loadScenario(`
duration: 1s
components:
  users: { kind: client, rate: 1/s }
  limiter: { kind: rate-limiter, limit: 10 }
links: [{ from: users, to: limiter }]
`),
    ).toThrow(/limit applies to the window algorithms; token-bucket uses rate/);
  });
});
