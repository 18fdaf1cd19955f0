import { describe, expect, it } from 'vitest';
import { runYaml } from './run-yaml.js';
import { KeyCache } from '../../src/engine/key-cache.js';
import { cheHitRatio } from '../validation/cases/edge-data.js';

/** Half writes over 50 keys through a cache with `policy` in front of a pooled database. */
const writes = (policy: string) =>
  runYaml(`
duration: 20s
components:
  users: { kind: client, rate: 100/s, keys: { count: 50 }, writeFraction: 0.5 }
  cache: { kind: cache, writePolicy: ${policy}, hitTime: 1ms }
  db: { kind: database, queryTime: 5ms, pool: { size: 10 } }
links:
  - { from: users, to: cache }
  - { from: cache, to: db }
`);
/** Keys held, in no particular order. */
const held = (c: KeyCache, keys: number[]) => keys.filter((k) => c.find(k) >= 0);

describe('KeyCache', () => {
  it('lru evicts the least recently used key', () => {
    const c = new KeyCache(3, 'lru');
    for (const k of [1, 2, 3]) c.insert(k, 0);
    c.touch(c.find(1));
    c.insert(4, 0);
    expect(c.evictedKey).toBe(2);
    expect(held(c, [1, 2, 3, 4])).toEqual([1, 3, 4]);
  });

  it('lfu evicts the least frequently used key, the least recent among ties', () => {
    const c = new KeyCache(3, 'lfu');
    for (const k of [1, 2, 3]) c.insert(k, 0);
    c.touch(c.find(1));
    c.touch(c.find(1));
    c.touch(c.find(3));
    c.insert(4, 0); // counts 1:3, 2:1, 3:2 → evict 2
    expect(c.evictedKey).toBe(2);
    c.insert(5, 0); // counts 1:3, 3:2, 4:1 → evict 4 (the newcomer has the fewest uses)
    expect(c.evictedKey).toBe(4);
    expect(held(c, [1, 2, 3, 4, 5])).toEqual([1, 3, 5]);
  });

  it('fifo evicts the oldest inserted key whatever its use', () => {
    const c = new KeyCache(2, 'fifo');
    c.insert(1, 0);
    c.insert(2, 0);
    c.touch(c.find(1));
    c.insert(3, 0);
    expect(c.evictedKey).toBe(1);
  });

  it('reports whether an evicted key was dirty and stays within capacity over many keys', () => {
    const c = new KeyCache(50_000, 'lru');
    c.insert(-5, 0, true);
    for (let k = 0; k < 200_000; k++) {
      c.insert(k, k);
      if (k === 49_999) expect([c.evictedKey, c.evictedDirty]).toEqual([-5, true]);
    }
    expect(c.size).toBe(50_000);
    expect(c.find(149_999)).toBe(-1);
    expect(c.keyAt(c.find(150_000))).toBe(150_000);
  });

  it('removes keys from any position (TTL expiry, invalidation) and reuses their slots', () => {
    const c = new KeyCache(3, 'lfu');
    for (const k of [1, 2, 3]) c.insert(k, 0);
    c.touch(c.find(2));
    c.remove(c.find(1));
    c.remove(c.find(3));
    c.insert(7, 0);
    c.insert(8, 0);
    c.insert(9, 0); // 7 (count 1, older than 8) goes
    expect(c.evictedKey).toBe(7);
    expect(c.size).toBe(3);
  });

  it('holds nothing with capacity 0', () => {
    const c = new KeyCache(0, 'lru');
    expect(c.insert(1, 0)).toBe(-1);
    expect(c.find(1)).toBe(-1);
  });
});

describe('cache', () => {
  const readThrough = (cache: string, client = 'rate: 1000/s, keys: { count: 10000, skew: 1 }') =>
    runYaml(`
duration: 20s
warmup: 5s
components:
  users: { kind: client, ${client} }
  cache: { kind: cache, ${cache} }
  db: { kind: database, workers: 100, queryTime: 10ms, pool: { size: 100 } }
links:
  - { from: users, to: cache }
  - { from: cache, to: db }
`);

  it('reads misses through to the database and answers hits itself', () => {
    const r = readThrough('capacity: 1000, hitTime: 1ms');
    const c = r.components.cache;
    expect((c.hits as number) + (c.misses as number)).toBe(c.arrivals);
    expect(r.components.db.arrivals).toBe(c.misses);
    expect(c.hitRatio).toBeGreaterThan(0.6);
    // hits cost 1 ms, misses 1 + 10 ms
    expect(r.summary.latencyMs.mean).toBeCloseTo(1 + 10 * (1 - (c.hitRatio as number)), 1);
  });

  it('fixes the hit ratio when hitRatio is given', () => {
    const c = readThrough('hitRatio: 0.3', 'rate: 1000/s').components.cache;
    expect(c.hitRatio).toBeCloseTo(0.3, 1);
    expect(c.evictions).toBe(0);
  });

  it("agrees with Che's approximation, whose figures for 100,000 keys at skew 0.8 are 0.204 and 0.469", () => {
    expect(cheHitRatio(100_000, 0.8, 1000)).toBeCloseTo(0.204, 3);
    expect(cheHitRatio(100_000, 0.8, 10_000)).toBeCloseTo(0.469, 3);
  });

  it('fifo follows its own characteristic-time approximation, below lru; lfu beats both', () => {
    const ratioFor = (policy: string) =>
      runYaml(`
duration: 60s
warmup: 10s
components:
  users: { kind: client, rate: 5000/s, keys: { count: 10000, skew: 0.8 } }
  cache: { kind: cache, capacity: 500, policy: ${policy}, hitTime: 0ms }
links: [{ from: users, to: cache }]
`).components.cache.hitRatio as number;
    const [lru, fifo, lfu] = ['lru', 'fifo', 'lfu'].map(ratioFor);
    expect(Math.abs(fifo - cheHitRatio(10_000, 0.8, 500, 'fifo'))).toBeLessThan(0.01);
    expect(Math.abs(lru - cheHitRatio(10_000, 0.8, 500))).toBeLessThan(0.01);
    expect(fifo).toBeLessThan(lru);
    expect(lfu).toBeGreaterThan(lru);
  });

  it('expires keys after ttl: one key read every 100 ms with ttl 1 s misses every 11th read', () => {
    const c = readThrough('ttl: 1s, hitTime: 0ms', 'rate: 10/s, arrival: uniform, keys: { count: 1 }').components.cache;
    // stored 10 ms (the query) after a miss, it serves the next 10 reads and has expired at the 11th
    expect(c.hitRatio).toBeCloseTo(10 / 11, 2);
    expect(c.expired).toBe(c.misses);
  });

  it('does not refresh a key on a hit: ttl counts from when it was stored', () => {
    const c = readThrough('ttl: 350ms, hitTime: 0ms', 'rate: 10/s, arrival: uniform, keys: { count: 1 }').components.cache;
    // stored at a miss (10 ms of database time later), then hit at +100, +200, +300 ms, missed at +400 ms
    expect(c.hitRatio).toBeCloseTo(0.75, 2);
  });

  it('write-through writes the database and then holds the key', () => {
    const r = writes('write-through');
    const c = r.components.cache;
    expect(r.components.db.writes).toBe(c.writes);
    expect(r.components.db.reads).toBe(c.misses);
    expect(c.misses).toBeLessThan(50); // each key misses at most once: writes keep it fresh
  });

  it('write-around writes the database and drops the key, so the next read misses', () => {
    const r = writes('write-around');
    const c = r.components.cache;
    expect(r.components.db.writes).toBe(c.writes);
    expect(c.misses).toBeGreaterThan(300); // a read after a write of its key misses
  });

  it('write-back answers writes at the cache and writes a dirty key only when it is evicted', () => {
    const r = runYaml(`
duration: 20s
components:
  users: { kind: client, rate: 500/s, keys: { count: 1000 }, writeFraction: 0.5 }
  cache: { kind: cache, capacity: 100, writePolicy: write-back, hitTime: 1ms }
  db: { kind: database, queryTime: 5ms, pool: { size: 50 } }
links:
  - { from: users, to: cache }
  - { from: cache, to: db }
`);
    const c = r.components.cache;
    expect(r.summary.latencyMs.p50).toBeLessThan(2); // writes and hits both answer in 1 ms
    expect(c.writebacks).toBeGreaterThan(0);
    expect(c.writebacks).toBeLessThanOrEqual(c.evictions as number);
    expect(r.components.db.writes).toBeLessThanOrEqual(c.writebacks as number);
    expect(r.components.db.writes).toBeGreaterThan((c.writebacks as number) - 50);
  });

  it('answers a miss itself when it has no downstream link', () => {
    const r = runYaml(`
duration: 5s
components:
  users: { kind: client, rate: 100/s, keys: { count: 10 } }
  cache: { kind: cache, hitTime: 2ms }
links: [{ from: users, to: cache }]
`);
    expect(r.summary.failed).toBe(0);
    expect(r.summary.latencyMs.max).toBeCloseTo(2, 1);
  });

  describe('timeline', () => {
    /** 100 reads/s over 10 keys through a cache in front of a fast store, with `events`. */
    const tenKeys = (cache: string, events: string) =>
      runYaml(`
duration: 20s
components:
  users: { kind: client, rate: 100/s, arrival: uniform, keys: { count: 10, skew: 0 } }
  redis: { kind: cache, ${cache} }
  db: { kind: service, workers: 100, serviceTime: 1ms }
links:
  - { from: users, to: redis }
  - { from: redis, to: db }
events:
${events}`);

    it('a killed cache sends every read to the database, and comes back empty', () => {
      // 10 cold misses, the 500 reads of the 5 s outage, 10 cold misses again after the restore
      const r = tenKeys(
        'hitTime: 0ms',
        `  - { at: 10s, action: kill, target: redis }
  - { at: 15s, action: restore, target: redis }`,
      );
      const c = r.components.redis;
      expect(c.bypassed).toBe(500);
      expect(c.misses).toBe(520);
      expect(c.hits).toBe((c.arrivals as number) - 520);
      expect(r.components.db.arrivals).toBe(520);
      expect(r.summary.failed).toBe(0);
    });

    it('a killed cache with no downstream fails reads as error', () => {
      const r = runYaml(`
duration: 2s
components:
  users: { kind: client, rate: 10/s, arrival: uniform }
  redis: { kind: cache }
links: [{ from: users, to: redis }]
events: [{ at: 1s, action: kill, target: redis }]
`);
      expect(r.summary.failures.error).toBe(r.components.redis.bypassed);
      expect(r.summary.failures.error).toBeGreaterThan(0);
    });

    it('slow multiplies hit time by factor', () => {
      // one key: a single miss (2 ms × 5, then 1 ms at the store), then 48 hits of 2 ms × 5
      const one = runYaml(`
duration: 5s
components:
  users: { kind: client, rate: 10/s, arrival: uniform, keys: { count: 1 } }
  redis: { kind: cache, hitTime: 2ms }
  db: { kind: service, serviceTime: 1ms }
links:
  - { from: users, to: redis }
  - { from: redis, to: db }
events: [{ at: 0s, action: slow, target: redis, factor: 5 }]
`);
      expect(one.components.redis.hits).toBe(48);
      expect(one.summary.latencyMs.mean).toBeCloseTo((11 + 48 * 10) / 49, 2);
    });
  });
});
