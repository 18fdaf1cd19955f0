/**
 * cache — a read-through key cache (Redis/Memcached in front of a database).
 * Every operation costs `hitTime`; a read of a held key answers at once, a miss
 * reads through the linked downstream and then holds the key. Which keys are
 * held follows the client's key popularity (`keys: {count, skew}`) and the
 * eviction policy, so the hit ratio emerges; `hitRatio` fixes it instead.
 * Killed by the timeline, it is bypassed: every request goes downstream.
 *
 * Frame scratch fields at this kind:
 * - `f.step`: what the request is at the cache — HIT, MISS, WRITE, BYPASS (the
 *   cache is down), or BACKGROUND for a write-back flush the cache issued itself.
 *   Not a callNext cursor: a cache calls one downstream link.
 * - `f.slot`, `f.mark`: unused.
 */
import { Node, type BuildContext } from './node.js';
import { Status, type Frame } from '../engine/sim.js';
import { isZero, sampler, type Sampler } from '../engine/distributions.js';
import { KeyCache } from '../engine/key-cache.js';
import type { Rng } from '../engine/random.js';
import { ratio } from '../engine/stats.js';
import { downstream } from './parts/link.js';
import type { KindStats } from '../kinds/define.js';
import type { CacheParams, cache } from '../kinds/cache.js';

// Frame.step while a request is at the cache
const HIT = 1,
  MISS = 2,
  WRITE = 3,
  BACKGROUND = 4,
  BYPASS = 5;

/** The runtime of a cache: the keys it holds, hits, misses and write policies. */
export class Cache extends Node<typeof cache> {
  readonly p: CacheParams;
  /** What the cache holds; a kill loses it. */
  keys: KeyCache;
  private readonly draw: Sampler;
  private readonly instant: boolean;
  private readonly rng: Rng;
  private readonly hitRng: Rng;
  private readonly hLooked: number;
  /** Killed by the timeline: every request goes straight downstream until restored. */
  private isDown = false;
  /** Hit time is multiplied by this (a `slow` event). */
  private slowFactor = 1;
  hits = 0;
  misses = 0;
  evictions = 0;
  expired = 0;
  writes = 0;
  writebacks = 0;
  bypassed = 0;

  constructor(ctx: BuildContext<typeof cache>) {
    super('cache', ctx);
    this.p = ctx.params;
    this.keys = new KeyCache(this.p.capacity, this.p.policy);
    this.draw = sampler(this.p.hitTime);
    this.instant = isZero(this.p.hitTime);
    this.rng = ctx.rng;
    this.hitRng = ctx.stream('hits');
    this.hLooked = ctx.sim.onFrame((f) => this.looked(f), 'lookup');
  }

  override receive(f: Frame): void {
    this.arrive(f);
    if (this.isDown) return this.bypass(f);
    if (f.write) {
      if (f.measured) this.writes++;
      f.step = WRITE;
    } else {
      const hit = this.lookup(f.key, f.measured);
      if (f.measured) hit ? this.hits++ : this.misses++;
      f.step = hit ? HIT : MISS;
      if (f.trace !== null) f.trace.note(f, 'cache', hit ? 'hit' : 'miss');
    }
    if (this.instant) this.looked(f);
    else this.sim.after(this.draw(this.rng) * this.slowFactor, this.hLooked, f);
  }

  /** The cache is down: the request goes straight downstream, a read counted as a miss. */
  private bypass(f: Frame): void {
    if (f.measured) {
      this.bypassed++;
      if (f.write) this.writes++;
      else this.misses++;
    }
    f.step = BYPASS;
    if (f.trace !== null) f.trace.note(f, 'cache', 'bypass (down)');
    this.toDownstream(f);
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
    if (this.isDown) {
      // killed during the operation: the application falls back to the downstream
      f.step = BYPASS;
      return this.toDownstream(f);
    }
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

  /** Send f downstream past the (down) cache; without a downstream it fails. */
  private toDownstream(f: Frame): void {
    const link = downstream(this.out, f.route);
    if (!link) return this.finish(f, Status.error);
    this.sim.call(f, link);
  }

  override reply(f: Frame, status: Status): void {
    if (f.step === BACKGROUND) return this.sim.release(f);
    if (status !== Status.ok) return this.finish(f, status);
    this.settle(f);
  }

  /** The downstream answered (or there is none): update what the cache holds (unless it is down), answer. */
  private settle(f: Frame): void {
    if (this.p.hitRatio === undefined && f.step !== BYPASS && !this.isDown) {
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

  // ---- the timeline --------------------------------------------------------

  /**
   * The cache goes down and loses what it held (write-back keys not yet
   * flushed included): requests bypass it until it is restored, empty.
   */
  override kill(): void {
    if (this.isDown) return;
    this.isDown = true;
    this.keys = new KeyCache(this.p.capacity, this.p.policy);
  }

  /** Back up, empty (cold): misses stay high until it has warmed up. */
  override restore(): void {
    this.isDown = false;
  }

  /** Multiply hit time by `factor` (1: normal again). */
  override slow(_inst: number, factor: number): void {
    this.slowFactor = factor;
  }

  override extraStats(): KindStats<typeof cache> {
    return {
      hitRatio: ratio(this.hits, this.hits + this.misses),
      hits: this.hits,
      misses: this.misses,
      evictions: this.evictions,
      expired: this.expired,
      writes: this.writes,
      writebacks: this.writebacks,
      keysHeld: this.keys.size,
      ...(this.bypassed ? { bypassed: this.bypassed } : {}),
    };
  }
}
