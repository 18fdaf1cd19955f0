/**
 * CQRS: commands write to a store, a queue carries each change to a projector
 * that writes it to a read model (`projectionOf`), queries read the read model.
 * Links choose the operation (`operation: write`); staleness is measured where
 * it is seen.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario, ScenarioError } from '../../src/scenario/index.js';
import { num, runYaml } from './run-yaml.js';

/** Commands 20/s, queries 80/s over 50 keys; the projector takes `projector` per change. */
const cqrs = (projector: string, extra = '') => `
duration: 120s
warmup: 10s
seed: 3
components:
  users: { kind: client, rate: 100/s, routes: { /commands: 0.2, /queries: 0.8 }, keys: { count: 50, skew: 0 } }
  gw: { kind: api-gateway, overhead: 1ms }
  cmd: { kind: service, workers: 8, serviceTime: 2ms }
  qry: { kind: service, workers: 8, serviceTime: 1ms }
  store: { kind: database, workers: 8, queryTime: 5ms, connectTime: 0 }
  events: { kind: queue, consumers: 1 }
  projector: { kind: service, workers: 1, serviceTime: ${projector} }
  view: { kind: database, workers: 8, queryTime: 2ms, connectTime: 0, projectionOf: store ${extra} }
links:
  - { from: users, to: gw }
  - { from: gw, to: cmd, routes: [/commands] }
  - { from: gw, to: qry, routes: [/queries] }
  - { from: cmd, to: store, operation: write }
  - { from: cmd, to: events }
  - { from: events, to: projector }
  - { from: projector, to: view, operation: write }
  - { from: qry, to: view, operation: read }
`;

describe('CQRS read models (projectionOf)', () => {
  it('applies every committed command to the read model, once, in order', () => {
    const r = runYaml(cqrs('1ms'));
    expect(num(r, 'store', 'writes')).toBeGreaterThan(0);
    // every write the store committed reaches the view through the queue and the projector
    expect(num(r, 'view', 'writes')).toBe(num(r, 'store', 'writes'));
    expect(num(r, 'store', 'reads')).toBe(0);
    expect(num(r, 'view', 'reads')).toBeGreaterThan(0);
  });

  it('reads are stale only while the projection is behind: more with a slow projector', () => {
    const fast = runYaml(cqrs('1ms'));
    const slow = runYaml(cqrs('45ms'));
    const lag = (r: typeof fast) => (r.components.view.projectionLagMs as { mean: number }).mean;
    // fast: the change arrives a few ms after the commit; slow: 20 changes/s at 45 + 2 ms each is 94 % busy (M/D/1 wait ≈ 370 ms)
    expect(lag(fast)).toBeLessThan(10);
    expect(lag(slow)).toBeGreaterThan(100);
    const stale = (r: typeof fast) => num(r, 'view', 'staleReadRatio');
    expect(stale(slow)).toBeGreaterThan(5 * stale(fast));
    // writes to one key are Poisson at λ = 20/s ÷ 50 keys; a read is stale when one is in flight, and by Little's law
    // λ·E[lag] are in flight on average: P(stale) ≈ 1 − e^(−λ·E[lag]) (exact for independent lags, M/G/∞)
    const theory = (r: typeof fast) => 1 - Math.exp(-(20 / 50) * (lag(r) / 1000));
    expect(Math.abs(stale(slow) / theory(slow) - 1)).toBeLessThan(0.1); // 856 stale reads: ±3.4 % noise
    expect(stale(fast)).toBeLessThan(3 * theory(fast)); // 14 stale reads: too few for a tighter bound
  });

  it('refuses a projection of something that is not another database', () => {
    expect(() => loadScenario(cqrs('1ms', '').replace('projectionOf: store', 'projectionOf: events'))).toThrow(
      /components\.view\.projectionOf: expected the id of another database, got "events"/,
    );
    expect(() => loadScenario(cqrs('1ms', '').replace('projectionOf: store', 'projectionOf: view'))).toThrow(ScenarioError);
  });
});

describe('database cost', () => {
  it('bills every server — shards × (1 + replicas) — at costPerHour for the run', () => {
    const r = runYaml(`
duration: 60s
components:
  users: { kind: client, rate: 10/s }
  db: { kind: database, shards: 2, replicas: 1, costPerHour: 0.5 }
links: [{ from: users, to: db }]
`);
    const cost = r.components.db.cost as { run: number; perMonth: number };
    expect(cost.run).toBeCloseTo((4 * 0.5 * 60) / 3600, 6);
    expect(cost.perMonth).toBe(4 * 0.5 * 730);
  });
});
