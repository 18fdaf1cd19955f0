/**
 * client — the load generator. Open workloads issue requests at a rate
 * (Poisson or evenly spaced, optionally in phases with ramps); closed workloads
 * run a number of users (JMeter threads, Locust users) that each wait for their
 * response, think, and send again.
 *
 * Frame scratch fields at this kind: none. A client allocates each request's
 * first frame and fills its request fields (`client`, `route`, `key`, `write`,
 * `user`: the closed user, -1 for an open workload); `step`, `slot` and `mark`
 * are left to the guard and the components it calls.
 */
import { Node, type BuildContext, type Setters } from './node.js';
import type { ComponentStats, KindStats } from '../kinds/define.js';
import { isClosed, type client, type ClientParams } from '../kinds/client.js';
import { matchesPrefix, type Link } from './parts/link.js';
import { Frame, Status } from '../engine/sim.js';
import { meanOf, sampler } from '../engine/distributions.js';
import { round, summary3 } from '../engine/stats.js';
import { OpenArrivals } from './parts/workload-open.js';
import { ClosedUsers } from './parts/workload-closed.js';
import { zipf } from '../engine/zipf.js';
import type { Rng } from '../engine/random.js';
import type { Recorder } from '../engine/recorder.js';

/** By route index (`ids[i]` for `names[i]`): 1 where the route matches a `writeRoutes` prefix (a write), else 0. */
function writeRouteFlags(names: readonly string[], ids: Int32Array, prefixes: readonly string[]): Uint8Array {
  const flags = new Uint8Array(Math.max(0, ...ids) + 1);
  names.forEach((name, i) => {
    if (prefixes.some((prefix) => matchesPrefix(name, prefix))) flags[ids[i]] = 1;
  });
  return flags;
}

/** A client: issues the scenario's requests (open or closed workload) and records what they experienced. */
export class Client extends Node<typeof client> {
  private readonly p: ClientParams;
  private readonly recorder: Recorder;
  /** Draw keys only when some component reads them (from the client's own key stream). */
  private readonly keysUsed: boolean;
  private readonly routeRng: Rng;
  private readonly keyRng: Rng;
  private readonly writeRng: Rng;
  private readonly linkRng: Rng;
  private readonly key: (rng: Rng) => number;
  private readonly routeNames: string[];
  /** The recorder's index of each of routeNames, and of each step of a closed `sequence`. */
  private readonly routeIds: Int32Array;
  private readonly sequenceIds: Int32Array;
  private readonly routeCum: Float64Array;
  /** With writeRoutes: whether each route (by the recorder's index) is a write; null: writeFraction decides. */
  private readonly isWriteRoute: Uint8Array | null;
  /** Overall timeout passed with each call (0 when the links' guards time attempts out). */
  private callTimeout = 0;
  private readonly open: OpenArrivals | null = null;
  private readonly users: ClosedUsers | null = null;
  /** No more requests will be issued. */
  finished = false;
  /** The caller of every request this client sends (a frame outside the pool, never released). */
  private readonly caller: Frame;

  constructor(ctx: BuildContext<typeof client>) {
    super('client', ctx);
    const p = (this.p = ctx.params);
    this.recorder = ctx.recorder;
    this.keysUsed = ctx.keysUsed;
    this.routeRng = ctx.stream('routes');
    this.keyRng = ctx.stream('keys');
    this.writeRng = ctx.stream('writes');
    this.linkRng = ctx.stream('links');
    this.caller = new Frame(-1);
    this.caller.at = this;
    this.keyCount = p.keys.count;
    this.key = zipf(p.keys.count, p.keys.skew);
    const routes = p.routes && Object.keys(p.routes).length ? p.routes : { '/': 1 };
    this.routeNames = Object.keys(routes);
    const sequence = isClosed(p) ? (p.sequence ?? []) : [];
    this.sequenceIds = Int32Array.from(sequence, (name) => ctx.recorder.routeId(name));
    // a closed sequence replaces the mix: its routes are the ones reported
    this.routeIds = sequence.length ? new Int32Array(1) : Int32Array.from(this.routeNames, (name) => ctx.recorder.routeId(name));
    // the routes this client sends: its sequence's steps, or its mix
    const [names, ids] = sequence.length ? [sequence, this.sequenceIds] : [this.routeNames, this.routeIds];
    this.isWriteRoute = p.writeRoutes ? writeRouteFlags(names, ids, p.writeRoutes) : null;
    const w = Object.values(routes);
    const total = w.reduce((a, b) => a + b, 0);
    this.routeCum = new Float64Array(w.length);
    let acc = 0;
    w.forEach((x, i) => (this.routeCum[i] = acc += x / total));
    if (isClosed(p)) {
      const send = (u: number, step: number) => (step >= 0 ? this.send(u, sequence[step], this.sequenceIds[step]) : this.sendDrawn(u));
      // closed users are done with their last answer
      const stop = () => this.stopIssuing(ctx.sim.now);
      this.users = new ClosedUsers(p, ctx.sim, ctx.recorder, sampler(p.thinkTime), ctx.stream('think'), send, stop);
    } else {
      const stop = (endMs: number) => this.stopIssuing(endMs);
      this.open = new OpenArrivals(ctx.sim, ctx.stream('arrivals'), p.arrival === 'uniform', () => this.sendDrawn(-1), stop);
    }
  }

  /** No more requests from this client; its work ends at `atMs`. */
  private stopIssuing(atMs: number): void {
    if (this.finished) return;
    this.finished = true;
    this.recorder.clientFinished(atMs);
  }

  override start(): void {
    this.callTimeout = this.p.timeout ?? 0;
    if (this.p.retries.max > 0) {
      for (const l of this.out) l.guardWith({ timeout: this.p.timeout, retries: this.p.retries });
      this.callTimeout = 0;
    }
    this.recorder.clientStarted();
    this.users?.start();
    this.open?.start(this.p.phases, this.p.rate, this.sim.measured.end, this.recorder);
  }

  /** Index in routeNames of a route drawn from the weighted mix. */
  private pickRoute(): number {
    const c = this.routeCum;
    if (c.length === 1) return 0;
    const u = this.routeRng();
    for (let i = 0; i < c.length; i++) if (u < c[i]) return i;
    return c.length - 1;
  }

  /** Issue one request on a route drawn from the mix, for closed user `user` or -1. */
  private sendDrawn(user: number): void {
    const i = this.pickRoute();
    this.send(user, this.routeNames[i], this.routeIds[i]);
  }

  private pickLink(route: string): Link | undefined {
    const out = this.out;
    return out.length === 1 && out[0].routes === undefined ? out[0] : this.pickAmong(route);
  }

  /** Several links, or a route filter: a weighted draw over the links that carry `route`. */
  private pickAmong(route: string): Link | undefined {
    const out = this.out;
    if (out.length === 1) return out[0].carries(route) ? out[0] : undefined;
    let total = 0;
    for (const l of out) if (l.carries(route)) total += l.weight;
    let u = this.linkRng() * total;
    for (const l of out) if (l.carries(route) && (u -= l.weight) < 0) return l;
    return undefined;
  }

  /** Issue one request on `route` (the recorder's `routeId`) now, for closed user `user` or -1 (open workload). */
  private send(user: number, route: string, routeId: number): void {
    const sim = this.sim;
    const f = sim.alloc();
    f.client = this.index;
    f.route = route;
    f.routeId = routeId;
    f.key = this.keysUsed ? this.key(this.keyRng) : 0;
    f.write =
      this.isWriteRoute !== null ? this.isWriteRoute[routeId] === 1 : this.p.writeFraction > 0 && this.writeRng() < this.p.writeFraction;
    f.user = user;
    this.recorder.issue(f);
    if (f.measured) this.arrivals++;
    const link = this.pickLink(route);
    if (link) return sim.send(f, this.caller, link, this.callTimeout);
    this.answered(f, Status.error);
    sim.release(f);
  }

  /** `set` events: an open client's `rate`, from now on (a closed client declares nothing settable). */
  protected override readonly setters: Setters<typeof client> = {
    rate: (rate) => {
      if (!this.finished) this.open?.setRate(rate);
    },
  };

  override receive(): void {
    throw new Error('a client receives no calls');
  }

  /** The answer to request `f` (its first frame, released after this returns). */
  override reply(_caller: Frame, status: Status, f: Frame): void {
    this.answered(f, status);
  }

  private answered(f: Frame, status: Status): void {
    this.recorder.done(f, status);
    if (f.measured) {
      if (status === Status.ok) {
        this.completed++;
        // with a single client its latency is the summary's: don't record twice
        if (this.recorder.clients > 1) this.latency.record(this.sim.now - f.issued);
      } else this.failed++;
    }
    if (f.user >= 0) this.users?.answered(f.user);
  }

  override stats(): ComponentStats {
    const s = super.stats();
    return this.recorder.clients > 1 ? s : { ...s, latencyMs: summary3(this.recorder.total.latency) };
  }

  override extraStats(): KindStats<typeof client> {
    if (!this.users) return { workload: 'open' };
    const p = this.p;
    const thinkMs = round(meanOf(p.thinkTime) / Math.max(1, p.sequence?.length ?? 1), 4);
    // N of the bounds only when it holds for the whole run: phases of different sizes have none
    const counts = new Set(p.phases?.length ? p.phases.map((ph) => ph.users ?? p.users) : [p.users]);
    const users = counts.size === 1 ? [...counts][0] : undefined;
    return users === undefined ? { workload: 'closed', thinkMs } : { workload: 'closed', users, thinkMs };
  }
}
