/**
 * api-gateway — one entry point routing by the longest matching path prefix
 * to the linked services, after a per-request overhead and an optional
 * authentication step. A request matching no route fails as `error` (404); one
 * over the throttle (a token bucket of throttleBurst at throttleRate) is
 * refused at once as `throttled` (429).
 *
 * Frame scratch fields at this kind: `slot` is the routing-table entry (index
 * into `table`) the request's route matched, or NO_ROUTE; `step` and `mark`
 * are unused.
 */
import { Node, type BuildContext } from './node.js';
import type { KindParams, KindStats } from '../kinds/define.js';
import type { apiGateway } from '../kinds/api-gateway.js';
import { Status, type Frame } from '../engine/sim.js';
import { isZero, sampler, type Sampler } from '../engine/distributions.js';
import { matchesPrefix, type Link } from './parts/link.js';
import type { Rng } from '../engine/random.js';
import { TokenBucket } from './parts/token-bucket.js';

/** No route prefix matches (the frame's `slot`): the gateway's 404. */
const NO_ROUTE = -1;

/** A routing-table entry: a route prefix and the index in `out` of the link it leads to (-1: not linked). */
interface Entry {
  prefix: string;
  link: number;
}

/** An API gateway at run time: routes each request by its longest matching prefix. */
export class ApiGateway extends Node<typeof apiGateway> {
  readonly p: KindParams<typeof apiGateway>;
  /** Route prefixes, longest first. */
  private table: Entry[] = [];
  /** route → [table entry or NO_ROUTE, needs auth]; routes are few, so each is matched once. */
  private readonly memo = new Map<string, [number, boolean]>();
  private readonly overhead: Sampler;
  private readonly auth: Sampler;
  private readonly instant: boolean;
  private readonly rng: Rng;
  private readonly hForward: number;
  private readonly throttle: TokenBucket;
  routed = new Float64Array(0);
  notFound = 0;
  throttled = 0;

  constructor(ctx: BuildContext<typeof apiGateway>) {
    super('api-gateway', ctx);
    this.p = ctx.params;
    this.overhead = sampler(this.p.overhead);
    this.auth = sampler(this.p.authTime);
    this.instant = isZero(this.p.overhead) && isZero(this.p.authTime);
    this.rng = ctx.rng;
    this.hForward = ctx.sim.onFrame((f) => this.forward(f), 'overhead');
    this.throttle = new TokenBucket(this.p.throttleRate / 1000, this.p.throttleBurst);
  }

  override start(): void {
    const index = (l: Link) => this.out.indexOf(l);
    // without a routes map, the links' own route filters are the table (no filter: everything)
    this.table = this.p.routes
      ? Object.entries(this.p.routes).map(([prefix, id]) => ({ prefix, link: this.out.findIndex((l) => l.to.id === id) }))
      : this.out.flatMap((l) => (l.routes ?? ['/']).map((prefix) => ({ prefix, link: index(l) })));
    this.table.sort((a, b) => b.prefix.length - a.prefix.length);
    this.routed = new Float64Array(this.table.length);
  }

  private match(route: string): [number, boolean] {
    let m = this.memo.get(route);
    if (m === undefined) {
      const entry = this.table.findIndex((e) => e.link >= 0 && matchesPrefix(route, e.prefix));
      const open = this.p.publicRoutes?.some((r) => matchesPrefix(route, r)) ?? false;
      this.memo.set(route, (m = [entry, !open]));
    }
    return m;
  }

  override receive(f: Frame): void {
    this.arrive(f);
    if (!this.throttle.take(this.sim.now)) {
      if (f.measured) this.throttled++;
      return this.finish(f, Status.throttled);
    }
    const [entry, needsAuth] = this.match(f.route);
    f.slot = entry;
    if (this.instant) return this.forward(f);
    const t = this.overhead(this.rng) + (needsAuth ? this.auth(this.rng) : 0);
    this.sim.after(t, this.hForward, f);
  }

  private forward(f: Frame): void {
    if (f.slot === NO_ROUTE) {
      if (f.measured) this.notFound++;
      return this.finish(f, Status.error); // 404: no route matches
    }
    if (f.measured) this.routed[f.slot]++;
    this.sim.call(f, this.out[this.table[f.slot].link]);
  }

  override reply(f: Frame, status: Status): void {
    this.finish(f, status);
  }

  override extraStats(): KindStats<typeof apiGateway> {
    const routed: Record<string, number> = {};
    this.table.forEach((e, i) => (routed[e.prefix] = (routed[e.prefix] ?? 0) + this.routed[i]));
    return { routed, notFound: this.notFound, throttled: this.throttled };
  }
}
