import { describe, expect, it } from 'vitest';
import { num, runYaml } from './run-yaml.js';
import type { RunResult } from '../../src/run/result.js';

/** Successful requests of the run slower than `ms` (from the latency histogram). */
const slowerThan = (r: RunResult, ms: number) => r.histogram.filter(([lo]) => lo >= ms).reduce((a, [, , n]) => a + n, 0);

describe('service warmUp: first requests per instance are cold', () => {
  it('serves exactly `requests` cold requests per instance, then none', () => {
    const r = runYaml(`
version: 1
title: warm
seed: 3
duration: 60s
components:
  users: { kind: client, rate: 20/s }
  app: { kind: service, instances: 3, workers: 4, serviceTime: 10ms, warmUp: { requests: 2, extra: 1s } }
links:
  - { from: users, to: app }
`);
    expect(r.summary.completed).toBeGreaterThan(1000);
    expect(num(r, 'app', 'coldRequests')).toBe(6);
    expect(slowerThan(r, 500)).toBe(6);
    expect(r.summary.latencyMs.p50).toBeCloseTo(10, 0); // a histogram midpoint: within 1 %
  });

  it('with perRoute, counts the cold requests per route: one slow first request per route and instance', () => {
    const r = runYaml(`
version: 1
title: warm per route
seed: 4
duration: 30s
components:
  users: { kind: client, rate: 10/s, routes: { /a: 1, /b: 1, /c: 2 } }
  app: { kind: service, instances: 2, serviceTime: 5ms, warmUp: { perRoute: true, extra: 2s } }
links:
  - { from: users, to: app }
`);
    expect(num(r, 'app', 'coldRequests')).toBe(6);
    for (const name of ['/a', '/b', '/c']) {
      expect(r.routes[name].latencyMs.max).toBeGreaterThanOrEqual(2000);
      expect(r.routes[name].latencyMs.p50).toBeCloseTo(5, 0);
    }
  });

  it('warms up again after a crash restarts the instance', () => {
    const r = runYaml(`
version: 1
title: warm after restart
components:
  users: { kind: client, users: 1, iterations: 3, sequence: [/a, /boom], thinkTime: 2s }
  app: { kind: service, serviceTime: 5ms, crashOn: { route: /boom, probability: 1 }, restartTime: 1s, warmUp: { extra: 1s } }
links:
  - { from: users, to: app }
`);
    // each iteration's /a is the first request of a freshly (re)started instance
    expect(r.routes['/a'].latencyMs.min).toBeGreaterThanOrEqual(1000);
    expect(r.routes['/a'].completed).toBe(3);
    expect(r.routes['/boom'].failures.error).toBe(3);
    expect(num(r, 'app', 'coldRequests')).toBe(3);
  });

  it('leaves the M/M/1 figures unchanged once warm: W = 1/(μ − λ) = 20 ms within 5 % (λ 50/s, μ 100/s, 20 min)', () => {
    const mm1 = (warm: string) =>
      runYaml(`
version: 1
title: mm1 warm
seed: 9
duration: 20m
warmup: 1m
components:
  users: { kind: client, rate: 50/s }
  app: { kind: service, serviceTime: exp(10ms)${warm} }
links:
  - { from: users, to: app }
`);
    const cold = mm1(', warmUp: { duration: 20s, factor: 3, extra: 0ms }');
    expect(num(cold, 'app', 'coldRequests')).toBe(0); // the cold period ends before the measured window
    expect(Math.abs(cold.summary.latencyMs.mean / 20 - 1)).toBeLessThan(0.05);
    expect(Math.abs(cold.summary.latencyMs.p50 / (20 * Math.LN2) - 1)).toBeLessThan(0.05);
  });

  it('makes every request within the cold period cold (duration), at factor × the service time', () => {
    const r = runYaml(`
version: 1
title: cold period
duration: 10s
components:
  users: { kind: client, rate: 10/s, arrival: uniform }
  app: { kind: service, workers: 10, serviceTime: 10ms, warmUp: { requests: 0, duration: 2s, factor: 3, extra: 0ms } }
links:
  - { from: users, to: app }
`);
    // evenly spaced at 10/s, the first at 100 ms: 19 arrivals in [0, 2 s)
    expect(num(r, 'app', 'coldRequests')).toBe(19);
    expect(slowerThan(r, 25)).toBe(19);
    expect(r.summary.latencyMs.max).toBeCloseTo(30, 0);
  });
});
