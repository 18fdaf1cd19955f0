import { describe, expect, it } from 'vitest';
import { num, runYaml } from './run-yaml.js';

const lb = (extra: string) =>
  runYaml(`
duration: 40s
components:
  users: { kind: client, rate: 300/s, arrival: uniform }
  lb: { kind: load-balancer, ${extra} }
  app: { kind: service, instances: 3, workers: 10, serviceTime: 5ms }
links:
  - { from: users, to: lb }
  - { from: lb, to: app }
events:
  - { at: 10s, action: kill, target: app, instance: 3 }
  - { at: 30s, action: restore, target: app, instance: 3 }
`);

describe('load-balancer health checks', () => {
  const sec = (r: ReturnType<typeof lb>, t: number) => r.series.errorsPerSec[Math.floor((t * 1000) / r.series.bucketMs)];

  it('without health checks keeps sending a dead instance its share, which fails as error', () => {
    const r = lb('policy: round-robin');
    expect(Math.abs(r.summary.failures.error - 20 * 100)).toBeLessThanOrEqual(2);
    expect(sec(r, 29)).toBeCloseTo(100, 0);
  });

  it('marks a dead instance unhealthy after unhealthyAfter failed probes and routes around it', () => {
    // probes every 2 s; the kill at 10 s fails the probes at 10 s and 12 s (each after 1 s): out at 13 s
    const r = lb('policy: round-robin, healthCheck: { interval: 2s, timeout: 1s, unhealthyAfter: 2, healthyAfter: 3 }');
    expect(num(r, 'lb', 'markedDown')).toBe(1);
    expect(Math.abs(r.summary.failures.error - 3 * 100)).toBeLessThanOrEqual(2);
    expect(sec(r, 12.5)).toBeGreaterThan(0);
    expect(sec(r, 13.5)).toBe(0);
    // back in after three good probes (30, 32, 34 s)
    const share = r.components.lb.share as Record<string, number>;
    expect(share['app#3']).toBeCloseTo((10 + 3 + 6) / 40 / 3, 2); // up, dead but not yet detected, healthy again
  });

  it('with every instance down answers error at once', () => {
    const r = runYaml(`
duration: 5s
components:
  users: { kind: client, rate: 10/s }
  lb: { kind: load-balancer, healthCheck: { interval: 1s, timeout: 0ms, unhealthyAfter: 1 } }
  app: { kind: service }
links: [{ from: users, to: lb }, { from: lb, to: app }]
events:
  - { at: 0s, action: kill, target: app }
`);
    expect(r.summary.failures.error).toBe(r.summary.requests);
    expect(num(r, 'lb', 'noBackend')).toBeGreaterThan(30);
  });
});
