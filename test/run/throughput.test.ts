/**
 * One definition of throughput (#11): completed requests ÷ the interval in which
 * measured requests were actually issued and answered — the duration for an open
 * workload, the last answer for a closed one (duration given or not), the
 * simulated time reached for a run stopped early.
 */
import { describe, it, expect } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import { Run, runScenario } from '../../src/run/run.js';

const closed = (extra = '') =>
  `title: closed\nseed: 5\n${extra}components:
  users: { kind: client, users: 2, iterations: 50, thinkTime: 0ms }
  app: { kind: service, workers: 2, serviceTime: 100ms }
links: [{ from: users, to: app }]`;

describe('throughput', () => {
  it('a closed workload: completed ÷ time to its last answer, with or without a duration', () => {
    // 2 users × 50 iterations of exactly 100 ms on 2 workers: the last answer comes at 5 s
    const plain = runScenario(loadScenario(closed()));
    expect(plain.summary.completed).toBe(100);
    expect(plain.summary.throughputRps).toBeCloseTo(100 / 5, 6);
    const overridden = runScenario(loadScenario(closed(), { duration: '10m' }));
    const inFile = runScenario(loadScenario(closed('duration: 10m\n')));
    // before: 100 ÷ 600 s = 0.167/s, as if the users had worked for the whole duration
    expect(overridden.summary.throughputRps).toBe(plain.summary.throughputRps);
    expect(inFile.summary.throughputRps).toBe(plain.summary.throughputRps);
    expect(inFile.simulatedMs).toBeCloseTo(5000, 6);
  });

  it('a closed workload cut short by its duration: completed ÷ duration', () => {
    const r = runScenario(loadScenario(closed('duration: 2s\n')));
    expect(r.summary.completed).toBe(40);
    expect(r.summary.throughputRps).toBeCloseTo(20, 6);
  });

  it('an open workload: completed ÷ duration, not ÷ the time of its last arrival', () => {
    const r = runScenario(
      loadScenario(`title: open\nseed: 2\nduration: 10s\ncomponents:
  users: { kind: client, rate: 7/s, arrival: uniform }
  app: { kind: service, workers: 1, serviceTime: 10ms }
links: [{ from: users, to: app }]`),
    );
    // uniform arrivals every 1/7 s: 69 in 10 s, the last at 9.857 s
    expect(r.summary.completed).toBe(69);
    expect(r.summary.throughputRps).toBeCloseTo(6.9, 6);
  });

  it('an open workload in phases: each phase’s throughput over its own span', () => {
    const r = runScenario(
      loadScenario(`title: open\nseed: 2\nduration: 10s\ncomponents:
  users:
    kind: client
    arrival: uniform
    phases: [{ name: a, duration: 4s, rate: 5/s }, { name: b, duration: 6s, rate: 10/s }]
  app: { kind: service, workers: 1, serviceTime: 10ms }
links: [{ from: users, to: app }]`),
    );
    expect(r.summary.completed).toBe(78);
    expect(r.summary.throughputRps).toBeCloseTo(7.8, 6);
    // 19 uniform arrivals in a's 4 s (every 0.2 s, the first at 0.2 s), 59 in b's 6 s: each over its own span
    expect(r.phases.map((p) => p.completed)).toEqual([19, 59]);
    expect(r.phases.map((p) => p.throughputRps)).toEqual([4.75, 9.833]);
  });

  it('a run stopped early: completed ÷ the simulated time reached', () => {
    const s = loadScenario(`title: stop\nseed: 4\nduration: 100s\ncomponents:
  users: { kind: client, rate: 200/s }
  app: { kind: service, workers: 4, serviceTime: exp(10ms) }
links: [{ from: users, to: app }]`);
    const run = new Run(s);
    while (run.sim.now < 20_000) run.step(10_000);
    run.cancel();
    const r = run.result();
    expect(r.complete).toBe(false);
    expect(r.simulatedMs).toBeGreaterThan(20_000);
    expect(r.simulatedMs).toBeLessThan(25_000);
    const expected = (r.summary.completed / r.simulatedMs) * 1000;
    // before: completed ÷ the planned 100 s, about a fifth of the rate the chart shows
    expect(r.summary.throughputRps).toBeCloseTo(expected, 1);
    expect(Math.abs(r.summary.throughputRps - 200) / 200).toBeLessThan(0.03);
  });

  it('the throughput series divides the bucket the window ends in by the time it covers (no dip at the end)', () => {
    // a run stopped mid-bucket (as a live run always is): its last bucket's rate is the arrival rate, not a fraction of it
    const s = loadScenario(`title: stop\nseed: 4\nduration: 100s\ncomponents:
  users: { kind: client, rate: 200/s, arrival: uniform }
  app: { kind: service, workers: 4, serviceTime: 1ms }
links: [{ from: users, to: app }]`);
    const run = new Run(s);
    while (run.sim.now < 20_000) run.step(1_000);
    run.cancel();
    const stopped = run.result();
    const end = stopped.series.throughputRps.length - 1;
    expect(stopped.simulatedMs % stopped.series.bucketMs).toBeGreaterThan(0);
    expect(Math.abs(stopped.series.throughputRps[end] - 200) / 200).toBeLessThan(0.05);
  });
});
