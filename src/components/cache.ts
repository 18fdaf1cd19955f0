/**
 * cache — a read-through key cache (Redis/Memcached in front of a database).
 * Every operation costs `hitTime`; a read of a held key answers at once, a miss
 * reads through the linked downstream and then holds the key. Which keys are
 * held follows the client's key popularity (`keys: {count, skew}`) and the
 * eviction policy, so the hit ratio emerges; `hitRatio` fixes it instead.
 */
import { Node, type BuildContext, type KindDef } from './component.js';
import { Status, type Frame } from '../engine/sim.js';
import { sampler, type DistSpec, type Sampler } from '../engine/distributions.js';
import { KeyCache, type EvictionPolicy } from '../engine/key-cache.js';
import type { Rng } from '../engine/random.js';
import { downstream, isZero, ratio } from './downstream.js';

export interface CacheParams {
  capacity: number;
  policy: EvictionPolicy;
  ttl?: number;
  hitTime: DistSpec;
  writePolicy: 'write-through' | 'write-around' | 'write-back';
  hitRatio?: number;
}

// Frame.step while a request is at the cache
const HIT = 1, MISS = 2, WRITE = 3, BACKGROUND = 4;

export class Cache extends Node {
  readonly p: CacheParams;
  readonly keys: KeyCache;
  private readonly draw: Sampler;
  private readonly instant: boolean;
  private readonly rng: Rng;
  private readonly hitRng: Rng;
  private readonly hLooked: number;
  hits = 0;
  misses = 0;
  evictions = 0;
  expired = 0;
  writes = 0;
  writebacks = 0;

  constructor(ctx: BuildContext) {
    super('cache', ctx);
    this.p = ctx.params as unknown as CacheParams;
    this.keys = new KeyCache(this.p.capacity, this.p.policy);
    this.draw = sampler(this.p.hitTime);
    this.instant = isZero(this.p.hitTime);
    this.rng = ctx.rng;
    this.hitRng = ctx.stream('hits');
    this.hLooked = ctx.sim.onFrame((f) => this.looked(f));
  }

  override receive(f: Frame): void {
    this.arrive(f);
    if (f.write) {
      if (f.measured) this.writes++;
      f.step = WRITE;
    } else {
      const hit = this.lookup(f.key, f.measured);
      if (f.measured) hit ? this.hits++ : this.misses++;
      f.step = hit ? HIT : MISS;
    }
    if (this.instant) this.looked(f);
    else this.sim.after(this.draw(this.rng), this.hLooked, f);
  }

  /** Whether a read of `key` hits now (counting the use for the eviction policy). */
  private lookup(key: number, measured: boolean): boolean {
    if (this.p.hitRatio !== undefined) return this.hitRng() < this.p.hitRatio;
    const slot = this.keys.find(key);
    if (slot < 0) return false;
    if (this.p.ttl !== undefined && this.sim.now - this.keys.insertedAt[slot] >= this.p.ttl) {
      this.keys.remove(slot);
      if (measured) this.expired++;
      return false;
    }
    this.keys.touch(slot);
    return true;
  }

  /** The cache operation is done: answer a hit, read or write through, or absorb a write-back. */
  private looked(f: Frame): void {
    if (f.step === HIT) return this.finish(f, Status.ok);
    if (f.step === WRITE && this.p.writePolicy === 'write-back') {
      if (this.p.hitRatio !== undefined) this.background(f);
      else this.hold(f.key, true, f);
      return this.finish(f, Status.ok);
    }
    const link = downstream(this.out, f.route);
    if (!link) return this.settle(f);
    this.sim.call(f, link);
  }

  override reply(f: Frame, status: Status): void {
    if (f.step === BACKGROUND) return this.sim.release(f);
    if (status !== Status.ok) return this.finish(f, status);
    this.settle(f);
  }

  /** The downstream answered (or there is none): update what the cache holds, answer. */
  private settle(f: Frame): void {
    if (this.p.hitRatio === undefined) {
      if (f.step === MISS || this.p.writePolicy === 'write-through') this.hold(f.key, false, f);
      else if (f.step === WRITE) this.invalidate(f.key);
    }
    this.finish(f, Status.ok);
  }

  /** Hold `key` (fresh, dirty for write-back); flush a dirty key it evicts. */
  private hold(key: number, dirty: boolean, cause: Frame): void {
    const k = this.keys;
    let slot = k.find(key);
    if (slot >= 0) {
      k.touch(slot);
      k.insertedAt[slot] = this.sim.now;
      if (dirty) k.dirty[slot] = 1;
      return;
    }
    slot = k.insert(key, this.sim.now, dirty);
    if (slot < 0 && dirty) return this.background(cause, key); // capacity 0: nothing to hold it
    if (k.evictedKey < 0) return;
    if (cause.measured) this.evictions++;
    if (k.evictedDirty) this.background(cause, k.evictedKey);
  }

  private invalidate(key: number): void {
    const slot = this.keys.find(key);
    if (slot >= 0) this.keys.remove(slot);
  }

  /** Write `key` downstream in the background (write-back flush); nobody waits for it. */
  private background(cause: Frame, key = cause.key): void {
    const link = downstream(this.out, cause.route);
    if (!link) return;
    if (cause.measured) this.writebacks++;
    const g = this.sim.message(cause, this);
    g.key = key;
    g.write = true;
    g.issued = this.sim.now;
    g.step = BACKGROUND;
    this.sim.call(g, link);
  }

  override extraStats(): Record<string, unknown> {
    return {
      hitRatio: ratio(this.hits, this.hits + this.misses),
      hits: this.hits,
      misses: this.misses,
      evictions: this.evictions,
      expired: this.expired,
      writes: this.writes,
      writebacks: this.writebacks,
      keysHeld: this.keys.size,
    };
  }
}

export const cache: KindDef = {
  kind: 'cache',
  usesKeys: true,
  label: 'Cache',
  icon: 'cache',
  category: 'data',
  help: 'A read-through key cache (like Redis): hits answer in hitTime, misses read through the linked database and keep the key; capacity and eviction policy decide the hit ratio.',
  calls: 'sync',
  params: {
    capacity: { type: 'number', integer: true, label: 'Capacity', help: 'Keys the cache holds; beyond this the policy evicts one.', default: 10_000, min: 0, max: 1e8, unit: 'keys' },
    policy: { type: 'enum', label: 'Eviction policy', help: 'Which key to evict when full: least recently used, least frequently used, or oldest inserted.', values: ['lru', 'lfu', 'fifo'], default: 'lru' },
    ttl: { type: 'duration', label: 'TTL', help: 'A key expires this long after it was stored (never when absent).', min: 0, minExclusive: true, examples: ['60s', '5m'] },
    hitTime: { type: 'dist', label: 'Hit time', help: 'Time of one cache operation (a hit costs this; a miss costs this plus the downstream read).', default: '1ms', examples: ['0.5ms', 'exp(1ms)'] },
    writePolicy: {
      type: 'enum', label: 'Write policy', values: ['write-through', 'write-around', 'write-back'], default: 'write-through',
      help: 'write-through: write the database, then update the cache; write-around: write the database and drop the cached key; write-back: answer from the cache and write the database only when the key is evicted.',
    },
    hitRatio: { type: 'number', label: 'Fixed hit ratio', help: 'Hit with this probability instead of tracking keys: a quick what-if. Leave empty to let hits follow key popularity.', min: 0, max: 1, advanced: true },
  },
  stats: [
    { key: 'hitRatio', label: 'Hit ratio', unit: 'ratio', badge: true },
    { key: 'hits', label: 'Hits', unit: 'count' },
    { key: 'misses', label: 'Misses', unit: 'count' },
    { key: 'evictions', label: 'Evictions', unit: 'count' },
    { key: 'expired', label: 'Expired (TTL)', unit: 'count' },
    { key: 'writebacks', label: 'Write-backs', unit: 'count' },
  ],
  docs: `A read-through cache in front of a slower store — the course project's "+Redis cache" step.

Every operation costs \`hitTime\`. A **read** of a key the cache holds answers straight away (a hit); a
miss reads through the first linked component (usually a \`database\`) and then stores the key, evicting
one by \`policy\` when full (\`lru\`, \`lfu\` or \`fifo\`, all O(1)). With \`ttl\`, a key older than that
is a miss. **Writes** follow \`writePolicy\`: \`write-through\` writes downstream then updates the cache,
\`write-around\` writes downstream and drops the key, \`write-back\` answers at once and writes the key
downstream only when it is evicted (fast, but a crash would lose it).

Which keys are hot comes from the client's \`keys: {count, skew}\` (Zipf), so the hit ratio *emerges*
from capacity and popularity — LRU matches Che's approximation (see the validation table). For a quick
what-if, \`hitRatio: 0.9\` fixes it instead. Without a downstream link a miss is answered by the cache.

**Teaching point:** a small cache absorbs most reads when popularity is skewed; with uniform keys it
needs to hold most of them.

\`\`\`yaml
components:
  users: { kind: client, rate: 500/s, keys: { count: 100000, skew: 0.9 } }
  redis: { kind: cache, capacity: 10000, policy: lru, hitTime: 1ms }
  db: { kind: database, queryTime: exp(20ms), workers: 16 }
links:
  - { from: users, to: redis }
  - { from: redis, to: db, latency: 1ms }
\`\`\``,
  create: (ctx) => new Cache(ctx),
};
