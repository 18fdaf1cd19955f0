/** The dns kind: its parameters, statistics and capabilities (the runtime is src/nodes/dns.ts). */
import { defineKind } from './define.js';

/** Name resolution with per-user cached answers in front of its targets. */
export const dns = defineKind({
  kind: 'dns',
  label: 'DNS',
  icon: 'dns',
  category: 'edge',
  help:
    'Name resolution: each user caches the answer for ttl; a lookup costs lookupTime and hands out the linked targets round-robin. ' +
    'Cached answers keep pointing at a target after it dies.',
  calls: 'sync',
  params: {
    ttl: {
      type: 'duration',
      label: 'TTL',
      help: 'How long a user keeps an answer (from when it arrives; using it does not extend it). 0 = look up every time.',
      default: '60s',
      min: 0,
      examples: ['30s', '5m'],
    },
    lookupTime: {
      type: 'dist',
      label: 'Lookup time',
      help: 'Time of one lookup through the resolver (a cache miss).',
      default: 'lognormal(20ms, 100ms)',
      examples: ['20ms', 'lognormal(20ms, 100ms)'],
    },
    users: {
      type: 'number',
      integer: true,
      label: 'Users per client',
      help: 'End users each client component stands for, each with its own cached answer; a request comes from one at random.',
      default: 1,
      min: 1,
      max: 1e7,
    },
    healthCheck: {
      type: 'boolean',
      label: 'Health-checked records',
      help:
        'Lookups skip targets with no live instance (DNS failover, as Route 53 health checks). Users holding a cached answer still ' +
        'go to it until it expires.',
      default: true,
    },
  },
  stats: {
    hitRatio: { label: 'Cached answers', unit: 'ratio', badge: true, help: 'Requests that used an answer their user held ÷ all requests.' },
    lookups: { label: 'Lookups', unit: 'count', help: 'Requests that paid a lookup (no answer cached, or it had expired).' },
    hits: { label: 'Cached', unit: 'count', help: 'Requests that used a cached answer.' },
    share: { label: 'Share per target', unit: 'ratio', per: 'target', help: 'Share of the requests sent to each linked target.' },
  },
  // each request goes on to the one target its answer names
  pace: () => ({ via: 'one' }),
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
});
