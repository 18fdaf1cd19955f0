/** The cdn kind: its parameters, statistics and capabilities (the runtime is src/nodes/cdn.ts). */
import { defineKind, type KindParams } from './define.js';

/** An edge cache near the users (CloudFront, Fastly, Cloudflare) in front of an origin. */
export const cdn = defineKind({
  kind: 'cdn',
  usesKeys: true,
  label: 'CDN',
  icon: 'cdn',
  category: 'edge',
  help:
    'An edge cache near the users: fresh objects are served at the edge in hitTime, misses are fetched from the origin ' +
    'over its link and kept for ttl.',
  calls: 'sync',
  params: {
    ttl: {
      type: 'duration',
      label: 'TTL',
      help: 'How long the edge keeps an object before fetching it again (Cache-Control max-age).',
      default: '5m',
      min: 0,
      minExclusive: true,
      examples: ['60s', '1h'],
    },
    capacity: {
      type: 'number',
      integer: true,
      label: 'Capacity',
      help: 'Objects the edge holds; beyond this the least recently used is evicted.',
      default: 100_000,
      min: 0,
      max: 1e8,
      unit: 'objects',
    },
    hitTime: {
      type: 'dist',
      label: 'Hit time',
      help: 'Time the edge takes to serve a cached object.',
      default: '2ms',
      examples: ['2ms', 'exp(3ms)'],
    },
    routes: {
      type: 'list',
      label: 'Cached routes',
      help: 'Route prefixes the CDN caches (e.g. [/static, /images]); other routes pass through to the origin. All routes when absent.',
      maxItems: 1000,
      items: { type: 'string', label: 'Route', help: 'A route prefix.', pattern: '^/' },
    },
    objectSize: {
      type: 'number',
      label: 'Object size',
      help: 'Bytes per object, to report bytes served from the edge instead of the origin.',
      min: 0,
      max: 1e12,
      unit: 'bytes',
      examples: [200000],
    },
  },
  stats: {
    hitRatio: {
      label: 'Hit ratio',
      unit: 'ratio',
      badge: true,
      help: 'Share of measured reads on cached routes served fresh at the edge.',
    },
    hits: { label: 'Hits', unit: 'count', help: 'Measured reads served from a fresh copy at the edge.' },
    misses: {
      label: 'Misses',
      unit: 'count',
      help: 'Measured reads on cached routes with no fresh copy (fetched, or waiting for a fetch in progress).',
    },
    expired: { label: 'Expired (TTL)', unit: 'count', help: 'Misses that found a copy older than ttl.' },
    collapsed: {
      label: 'Collapsed',
      unit: 'count',
      help: 'Misses that waited for a fetch of the same object already in progress instead of asking the origin again.',
    },
    originRequests: { label: 'Origin requests', unit: 'count', help: 'Measured requests the origin saw: fetches plus pass-through.' },
    passThrough: { label: 'Pass-through', unit: 'count', help: 'Measured writes and requests on routes the CDN does not cache.' },
    bytesOffloaded: {
      label: 'Bytes offloaded',
      unit: 'count',
      help: 'Bytes served from the edge instead of the origin (hits and collapsed misses × objectSize; with objectSize).',
    },
    originBytes: { label: 'Origin bytes', unit: 'count', help: 'Bytes fetched from the origin (fetches × objectSize; with objectSize).' },
  },
  check: (_p, ctx) => (ctx.targets.length ? [] : [{ path: [], message: 'a cdn needs a link to its origin' }]),
  docs: `An edge cache close to the users (CloudFront, Fastly, Cloudflare). A read on a route it fronts
(\`routes\`, all by default) is an object named by route and key: if the edge holds a copy younger
than \`ttl\`, it answers in \`hitTime\`; otherwise it fetches from the origin over its link — usually a
long \`latency\`, paid both ways — and keeps the copy (LRU beyond \`capacity\`). Misses for an object
already being fetched wait for that fetch (request collapsing, \`collapsed\`) instead of asking the origin
again. Writes and other routes pass through. Statistics: \`hitRatio\`, \`originRequests\`, and with \`objectSize\` the bytes served
from the edge (\`bytesOffloaded\`) and from the origin.

**Teaching point:** a CDN cuts latency for distant users and offloads the origin; the TTL trades
freshness for hit ratio.

\`\`\`yaml
components:
  users: { kind: client, rate: 500/s, keys: { count: 5000, skew: 1 }, routes: { /static: 0.8, /api: 0.2 } }
  edge: { kind: cdn, routes: [/static], ttl: 10m, objectSize: 150000 }
  origin: { kind: service, workers: 16, serviceTime: exp(20ms) }
links:
  - { from: users, to: edge, latency: 5ms }
  - { from: edge, to: origin, latency: 80ms }
\`\`\``,
});

/** A cdn component's parameters as the runtime receives them. */
export type CdnParams = KindParams<typeof cdn>;
