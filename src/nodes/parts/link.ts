/**
 * Links: a caller → callee connection with a one-way latency paid in each
 * direction, optional probability, route filter and load-balancer weight.
 */
import { isZero, sampler } from '../../engine/distributions.js';
import type { Rng } from '../../engine/random.js';
import type { LinkSpec } from '../../kinds/link.js';
import type { GuardParams } from '../../kinds/guard-params.js';
import type { Node } from '../node.js';
import { Guard, needsGuard } from './guard.js';

/** A link at run time: its latency draws, route filter and guard. */
export class Link {
  readonly from: Node;
  readonly to: Node;
  readonly p: number;
  readonly weight: number;
  readonly routes: string[] | undefined;
  /** Calls over this link are writes (true) or reads (false); undefined: as the request. */
  readonly write: boolean | undefined;
  /** True when latency is constant 0: calls are delivered without an event. */
  readonly instant: boolean;
  /** Timeouts, retries and circuit breaker of calls over this link (null: plain calls). */
  guard: Guard | null = null;
  private readonly draw: (rng: Rng) => number;

  /** @param guardRng draws of the guard (retry jitter); the latency stream when absent */
  constructor(
    readonly index: number,
    readonly spec: LinkSpec,
    from: Node,
    to: Node,
    private readonly rng: Rng,
    private readonly guardRng: Rng = rng,
  ) {
    this.from = from;
    this.to = to;
    this.p = spec.p;
    this.weight = spec.weight;
    this.routes = spec.routes?.length ? spec.routes : undefined;
    this.write = spec.operation === undefined ? undefined : spec.operation === 'write';
    this.instant = isZero(spec.latency);
    this.draw = sampler(spec.latency);
    if (needsGuard(spec)) this.guard = new Guard(this, from.sim, guardRng, spec);
  }

  /**
   * Give calls over this link the caller's own timeout and retries where the
   * link sets none (a client's `timeout` and `retries`).
   */
  guardWith(defaults: GuardParams): void {
    const s = this.spec;
    const p: GuardParams = {
      timeout: s.timeout ?? defaults.timeout,
      retries: (s.retries?.max ?? 0) > 0 ? s.retries : defaults.retries,
      circuitBreaker: s.circuitBreaker,
    };
    if (needsGuard(p)) this.guard = new Guard(this, this.from.sim, this.guardRng, p);
  }

  latency(): number {
    return this.instant ? 0 : this.draw(this.rng);
  }

  /** Whether a request on `route` is sent over this link (route filter only). */
  carries(route: string): boolean {
    const r = this.routes;
    if (!r) return true;
    for (let i = 0; i < r.length; i++) if (matchesPrefix(route, r[i])) return true;
    return false;
  }
}

/** Path-prefix match on segment boundaries: /orders matches /orders and /orders/1, not /ordersX. */
export function matchesPrefix(route: string, prefix: string): boolean {
  if (prefix === '/') return true;
  if (!route.startsWith(prefix)) return false;
  return route.length === prefix.length || route[prefix.length] === '/' || prefix.endsWith('/');
}

/**
 * The next of `out` from index `from` that request `f` calls: its route passes the
 * link's filter and the link's probability `p` comes up. -1 when none is left.
 */
export function nextLink(out: readonly Link[], from: number, route: string, rng: () => number): number {
  for (let i = from; i < out.length; i++) {
    const l = out[i];
    if (l.carries(route) && (l.p >= 1 || rng() < l.p)) return i;
  }
  return -1;
}

/** The first outgoing link that carries `route`, or undefined (a kind's single downstream). */
export function downstream(out: readonly Link[], route: string): Link | undefined {
  for (let i = 0; i < out.length; i++) if (out[i].carries(route)) return out[i];
  return undefined;
}
