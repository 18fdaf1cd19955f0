/**
 * load-balancer — spreads requests over every instance of every linked target.
 * It counts its own outstanding requests per instance (as real balancers do)
 * for least-connections and power-of-two-choices.
 */
import { Node, type BuildContext, type KindDef } from './component.js';
import { Status, type Frame } from '../engine/sim.js';
import { sampler, type DistSpec, type Sampler } from '../engine/distributions.js';
import type { Link } from './link.js';
import type { Rng } from '../engine/random.js';

export const policies = ['round-robin', 'random', 'least-connections', 'power-of-two', 'key-hash', 'weighted'] as const;
export type Policy = (typeof policies)[number];

export interface LoadBalancerParams {
  policy: Policy;
  overhead: DistSpec;
}

/** One (target, instance) pair the balancer can send to. */
interface Backend {
  link: Link;
  inst: number;
  weight: number;
}

export class LoadBalancer extends Node {
  readonly p: LoadBalancerParams;
  backends: Backend[] = [];
  outstanding = new Int32Array(0);
  sent = new Float64Array(0);
  private current = new Float64Array(0); // smooth weighted round-robin state
  private rr = -1;
  private readonly rng: Rng;
  private readonly overhead: Sampler;
  private readonly instantOverhead: boolean;
  private readonly hForward: number;

  constructor(ctx: BuildContext) {
    super('load-balancer', ctx);
    this.p = ctx.params as unknown as LoadBalancerParams;
    this.rng = ctx.rng;
    this.overhead = sampler(this.p.overhead);
    this.instantOverhead = this.p.overhead.dist === 'constant' && this.p.overhead.value === 0;
    this.hForward = ctx.sim.onFrame((f) => this.forward(f));
  }

  override start(): void {
    for (const link of this.out)
      for (let i = 0; i < link.to.instances; i++) this.backends.push({ link, inst: i, weight: link.weight });
    this.outstanding = new Int32Array(this.backends.length);
    this.sent = new Float64Array(this.backends.length);
    this.current = new Float64Array(this.backends.length);
  }

  override receive(f: Frame): void {
    this.arrive(f);
    if (this.instantOverhead) this.forward(f);
    else this.sim.after(this.overhead(this.rng), this.hForward, f);
  }

  private pick(f: Frame): number {
    const n = this.backends.length;
    const out = this.outstanding;
    switch (this.p.policy) {
      case 'round-robin':
        return (this.rr = (this.rr + 1) % n);
      case 'random':
        return Math.floor(this.rng() * n);
      case 'least-connections': {
        // fewest outstanding; ties broken round-robin so equal backends share
        const start = (this.rr = (this.rr + 1) % n);
        let best = start;
        for (let k = 1; k < n; k++) {
          const j = (start + k) % n;
          if (out[j] < out[best]) best = j;
        }
        return best;
      }
      case 'power-of-two': {
        if (n === 1) return 0;
        const a = Math.floor(this.rng() * n);
        let b = Math.floor(this.rng() * (n - 1));
        if (b >= a) b++;
        return out[b] < out[a] ? b : a;
      }
      case 'key-hash':
        return hash32(f.key) % n;
      case 'weighted': {
        // smooth weighted round-robin (nginx): deterministic, interleaved
        const cur = this.current;
        let total = 0, best = 0;
        for (let j = 0; j < n; j++) {
          const w = this.backends[j].weight;
          cur[j] += w;
          total += w;
          if (cur[j] > cur[best]) best = j;
        }
        cur[best] -= total;
        return best;
      }
    }
  }

  private forward(f: Frame): void {
    if (!this.backends.length) return this.finish(f, Status.error);
    const j = this.pick(f);
    f.slot = j;
    this.outstanding[j]++;
    if (f.measured) this.sent[j]++;
    const b = this.backends[j];
    this.sim.call(f, b.link, b.inst);
  }

  override reply(f: Frame, status: Status): void {
    this.outstanding[f.slot]--;
    this.finish(f, status);
  }

  override extraStats(): Record<string, unknown> {
    const total = this.sent.reduce((a, b) => a + b, 0);
    return {
      policy: this.p.policy,
      share: Object.fromEntries(this.backends.map((b, j) => [`${b.link.to.id}#${b.inst + 1}`, total ? Math.round((this.sent[j] / total) * 1e4) / 1e4 : 0])),
    };
  }
}

/** A well-mixed non-negative 31-bit hash of an integer key. */
export function hash32(x: number): number {
  let h = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 1;
}

export const loadBalancer: KindDef = {
  kind: 'load-balancer',
  label: 'Load balancer',
  icon: 'load-balancer',
  category: 'edge',
  help: 'Spreads requests over every instance of every linked target by a policy; adds a small overhead per request.',
  calls: 'sync',
  params: {
    policy: { type: 'enum', label: 'Policy', help: 'How a backend instance is chosen: round-robin, random, least-connections (fewest outstanding), power-of-two (better of two random), key-hash (same key, same instance) or weighted (per-link weight).', values: policies, default: 'round-robin' },
    overhead: { type: 'dist', label: 'Overhead', help: 'Time the balancer adds to each request (no capacity limit).', default: 0, examples: ['0.2ms'] },
  },
  stats: [],
  check: (_p, ctx) => (ctx.targets.length ? [] : [{ path: [], message: 'a load balancer needs at least one link to a target' }]),
  create: (ctx) => new LoadBalancer(ctx),
};
