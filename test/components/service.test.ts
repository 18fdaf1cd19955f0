import { describe, expect, it } from 'vitest';
import { num, runYaml } from './run-yaml.js';

describe('service failures', () => {
  it('a crash on one route fails everything the instance holds, then every route until restartTime has passed', () => {
    const r = runYaml(`
duration: 10s
components:
  users: { kind: client, rate: 100/s, arrival: uniform, routes: { /boom: 0.01, /ok: 0.99 } }
  app: { kind: service, workers: 2, serviceTime: 15ms, crashOn: { route: /boom, probability: 1 }, restartTime: 1s }
links: [{ from: users, to: app }]
`);
    const crashes = num(r, 'app', 'crashes');
    expect(crashes).toBeGreaterThanOrEqual(8);
    // each crash: ~100 requests refused during the 1 s restart, plus the ones held
    expect(num(r, 'app', 'refused')).toBeGreaterThan(crashes * 90);
    expect(r.summary.failures.error).toBe(r.summary.failed);
    expect(r.summary.failed).toBeGreaterThan(num(r, 'app', 'refused'));
  });

  it('kill takes one instance down until restore; slow multiplies its service time', () => {
    const r = runYaml(`
duration: 30s
components:
  users: { kind: client, rate: 100/s }
  app: { kind: service, instances: 2, workers: 10, serviceTime: 10ms }
links: [{ from: users, to: app }]
events:
  - { at: 10s, action: kill, target: app, instance: 1 }
  - { at: 20s, action: restore, target: app, instance: 1 }
  - { at: 20s, action: slow, target: app, factor: 5 }
`);
    // random instance choice: half of the 10 s outage's traffic fails
    expect(r.summary.failed / r.summary.requests).toBeCloseTo(1 / 6, 1);
    const bucket = (t: number) => Math.floor(t / r.series.bucketMs);
    expect(r.series.p50[bucket(5000)]).toBeCloseTo(10, 0);
    expect(r.series.p50[bucket(25000)]).toBeCloseTo(50, 0);
  });

  it('changes workers mid-run with a set event', () => {
    const r = runYaml(`
duration: 20s
components:
  users: { kind: client, rate: 150/s }
  app: { kind: service, workers: 1, serviceTime: 10ms, queueCapacity: 100 }
links: [{ from: users, to: app }]
events:
  - { at: 10s, action: set, target: app, param: workers, value: 4 }
`);
    const fails = r.series.errorsPerSec;
    expect(fails.slice(0, Math.floor(10000 / r.series.bucketMs)).some((x) => x > 0)).toBe(true);
    expect(fails.slice(Math.ceil(12000 / r.series.bucketMs)).every((x) => x === 0)).toBe(true);
  });

  it('bills costPerHour per instance', () => {
    const r = runYaml(`
duration: 1h
components:
  users: { kind: client, rate: 1/s }
  app: { kind: service, instances: 3, costPerHour: 0.1 }
links: [{ from: users, to: app }]
`);
    expect(r.summary.cost).toEqual({ run: 0.3, perMonth: 219 });
  });
});
