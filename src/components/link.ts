/**
 * Links: a caller → callee connection with a one-way latency paid in each
 * direction, optional probability, route filter and load-balancer weight.
 */
import type { Param } from './params.js';
import type { DistSpec } from '../engine/distributions.js';
import { sampler } from '../engine/distributions.js';
import type { Rng } from '../engine/random.js';
import type { Node } from './component.js';
import { isZero } from './downstream.js';
import { circuitBreakerParam, Guard, needsGuard, retriesParam, timeoutParam, type GuardParams } from './calls.js';

export const linkParams: Record<string, Param> = {
  from: { type: 'string', label: 'From', help: 'Id of the calling component.', required: true },
  to: { type: 'string', label: 'To', help: 'Id of the called component.', required: true },
  latency: {
    type: 'dist',
    label: 'Latency',
    help: 'One-way network latency, paid on the way there and again on the way back.',
    default: 0,
    examples: ['1ms', 'uniform(1ms, 3ms)', '80ms'],
  },
  p: {
    type: 'number',
    label: 'Probability',
    help: 'The caller makes this call only with this probability (per request).',
    default: 1,
    min: 0,
    max: 1,
  },
  routes: {
    type: 'list',
    label: 'Routes',
    help: 'Make this call only for requests on these routes (path prefixes); all routes when absent.',
    items: { type: 'string', label: 'Route', help: 'A route path such as /checkout.', pattern: '^/' },
    maxItems: 1000,
  },
  weight: {
    type: 'number',
    label: 'Weight',
    help: 'Share of traffic for a weighted load balancer or a client with several links.',
    default: 1,
    min: 0,
    max: 1e6,
  },
  timeout: timeoutParam,
  retries: retriesParam,
  circuitBreaker: circuitBreakerParam,
};

export interface LinkSpec {
  from: string;
  to: string;
  latency: DistSpec;
  p: number;
  routes?: string[];
  weight: number;
  timeout?: number;
  retries?: GuardParams['retries'];
  circuitBreaker?: GuardParams['circuitBreaker'];
  [extra: string]: unknown;
}

export class Link {
  readonly from: Node;
  readonly to: Node;
  readonly p: number;
  readonly weight: number;
  readonly routes: string[] | undefined;
  /** True when latency is constant 0: calls are delivered without an event. */
  readonly instant: boolean;
  /** Timeouts, retries and circuit breaker of calls over this link (null: plain calls). */
  guard: Guard | null = null;
  private readonly draw: (rng: Rng) => number;

  /** @param guardRng draws of the guard (retry jitter); the latency stream when absent */
  constructor(readonly index: number, readonly spec: LinkSpec, from: Node, to: Node, private readonly rng: Rng, private readonly guardRng: Rng = rng) {
    this.from = from;
    this.to = to;
    this.p = spec.p;
    this.weight = spec.weight;
    this.routes = spec.routes && spec.routes.length ? spec.routes : undefined;
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
