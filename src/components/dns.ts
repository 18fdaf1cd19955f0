/**
 * dns — name resolution in front of the linked targets. Each end user caches
 * the answer it got for `ttl` (hits do not refresh it); a miss pays
 * `lookupTime` and gets the next target in DNS round-robin order. Requests
 * then go to the cached target, whether or not it is still alive.
 */
import { Node, type BuildContext, type KindDef } from './component.js';
import { Status, type Frame } from '../engine/sim.js';
import { sampler, type DistSpec, type Sampler } from '../engine/distributions.js';
import type { Rng } from '../engine/random.js';
import { ratio } from './downstream.js';

export interface DnsParams {
  ttl: number;
  lookupTime: DistSpec;
  users: number;
  healthCheck: boolean;
}

/** One end user's cached answer. */
interface Answer {
  target: number;
  /** The lookup finishes (requests arriving before wait for it). */
  readyAt: number;
  expiresAt: number;
}

export class Dns extends Node {
  readonly p: DnsParams;
  private readonly answers = new Map<number, Answer>();
  private readonly lookup: Sampler;
  private readonly rng: Rng;
  private readonly userRng: Rng;
  private readonly hForward: number;
  private rr = -1;
  hits = 0;
  lookups = 0;
  sent = new Float64Array(0);

  constructor(ctx: BuildContext) {
    super('dns', ctx);
    this.p = ctx.params as unknown as DnsParams;
    this.lookup = sampler(this.p.lookupTime);
    this.rng = ctx.rng;
    this.userRng = ctx.stream('users');
    this.hForward = ctx.sim.onFrame((f) => this.forward(f));
  }

  override start(): void {
    this.sent = new Float64Array(this.out.length);
  }

  override receive(f: Frame): void {
    this.arrive(f);
    if (!this.out.length) return this.finish(f, Status.error);
    const now = this.sim.now, users = this.p.users;
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

  override extraStats(): Record<string, unknown> {
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

export const dns: KindDef = {
  kind: 'dns',
  label: 'DNS',
  icon: 'dns',
  category: 'edge',
  help: 'Name resolution: each user caches the answer for ttl; a lookup costs lookupTime and hands out the linked targets round-robin. Cached answers keep pointing at a target after it dies.',
  calls: 'sync',
  params: {
    ttl: { type: 'duration', label: 'TTL', help: 'How long a user keeps an answer (from when it arrives; using it does not extend it). 0 = look up every time.', default: '60s', min: 0, examples: ['30s', '5m'] },
    lookupTime: { type: 'dist', label: 'Lookup time', help: 'Time of one lookup through the resolver (a cache miss).', default: 'lognormal(20ms, 100ms)', examples: ['20ms', 'lognormal(20ms, 100ms)'] },
    users: { type: 'number', integer: true, label: 'Users per client', help: 'End users each client component stands for, each with its own cached answer; a request comes from one at random.', default: 1, min: 1, max: 1e7 },
    healthCheck: { type: 'boolean', label: 'Health-checked records', help: 'Lookups skip targets with no live instance (DNS failover, as Route 53 health checks). Users holding a cached answer still go to it until it expires.', default: true },
  },
  stats: [
    { key: 'hitRatio', label: 'Cached answers', unit: 'ratio', badge: true },
    { key: 'lookups', label: 'Lookups', unit: 'count' },
  ],
  check: (_p, ctx) => (ctx.targets.length ? [] : [{ path: [], message: 'a dns needs at least one link to a target it resolves to' }]),
  docs: `Name resolution in front of its linked targets (each link is one A record).

A request comes from one of \`users\` end users of its client component. If that user holds an answer
younger than \`ttl\`, the request goes straight to the cached target (a hit; using the answer does not
extend it). Otherwise it pays \`lookupTime\` (default lognormal, median 20 ms) and gets the next target
in **DNS round-robin** order; requests arriving while the lookup is in progress wait for it and share
it. With one Poisson user at rate λ and no lookup time, the hit ratio is λ·ttl / (1 + λ·ttl)
(see the validation table).

With \`healthCheck: true\` (the default, like Route 53 failover records) a lookup skips targets that
have no live instance — but users holding a cached answer keep sending to a dead target until their
TTL runs out.

**Teaching point:** a long TTL saves lookups but slows failover; a short one fails over quickly but
pays lookups.

\`\`\`yaml
components:
  users: { kind: client, rate: 200/s, timeout: 2s }
  dns: { kind: dns, ttl: 30s, users: 1000 }
  web1: { kind: service, workers: 8 }
  web2: { kind: service, workers: 8 }
links:
  - { from: users, to: dns }
  - { from: dns, to: web1, latency: 10ms }
  - { from: dns, to: web2, latency: 10ms }
\`\`\``,
  create: (ctx) => new Dns(ctx),
};
