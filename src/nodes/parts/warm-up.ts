/**
 * First-request warm-up per instance (JIT compilation, lazy imports, connection
 * set-up, cold caches): an instance that has just come up — at the start, after
 * a restart, when an autoscaler adds it — serves its first `requests` requests
 * (per route with `perRoute`), and every request it starts within `duration` of
 * coming up, cold: service time × `factor` + `extra`. A warm instance costs
 * nothing extra, so after warm-up a service's queueing figures are unchanged.
 */
import { sampler, type Sampler } from '../../engine/distributions.js';
import type { Rng } from '../../engine/random.js';
import type { WarmUpParams } from '../../kinds/warm-up-params.js';

/** The warm-up state of each instance of a service: requests served since it came up, by route when per route. */
export class WarmUp {
  /** Requests served since coming up, per instance (indexed by Frame.routeId when per route). */
  private readonly served: Int32Array[];
  private readonly upSince: Float64Array;
  private readonly extra: Sampler;
  /** Cold requests served (measured ones; counted by the caller's `measured`). */
  cold = 0;

  constructor(
    private readonly p: WarmUpParams,
    instances: number,
    private readonly rng: Rng,
  ) {
    this.served = Array.from({ length: instances }, () => new Int32Array(p.perRoute ? 4 : 1));
    this.upSince = new Float64Array(instances);
    this.extra = sampler(p.extra);
  }

  /** Instance `inst` comes up cold at `nowMs` (a restart, or a new instance). */
  reset(inst: number, nowMs: number): void {
    this.served[inst].fill(0);
    this.upSince[inst] = nowMs;
  }

  /**
   * The time a request on route `routeId` takes at instance `inst` at `nowMs`,
   * given its warm service time `ms` and the instance's `speed`; counts it.
   */
  serviceMs(inst: number, routeId: number, nowMs: number, ms: number, speed: number, measured: boolean): number {
    const slot = this.p.perRoute ? routeId : 0;
    let counts = this.served[inst];
    if (slot >= counts.length) {
      const grown = new Int32Array(Math.max(slot + 1, counts.length * 2));
      grown.set(counts);
      counts = this.served[inst] = grown;
    }
    const n = counts[slot];
    if (n < this.p.requests) counts[slot] = n + 1;
    const isCold = n < this.p.requests || nowMs - this.upSince[inst] < this.p.duration;
    if (!isCold) return ms / speed;
    if (measured) this.cold++;
    return (ms * this.p.factor) / speed + this.extra(this.rng);
  }
}
