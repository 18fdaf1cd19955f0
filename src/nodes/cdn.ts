/**
 * cdn — an edge cache for the routes it fronts. A request for a fresh cached
 * object (route + key) is answered at the edge; a miss or an expired object is
 * fetched from the origin over the link (often a long latency) and kept for
 * `ttl`. Writes and routes it does not front pass through to the origin.
 *
 * Frame scratch fields at this kind:
 * - `f.step`: MISS while the request fetches its object from the origin, else
 *   0 as allocated (a hit, a pass-through, or waiting on another's fetch).
 *   Not a callNext cursor: a cdn calls one origin link.
 * - `f.mark`: the object id (route × ROUTE_STRIDE + key) of a request on a cached route.
 * - `f.slot`: unused.
 */
import { Node, type BuildContext } from './node.js';
import { Status, type Frame } from '../engine/sim.js';
import { sampler, type Sampler } from '../engine/distributions.js';
import { KeyCache } from '../engine/key-cache.js';
import { downstream, matchesPrefix } from './parts/link.js';
import type { Rng } from '../engine/random.js';
import { ratio } from '../engine/stats.js';
import type { KindStats } from '../kinds/define.js';
import type { CdnParams, cdn } from '../kinds/cdn.js';

/** Frame.step of a request fetching from the origin. */
const MISS = 1;
/** Keys stay below 2^31, so route × 2^31 + key names an object uniquely. */
const ROUTE_STRIDE = 2 ** 31;

/** The runtime of a cdn: the objects at the edge, fetches in progress, and what reached the origin. */
export class Cdn extends Node<typeof cdn> {
  readonly p: CdnParams;
  private readonly objects: KeyCache;
  private readonly routeIds = new Map<string, number>();
  /** Objects being fetched → requests waiting for the same fetch (request collapsing). */
  private readonly fetching = new Map<number, Frame[]>();
  private readonly draw: Sampler;
  private readonly rng: Rng;
  private readonly hLooked: number;
  hits = 0;
  misses = 0;
  expired = 0;
  collapsed = 0;
  passThrough = 0;

  constructor(ctx: BuildContext<typeof cdn>) {
    super('cdn', ctx);
    this.p = ctx.params;
    this.objects = new KeyCache(this.p.capacity, 'lru');
    this.draw = sampler(this.p.hitTime);
    this.rng = ctx.rng;
    this.hLooked = ctx.sim.onFrame((f) => this.looked(f), 'lookup');
  }

  /** Object id of a request on a fronted route, or -1 when the edge does not cache it. */
  private objectOf(f: Frame): number {
    if (f.write) return -1;
    let id = this.routeIds.get(f.route);
    if (id === undefined) {
      const fronted = !this.p.routes || this.p.routes.some((r) => matchesPrefix(f.route, r));
      this.routeIds.set(f.route, (id = fronted ? this.routeIds.size : -1));
    }
    return id < 0 ? -1 : id * ROUTE_STRIDE + (f.key % ROUTE_STRIDE);
  }

  override receive(f: Frame): void {
    this.arrive(f);
    const obj = this.objectOf(f);
    if (obj >= 0) {
      f.mark = obj;
      return this.sim.after(this.draw(this.rng), this.hLooked, f);
    }
    if (f.measured) this.passThrough++;
    this.toOrigin(f);
  }

  /** The edge has looked the object up: answer a fresh copy, join a fetch in progress, or fetch. */
  private looked(f: Frame): void {
    const obj = f.mark,
      slot = this.objects.find(obj);
    let fresh = slot >= 0;
    if (fresh && this.sim.now - this.objects.insertedAt[slot] >= this.p.ttl) {
      this.objects.remove(slot);
      if (f.measured) this.expired++;
      fresh = false;
    }
    if (f.measured) fresh ? this.hits++ : this.misses++;
    if (fresh) {
      this.objects.touch(slot);
      return this.finish(f, Status.ok);
    }
    f.step = MISS;
    const waiting = this.fetching.get(obj);
    if (waiting) {
      if (f.measured) this.collapsed++;
      return void waiting.push(f);
    }
    this.fetching.set(obj, []);
    this.toOrigin(f);
  }

  private toOrigin(f: Frame): void {
    const link = downstream(this.out, f.route);
    if (!link) return this.finish(f, Status.error); // no origin for this route
    this.sim.call(f, link);
  }

  override reply(f: Frame, status: Status): void {
    if (f.step === MISS) {
      if (status === Status.ok && this.objects.find(f.mark) < 0) this.objects.insert(f.mark, this.sim.now);
      const waiting = this.fetching.get(f.mark) as Frame[];
      this.fetching.delete(f.mark);
      for (const w of waiting) this.finish(w, status);
    }
    this.finish(f, status);
  }

  override extraStats(): KindStats<typeof cdn> {
    const size = this.p.objectSize,
      fetches = this.misses - this.collapsed;
    return {
      hitRatio: ratio(this.hits, this.hits + this.misses),
      hits: this.hits,
      misses: this.misses,
      expired: this.expired,
      collapsed: this.collapsed,
      originRequests: fetches + this.passThrough,
      passThrough: this.passThrough,
      ...(size !== undefined && { bytesOffloaded: (this.hits + this.collapsed) * size, originBytes: fetches * size }),
    };
  }
}
