import { describe, expect, it } from 'vitest';
import { scenarioRunner } from './helpers.js';

const run = scenarioRunner('gateway-routes');

describe('scenarios/gateway-routes.yaml', () => {
  const base = run(),
    slow = run('provider-slow'),
    one = run('one-backend');

  it("each route's latency is its own path: public /auth skips the token check, /payments waits for the provider", () => {
    const p50 = (name: string) => base.routes[name].latencyMs.p50;
    expect(p50('/auth/login')).toBeLessThan(p50('/orders'));
    expect(p50('/payments')).toBeGreaterThan(250 + 40);
    expect(base.summary.failed).toBe(0);
    // the summary's median hides the payments path: it is the orders' (60 % of requests)
    expect(base.summary.latencyMs.p50).toBeLessThan(p50('/payments') / 5);
  });

  it('a slow provider fails /payments and no other route when each route has its own service', () => {
    expect(slow.routes['/payments'].errorRate).toBeGreaterThan(0.5);
    expect(slow.routes['/orders'].failed).toBe(0);
    expect(slow.routes['/auth/login'].failed).toBe(0);
  });

  it('behind one backend the same slow provider fails every route', () => {
    for (const name of ['/auth/login', '/orders', '/payments']) expect(one.routes[name].errorRate).toBeGreaterThan(0.5);
  });
});
