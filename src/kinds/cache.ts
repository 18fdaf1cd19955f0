/** The cache kind: its parameters, statistics and capabilities (the runtime is src/nodes/cache.ts). */
import { defineKind, type KindParams } from './define.js';

/** A read-through key cache (Redis, Memcached) in front of a slower store. */
export const cache = defineKind({
  kind: 'cache',
  usesKeys: true,
  label: 'Cache',
  icon: 'cache',
  category: 'data',
  help:
    'A read-through key cache (like Redis): hits answer in hitTime, misses read through the linked database and keep the key; ' +
    'capacity and eviction policy decide the hit ratio.',
  calls: 'sync',
  params: {
    capacity: {
      type: 'number',
      integer: true,
      label: 'Capacity',
      help: 'Keys the cache holds; beyond this the policy evicts one.',
      default: 10_000,
      min: 0,
      max: 1e8,
      unit: 'keys',
    },
    policy: {
      type: 'enum',
      label: 'Eviction policy',
      help: 'Which key to evict when full: least recently used, least frequently used, or oldest inserted.',
      values: ['lru', 'lfu', 'fifo'],
      default: 'lru',
    },
    ttl: {
      type: 'duration',
      label: 'TTL',
      help: 'A key expires this long after it was stored (never when absent).',
      min: 0,
      minExclusive: true,
      examples: ['60s', '5m'],
    },
    hitTime: {
      type: 'dist',
      label: 'Hit time',
      help: 'Time of one cache operation (a hit costs this; a miss costs this plus the downstream read).',
      default: '1ms',
      examples: ['0.5ms', 'exp(1ms)'],
    },
    writePolicy: {
      type: 'enum',
      label: 'Write policy',
      values: ['write-through', 'write-around', 'write-back'],
      default: 'write-through',
      help:
        'write-through: write the database, then update the cache; write-around: write the database and drop the cached key; ' +
        'write-back: answer from the cache and write the database only when the key is evicted.',
    },
    hitRatio: {
      type: 'number',
      label: 'Fixed hit ratio',
      help: 'Hit with this probability instead of tracking keys: a quick what-if. Leave empty to let hits follow key popularity.',
      min: 0,
      max: 1,
      advanced: true,
    },
  },
  stats: {
    hitRatio: { label: 'Hit ratio', unit: 'ratio', badge: true, help: 'Share of measured reads answered from the cache.' },
    hits: { label: 'Hits', unit: 'count', help: 'Measured reads answered from the cache.' },
    misses: {
      label: 'Misses',
      unit: 'count',
      help: 'Measured reads sent downstream: keys not held, expired, or the cache down.',
    },
    evictions: { label: 'Evictions', unit: 'count', help: 'Keys evicted by the policy to make room.' },
    expired: { label: 'Expired (TTL)', unit: 'count', help: 'Reads that found their key older than ttl (counted as misses).' },
    writes: { label: 'Writes', unit: 'count', help: 'Measured writes received.' },
    writebacks: { label: 'Write-backs', unit: 'count', help: 'Dirty keys written downstream in the background (write-back).' },
    keysHeld: { label: 'Keys held', unit: 'count', help: 'Keys the cache holds when the run ends.' },
    bypassed: {
      label: 'Bypassed (down)',
      unit: 'count',
      help: 'Measured requests sent straight downstream while the cache was killed (reported once any was).',
    },
  },
  timeline: {
    failures: ['kill', 'restore', 'slow'],
  },
  docs: `A read-through cache in front of a slower store — the course project's "+Redis cache" step.

Every operation costs \`hitTime\`. A **read** of a key the cache holds answers straight away (a hit); a
miss reads through the first linked component (usually a \`database\`) and then stores the key, evicting
one by \`policy\` when full (\`lru\`, \`lfu\` or \`fifo\`, all O(1)). With \`ttl\`, a key older than that
is a miss. **Writes** follow \`writePolicy\`: \`write-through\` writes downstream then updates the cache,
\`write-around\` writes downstream and drops the key, \`write-back\` answers at once and writes the key
downstream only when it is evicted (fast, but a crash would lose it).

Which keys are hot comes from the client's \`keys: {count, skew}\` (Zipf), so the hit ratio *emerges*
from capacity and popularity — LRU matches Che's approximation (see the validation table). For a quick
what-if, \`hitRatio: 0.9\` fixes it instead. Without a downstream link a miss is answered by the cache.

**Failures** (timeline). A killed cache answers nothing itself: the application falls back to the
database, so **every read is a miss that goes downstream** (counted in \`misses\` and \`bypassed\`) and
writes go straight downstream too, with no \`hitTime\` and nothing stored. The whole read load lands on
the database at once — a database sized for the misses alone queues up or rejects (the cache was hiding
how small it is). An in-memory cache loses what it held: after \`restore\` it starts **empty**, so the
misses stay high until it has warmed up again, and write-back keys not yet flushed never reach the
database. \`slow\` multiplies \`hitTime\` by \`factor\`.

**Teaching point:** a small cache absorbs most reads when popularity is skewed; with uniform keys it
needs to hold most of them. A cache outage sends all of that load back to the database.

\`\`\`yaml
components:
  users: { kind: client, rate: 500/s, keys: { count: 100000, skew: 0.9 } }
  redis: { kind: cache, capacity: 10000, policy: lru, hitTime: 1ms }
  db: { kind: database, queryTime: exp(20ms), workers: 16 }
links:
  - { from: users, to: redis }
  - { from: redis, to: db, latency: 1ms }
\`\`\``,
});

/** A cache component's parameters as the runtime receives them. */
export type CacheParams = KindParams<typeof cache>;
