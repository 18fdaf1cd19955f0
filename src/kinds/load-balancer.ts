/** The load-balancer kind: its parameters, statistics and capabilities (the runtime is src/nodes/load-balancer.ts). */
import { leastOf } from '../engine/distributions.js';
import { defineKind } from './define.js';

/** How a load balancer chooses a backend instance. */
export const policies = ['round-robin', 'random', 'least-connections', 'power-of-two', 'key-hash', 'weighted'] as const;
/** One of the load-balancing policies. */
export type Policy = (typeof policies)[number];

/** Spreads requests over the instances of its targets, optionally routing around dead ones. */
export const loadBalancer = defineKind({
  kind: 'load-balancer',
  usesKeys: true,
  label: 'Load balancer',
  icon: 'load-balancer',
  category: 'edge',
  help:
    'Spreads requests over every instance of every linked target by a policy; adds a small overhead per request; optional health ' +
    'checks route around dead instances.',
  docs: `Spreads requests over every instance of every linked target. \`policy\`: round-robin, random,
least-connections (fewest requests it has outstanding), power-of-two (the better of two random picks), key-hash (the
same key always reaches the same instance) or weighted (per-link \`weight\`, smooth weighted round-robin).
\`overhead\` is added to each request.

**Health checks.** Without them a dead instance keeps receiving its share, and every request sent there fails as
**error** — with least-connections it even attracts more, since failures answer fast. With \`healthCheck: {interval,
timeout, unhealthyAfter, healthyAfter}\` every instance is probed each \`interval\`; a dead one fails its probe
after \`timeout\`, and after \`unhealthyAfter\` failures in a row it gets no traffic until \`healthyAfter\` good
probes. Detection takes up to interval × unhealthyAfter + timeout: the errors in between are the price of the probe
settings. Instances an autoscaler has not (yet) registered never get traffic.

\`\`\`yaml
lb:
  kind: load-balancer
  policy: round-robin
  healthCheck: { interval: 5s, timeout: 1s, unhealthyAfter: 2, healthyAfter: 3 }
\`\`\``,
  calls: 'sync',
  params: {
    policy: {
      type: 'enum',
      label: 'Policy',
      values: policies,
      default: 'round-robin',
      help:
        'How a backend instance is chosen: round-robin, random, least-connections (fewest outstanding), power-of-two ' +
        '(better of two random), key-hash (same key, same instance) or weighted (per-link weight).',
    },
    overhead: {
      type: 'dist',
      label: 'Overhead',
      help: 'Time the balancer adds to each request (no capacity limit).',
      default: 0,
      examples: ['0.2ms'],
    },
    healthCheck: {
      type: 'object',
      label: 'Health check',
      optional: true,
      help:
        'Probe every backend instance each interval; after unhealthyAfter failed probes in a row it gets no traffic until ' +
        'healthyAfter good ones. Off when absent: a dead instance keeps getting (and failing) its share. ' +
        'Defaults are AWS ALB-like, with a faster interval.',
      fields: {
        interval: { type: 'duration', label: 'Interval', help: 'Time between probes.', default: '10s', min: 0, minExclusive: true },
        timeout: { type: 'duration', label: 'Timeout', help: 'A probe of a dead instance fails after this long.', default: '2s', min: 0 },
        unhealthyAfter: {
          type: 'number',
          integer: true,
          label: 'Unhealthy after',
          help: 'Failed probes in a row that mark an instance unhealthy.',
          default: 2,
          min: 1,
          max: 100,
        },
        healthyAfter: {
          type: 'number',
          integer: true,
          label: 'Healthy after',
          help: 'Good probes in a row that mark it healthy again.',
          default: 2,
          min: 1,
          max: 100,
        },
      },
    },
  },
  stats: {
    policy: { label: 'Policy', unit: 'text', help: 'The policy that chose the backends.' },
    markedDown: {
      label: 'Marked unhealthy',
      unit: 'count',
      help: 'Times the health checks took a backend instance out of rotation (with healthCheck only).',
    },
    healthy: {
      label: 'Healthy at the end',
      unit: 'count',
      help: 'Backend instances the health checks consider healthy when the run ends (with healthCheck only).',
    },
    noBackend: {
      label: 'No backend',
      unit: 'count',
      help: 'Requests failed as error because no backend instance was eligible (all unhealthy or unregistered); absent when none.',
    },
    share: {
      label: 'Share per backend',
      unit: 'ratio',
      per: 'backend',
      help: 'Share of the requests sent to each backend instance (`<target>#<instance>`).',
    },
  },
  // each request goes on to one backend instance: the balancer completes no more than they do together
  pace: (p) => ({ minMs: leastOf(p.overhead), via: 'one' }),
  check: (_p, ctx) => (ctx.targets.length ? [] : [{ path: [], message: 'a load balancer needs at least one link to a target' }]),
});
