import { describe, expect, it } from 'vitest';
import { estimateRequests, requestDeadline } from '../../src/kinds/client.js';
import { kindDef } from '../../src/kinds/index.js';
import { downstreamPace } from '../../src/kinds/pace.js';
import { loadScenario } from '../../src/scenario/index.js';
import { runScenario } from '../../src/run/run.js';
import { calls, runYaml } from './run-yaml.js';

/** A scenario's client `users`: what it issued over the run, and what its estimate said beforehand. */
function issuedAndEstimated(yaml: string): { issued: number; estimated: number } {
  const s = loadScenario(yaml);
  const users = s.components.find((c) => c.id === 'users');
  if (!users || s.duration === undefined) throw new Error('the scenario needs a client "users" and a duration');
  const estimated = kindDef(users.kind)?.source?.estimateRequests(users.params, s.duration, downstreamPace('users', s.components, s.links));
  if (estimated === undefined) throw new Error('a client is a workload source');
  return { issued: runScenario(s).summary.requests, estimated };
}

describe('client timeouts, retries and rate changes', () => {
  it('estimateRequests sizes a run: users × iterations × sequence, or mean rate × duration per phase', () => {
    const closed = { users: 20, iterations: 100, sequence: ['/write', '/read'], thinkTime: { dist: 'constant', value: 0 } };
    expect(estimateRequests(closed as never, 1e9)).toBe(4000);
    const open = {
      phases: [
        { name: 'ramp', duration: 10_000, rate: 0, rampTo: 100 },
        { name: 'peak', duration: 5_000, rate: 200 },
      ],
    };
    expect(estimateRequests(open as never, 1e9)).toBe(500 + 1000);
    // a duration shorter than the phases: what is past it is never issued (the fuzzer cuts runs to 2 s)
    expect(estimateRequests({ phases: [{ name: 'a', duration: 60_000, rate: 100 }] } as never, 2_000)).toBe(200);
    expect(estimateRequests(open as never, 12_000)).toBe(500 + 400);
    expect(estimateRequests({ rate: 50 } as never, 60_000)).toBe(3000);
    // unbounded users: at most one request per think time (+1 ms) per user over the horizon
    expect(estimateRequests({ users: 10, thinkTime: { dist: 'constant', value: 99 } } as never, 10_000)).toBe(1000);
  });

  it('estimateRequests(p, horizon, downstreamPace(...)) is within 2× of what a closed workload issues', () => {
    // 100 users, no think time, against 400 requests/s of capacity: the users go as fast as the service answers
    // (the estimate without the downstream pace was 100 users × one request per ms)
    const saturated = issuedAndEstimated(`
duration: 30s
warmup: 0s
components:
  users: { kind: client, users: 100 }
  app: { kind: service, workers: 4, serviceTime: exp(10ms) }
links: [{ from: users, to: app }]
`);
    expect(saturated.estimated / saturated.issued).toBeGreaterThan(0.5);
    expect(saturated.estimated / saturated.issued).toBeLessThan(2);
    // thinking users behind a slow network: bounded by users ÷ (think time + round trip)
    const thinking = issuedAndEstimated(`
duration: 30s
warmup: 0s
components:
  users: { kind: client, users: 100, thinkTime: exp(500ms) }
  lb: { kind: load-balancer }
  app: { kind: service, instances: 2, workers: 8, serviceTime: exp(10ms) }
links: [{ from: users, to: lb, latency: 40ms }, { from: lb, to: app, latency: 1ms }]
`);
    expect(thinking.estimated / thinking.issued).toBeGreaterThan(0.5);
    expect(thinking.estimated / thinking.issued).toBeLessThan(2);
  });

  it('estimateRequests is within 2× of what an open workload issues', () => {
    const open = issuedAndEstimated(`
duration: 30s
warmup: 0s
components:
  users: { kind: client, phases: [{ name: ramp, duration: 10s, rate: 0, rampTo: 200/s }, { name: peak, duration: 20s, rate: 200/s }] }
  app: { kind: service, workers: 4, serviceTime: exp(10ms) }
links: [{ from: users, to: app }]
`);
    expect(open.estimated).toBe(1000 + 4000);
    expect(open.estimated / open.issued).toBeGreaterThan(0.5);
    expect(open.estimated / open.issued).toBeLessThan(2);
  });

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

  it("a set event changes an open client's rate from that moment on", () => {
    const r = runYaml(`
duration: 40s
components:
  users: { kind: client, rate: 100/s }
  app: { kind: service, workers: 100, serviceTime: 1ms }
links: [{ from: users, to: app }]
events:
  - { at: 20s, action: set, target: users, param: rate, value: 400/s }
`);
    const rps = r.series.throughputRps,
      b = r.series.bucketMs;
    const mean = (from: number, to: number) => rps.slice(from / b, to / b).reduce((a, x) => a + x, 0) / ((to - from) / b);
    expect(mean(0, 20000)).toBeCloseTo(100, -1);
    expect(mean(20000, 40000)).toBeCloseTo(400, -1);
  });
});
