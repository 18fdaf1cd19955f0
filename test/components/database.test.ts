import { describe, expect, it } from 'vitest';
import { loadScenario, ScenarioError } from '../../src/scenario/index.js';
import { runYaml } from './run-yaml.js';
import { timelineHook } from '../../src/timeline/events.js';

const db = (params: string, client = 'rate: 50/s', duration = '20s') =>
  runYaml(`
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
    const replicated = (extra: string) =>
      db(`queryTime: 5ms, pool: { size: 50 }, replicas: 2, ${extra}`, 'rate: 300/s, writeFraction: 0.2, keys: { count: 20 }', '30s')
        .components.db;

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
      const load = () =>
        loadScenario(`
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
      db(
        `workers: 4, queryTime: exp(10ms), pool: { size: 100 }, shards: 4, partition: ${partition}`,
        `rate: 400/s, keys: { count: 10000, skew: ${skew} }`,
        '30s',
      ).components.db;

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

  describe('failures (timeline)', () => {
    const failing = (params: string, events: string, duration = '30s') =>
      runYaml(`
duration: ${duration}
components:
  app: { kind: client, rate: 100/s, arrival: uniform }
  db: { kind: database, pool: { size: 50 }, ${params.includes('queryTime') ? params : `queryTime: 10ms, ${params}`} }
links: [{ from: app, to: db }]
events:
${events}
`);

    it('kill fails every query as error until restore, then serves again', () => {
      const r = failing(
        '',
        `
  - { at: 10s, action: kill, target: db }
  - { at: 20s, action: restore, target: db }`,
      );
      const c = r.components.db;
      // 100 requests a second for the 10 s outage; at most the one running at the kill is failed rather than refused
      expect(r.summary.failed).toBeGreaterThanOrEqual(999);
      expect(r.summary.failed).toBeLessThanOrEqual(1001);
      expect(r.summary.failures.error).toBe(r.summary.failed);
      expect(c.failed).toBe(r.summary.failed);
      expect(c.refused).toBeGreaterThanOrEqual(999);
      expect(c.completed).toBe(r.summary.requests - r.summary.failed);
      const bucket = (t: number) => Math.floor(t / r.series.bucketMs);
      const errors = r.series.errorsPerSec;
      expect(errors.slice(0, bucket(10_000)).every((x) => x === 0)).toBe(true);
      expect(errors[bucket(15_000)]).toBeCloseTo(100, 0);
      expect(errors.slice(bucket(20_000) + 1).every((x) => x === 0)).toBe(true);
      expect(c.inFlight).toBe(0);
    });

    it('fails the queries a server holds when it goes down, waiting and running, and gives back their connections', () => {
      // one worker, 50 ms queries, 100/s: by the crash at 1 s the server holds all 50 connections (1 running, 49
      // queued) and ~30 requests wait for a connection
      const r = failing('workers: 1, queryTime: 50ms, restartTime: 1s', '  - { at: 1s, action: crash, target: db }', '3s');
      const c = r.components.db;
      expect(c.crashes).toBe(1);
      const lost = c.failed - (c.refused as number);
      expect(lost).toBeGreaterThanOrEqual(49);
      expect(lost).toBeLessThanOrEqual(50);
      // the connections given back go to the waiting requests, which are refused, as is the next second's traffic
      expect(c.refused).toBeGreaterThan(125);
      expect(c.refused).toBeLessThan(135);
      expect(r.summary.inFlight).toBe(0);
      expect(c.poolTimeouts).toBe(0);
    });

    it('crash takes a server down for restartTime, then it serves again', () => {
      const r = failing('restartTime: 2s', '  - { at: 5s, action: crash, target: db }', '10s');
      expect(r.components.db.crashes).toBe(1);
      expect(r.summary.failed).toBeGreaterThanOrEqual(199); // 2 s at 100/s
      expect(r.summary.failed).toBeLessThanOrEqual(201);
    });

    it('a killed replica fails the reads sent to it; the primary keeps serving', () => {
      const r = failing('replicas: 1, readFrom: any', '  - { at: 0s, action: kill, target: db, instance: 2 }', '10s');
      // reads alternate between the primary and the replica: half of them fail
      expect(r.summary.failed / r.summary.requests).toBeCloseTo(0.5, 2);
    });

    it('slow multiplies query time by its factor: 10 ms queries take 30 ms, then 10 ms again after slow 1', () => {
      const r = failing(
        '',
        `
  - { at: 0s, action: slow, target: db, factor: 3 }
  - { at: 10s, action: slow, target: db, factor: 1 }`,
        '20s',
      );
      const bucket = (t: number) => Math.floor(t / r.series.bucketMs);
      expect(r.series.p50[bucket(5_000)]).toBeCloseTo(30, 1);
      expect(r.series.p50[bucket(15_000)]).toBeCloseTo(10, 1);
      // half the run at 30 ms, half at 10 ms (no waiting: 3 of 16 workers busy at most)
      expect(r.summary.latencyMs.mean).toBeCloseTo(20, 0);
      expect(r.summary.failed).toBe(0);
    });

    it('numbers its instances by server: shards × (1 + replicas)', () => {
      const load = (instance: number) => () =>
        loadScenario(
          `
duration: 1s
components:
  app: { kind: client, rate: 1/s }
  db: { kind: database, shards: 2, replicas: 1 }
links: [{ from: app, to: db }]
events: [{ at: 0s, action: kill, target: db, instance: ${instance} }]
`,
          { events: timelineHook },
        );
      expect(load(4)).not.toThrow();
      expect(load(5)).toThrow(ScenarioError);
    });
  });
});
