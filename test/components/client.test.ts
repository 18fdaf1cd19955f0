import { describe, expect, it } from 'vitest';
import { requestDeadline } from '../../src/components/client.js';
import { calls, runYaml } from './run-yaml.js';

describe('client timeouts, retries and rate changes', () => {
  it('requestDeadline(p) is every attempt timing out plus the backoff waits', () => {
    expect(requestDeadline({})).toBe(Infinity);
    expect(requestDeadline({ timeout: 100 })).toBe(100);
    expect(requestDeadline({ timeout: 100, retries: { max: 2, backoff: 10, multiplier: 2, jitter: 1 } })).toBe(100 + 110 + 120);
  });

  it('without retries the timeout bounds the whole request', () => {
    const r = runYaml(`
components:
  users: { kind: client, users: 1, iterations: 3, timeout: 50ms }
  slow: { kind: service, serviceTime: 80ms, workers: 10 }
links: [{ from: users, to: slow }]
`);
    expect(r.summary.failures.timeout).toBe(3);
    expect(r.components.users.calls).toBeUndefined();
  });

  it('retries succeed once the target answers in time', () => {
    const r = runYaml(`
duration: 20s
components:
  users: { kind: client, rate: 20/s, timeout: 100ms, retries: { max: 2, backoff: 0ms } }
  app: { kind: service, workers: 10, serviceTime: exp(40ms) }
links: [{ from: users, to: app }]
`);
    const c = calls(r, 'users', 'app');
    // P(exp(40ms) > 100ms) = e^−2.5 ≈ 8%: about 8% retried, 0.7% twice, 0.05% fail
    expect(c.retries / r.summary.requests).toBeGreaterThan(0.06);
    expect(c.retries / r.summary.requests).toBeLessThan(0.11);
    expect(r.summary.failed).toBeLessThan(5);
    expect(c.attempts).toBe(r.summary.requests + c.retries);
  });

  it('a set event changes an open client\'s rate from that moment on', () => {
    const r = runYaml(`
duration: 40s
components:
  users: { kind: client, rate: 100/s }
  app: { kind: service, workers: 100, serviceTime: 1ms }
links: [{ from: users, to: app }]
events:
  - { at: 20s, action: set, target: users, param: rate, value: 400/s }
`);
    const rps = r.series.throughputRps, b = r.series.bucketMs;
    const mean = (from: number, to: number) => rps.slice(from / b, to / b).reduce((a, x) => a + x, 0) / ((to - from) / b);
    expect(mean(0, 20000)).toBeCloseTo(100, -1);
    expect(mean(20000, 40000)).toBeCloseTo(400, -1);
  });
});
