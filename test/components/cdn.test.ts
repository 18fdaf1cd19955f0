import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import { runYaml } from './run-yaml.js';

const edge = (cdn: string, client = 'rate: 100/s, keys: { count: 10 }') =>
  runYaml(`
duration: 20s
components:
  users: { kind: client, ${client} }
  edge: { kind: cdn, ${cdn} }
  origin: { kind: service, workers: 100, serviceTime: 10ms }
links:
  - { from: users, to: edge, latency: 5ms }
  - { from: edge, to: origin, latency: 80ms }
`);

describe('cdn', () => {
  it('serves fresh objects at the edge and fetches misses over the long origin link', () => {
    const r = edge('hitTime: 2ms, objectSize: 1000');
    const c = r.components.edge;
    expect(c.originRequests).toBe(10); // one fetch per object: misses during a fetch wait for it
    expect(c.collapsed).toBe((c.misses as number) - 10);
    expect(r.components.origin.arrivals).toBe(c.originRequests);
    expect(r.summary.latencyMs.p50).toBeCloseTo(5 + 2 + 5, 0); // both ways to the edge + hitTime
    expect(r.summary.latencyMs.max).toBeCloseTo(5 + 2 + 80 + 10 + 80 + 5, 0);
    expect(c.bytesOffloaded).toBe((c.arrivals - 10) * 1000);
    expect(c.originBytes).toBe(10 * 1000);
  });

  it('fetches an object again once its ttl has passed', () => {
    const c = edge('ttl: 1s, hitTime: 0ms', 'rate: 10/s, arrival: uniform, keys: { count: 1 }').components.edge;
    // stored 180 ms after the miss (two origin trips + service), so it serves 10 reads and the 11th is expired
    expect(c.hitRatio).toBeCloseTo(10 / 12, 1);
    expect(c.expired).toBeGreaterThan(10);
  });

  it('passes writes and routes it does not front through to the origin uncached', () => {
    const r = edge('routes: [/static]', 'rate: 200/s, keys: { count: 10 }, routes: { /static/img: 1, /api: 1 }, writeFraction: 0.1');
    const c = r.components.edge;
    expect((c.hits as number) + (c.misses as number) + (c.passThrough as number)).toBe(c.arrivals);
    expect((c.passThrough as number) / c.arrivals).toBeCloseTo(0.55, 1); // /api plus writes to /static
    expect(r.components.origin.arrivals).toBe(c.originRequests);
    expect(c).not.toHaveProperty('bytesOffloaded');
  });

  it('keeps objects of different routes apart', () => {
    const c = edge('', 'rate: 100/s, keys: { count: 1 }, routes: { /a: 1, /b: 1 }').components.edge;
    expect(c.originRequests).toBe(2);
  });

  it('needs an origin', () => {
    expect(() =>
      loadScenario(`
duration: 1s
components:
  users: { kind: client, rate: 1/s }
  edge: { kind: cdn }
links: [{ from: users, to: edge }]
`),
    ).toThrow(/a cdn needs a link to its origin/);
  });
});
