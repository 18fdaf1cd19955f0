/**
 * Links: a caller → callee connection with a one-way latency paid in each
 * direction, optional probability, route filter and load-balancer weight (the
 * runtime is src/nodes/parts/link.ts).
 */
import type { Param, ParamsOf } from './params.js';
import { circuitBreakerParam, retriesParam, timeoutParam } from './guard-params.js';

/** A link's parameters: `{from, to, latency, p, routes, operation, weight}` and its call guard. */
export const linkParams = {
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
  operation: {
    type: 'enum',
    label: 'Operation',
    values: ['read', 'write'],
    help:
      'What the call does at the callee: a read or a write (a command handler writes to its store; a projector writes to the ' +
      "read model). Absent: as the request (the client's writeFraction).",
    advanced: true,
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
} as const satisfies Record<string, Param>;

/** A link as resolved: latency a DistSpec, timeout in ms. */
export type LinkSpec = ParamsOf<typeof linkParams>;
