/** The api-gateway kind: its parameters, statistics and capabilities (the runtime is src/nodes/api-gateway.ts). */
import { leastOf } from '../engine/distributions.js';
import { defineKind, type KindProblem } from './define.js';

/** One entry point routing requests by path prefix to the services behind it. */
export const apiGateway = defineKind({
  kind: 'api-gateway',
  label: 'API gateway',
  icon: 'api-gateway',
  category: 'edge',
  help:
    'Single entry point: routes each request by its longest matching path prefix to a linked service, after an overhead and ' +
    'optional authentication; unmatched routes get 404 (error).',
  calls: 'sync',
  params: {
    routes: {
      type: 'map',
      label: 'Routes',
      keyPattern: '^/',
      keyLabel: 'route prefix',
      maxEntries: 1000,
      help:
        'Path prefix → id of a linked component, e.g. {/auth: auth, /orders: orders}; the longest matching prefix wins. When ' +
        "absent, each link's own routes filter is used.",
      values: { type: 'string', label: 'Target', help: 'Id of a component this gateway links to.', ref: 'linked' },
    },
    overhead: {
      type: 'dist',
      label: 'Overhead',
      help: 'Time the gateway adds to each request (parsing, routing, TLS termination).',
      default: '1ms',
      examples: ['1ms', 'exp(2ms)'],
    },
    authTime: {
      type: 'dist',
      label: 'Auth time',
      help: 'Time to authenticate a request (verify a token), added to every non-public route.',
      default: 0,
      examples: ['2ms'],
    },
    throttleRate: {
      type: 'rate',
      label: 'Throttle rate',
      help: 'Requests per second the gateway admits in the long run (token bucket); the rest get 429 (throttled). AWS API Gateway default: 10000/s per account and region.',
      default: '10000/s',
      min: 0,
      minExclusive: true,
      max: 1e9,
      examples: ['10000/s', '100/s'],
    },
    throttleBurst: {
      type: 'number',
      integer: true,
      label: 'Throttle burst',
      help: 'Requests the gateway admits at once before the throttle rate applies (the token bucket holds this many; it starts full). AWS default: 5000.',
      default: 5000,
      min: 1,
      max: 1e9,
    },
    publicRoutes: {
      type: 'list',
      label: 'Public routes',
      help: 'Route prefixes that skip authentication (e.g. [/login, /health]).',
      maxItems: 1000,
      items: { type: 'string', label: 'Route', help: 'A route prefix.', pattern: '^/' },
    },
  },
  stats: {
    notFound: { label: 'Not found (404)', unit: 'count', badge: true, help: 'Requests whose route matches no prefix, failed as error.' },
    throttled: {
      label: 'Throttled (429)',
      unit: 'count',
      badge: true,
      help: 'Requests refused with 429 because they came faster than throttleRate allows after throttleBurst.',
    },
    routed: {
      label: 'Requests per route',
      unit: 'count',
      per: 'route prefix',
      help: 'Requests sent on, by the route prefix that matched.',
    },
  },
  check(p, ctx): KindProblem[] {
    if (!ctx.targets.length) return [{ path: [], message: 'an api-gateway needs at least one link to a service it routes to' }];
    const routes = p.routes;
    if (routes && !Object.keys(routes).length) {
      return [
        { path: ['routes'], message: "give at least one route, such as {/orders: orders}, or leave routes out to use the links' routes" },
      ];
    }
    const used = new Set(Object.values(routes ?? {}));
    return routes
      ? ctx.targets
          .filter((t) => !used.has(t))
          .map((t) => ({ path: ['routes'], message: `no route leads to linked component "${t}"; add one such as {/${t}: ${t}}` }))
      : [];
  },
  // each request goes on to the one target its route leads to
  pace: (p) => ({ minMs: leastOf(p.overhead), via: 'one' }),
  docs: `One entry point in front of several services (microservices' edge). A request arriving faster than
\`throttleRate\` allows, once the \`throttleBurst\` is spent (a token bucket, as AWS API Gateway throttles: 10,000
requests/s with a burst of 5,000 by default), is refused at once as **throttled** (429) and counted in \`throttled\`;
admitted requests ≤ throttleBurst + throttleRate × t. Each admitted request pays
\`overhead\`, plus \`authTime\` unless its route is in \`publicRoutes\`, and then goes to the component named
by the **longest matching path prefix** in \`routes\` (prefixes match whole path segments: \`/orders\`
matches \`/orders/7\`, not \`/ordersX\`). A route matching nothing fails as \`error\` — the gateway's 404 —
counted in \`notFound\`. Without \`routes\`, each link's \`routes:\` filter is the table.

In front of a function (API Gateway → Lambda) the gateway is the serverless path's per-request overhead: give
\`overhead\` the latency the gateway and the function's invoke add (tens of ms for a REST API).

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
});
