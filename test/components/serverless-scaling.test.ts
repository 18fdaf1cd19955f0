import { describe, expect, it } from 'vitest';
import { num, runYaml } from './run-yaml.js';

const fn = (params: string, client: string, duration: string | null = null) =>
  runYaml(`
${duration ? `duration: ${duration}` : ''}
components:
  users: { kind: client, ${client} }
  fn: { kind: serverless, ${params} }
links: [{ from: users, to: fn }]
`);

/** One month in ms, as the cost's pro-rating counts it (730 h). */
const MONTH_MS = 730 * 3_600_000;

describe('serverless scaling rate (burst, then scaleRate)', () => {
  it('throttles the requests that need an instance beyond the burst: 100 at once, burst 10 → 90 throttled', () => {
    const r = fn('burst: 10, scaleRate: 1/s, serviceTime: 1s, coldStart: 0ms', 'users: 100, iterations: 1');
    expect(num(r, 'fn', 'invocations')).toBe(10);
    expect(num(r, 'fn', 'throttled')).toBe(90);
    expect(num(r, 'fn', 'scaleLimited')).toBe(90);
    expect(r.summary.failures.throttled).toBe(90);
    expect(r.summary.completed).toBe(10);
    // refused before taking a place under the concurrency limit: the pool's figures are the 10 that ran
    expect(num(r, 'fn', 'serviceMs')).toBe(1000);
    expect(num(r, 'fn', 'blocking')).toBe(0);
  });

  it('with queue: true, the k-th instance beyond the burst comes at (k − burst) ÷ scaleRate: the last of 100 starts at 90 s', () => {
    const r = fn('burst: 10, scaleRate: 60/min, queue: true, serviceTime: 200s, coldStart: 0ms', 'users: 100, iterations: 1');
    expect(r.summary.failed).toBe(0);
    expect(num(r, 'fn', 'peakInstances')).toBe(100);
    // the first 10 run at once; then one new instance a second, each serving one 200 s request
    expect(r.summary.latencyMs.max).toBe(290_000);
    expect(num(r, 'fn', 'scaleLimited')).toBe(90);
  });

  it('never has more instances than burst + scaleRate × t', () => {
    const r = fn(
      'burst: 20, scaleRate: 300/min, queue: true, serviceTime: exp(2s), coldStart: 100ms',
      'phases: [{ name: ramp, duration: 60s, rate: 200/s }]',
      '60s',
    );
    const t = r.series.t as number[];
    const inst = (r.series.instances as Record<string, number[]>).fn;
    const bucketMs = t[1] - t[0];
    // each point is a bucket's time average, so it is at most the bound at the bucket's end
    inst.forEach((v, i) => expect(v).toBeLessThanOrEqual(20 + 5 * ((t[i] + bucketMs) / 1000) + 1e-9));
    // the backlog drains after the load stops at 60 s: the bound keeps growing until the run ends
    expect(num(r, 'fn', 'peakInstances')).toBeLessThanOrEqual(20 + 5 * (r.simulatedMs / 1000));
    // the demand (≈ 200/s × 2 s = 400 busy) is above what the rate allows: the bound is reached
    expect(num(r, 'fn', 'peakInstances')).toBeGreaterThan(0.9 * (20 + 5 * 60));
  });

  it('fails the invocations waiting for the scaling rate as error when the function is killed', () => {
    const r = runYaml(`
components:
  users: { kind: client, users: 5, iterations: 1 }
  fn: { kind: serverless, burst: 1, scaleRate: 1/min, queue: true, serviceTime: 10s, coldStart: 0ms }
links: [{ from: users, to: fn }]
events: [{ at: 1s, action: kill, target: fn }]
`);
    // one runs, four wait for the next instance the rate allows (a minute away): all five fail at the kill
    expect(r.summary.failures.error).toBe(5);
    expect(num(r, 'fn', 'scaleLimited')).toBe(4);
    expect(r.simulatedMs).toBe(1000);
  });

  it('lets warm instances serve without any scaling allowance', () => {
    const r = fn('burst: 1, scaleRate: 1/min, serviceTime: 10ms, coldStart: 50ms', 'users: 1, iterations: 100');
    expect(r.summary.failed).toBe(0);
    expect(num(r, 'fn', 'coldStarts')).toBe(1);
  });
});

describe('serverless free tier (pro-rated to the simulated time)', () => {
  const billed = (rate: string, free = '') =>
    fn(`serviceTime: 100ms, coldStart: 0ms, memoryMb: 1024, idleTimeout: 1h${free}`, `rate: ${rate}, arrival: uniform`, '60s');
  const cost = (r: ReturnType<typeof billed>) => r.components.fn.cost as { run: number; perMonth: number };

  it('costs nothing below the free tier', () => {
    // 60 s is 60 000 / 2.628e9 of a month: 22.8 free requests and 9.1 free GB-s; 20 requests of 0.1 GB-s stay under both
    const r = billed('0.33/s');
    expect(num(r, 'fn', 'invocations')).toBeLessThan(22);
    expect(cost(r).run).toBe(0);
    expect(cost(r).perMonth).toBe(0);
  });

  it('bills only the usage above the pro-rated allowance, linearly', () => {
    const share = 60_000 / MONTH_MS;
    for (const rate of ['50/s', '100/s', '200/s']) {
      const r = billed(rate);
      const n = num(r, 'fn', 'invocations'),
        gbS = num(r, 'fn', 'billedGbSeconds');
      const expected = ((n - 1e6 * share) / 1e6) * 0.2 + (gbS - 400_000 * share) * 0.0000166667;
      expect(cost(r).run).toBeCloseTo(expected, 6);
      const paid = billed(rate, ', freeRequests: 0, freeGbSeconds: 0');
      // the free tier is worth the same at any load above it: 22.8 requests and 9.1 GB-s of this run
      expect(cost(paid).run - cost(r).run).toBeCloseTo(1e6 * share * 0.2e-6 + 400_000 * share * 0.0000166667, 6);
    }
  });

  it('projects a month as the monthly usage less the whole free tier', () => {
    const r = billed('100/s');
    const perMonth = (x: number) => (x / 60_000) * MONTH_MS;
    const requests = perMonth(num(r, 'fn', 'invocations')),
      gbS = perMonth(num(r, 'fn', 'billedGbSeconds'));
    const expected = ((requests - 1e6) / 1e6) * 0.2 + (gbS - 400_000) * 0.0000166667;
    expect(cost(r).perMonth).toBeCloseTo(expected, 0);
  });
});
