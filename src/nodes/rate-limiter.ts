/**
 * rate-limiter — admits requests up to a rate and answers the rest `throttled`
 * (HTTP 429) at once. Admitted requests continue over the first link that
 * carries their route. Four classic algorithms; each keeps three numbers of
 * state per bucket (one bucket overall, or one per client or per key).
 *
 * Frame scratch fields at this kind: `slot` is the bucket id (client index or
 * key) of a request waiting in a leaky bucket, so its leaving frees a place in
 * that bucket's queue; `step` and `mark` are unused.
 */
import { Node, type BuildContext } from './node.js';
import type { KindParams, KindStats } from '../kinds/define.js';
import type { rateLimiter } from '../kinds/rate-limiter.js';
import { Status, type Frame } from '../engine/sim.js';
import { ratio, round } from '../engine/stats.js';
import { downstream } from './parts/link.js';

/** A rate limiter at run time: one bucket of state overall, or one per client or key. */
export class RateLimiter extends Node<typeof rateLimiter> {
  readonly p: KindParams<typeof rateLimiter>;
  /** Requests per window for the window algorithms. */
  readonly limit: number;
  private readonly one = new Float64Array(3);
  private readonly buckets = new Map<number, Float64Array>();
  private readonly hLeave: number;
  admitted = 0;
  throttled = 0;

  constructor(ctx: BuildContext<typeof rateLimiter>) {
    super('rate-limiter', ctx);
    const p = (this.p = ctx.params);
    this.limit = p.limit ?? Math.max(1, Math.round((p.rate * p.window) / 1000));
    this.init(this.one);
    this.hLeave = ctx.sim.onFrame((f) => this.leave(f), 'throttle delay');
  }

  /** A fresh bucket: full of tokens; empty queue; no window counted yet. */
  private init(s: Float64Array): Float64Array {
    if (this.p.algorithm === 'token-bucket') (s[0] = this.p.burst), (s[1] = 0);
    else if (this.p.algorithm === 'leaky-bucket') (s[0] = -Infinity), (s[1] = 0);
    else (s[0] = -1), (s[1] = s[2] = 0);
    return s;
  }

  private bucket(id: number): Float64Array {
    if (this.p.per === 'all') return this.one;
    let s = this.buckets.get(id);
    if (s === undefined) this.buckets.set(id, (s = this.init(new Float64Array(3))));
    return s;
  }

  override receive(f: Frame): void {
    this.arrive(f);
    const id = this.p.per === 'client' ? f.client : f.key;
    const s = this.bucket(id),
      now = this.sim.now,
      p = this.p;
    switch (p.algorithm) {
      case 'token-bucket': {
        // s = [tokens, last refill]; refilled continuously, at most `burst`
        const tokens = Math.min(p.burst, s[0] + ((now - s[1]) * p.rate) / 1000);
        s[1] = now;
        s[0] = tokens < 1 ? tokens : tokens - 1;
        return tokens < 1 ? this.reject(f) : this.admit(f);
      }
      case 'leaky-bucket': {
        // s = [time the next request may leave, requests waiting]
        const leaveAt = Math.max(now, s[0]);
        if (leaveAt > now && s[1] >= p.queueSize) return this.reject(f);
        s[0] = leaveAt + 1000 / p.rate;
        if (leaveAt === now) return this.admit(f);
        s[1]++;
        f.slot = id;
        this.queued.add(now, 1);
        return this.sim.at(leaveAt, this.hLeave, f);
      }
      case 'fixed-window': {
        // s = [window index, requests admitted in it]
        const w = Math.floor(now / p.window);
        if (w !== s[0]) (s[0] = w), (s[1] = 0);
        if (s[1] >= this.limit) return this.reject(f);
        s[1]++;
        return this.admit(f);
      }
      case 'sliding-window': {
        // s = [window index, admitted in the previous window, admitted in this one];
        // the sliding count weights the previous window by how much of it still overlaps
        const w = Math.floor(now / p.window);
        if (w !== s[0]) (s[1] = w === s[0] + 1 ? s[2] : 0), (s[2] = 0), (s[0] = w);
        const overlap = 1 - (now - w * p.window) / p.window;
        if (s[1] * overlap + s[2] >= this.limit) return this.reject(f);
        s[2]++;
        return this.admit(f);
      }
    }
  }

  private leave(f: Frame): void {
    this.bucket(f.slot)[1]--;
    this.queued.add(this.sim.now, -1);
    this.admit(f);
  }

  private admit(f: Frame): void {
    if (f.measured) {
      this.admitted++;
      this.wait.record(this.sim.now - f.t0);
    }
    const link = downstream(this.out, f.route);
    if (link) this.sim.call(f, link);
    else this.finish(f, Status.ok);
  }

  private reject(f: Frame): void {
    if (f.measured) this.throttled++;
    this.finish(f, Status.throttled);
  }

  override reply(f: Frame, status: Status): void {
    this.finish(f, status);
  }

  override extraStats(): KindStats<typeof rateLimiter> {
    const w = this.sim.measured,
      span = Math.min(this.sim.now, w.end) - w.start;
    return {
      algorithm: this.p.algorithm,
      admitted: this.admitted,
      throttled: this.throttled,
      throttledRatio: ratio(this.throttled, this.admitted + this.throttled),
      admittedRps: span > 0 ? round((this.admitted / span) * 1000, 3) : 0,
    };
  }
}
