import { describe, expect, it } from 'vitest';
import { loadScenario, ScenarioError } from '../../src/scenario/index.js';
import { runYaml } from './run-yaml.js';

const db = (params: string, client = 'rate: 50/s', duration = '20s') => runYaml(`
duration: ${duration}
components:
  app: { kind: client, ${client} }
  db: { kind: database, ${params} }
links: [{ from: app, to: db }]
`);

describe('database', () => {
  it('without a pool, every request pays connectTime before its query', () => {
    const r = db('queryTime: 10ms, connectTime: 20ms');
    expect(r.summary.latencyMs.p50).toBeCloseTo(30, 1);
    expect(r.summary.latencyMs.max).toBeCloseTo(30, 1);
    expect(r.components.db.connections).toBe('per request');
    expect(r.components.db).not.toHaveProperty('poolWaitMs');
  });

  it('with a pool, requests skip the connect cost and report their wait for a connection', () => {
    const r = db('queryTime: 10ms, pool: { size: 4 }');
    expect(r.summary.latencyMs.p50).toBeCloseTo(10, 1);
    expect(r.components.db).toMatchObject({ connections: 'pool', poolTimeouts: 0 });
    expect((r.components.db.poolWaitMs as { mean: number }).mean).toBeLessThan(0.1);
    expect(r.components.db.poolUtilization).toBeCloseTo(0.5 / 4, 1); // 50/s × 10 ms = 0.5 connections in use
  });

  it('queues for a connection when the pool is exhausted: 1 connection, a request every 5 ms of 10 ms each', () => {
    const r = db('queryTime: 10ms, pool: { size: 1, acquireTimeout: 22ms }', 'rate: 200/s, arrival: uniform', '1s');
    // the wait grows by 5 ms per request until it passes 22 ms; from then on every other request times out
    const c = r.components.db;
    expect(c.poolTimeouts).toBeGreaterThan(80);
    expect(r.summary.failures.timeout).toBe(c.poolTimeouts);
    expect(r.summary.completed).toBeGreaterThanOrEqual(98); // one connection: 100 queries a second
    expect(r.summary.completed).toBeLessThanOrEqual(103);
    expect((c.poolWaitMs as { p99: number }).p99).toBeLessThanOrEqual(22.2);
    expect(c.poolUtilization).toBeGreaterThan(0.97);
  });

  it('runs workers queries at once and queues the rest', () => {
    const c = db('workers: 2, queryTime: 10ms, pool: { size: 100 }', 'rate: 100/s, arrival: uniform').components.db;
    expect(c.utilization).toBeCloseTo(0.5, 2); // 100/s × 10 ms = 1 of 2 workers busy
    const busy = db('workers: 1, queryTime: exp(8ms), pool: { size: 100 }', 'rate: 100/s', '200s').components.db;
    expect(busy.utilization).toBeCloseTo(0.8, 1);
    expect(busy.waitMs.mean).toBeGreaterThan(20); // M/M/1 at ρ = 0.8: Wq = 32 ms
  });

  it('rejects queries beyond queueCapacity', () => {
    const r = db('workers: 1, queueCapacity: 0, queryTime: 10ms, pool: { size: 10 }', 'rate: 200/s, arrival: uniform', '1s');
    expect(r.summary.failures.rejected).toBe(r.components.db.rejected);
    expect(r.components.db.rejected).toBeGreaterThan(90);
  });

  it('takes writeTime for writes and queryTime for reads', () => {
    const r = db('queryTime: 10ms, writeTime: 30ms, pool: { size: 50 }', 'rate: 100/s, writeFraction: 0.5');
    const c = r.components.db;
    expect((c.reads as number) + (c.writes as number)).toBe(c.arrivals);
    expect(r.summary.latencyMs.p50).toBeGreaterThan(9);
    expect(r.summary.latencyMs.mean).toBeCloseTo(10 + 20 * ((c.writes as number) / c.arrivals), 0);
  });

  describe('read replicas', () => {
    const replicated = (extra: string) => db(`queryTime: 5ms, pool: { size: 50 }, replicas: 2, ${extra}`, 'rate: 300/s, writeFraction: 0.2, keys: { count: 20 }', '30s').components.db;

    it('spread reads over primary and replicas (readFrom: any), writes to the primary', () => {
      const c = replicated('readFrom: any');
      expect((c.replicaReads as number) / (c.reads as number)).toBeCloseTo(2 / 3, 2);
    });

    it('send every read to a replica with readFrom: replicas, none with readFrom: primary', () => {
      expect(replicated('readFrom: replicas')).toMatchObject({ replicaReads: replicated('readFrom: replicas').reads });
      expect(replicated('readFrom: primary')).toMatchObject({ replicaReads: 0, staleReads: 0 });
    });

    it('count stale reads: replica reads of a key before its latest write arrived; more lag, more of them', () => {
      const short = replicated('readFrom: replicas, replicationLag: 5ms');
      const long = replicated('readFrom: replicas, replicationLag: 200ms');
      expect(short.staleReads).toBeGreaterThan(0);
      expect(long.staleReads).toBeGreaterThan(5 * (short.staleReads as number));
      // 20 keys, 60 writes/s: a key is written every 333 ms on average, so a 200 ms lag makes ~45% of reads stale
      expect(long.staleReadRatio).toBeGreaterThan(0.3);
      expect(long.staleReadRatio).toBeLessThan(0.6);
    });

    it('see no stale reads without writes', () => {
      expect(db('pool: { size: 10 }, replicas: 1, replicationLag: 1s', 'rate: 100/s, keys: { count: 5 }').components.db.staleReads).toBe(0);
    });

    it('refuse readFrom: replicas without replicas', () => {
      const load = () => loadScenario(`
duration: 1s
components:
  app: { kind: client, rate: 1/s }
  db: { kind: database, readFrom: replicas }
links: [{ from: app, to: db }]
`);
      expect(load).toThrow(ScenarioError);
      expect(load).toThrow('components.db.readFrom: readFrom: replicas needs replicas ≥ 1');
    });
  });

  describe('shards', () => {
    const sharded = (partition: string, skew: number) =>
      db(`workers: 4, queryTime: exp(10ms), pool: { size: 100 }, shards: 4, partition: ${partition}`, `rate: 400/s, keys: { count: 10000, skew: ${skew} }`, '30s').components.db;

    it('spread uniform keys evenly by hash', () => {
      const c = sharded('hash', 0);
      const req = c.shardRequests as number[];
      const mean = req.reduce((a, b) => a + b) / 4;
      for (const n of req) expect(Math.abs(n / mean - 1)).toBeLessThan(0.05);
      expect((c.shardUtilization as number[]).length).toBe(4);
      for (const u of c.shardUtilization as number[]) expect(u).toBeCloseTo(0.25, 1);
    });

    it('put the popular keys on the first shard with range partitioning and skewed keys', () => {
      const c = sharded('range', 1);
      const u = c.shardUtilization as number[];
      expect(u[0]).toBeGreaterThan(0.6);
      expect(u[3]).toBeLessThan(0.1);
      expect(Math.max(...u)).toBe(u[0]);
    });

    it('send each key to one shard', () => {
      const c = db('pool: { size: 10 }, shards: 8', 'rate: 100/s, keys: { count: 1 }').components.db;
      expect((c.shardRequests as number[]).filter((n) => n > 0)).toHaveLength(1);
    });
  });
});
