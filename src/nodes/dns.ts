/**
 * dns — name resolution in front of the linked targets. Each end user caches
 * the answer it got for `ttl` (hits do not refresh it); a miss pays
 * `lookupTime` and gets the next target in DNS round-robin order. Requests
 * then go to the cached target, whether or not it is still alive.
 *
 * Frame scratch fields at this kind: `slot` is the target (index into `out`)
 * the request's answer names, set before it waits for a lookup; `step` and
 * `mark` are unused.
 */
import { Node, type BuildContext } from './node.js';
import type { KindParams, KindStats } from '../kinds/define.js';
import type { dns } from '../kinds/dns.js';
import { Status, type Frame } from '../engine/sim.js';
import { sampler, type Sampler } from '../engine/distributions.js';
import { ratio } from '../engine/stats.js';
import type { Rng } from '../engine/random.js';

/** One end user's cached answer. */
interface Answer {
  target: number;
  /** The lookup finishes (requests arriving before wait for it). */
  readyAt: number;
  expiresAt: number;
}

/** A DNS at run time: per-user cached answers, round-robin lookups. */
export class Dns extends Node<typeof dns> {
  readonly p: KindParams<typeof dns>;
  private readonly answers = new Map<number, Answer>();
  private readonly lookup: Sampler;
  private readonly rng: Rng;
  private readonly userRng: Rng;
  private readonly hForward: number;
  private rr = -1;
  hits = 0;
  lookups = 0;
  sent = new Float64Array(0);

  constructor(ctx: BuildContext<typeof dns>) {
    super('dns', ctx);
    this.p = ctx.params;
    this.lookup = sampler(this.p.lookupTime);
    this.rng = ctx.rng;
    this.userRng = ctx.stream('users');
    this.hForward = ctx.sim.onFrame((f) => this.forward(f), 'lookup');
  }

  override start(): void {
    this.sent = new Float64Array(this.out.length);
  }

  override receive(f: Frame): void {
    this.arrive(f);
    if (!this.out.length) return this.finish(f, Status.error);
    const now = this.sim.now,
      users = this.p.users;
    const user = f.client * users + (users > 1 ? Math.floor(this.userRng() * users) : 0);
    let a = this.answers.get(user);
    if (a !== undefined && now < a.expiresAt) {
      if (f.measured) this.hits++;
      f.slot = a.target;
      return now < a.readyAt ? this.sim.at(a.readyAt, this.hForward, f) : this.forward(f);
    }
    if (a === undefined) this.answers.set(user, (a = { target: 0, readyAt: 0, expiresAt: 0 }));
    if (f.measured) this.lookups++;
    const lookup = this.lookup(this.rng);
    a.target = f.slot = this.nextTarget();
    a.readyAt = now + lookup;
    a.expiresAt = now + lookup + this.p.ttl;
    this.sim.after(lookup, this.hForward, f);
  }

  /** DNS round robin; with health checks, records of targets with no live instance are skipped. */
  private nextTarget(): number {
    const n = this.out.length;
    this.rr = (this.rr + 1) % n;
    if (!this.p.healthCheck) return this.rr;
    for (let k = 0; k < n; k++) {
      const j = (this.rr + k) % n;
      if (isAlive(this.out[j].to)) return (this.rr = j);
    }
    return this.rr; // everything is down: answer anyway
  }

  private forward(f: Frame): void {
    if (f.measured) this.sent[f.slot]++;
    this.sim.call(f, this.out[f.slot]);
  }

  override reply(f: Frame, status: Status): void {
    this.finish(f, status);
  }

  override extraStats(): KindStats<typeof dns> {
    const total = this.sent.reduce((a, b) => a + b, 0);
    return {
      hitRatio: ratio(this.hits, this.hits + this.lookups),
      lookups: this.lookups,
      hits: this.hits,
      share: Object.fromEntries(this.out.map((l, j) => [l.to.id, ratio(this.sent[j], total)])),
    };
  }
}

const isAlive = (n: Node): boolean => {
  for (let i = 0; i < n.instances; i++) if (n.isUp(i)) return true;
  return false;
};
