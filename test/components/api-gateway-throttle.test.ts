import { describe, expect, it } from 'vitest';
import { num, runYaml } from './run-yaml.js';

const gateway = (params: string, client: string, duration = '10s') =>
  runYaml(`
duration: ${duration}
components:
  users: { kind: client, ${client} }
  gw: { kind: api-gateway, ${params} }
  api: { kind: service, workers: 1000, serviceTime: 1ms }
links: [{ from: users, to: gw }, { from: gw, to: api }]
`);
const admitted = (r: ReturnType<typeof gateway>) => (r.components.gw.routed as Record<string, number>)['/'];

describe('api-gateway throttle (token bucket: throttleBurst, then throttleRate)', () => {
  it('admits at most burst + rate × t and throttles the rest: throttled = offered − admitted', () => {
    const r = gateway('overhead: 1ms, throttleRate: 100/s, throttleBurst: 50', 'rate: 300/s, arrival: uniform');
    const offered = num(r, 'gw', 'arrivals');
    expect(admitted(r) + num(r, 'gw', 'throttled')).toBe(offered);
    expect(r.summary.failures.throttled).toBe(num(r, 'gw', 'throttled'));
    expect(admitted(r)).toBeLessThanOrEqual(50 + 100 * 10);
    // offered (300/s) stays above the rate, so the bucket is never left with a whole token for long
    expect(admitted(r)).toBeGreaterThanOrEqual(50 + 100 * 10 - 2);
  });

  it('admits everything below the rate (Poisson traffic at half the rate, burst 20)', () => {
    const r = gateway('throttleRate: 200/s, throttleBurst: 20', 'rate: 100/s', '60s');
    expect(num(r, 'gw', 'throttled')).toBe(0);
    expect(r.summary.failed).toBe(0);
  });

  it('throttles a burst of simultaneous users beyond throttleBurst at once, before the overhead', () => {
    const r = gateway('overhead: 30ms, throttleRate: 1/s, throttleBurst: 5', 'users: 20, iterations: 1', '10s');
    expect(num(r, 'gw', 'throttled')).toBe(15);
    expect(r.summary.completed).toBe(5);
  });
});
