import { describe, expect, it } from 'vitest';
import { runYaml } from '../components/run-yaml.js';
import { textReport } from '../../src/run/report.js';
import { csvReport } from '../../src/output/csv.js';
import { metricValue } from '../../src/check/goals.js';
import { loadScenario } from '../../src/scenario/index.js';
import type { RunResult } from '../../src/run/result.js';

const MIX = `
version: 1
title: mix
seed: 5
duration: 60s
warmup: 5s
components:
  users: { kind: client, rate: 200/s, routes: { /a: 1, /b: 3, /c.v2: 6 }, timeout: 400ms }
  app: { kind: service, workers: 2, serviceTime: exp(9ms), queueCapacity: 20 }
links:
  - { from: users, to: app, latency: 1ms }
`;

const sumOver = (r: RunResult, f: (s: RunResult['summary']) => number) => Object.values(r.routes).reduce((a, s) => a + f(s), 0);

describe('routes in the run result', () => {
  const r = runYaml(MIX);

  it('conserves requests per route: the routes sum to the summary, and each route is completed + failed + inFlight', () => {
    expect(Object.keys(r.routes)).toEqual(['/a', '/b', '/c.v2']);
    expect(r.summary.failed).toBeGreaterThan(0); // the mix overloads the service: failures are part of the check
    for (const key of ['requests', 'completed', 'failed', 'inFlight'] as const) expect(sumOver(r, (s) => s[key])).toBe(r.summary[key]);
    for (const reason of ['timeout', 'rejected', 'throttled', 'error'] as const)
      expect(sumOver(r, (s) => s.failures[reason])).toBe(r.summary.failures[reason]);
    for (const s of Object.values(r.routes)) expect(s.requests).toBe(s.completed + s.failed + s.inFlight);
    expect(sumOver(r, (s) => s.throughputRps)).toBeCloseTo(r.summary.throughputRps, 2);
  });

  it("draws the weighted mix's shares within 3 binomial standard errors", () => {
    const n = r.summary.requests;
    const shares = { '/a': 0.1, '/b': 0.3, '/c.v2': 0.6 };
    for (const [name, p] of Object.entries(shares)) {
      const sd = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(r.routes[name].requests - n * p)).toBeLessThan(3 * sd);
    }
  });

  it('reports latency per route: min ≤ p50 ≤ p99 ≤ max, and the routes share the service, so their means agree within 10 %', () => {
    for (const s of Object.values(r.routes)) {
      const l = s.latencyMs;
      expect(l.min).toBeLessThanOrEqual(l.p50);
      expect(l.p50).toBeLessThanOrEqual(l.p99);
      expect(l.p99).toBeLessThanOrEqual(l.max);
      expect(Math.abs(l.mean / r.summary.latencyMs.mean - 1)).toBeLessThan(0.1);
    }
  });

  it('names a closed sequence’s routes in order, each sent once per iteration', () => {
    const seq = runYaml(`
version: 1
title: seq
components:
  users: { kind: client, users: 3, iterations: 20, sequence: [/login, /browse, /browse/item], thinkTime: 10ms }
  app: { kind: service, workers: 4, serviceTime: 5ms }
links:
  - { from: users, to: app }
`);
    expect(Object.keys(seq.routes)).toEqual(['/login', '/browse', '/browse/item']);
    for (const s of Object.values(seq.routes)) expect(s.completed).toBe(60);
  });

  it('shows /events failing while a /checkout crash has the monolith down', () => {
    const crash = runYaml(`
version: 1
title: crash
seed: 2
duration: 60s
components:
  users: { kind: client, rate: 50/s, routes: { /checkout: 1, /events: 4 } }
  app: { kind: service, workers: 8, serviceTime: 10ms, crashOn: { route: /checkout, probability: 0.01 }, restartTime: 5s }
links:
  - { from: users, to: app }
`);
    expect(crash.routes['/events'].failures.error).toBeGreaterThan(crash.routes['/events'].requests * 0.2);
  });

  it('prints a Locust-style table per route in the text report and route rows in the CSV', () => {
    const text = textReport(r);
    expect(text).toMatch(/Name\s+# Requests\s+# Fails\s+Median\s+p90\s+p95\s+p99\s+Average\s+Min\s+Max\s+Req\/s/);
    const row = text.split('\n').find((l) => l.startsWith('/b '));
    expect(row?.split(/\s+/)[1]).toBe(r.routes['/b'].requests.toLocaleString('en-US'));
    expect(text).toMatch(/^Aggregated\s/m);
    const csv = csvReport(r).split('\n');
    const b = csv.find((l) => l.startsWith('/b,route,'))?.split(',');
    expect(b?.slice(2, 5).map(Number)).toEqual([r.routes['/b'].requests, r.routes['/b'].completed, r.routes['/b'].failed]);
  });

  it('leaves the route table out with a single route', () => {
    const one = runYaml(`
version: 1
title: one
duration: 5s
components:
  users: { kind: client, rate: 10/s }
  app: { kind: service }
links:
  - { from: users, to: app }
`);
    expect(Object.keys(one.routes)).toEqual(['/']);
    expect(textReport(one)).not.toMatch(/Aggregated/);
    expect(csvReport(one)).not.toMatch(/,route,/);
  });
});

describe('writeRoutes', () => {
  it('makes the requests on those routes writes and all others reads', () => {
    const r = runYaml(`
version: 1
title: writes by route
components:
  users: { kind: client, users: 2, iterations: 50, sequence: [/feed, /feed, /post/new], writeRoutes: [/post] }
  db: { kind: database, queryTime: 1ms, writeTime: 3ms }
links:
  - { from: users, to: db }
`);
    expect(r.components.db.writes).toBe(100);
    expect(r.components.db.reads).toBe(200);
    expect(r.routes['/post/new'].latencyMs.min).toBeGreaterThanOrEqual(3);
  });

  it('refuses writeRoutes beside writeFraction', () => {
    expect(() =>
      loadScenario(`
version: 1
title: both
duration: 1s
components:
  users: { kind: client, rate: 1/s, writeFraction: 0.1, writeRoutes: [/post] }
  db: { kind: database }
links:
  - { from: users, to: db }
`),
    ).toThrow('give writeRoutes (which routes write) or writeFraction (a share of requests), not both');
  });
});

describe('goals on routes', () => {
  const goal = (metric: string) => `${MIX}goals:\n  - { metric: "${metric}", below: 1s }\n`;

  it('reads routes./b.latencyMs.p50 and a route name holding a dot', () => {
    const r = runYaml(MIX);
    expect(metricValue(r, 'routes./b.latencyMs.p50')).toBe(r.routes['/b'].latencyMs.p50);
    expect(metricValue(r, 'routes./c.v2.failures.timeout')).toBe(r.routes['/c.v2'].failures.timeout);
    expect(() => loadScenario(goal('routes./c.v2.latencyMs.min'))).not.toThrow();
  });

  it('refuses an unknown route with a did-you-mean', () => {
    expect(() => loadScenario(goal('routes./bb.latencyMs.p50'))).toThrow(
      'no figure "/bb" under routes; did you mean "routes./b.latencyMs.p50"?',
    );
  });
});
