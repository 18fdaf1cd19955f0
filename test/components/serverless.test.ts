import { describe, expect, it } from 'vitest';
import { num, runYaml } from './run-yaml.js';

const fn = (params: string, client = 'rate: 10/s', duration: string | null = '60s') =>
  runYaml(`
${duration ? `duration: ${duration}` : ''}
components:
  users: { kind: client, ${client} }
  fn: { kind: serverless, ${params} }
links: [{ from: users, to: fn }]
`);

describe('serverless', () => {
  it('cold-starts the first request on each new instance and reuses warm ones', () => {
    const r = fn('serviceTime: 10ms, coldStart: 200ms', 'users: 3, iterations: 10', null);
    expect(num(r, 'fn', 'coldStarts')).toBe(3);
    expect(num(r, 'fn', 'peakInstances')).toBe(3);
    expect(r.summary.latencyMs.max).toBe(210);
    expect(r.summary.latencyMs.p50).toBeCloseTo(10, 1);
  });

  it('takes the cold start from the runtime when coldStart is absent (python ≈ 85 ms median)', () => {
    const r = fn('runtime: python, serviceTime: 0ms, idleTimeout: 1ms', 'rate: 20/s', '200s');
    const init = r.components.fn.coldStartMs as { p50: number };
    expect(num(r, 'fn', 'coldStartRatio')).toBeGreaterThan(0.9);
    expect(init.p50).toBeGreaterThan(78);
    expect(init.p50).toBeLessThan(92);
  });

  it('throttles requests beyond concurrency, or queues them with queue: true', () => {
    const thr = fn('concurrency: 1, serviceTime: 1s, coldStart: 0ms', 'users: 3, iterations: 2', null);
    expect(thr.summary.failures.throttled).toBe(num(thr, 'fn', 'throttled'));
    expect(num(thr, 'fn', 'throttled')).toBeGreaterThan(0);
    const q = fn('concurrency: 1, queue: true, serviceTime: 1s, coldStart: 0ms', 'users: 3, iterations: 2', null);
    expect(q.summary.failed).toBe(0);
    expect(q.summary.latencyMs.max).toBe(3000);
  });

  it('reclaims instances idle for idleTimeout: the next request is cold again', () => {
    const r = fn('serviceTime: 10ms, coldStart: 100ms, idleTimeout: 5s', 'rate: 1/s, arrival: uniform', '60s');
    expect(num(r, 'fn', 'coldStarts')).toBe(1);
    const idle = fn('serviceTime: 10ms, coldStart: 100ms, idleTimeout: 500ms', 'rate: 1/s, arrival: uniform', '60s');
    expect(num(idle, 'fn', 'coldStartRatio')).toBe(1);
  });

  it('keeps provisioned instances warm', () => {
    const r = fn('serviceTime: 10ms, coldStart: 100ms, idleTimeout: 1ms, provisioned: 2', 'users: 2, iterations: 50, thinkTime: 1s', null);
    expect(num(r, 'fn', 'coldStarts')).toBe(0);
  });

  it('kills invocations that run past maxDuration as timeout', () => {
    const r = fn('serviceTime: 2s, coldStart: 0ms, maxDuration: 1s', 'users: 1, iterations: 3', null);
    expect(r.summary.failures.timeout).toBe(3);
    expect(num(r, 'fn', 'timedOut')).toBe(3);
  });

  it('bills per request and per GB-second (init included, 1 ms steps)', () => {
    const r = fn(
      'serviceTime: 100ms, coldStart: 50ms, memoryMb: 1024, idleTimeout: 1h, freeRequests: 0, freeGbSeconds: 0',
      'users: 1, iterations: 1000',
      null,
    );
    const gbS = (150 + 999 * 100) / 1000;
    expect(num(r, 'fn', 'billedGbSeconds')).toBeCloseTo(gbS, 3);
    expect((r.components.fn.cost as { run: number }).run).toBeCloseTo(1000 * 0.2e-6 + gbS * 0.0000166667, 6);
  });

  it('reports the number of live instances over time', () => {
    const r = fn(
      'serviceTime: 10ms, coldStart: 0ms, idleTimeout: 10s',
      'phases: [{ name: a, duration: 10s, rate: 100/s }, { name: b, duration: 50s, rate: 1/s }]',
      '60s',
    );
    const inst = (r.series.instances as Record<string, number[]>).fn;
    expect(inst.length).toBe(r.series.t.length);
    expect(Math.max(...inst)).toBeGreaterThan(2);
    expect(inst[inst.length - 1]).toBeLessThanOrEqual(2);
  });

  describe('timeline', () => {
    const outage = (params: string) =>
      runYaml(`
duration: 10s
components:
  users: { kind: client, rate: 10/s, arrival: uniform }
  fn: { kind: serverless, ${params} }
links: [{ from: users, to: fn }]
events:
  - { at: 5s, action: kill, target: fn }
  - { at: 7s, action: restore, target: fn }
`);

    it('kill fails the invocations it holds as error and refuses new ones until restored', () => {
      // 1 s invocations at 10/s: 10 are running at the kill; the 2 s outage refuses the 20 that arrive in it
      const r = outage('serviceTime: 1s, coldStart: 0ms');
      expect(num(r, 'fn', 'refused')).toBe(20);
      expect(r.summary.failures.error).toBe(30);
      expect(r.summary.failed).toBe(30);
      expect(r.summary.completed).toBe(r.summary.requests - 30);
    });

    it('restarts every instance cold after a restore, with none alive during the outage', () => {
      // a 200 ms cold start at one request per 100 ms warms 3 instances, before the kill and again after the restore
      const r = outage('serviceTime: 10ms, coldStart: 200ms');
      expect(num(r, 'fn', 'coldStarts')).toBe(6);
      const t = r.series.t as number[],
        inst = (r.series.instances as Record<string, number[]>).fn;
      const during = inst.filter((_, i) => t[i] >= 5000 && t[i] < 7000);
      expect(during.length).toBeGreaterThan(0);
      expect(Math.max(...during)).toBe(0);
      expect(inst[inst.length - 1]).toBe(3);
    });

    it("slow multiplies the function's own time by factor", () => {
      const r = fn('serviceTime: 100ms, coldStart: 0ms', 'users: 1, iterations: 5', null);
      expect(r.summary.latencyMs.max).toBe(100);
      const slow = runYaml(`
components:
  users: { kind: client, users: 1, iterations: 5 }
  fn: { kind: serverless, serviceTime: 100ms, coldStart: 0ms }
links: [{ from: users, to: fn }]
events: [{ at: 0s, action: slow, target: fn, factor: 3 }]
`);
      expect(slow.summary.latencyMs.p50).toBeCloseTo(300, 0);
      expect(slow.summary.latencyMs.max).toBe(300);
    });

    it("keeps a provisioned instance restarted on a reused id when the old instance's idle timer fires", () => {
      // the burst makes instance 1 on demand (idle timer due at 5.1 s); after the kill and restore the provisioned
      // instance takes id 1 back, and must outlive that timer: one live instance at the end, never a cold start
      const r = runYaml(`
duration: 20s
components:
  burst: { kind: client, users: 2, iterations: 1 }
  later:
    kind: client
    arrival: uniform
    phases: [{ name: quiet, duration: 12s, rate: 0/s }, { name: on, duration: 8s, rate: 1/s }]
  fn: { kind: serverless, provisioned: 1, serviceTime: 100ms, coldStart: 50ms, idleTimeout: 5s }
links: [{ from: burst, to: fn }, { from: later, to: fn }]
events:
  - { at: 1s, action: kill, target: fn }
  - { at: 2s, action: restore, target: fn }
`);
      expect(num(r, 'fn', 'coldStarts')).toBe(1);
      expect(num(r, 'fn', 'instances')).toBe(1);
    });

    /** `users` requests at once on a function running 1 s each, with a `set concurrency` at 500 ms. */
    const limitChange = (users: number, from: number, to: number) =>
      runYaml(`
components:
  users: { kind: client, users: ${users}, iterations: 1 }
  fn: { kind: serverless, concurrency: ${from}, queue: true, serviceTime: 1s, coldStart: 0ms }
links: [{ from: users, to: fn }]
events: [{ at: 500ms, action: set, target: fn, param: concurrency, value: ${to} }]
`);

    it('set concurrency raised starts the waiting invocations at once', () => {
      // 1 runs, 3 wait; at 500 ms all 3 start: done by 1.5 s
      expect(limitChange(4, 1, 4).summary.latencyMs.max).toBe(1500);
    });

    it('set concurrency lowered lets finishing invocations free no place until fewer run than the limit', () => {
      // 4 run, 4 wait; the limit drops to 1 at 500 ms: from 1 s the 4 waiting run one after another, the last done at 5 s
      const r = limitChange(8, 4, 1);
      expect(r.summary.latencyMs.max).toBe(5000);
      expect(r.summary.failed).toBe(0);
    });
  });
});
