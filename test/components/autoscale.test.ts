import { describe, expect, it } from 'vitest';
import { cost, series } from '../scenarios/helpers.js';
import { num, runYaml } from './run-yaml.js';

const scaled = (
  autoscale: string,
  phases = '[{ name: low, duration: 60s, rate: 50/s }, { name: high, duration: 120s, rate: 300/s }, { name: low2, duration: 420s, rate: 50/s }]',
) =>
  runYaml(`
duration: 10m
components:
  users: { kind: client, phases: ${phases} }
  lb: { kind: load-balancer }
  app: { kind: service, instances: 1, workers: 10, serviceTime: 20ms, costPerHour: 1, autoscale: ${autoscale} }
links: [{ from: users, to: lb }, { from: lb, to: app }]
`);

describe('service autoscale', () => {
  const r = scaled('{ min: 1, max: 6, targetUtilization: 0.5, interval: 10s, provisionTime: 30s, cooldown: 60s }');
  const inst = series(r, 'instances', 'app');
  const at = (s: number) => inst[Math.floor((s * 1000) / r.series.bucketMs)];

  it('scales up to ceil(current × utilisation ÷ target), taking traffic only after provisionTime', () => {
    // 300/s × 20 ms = 6 busy workers; 1 instance of 10 is saturated: utilisation 1 → 2 instances at 70 s, live at 100 s
    expect(at(65)).toBe(1);
    expect(at(95)).toBe(1);
    expect(at(105)).toBeGreaterThanOrEqual(2);
    // 6 busy workers over 10-worker instances at 50% → 2 is not enough: converges to 2–3 (±10% band), never past max
    expect(num(r, 'app', 'peakInstances')).toBeLessThanOrEqual(6);
    expect(num(r, 'app', 'peakInstances')).toBeGreaterThanOrEqual(2);
  });

  it('scales back in after the cooldown, never below min', () => {
    expect(at(590)).toBe(1);
    expect(Math.min(...inst)).toBe(1);
    expect(num(r, 'app', 'scaleDowns')).toBeGreaterThan(0);
  });

  it('bills every instance from launch: more than one instance-hour-rate, less than max', () => {
    const hours = 600 / 3600;
    expect(cost(r).run).toBeGreaterThan(hours * 1);
    expect(cost(r).run).toBeLessThan(hours * 6);
  });

  it('stays within min and max', () => {
    const capped = scaled('{ min: 2, max: 3, targetUtilization: 0.1, interval: 5s, provisionTime: 0s }');
    expect(Math.max(...series(capped, 'instances', 'app'))).toBe(3);
    expect(Math.min(...series(capped, 'instances', 'app'))).toBe(2);
  });
});
