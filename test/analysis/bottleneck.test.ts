/**
 * The bottleneck and its bounds (operational analysis): the utilisation law's
 * demands and X ≤ 1/D_max, and Denning–Buzen's asymptotic bounds for a closed
 * workload, against their closed forms from the design's own numbers and
 * against exact mean value analysis. The demands the analysis uses are measured
 * (mean service times over ~10⁵ requests), so they match the design's within 2 %.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze } from '../../src/analysis/analyze.js';
import type { Bottleneck } from '../../src/analysis/bottleneck.js';
import { mva } from '../../src/analysis/queueing-theory.js';
import { loadScenario } from '../../src/scenario/index.js';
import { runScenario } from '../../src/run/run.js';

/** users → app → db, run once; `app` releases its worker before calling db unless `blocking`. */
function bottleneckOf(seed: number, client: string, app: string, dbLink = '{ from: app, to: db }', blocking = false): Bottleneck {
  const text = `
title: bottleneck test
seed: ${seed}
duration: 320s
warmup: 20s
components:
  users: ${client}
  app: { kind: service, async: ${!blocking}, ${app} }
  db: { kind: service, workers: 2, serviceTime: exp(4ms) }
links:
  - { from: users, to: app }
  - ${dbLink}
`;
  const b = analyze(runScenario(loadScenario(text))).bottleneck;
  if (!b) throw new Error('no bottleneck');
  return b;
}

const near = (x: number, want: number, relative = 0.02) =>
  expect(Math.abs(x - want) / want, `${x} vs ${want}`).toBeLessThanOrEqual(relative);

describe('the utilisation law (open workload)', () => {
  it('names db, the largest demand (V·S/c = 4/2 ms against app 8/6 ms), and bounds X by 1/D_max = 500 req/s', () => {
    const b = bottleneckOf(21, '{ kind: client, rate: 300/s }', 'instances: 3, workers: 2, serviceTime: exp(8ms)');
    expect(b.bottleneck).toBe('db');
    expect(b.demands.map((d) => d.id)).toEqual(['db', 'app']);
    near(b.demands[0].demandMs, 2);
    near(b.demands[1].demandMs, 8 / 6);
    near(b.maxThroughputRps, 500);
    expect(b.sentence).toMatch(/^db saturates first: at most \d{3} req\/s \(now 3\d\d req\/s, 6\d %\); add instances or workers there\.$/);
    // U_k = X·D_k: the simulated utilisation (a time average) and the law's (arrivals × mean service) agree
    for (const d of b.demands) expect(Math.abs(d.utilization - d.lawUtilization), d.id).toBeLessThan(0.01);
  });

  it('counts visits: db reached by half the requests (p: 0.5) has demand 1 ms, so app (1.33 ms) is the bottleneck at 750 req/s', () => {
    const b = bottleneckOf(
      22,
      '{ kind: client, rate: 300/s }',
      'instances: 3, workers: 2, serviceTime: exp(8ms)',
      '{ from: app, to: db, p: 0.5 }',
    );
    const db = b.demands.find((d) => d.id === 'db');
    near(db?.visits as number, 0.5);
    near(db?.demandMs as number, 1);
    expect(b.bottleneck).toBe('app');
    near(b.maxThroughputRps, 750);
  });
});

describe('an autoscaled bottleneck', () => {
  it('bounds throughput at the peak of instances it reached (scenarios/autoscaling.yaml), and says so', () => {
    const text = readFileSync(new URL('../../scenarios/autoscaling.yaml', import.meta.url), 'utf8');
    const r = runScenario(loadScenario(text));
    const b = analyze(r).bottleneck as Bottleneck;
    const peak = r.components.app.peakInstances as number;
    expect(b.demands[0].servers).toBe(peak * 4);
    expect(b.sentence).toMatch(new RegExp(`^app saturates first: at most \\d+ req/s at its peak of ${peak} instances \\(now`));
  });
});

describe('Denning–Buzen bounds (closed workload)', () => {
  // N = 10 users thinking Z = 20 ms; app 3 ms on one worker, db 4 ms on two: D = 7 ms, D_max = 3 ms (app), N* = 9
  const N = 10,
    Z = 20,
    D = 7,
    dMax = 3;

  it('X ≤ min(N/(D+Z), 1/D_max), N* = (D+Z)/D_max and R ≥ max(D, N·D_max − Z) equal their closed forms, and hold for the run and for exact MVA', () => {
    const b = bottleneckOf(23, `{ kind: client, users: ${N}, thinkTime: exp(${Z}ms) }`, 'workers: 1, serviceTime: exp(3ms)');
    const c = b.closed;
    if (!c) throw new Error('no closed bounds');
    expect(b.bottleneck).toBe('app');
    expect([c.users, c.thinkMs, c.nested]).toEqual([N, Z, false]);
    near(c.totalDemandMs, D);
    near(c.maxThroughputRps, 1000 * Math.min(N / (D + Z), 1 / dMax));
    near(c.saturationUsers, (D + Z) / dMax);
    near(c.minResponseMs, Math.max(D, N * dMax - Z));
    // the run lies within its bounds
    expect(c.throughputRps).toBeLessThanOrEqual(c.maxThroughputRps * 1.005);
    expect(c.responseMs).toBeGreaterThanOrEqual(c.minResponseMs * 0.995);
    // and so does the exact product-form answer (db's two servers as one of half the time: a bound, not exact)
    const exact = mva(N, Z, [3, 2]);
    expect(exact.x * 1000).toBeLessThanOrEqual(1000 * Math.min(N / (5 + Z), 1 / dMax));
    expect(exact.r).toBeGreaterThanOrEqual(Math.max(5, N * dMax - Z));
  });

  it('a component that holds its worker while it waits for its call nests demands: D is then the largest single one', () => {
    const b = bottleneckOf(
      24,
      `{ kind: client, users: ${N}, thinkTime: exp(${Z}ms) }`,
      'workers: 1, serviceTime: exp(3ms)',
      undefined,
      true,
    );
    const c = b.closed;
    if (!c) throw new Error('no closed bounds');
    expect(c.nested).toBe(true);
    // app's service now contains db's wait and service
    const app = b.demands.find((d) => d.id === 'app');
    expect(app?.serviceMs as number).toBeGreaterThan(7);
    expect(c.totalDemandMs).toBe(app?.serviceMs);
    // app saturates (N* ≈ 3.9 < 10): R = N·D_max − Z holds with equality, up to the estimate's noise
    expect(c.responseMs).toBeGreaterThanOrEqual(c.minResponseMs * 0.995);
    expect(c.throughputRps).toBeLessThanOrEqual(c.maxThroughputRps * 1.005);
  });

  it('leaves the closed bounds out when phases run different numbers of users', () => {
    const b = bottleneckOf(
      25,
      `{ kind: client, thinkTime: exp(${Z}ms), phases: [{ name: a, users: 2, duration: 100s }, { name: b, users: 8, duration: 200s }] }`,
      'workers: 1, serviceTime: exp(3ms)',
    );
    expect(b.closed).toBeUndefined();
  });
});
