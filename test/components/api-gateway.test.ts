import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import { runYaml } from './run-yaml.js';

const gateway = (gw: string, routes = '{ /api/orders/1: 1, /api/users: 1, /other: 1 }', links = '') => `
duration: 20s
components:
  users: { kind: client, rate: 300/s, arrival: uniform, routes: ${routes} }
  gw: { kind: api-gateway, ${gw} }
  api: { kind: service, workers: 50, serviceTime: 5ms }
  orders: { kind: service, workers: 50, serviceTime: 5ms }
links:
  - { from: users, to: gw }
  - { from: gw, to: api${links} }
  - { from: gw, to: orders }
`;

describe('api-gateway', () => {
  it('routes by the longest matching prefix and fails unmatched routes with 404 (error)', () => {
    const r = runYaml(gateway('routes: { /api: api, /api/orders: orders }, overhead: 0ms'));
    const c = r.components;
    expect(c.orders.arrivals).toBeCloseTo(2000, -2); // /api/orders/1
    expect(c.api.arrivals).toBeCloseTo(2000, -2); // /api/users
    expect(c.gw.notFound).toBe(r.summary.failures.error); // /other
    expect(r.summary.failures.error).toBeCloseTo(2000, -2);
    expect(c.gw.routed).toEqual({ '/api/orders': c.orders.arrivals, '/api': c.api.arrivals });
  });

  it('matches whole path segments: /api does not match /apix', () => {
    const r = runYaml(gateway('routes: { /api: api, /orders: orders }', '{ /apix: 1 }'));
    expect(r.summary.failures.error).toBe(r.summary.requests);
  });

  it('adds overhead to every request and authTime to every non-public one', () => {
    const r = runYaml(
      gateway(
        'routes: { /api: api, /api/orders: orders }, overhead: 1ms, authTime: 4ms, publicRoutes: [/api/users]',
        '{ /api/orders/1: 1, /api/users: 1 }',
      ),
    );
    expect(r.components.orders.latencyMs.p50).toBeCloseTo(5, 1);
    expect(r.components.gw.latencyMs.p99).toBeCloseTo(1 + 4 + 5, 0); // orders: overhead + auth + service
    expect(r.components.gw.latencyMs.mean).toBeCloseTo((10 + 6) / 2, 0); // users skip auth
  });

  it("uses the links' own routes when no routes map is given", () => {
    const r = runYaml(
      gateway('overhead: 0ms', '{ /api/orders/1: 1, /api/users: 1, /other: 1 }', ', routes: [/api/users]').replace(
        'to: orders }',
        'to: orders, routes: [/api/orders] }',
      ),
    );
    expect(r.components.api.arrivals + r.components.orders.arrivals + r.summary.failures.error).toBe(r.summary.requests);
    expect(r.summary.failures.error).toBeCloseTo(2000, -2);
  });

  it('refuses a route to a component it does not link to, and a linked component no route reaches', () => {
    expect(() => loadScenario(gateway('routes: { /api: api, /orders: ordrs }'))).toThrow(
      'components.gw.routes["/orders"]: "ordrs" is not linked from this component; did you mean "orders"?',
    );
    expect(() => loadScenario(gateway('routes: { /api: api }'))).toThrow(/no route leads to linked component "orders"/);
  });
});
