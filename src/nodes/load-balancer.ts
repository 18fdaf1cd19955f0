/**
 * load-balancer — spreads requests over every instance of every linked target.
 * It counts its own outstanding requests per instance (as real balancers do)
 * for least-connections and power-of-two-choices.
 *
 * Frame scratch fields at this kind: `slot` is the backend (index into
 * `backends`) a request was sent to, so its answer releases that backend's
 * outstanding count; `step` and `mark` are unused.
 */
import { Node, type BuildContext } from './node.js';
import type { KindParams, KindStats } from '../kinds/define.js';
import type { loadBalancer } from '../kinds/load-balancer.js';
import { Status, type Frame } from '../engine/sim.js';
import { isZero, sampler, type Sampler } from '../engine/distributions.js';
import { hash32 } from '../engine/hash.js';
import type { Link } from './parts/link.js';
import type { Rng } from '../engine/random.js';

type LoadBalancerParams = KindParams<typeof loadBalancer>;
/** Health-check settings as resolved (every field defaulted). */
type HealthCheckParams = NonNullable<LoadBalancerParams['healthCheck']>;

/** One (target, instance) pair the balancer can send to. */
interface Backend {
  link: Link;
  inst: number;
  weight: number;
  /** The target's registered-instances flags (autoscaling), or null when fixed. */
  registered: Uint8Array | null;
}

/** A load balancer at run time: picks a backend instance per request by its policy. */
export class LoadBalancer extends Node<typeof loadBalancer> {
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
  /** 1 while the health checks consider a backend healthy. */
  healthy = new Uint8Array(0);
  private fails = new Int32Array(0);
  private oks = new Int32Array(0);
  private probeDown = new Uint8Array(0);
  /** Some backend may be ineligible: picks must check. */
  private filtering = false;
  noBackend = 0;
  markedDown = 0;

  constructor(ctx: BuildContext<typeof loadBalancer>) {
    super('load-balancer', ctx);
    this.p = ctx.params;
    this.rng = ctx.rng;
    this.overhead = sampler(this.p.overhead);
    this.instantOverhead = isZero(this.p.overhead);
    this.hForward = ctx.sim.onFrame((f) => this.forward(f), 'overhead');
  }

  override start(): void {
    for (const link of this.out) {
      const t = link.to;
      for (let i = 0; i < t.instances; i++) this.backends.push({ link, inst: i, weight: link.weight, registered: t.registered });
    }
    const n = this.backends.length;
    this.outstanding = new Int32Array(n);
    this.sent = new Float64Array(n);
    this.current = new Float64Array(n);
    this.healthy = new Uint8Array(n).fill(1);
    this.fails = new Int32Array(n);
    this.oks = new Int32Array(n);
    this.probeDown = new Uint8Array(n);
    this.filtering = this.p.healthCheck !== undefined || this.backends.some((b) => b.registered !== null);
    const hc = this.p.healthCheck;
    if (hc) {
      const hProbe = this.sim.onTimer(() => {
        this.probe(hc);
        this.sim.timer(hc.interval, hProbe);
      });
      this.hProbeFail = this.sim.onTimer(() => this.probeFailed(hc));
      this.sim.timer(hc.interval, hProbe);
    }
  }

  private hProbeFail = -1;

  /** Every backend is probed at once: an up instance answers; a down one fails after the probe timeout. */
  private probe(hc: HealthCheckParams): void {
    let anyDown = false;
    for (let j = 0; j < this.backends.length; j++) {
      const b = this.backends[j];
      if (b.registered !== null && !b.registered[b.inst]) continue;
      if (b.link.to.isUp(b.inst)) {
        this.fails[j] = 0;
        if (!this.healthy[j] && ++this.oks[j] >= hc.healthyAfter) this.healthy[j] = 1;
      } else {
        this.probeDown[j] = 1;
        anyDown = true;
      }
    }
    if (anyDown) this.sim.timer(hc.timeout, this.hProbeFail);
  }

  private probeFailed(hc: HealthCheckParams): void {
    for (let j = 0; j < this.backends.length; j++) {
      if (!this.probeDown[j]) continue;
      this.probeDown[j] = 0;
      this.oks[j] = 0;
      if (this.healthy[j] && ++this.fails[j] >= hc.unhealthyAfter) {
        this.healthy[j] = 0;
        this.markedDown++;
      }
    }
  }

  /** The balancer may send to backend j: healthy as far as it knows, and registered. */
  private eligible(j: number): boolean {
    const b = this.backends[j];
    return this.healthy[j] === 1 && (b.registered === null || b.registered[b.inst] === 1);
  }

  /** First eligible backend from j on (cyclically), or -1. */
  private nextEligible(j: number): number {
    const n = this.backends.length;
    for (let k = 0; k < n; k++) {
      const i = (j + k) % n;
      if (this.eligible(i)) return i;
    }
    return -1;
  }

  override receive(f: Frame): void {
    this.arrive(f);
    if (this.instantOverhead) this.forward(f);
    else this.sim.after(this.overhead(this.rng), this.hForward, f);
  }

  private pick(f: Frame): number {
    const j = this.pickAny(f);
    if (!this.filtering || this.eligible(j)) return j;
    const p = this.p.policy;
    if (p === 'round-robin') return (this.rr = this.nextEligible(j));
    if (p === 'least-connections' || p === 'power-of-two') {
      let best = -1;
      for (let i = 0; i < this.backends.length; i++)
        if (this.eligible(i) && (best < 0 || this.outstanding[i] < this.outstanding[best])) best = i;
      return best;
    }
    return this.nextEligible(j);
  }

  private pickAny(f: Frame): number {
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
        let total = 0,
          best = 0;
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
    if (j < 0) {
      if (f.measured) this.noBackend++;
      return this.finish(f, Status.error);
    }
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

  override extraStats(): KindStats<typeof loadBalancer> {
    const total = this.sent.reduce((a, b) => a + b, 0);
    return {
      policy: this.p.policy,
      ...(this.p.healthCheck ? { markedDown: this.markedDown, healthy: this.healthy.reduce((a, b) => a + b, 0) } : {}),
      ...(this.noBackend ? { noBackend: this.noBackend } : {}),
      share: Object.fromEntries(
        this.backends.map((b, j) => [`${b.link.to.id}#${b.inst + 1}`, total ? Math.round((this.sent[j] / total) * 1e4) / 1e4 : 0]),
      ),
    };
  }
}
