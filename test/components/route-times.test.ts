import { describe, expect, it } from 'vitest';
import { runYaml } from './run-yaml.js';

describe('service serviceTimeByRoute', () => {
  it('gives each route prefix its own service time (the longest match), and serviceTime to the rest', () => {
    const r = runYaml(`
version: 1
title: by route
duration: 20s
components:
  users: { kind: client, rate: 20/s, routes: { /events: 1, /events/mine: 1, /checkout: 1, /other: 1 } }
  app: { kind: service, workers: 100, serviceTime: 5ms, serviceTimeByRoute: { /events: 300ms, /events/mine: 150ms, /checkout: 9ms } }
links:
  - { from: users, to: app }
`);
    const p50 = (name: string) => r.routes[name].latencyMs.p50;
    expect(p50('/events')).toBeCloseTo(300, -1);
    expect(p50('/events/mine')).toBeCloseTo(150, -1);
    expect(p50('/checkout')).toBeCloseTo(9, 0);
    expect(p50('/other')).toBeCloseTo(5, 0);
    for (const s of Object.values(r.routes)) expect(s.latencyMs.max / s.latencyMs.min).toBeLessThan(1.02); // constant times, no queueing
  });
});
