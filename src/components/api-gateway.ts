/**
 * api-gateway — one entry point routing by the longest matching path prefix
 * to the linked services, after a per-request overhead and an optional
 * authentication step. A request matching no route fails as `error` (404).
 */
import { Node, type BuildContext, type KindDef, type KindProblem } from './component.js';
import { Status, type Frame } from '../engine/sim.js';
import { sampler, type DistSpec, type Sampler } from '../engine/distributions.js';
import { matchesPrefix, type Link } from './link.js';
import type { ResolvedObject } from './params.js';
import type { Rng } from '../engine/random.js';
import { isZero } from './downstream.js';

export interface ApiGatewayParams {
  routes?: Record<string, string>;
  overhead: DistSpec;
  authTime: DistSpec;
  publicRoutes?: string[];
}

interface Entry {
  prefix: string;
  link: number;
}

export class ApiGateway extends Node {
  readonly p: ApiGatewayParams;
  /** Route prefixes, longest first. */
  private table: Entry[] = [];
  /** route → [table entry or -1, needs auth]; routes are few, so each is matched once. */
  private readonly memo = new Map<string, [number, boolean]>();
  private readonly overhead: Sampler;
  private readonly auth: Sampler;
  private readonly instant: boolean;
  private readonly rng: Rng;
  private readonly hForward: number;
  routed = new Float64Array(0);
  notFound = 0;

  constructor(ctx: BuildContext) {
    super('api-gateway', ctx);
    this.p = ctx.params as unknown as ApiGatewayParams;
    this.overhead = sampler(this.p.overhead);
    this.auth = sampler(this.p.authTime);
    this.instant = isZero(this.p.overhead) && isZero(this.p.authTime);
    this.rng = ctx.rng;
    this.hForward = ctx.sim.onFrame((f) => this.forward(f));
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
    const [entry, needsAuth] = this.match(f.route);
    f.slot = entry;
    if (this.instant) return this.forward(f);
    const t = this.overhead(this.rng) + (needsAuth ? this.auth(this.rng) : 0);
    this.sim.after(t, this.hForward, f);
  }

  private forward(f: Frame): void {
    if (f.slot < 0) {
      if (f.measured) this.notFound++;
      return this.finish(f, Status.error); // 404: no route matches
    }
    if (f.measured) this.routed[f.slot]++;
    this.sim.call(f, this.out[this.table[f.slot].link]);
  }

  override reply(f: Frame, status: Status): void {
    this.finish(f, status);
  }

  override extraStats(): Record<string, unknown> {
    const routed: Record<string, number> = {};
    this.table.forEach((e, i) => (routed[e.prefix] = (routed[e.prefix] ?? 0) + this.routed[i]));
    return { routed, notFound: this.notFound };
  }
}

export const apiGateway: KindDef = {
  kind: 'api-gateway',
  label: 'API gateway',
  icon: 'api-gateway',
  category: 'edge',
  help: 'Single entry point: routes each request by its longest matching path prefix to a linked service, after an overhead and optional authentication; unmatched routes get 404 (error).',
  calls: 'sync',
  params: {
    routes: {
      type: 'map', label: 'Routes', keyPattern: '^/', keyLabel: 'route prefix', maxEntries: 1000,
      help: 'Path prefix → id of a linked component, e.g. {/auth: auth, /orders: orders}; the longest matching prefix wins. When absent, each link\'s own routes filter is used.',
      values: { type: 'string', label: 'Target', help: 'Id of a component this gateway links to.', ref: 'linked' },
    },
    overhead: { type: 'dist', label: 'Overhead', help: 'Time the gateway adds to each request (parsing, routing, TLS termination).', default: '1ms', examples: ['1ms', 'exp(2ms)'] },
    authTime: { type: 'dist', label: 'Auth time', help: 'Time to authenticate a request (verify a token), added to every non-public route.', default: 0, examples: ['2ms'] },
    publicRoutes: {
      type: 'list', label: 'Public routes', help: 'Route prefixes that skip authentication (e.g. [/login, /health]).', maxItems: 1000,
      items: { type: 'string', label: 'Route', help: 'A route prefix.', pattern: '^/' },
    },
  },
  stats: [
    { key: 'notFound', label: 'Not found (404)', unit: 'count', badge: true },
    { key: 'routed', label: 'Requests per route', unit: 'count' },
  ],
  check(p: ResolvedObject, ctx): KindProblem[] {
    if (!ctx.targets.length) return [{ path: [], message: 'an api-gateway needs at least one link to a service it routes to' }];
    const routes = p.routes as Record<string, string> | undefined;
    if (routes && !Object.keys(routes).length) return [{ path: ['routes'], message: 'give at least one route, such as {/orders: orders}, or leave routes out to use the links\' routes' }];
    const used = new Set(Object.values(routes ?? {}));
    return routes ? ctx.targets.filter((t) => !used.has(t)).map((t) => ({ path: ['routes'], message: `no route leads to linked component "${t}"; add one such as {/${t}: ${t}}` })) : [];
  },
  docs: `One entry point in front of several services (microservices' edge). Each request pays
\`overhead\`, plus \`authTime\` unless its route is in \`publicRoutes\`, and then goes to the component named
by the **longest matching path prefix** in \`routes\` (prefixes match whole path segments: \`/orders\`
matches \`/orders/7\`, not \`/ordersX\`). A route matching nothing fails as \`error\` — the gateway's 404 —
counted in \`notFound\`. Without \`routes\`, each link's \`routes:\` filter is the table.

**Teaching point:** the gateway decouples clients from the service layout (the AKF scale cube's Y axis)
and centralises authentication, at the price of one more hop on every request.

\`\`\`yaml
components:
  users: { kind: client, rate: 300/s, routes: { /auth/login: 1, /orders: 3, /catalog: 6 } }
  gateway: { kind: api-gateway, routes: { /auth: auth, /orders: orders, /catalog: catalog }, authTime: 2ms, publicRoutes: [/auth, /catalog] }
  auth: { kind: service, workers: 4 }
  orders: { kind: service, workers: 8 }
  catalog: { kind: service, workers: 8 }
links:
  - { from: users, to: gateway }
  - { from: gateway, to: auth }
  - { from: gateway, to: orders }
  - { from: gateway, to: catalog }
\`\`\``,
  create: (ctx) => new ApiGateway(ctx),
};
