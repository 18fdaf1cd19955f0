/** The rate-limiter kind: its parameters, statistics and capabilities (the runtime is src/nodes/rate-limiter.ts). */
import { defineKind, type KindProblem } from './define.js';

/** The rate-limiting algorithms. */
export const algorithms = ['token-bucket', 'leaky-bucket', 'fixed-window', 'sliding-window'] as const;

/** Admits requests up to a rate and throttles the rest. */
export const rateLimiter = defineKind({
  kind: 'rate-limiter',
  usesKeys: true,
  label: 'Rate limiter',
  icon: 'rate-limiter',
  category: 'edge',
  help: 'Admits requests up to a rate (token bucket, leaky bucket, fixed or sliding window) and answers the rest 429 throttled.',
  calls: 'sync',
  params: {
    algorithm: {
      type: 'enum',
      label: 'Algorithm',
      values: algorithms,
      default: 'token-bucket',
      help:
        'token-bucket: bursts up to burst, then rate; leaky-bucket: requests queue and leave evenly at rate; fixed-window / ' +
        'sliding-window: at most limit per window.',
    },
    rate: {
      type: 'rate',
      label: 'Rate',
      help: 'Sustained requests per second admitted (per bucket).',
      default: '100/s',
      min: 0,
      minExclusive: true,
      max: 1e7,
      examples: ['100/s', '6000/min'],
    },
    burst: {
      type: 'number',
      label: 'Burst',
      help: 'Token bucket: tokens it holds (it starts full), so this many requests may arrive at once.',
      default: 10,
      min: 1,
      max: 1e9,
    },
    queueSize: {
      type: 'number',
      integer: true,
      label: 'Queue size',
      help: 'Leaky bucket: requests that may wait to leave; beyond this, throttled. 0 = no waiting.',
      default: 10,
      min: 0,
      max: 1e7,
    },
    window: {
      type: 'duration',
      label: 'Window',
      help: 'Fixed and sliding window: the length of a window.',
      default: '1s',
      min: 0,
      minExclusive: true,
    },
    limit: {
      type: 'number',
      integer: true,
      label: 'Limit',
      help: 'Fixed and sliding window: requests admitted per window (default rate × window).',
      min: 1,
      max: 1e9,
    },
    per: {
      type: 'enum',
      label: 'Per',
      help: 'One bucket for all traffic, one per client component, or one per key (e.g. per user or API key).',
      values: ['all', 'client', 'key'],
      default: 'all',
    },
  },
  stats: {
    algorithm: { label: 'Algorithm', unit: 'text', help: 'The algorithm that decided.' },
    admitted: { label: 'Admitted', unit: 'count', help: 'Requests let through (after waiting, for the leaky bucket).' },
    throttled: { label: 'Throttled', unit: 'count', badge: true, help: 'Requests answered at once with throttled (HTTP 429).' },
    throttledRatio: { label: 'Throttled share', unit: 'ratio', help: 'Throttled ÷ (admitted + throttled).' },
    admittedRps: { label: 'Admitted rate', unit: 'rps', help: 'Admitted requests per second over the measured interval.' },
  },
  check(p): KindProblem[] {
    const windowed = p.algorithm === 'fixed-window' || p.algorithm === 'sliding-window';
    return p.limit !== undefined && !windowed
      ? [{ path: ['limit'], message: `limit applies to the window algorithms; ${p.algorithm} uses rate` }]
      : [];
  },
  docs: `Admits requests up to a rate and answers the rest at once with \`throttled\` (HTTP 429); admitted
requests continue over the first link that carries their route (or are answered, if there is none).

- \`token-bucket\`: a bucket of \`burst\` tokens, refilled at \`rate\`; a request takes one or is throttled.
  It starts full, so a burst of \`burst\` passes, then \`rate\` per second.
- \`leaky-bucket\`: requests join a queue of \`queueSize\` and leave evenly, one every 1/\`rate\`
  (the lecture's leaky bucket); a full queue throttles. Smooth output, but queued requests wait.
- \`fixed-window\`: at most \`limit\` (default \`rate\` × \`window\`) per window; the count resets at
  each boundary, so up to 2 × limit can pass around one.
- \`sliding-window\`: the sliding-window counter (as Cloudflare's): the previous window's count,
  weighted by how much of it still overlaps, plus this window's.

\`per: client\` or \`per: key\` keeps one bucket per client component or per key (a user, an API key).

**Teaching point:** a token bucket lets bursts through and then clips to the rate; a leaky bucket
smooths them into an even stream at the cost of waiting.

\`\`\`yaml
limiter: { kind: rate-limiter, algorithm: token-bucket, rate: 100/s, burst: 20 }
\`\`\``,
});
