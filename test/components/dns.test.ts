import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import { runYaml } from './run-yaml.js';

const resolver = (dns: string, client = 'rate: 10/s, arrival: uniform', duration = '20s', events = '') => `
duration: ${duration}
components:
  users: { kind: client, ${client} }
  dns: { kind: dns, ${dns} }
  web1: { kind: service, workers: 100, serviceTime: 1ms }
  web2: { kind: service, workers: 100, serviceTime: 1ms }
links:
  - { from: users, to: dns }
  - { from: dns, to: web1 }
  - { from: dns, to: web2 }
${events}`;

describe('dns', () => {
  it('does not refresh an answer on a hit: a request every 100 ms with ttl 1 s looks up every 10th time', () => {
    const c = runYaml(resolver('ttl: 1s, lookupTime: 0ms')).components.dns;
    expect(c.hitRatio).toBeCloseTo(0.9, 2);
  });

  it('looks up on every request with ttl 0, paying lookupTime each time', () => {
    const r = runYaml(resolver('ttl: 0s, lookupTime: 20ms'));
    expect(r.components.dns.lookups).toBe(r.components.dns.arrivals);
    expect(r.summary.latencyMs.p50).toBeCloseTo(21, 0);
  });

  it('makes requests arriving during a lookup wait for it and share it', () => {
    const c = runYaml(resolver('ttl: 1s, lookupTime: 250ms')).components.dns;
    // a lookup every 1.25 s serves the 12 requests arriving before it expires, plus itself
    expect(c.hitRatio).toBeCloseTo(12 / 13, 1);
  });

  it('hands out the targets round-robin, one answer per user', () => {
    const c = runYaml(resolver('ttl: 10s, users: 1000', 'rate: 500/s', '60s')).components.dns;
    const share = c.share as Record<string, number>;
    expect(share.web1).toBeCloseTo(0.5, 1);
    expect(share.web2).toBeCloseTo(0.5, 1);
    // each of 1000 users at 0.5/s keeps an answer for 10 s: λ·ttl / (1 + λ·ttl) = 5/6
    expect(c.hitRatio).toBeCloseTo(5 / 6, 1);
  });

  describe('when a target dies', () => {
    const failover = (healthCheck: boolean) => {
      const res = runYaml(
        resolver(
          `ttl: 20s, users: 1000, healthCheck: ${healthCheck}`,
          'rate: 200/s',
          '90s',
          'events: [{ at: 30s, action: kill, target: web1 }]',
        ),
      );
      const errorsIn = (from: number, to: number) =>
        res.series.t.reduce((a, t, i) => a + (t >= from && t < to ? res.series.errorsPerSec[i] : 0), 0);
      return { res, errorsIn };
    };

    it('users holding its address keep failing until their TTL runs out, then lookups skip it', () => {
      const { res, errorsIn } = failover(true);
      expect(errorsIn(0, 30_000)).toBe(0);
      expect(errorsIn(30_000, 40_000)).toBeGreaterThan(0);
      expect(errorsIn(51_000, 90_000)).toBe(0); // 20 s TTL + a lookup after the death
      expect(res.summary.failures.error).toBeGreaterThan(500);
    });

    it('without health-checked records, half of the new lookups still point at it', () => {
      const { res, errorsIn } = failover(false);
      expect(errorsIn(60_000, 90_000)).toBeGreaterThan(0);
      expect(res.summary.failures.error / res.summary.requests).toBeGreaterThan(0.25);
    });
  });

  it('needs a target', () => {
    expect(() =>
      loadScenario(`
duration: 1s
components:
  users: { kind: client, rate: 1/s }
  dns: { kind: dns }
links: [{ from: users, to: dns }]
`),
    ).toThrow(/a dns needs at least one link/);
  });
});
