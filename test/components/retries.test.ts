import { describe, expect, it } from 'vitest';
import { calls, num, runYaml } from './run-yaml.js';

describe('timeouts, retries and circuit breaker on links', () => {
  it('retries a failing call max times, waiting backoff × multiplier^(n−1) between attempts', () => {
    const r = runYaml(`
components:
  users: { kind: client, users: 1, iterations: 10 }
  app: { kind: service, serviceTime: 1ms }
  db: { kind: service, serviceTime: 1ms }
links:
  - { from: users, to: app }
  - { from: app, to: db, retries: { max: 2, backoff: 100ms, multiplier: 2, jitter: 0 } }
events:
  - { at: 0s, action: kill, target: db }
`);
    expect(r.summary.failures.error).toBe(10);
    expect(calls(r, 'app', 'db')).toEqual({ attempts: 30, retries: 20, timeouts: 0, failures: 30 });
    expect(num(r, 'db', 'arrivals')).toBe(30);
    // each request: 1 ms of work, then attempts at +0, +100, +300 ms
    expect(r.simulatedMs).toBeCloseTo(10 * 301, 6);
  });

  it('times out each attempt; the abandoned work still occupies the server', () => {
    const r = runYaml(`
components:
  users: { kind: client, users: 1, iterations: 5 }
  slow: { kind: service, serviceTime: 100ms }
links:
  - { from: users, to: slow, timeout: 30ms, retries: { max: 1, backoff: 0ms } }
`);
    expect(r.summary.failures.timeout).toBe(5);
    expect(calls(r, 'users', 'slow')).toMatchObject({ attempts: 10, retries: 5, timeouts: 10 });
    // every attempt was worked on to the end, queueing behind the abandoned ones
    expect(num(r, 'slow', 'completed')).toBe(10);
    expect(r.components.slow.queueLength.max).toBeGreaterThan(0);
  });

  it("a client's own timeout and retries apply to each attempt", () => {
    const r = runYaml(`
components:
  users: { kind: client, users: 1, iterations: 4, timeout: 50ms, retries: { max: 3, backoff: 10ms, jitter: 0 } }
  slow: { kind: service, serviceTime: 80ms, workers: 100 }
links:
  - { from: users, to: slow }
`);
    expect(r.summary.failures.timeout).toBe(4);
    expect(calls(r, 'users', 'slow').attempts).toBe(16);
    // each request fails after 4 × 50 ms attempts + waits 10 + 20 + 40 ms = 270 ms; the
    // last attempt's abandoned 80 ms of work ends 30 ms after it timed out
    expect(r.simulatedMs).toBeCloseTo(4 * 270 + 30, 6);
  });

  it('opens the circuit breaker when the failure rate crosses the threshold and fails fast as error', () => {
    const r = runYaml(`
duration: 30s
components:
  users: { kind: client, rate: 100/s }
  app: { kind: service, workers: 100, serviceTime: 1ms }
  db: { kind: service, workers: 100, serviceTime: 1ms }
links:
  - { from: users, to: app }
  - { from: app, to: db, circuitBreaker: { failureRate: 0.5, window: 2s, openFor: 5s, minCalls: 10, halfOpenProbes: 3 } }
events:
  - { at: 10s, action: kill, target: db }
  - { at: 18s, action: restore, target: db }
`);
    const c = calls(r, 'app', 'db');
    // opens ~1 s after the kill (half of a 2 s window of calls must fail), a failed probe at ~16 s reopens it, closes after 21 s
    expect(c.breakerOpens).toBe(2);
    expect(c.shortCircuited).toBeGreaterThan(900);
    expect(c.breaker).toBe('closed');
    // while open the dead db sees no calls: only the ~100 that tripped it and one round of probes failed there
    expect(num(r, 'db', 'refused')).toBeLessThan(150);
    expect(r.summary.failures.error).toBe(c.shortCircuited + num(r, 'db', 'refused'));
  });
});
