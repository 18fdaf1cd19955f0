/** The database kind: its parameters, statistics and capabilities (the runtime is src/nodes/database.ts). */
import { leastOf, meanOf } from '../engine/distributions.js';
import { defineKind, type KindParams } from './define.js';

/** A database server, or a sharded, replicated fleet of them, behind a connection pool or a connect cost. */
export const database = defineKind({
  kind: 'database',
  usesKeys: true,
  label: 'Database',
  icon: 'database',
  category: 'data',
  help:
    'A database: workers run queries per server; a connection pool (or a connect cost per request), read replicas with ' +
    'replication lag, and shards picked by key.',
  calls: 'none',
  params: {
    workers: {
      type: 'number',
      integer: true,
      label: 'Workers',
      help: 'Queries one server (the primary or a replica of a shard) runs at once.',
      default: 16,
      min: 1,
      max: 100000,
    },
    queryTime: {
      type: 'dist',
      label: 'Query time',
      help: 'Time of one read query on a worker.',
      default: 'exp(10ms)',
      examples: ['exp(20ms)', '5ms'],
    },
    writeTime: {
      type: 'dist',
      label: 'Write time',
      help: 'Time of one write on the primary (the query time when absent).',
      examples: ['exp(15ms)'],
    },
    queueCapacity: {
      type: 'number',
      integer: true,
      label: 'Queue capacity',
      help: 'Queries waiting per server for a worker; beyond this, rejected.',
      default: 10000,
      min: 0,
      max: 1000000,
      advanced: true,
    },
    connectTime: {
      type: 'dist',
      label: 'Connect time',
      help: 'Without a pool, each request first opens a connection (TCP, TLS, authentication) and pays this.',
      default: '20ms',
      examples: ['20ms', 'lognormal(15ms, 60ms)'],
    },
    pool: {
      type: 'object',
      label: 'Connection pool',
      help: 'Reuse open connections: a request holds one for its query and waits when none is free. No pool when size is absent.',
      fields: {
        size: {
          type: 'number',
          integer: true,
          label: 'Pool size',
          help: 'Open connections shared by the callers.',
          min: 1,
          max: 100000,
          examples: [10],
        },
        acquireTimeout: {
          type: 'duration',
          label: 'Acquire timeout',
          help: 'A request waiting this long for a connection fails as timeout.',
          default: '30s',
          min: 0,
          minExclusive: true,
        },
      },
    },
    replicas: {
      type: 'number',
      integer: true,
      label: 'Read replicas',
      help: 'Read-only copies of each shard; writes go to the primary.',
      default: 0,
      min: 0,
      max: 100,
    },
    readFrom: {
      type: 'enum',
      label: 'Read from',
      help: 'Where reads go: spread over primary and replicas (any), replicas only, or the primary only.',
      values: ['any', 'replicas', 'primary'],
      default: 'any',
    },
    replicationLag: {
      type: 'dist',
      label: 'Replication lag',
      help: 'Time until a write on the primary reaches a replica (asynchronous replication).',
      default: 'exp(50ms)',
      examples: ['100ms', 'exp(1s)'],
    },
    shards: {
      type: 'number',
      integer: true,
      label: 'Shards',
      help: "Partitions of the data; a request's key picks its shard.",
      default: 1,
      min: 1,
      max: 1000,
    },
    partition: {
      type: 'enum',
      label: 'Partitioning',
      help: 'hash spreads keys evenly; range gives each shard a contiguous run of keys (popular keys crowd one shard).',
      values: ['hash', 'range'],
      default: 'hash',
    },
    restartTime: {
      type: 'duration',
      label: 'Restart time',
      help: 'How long a crashed server (a crash event) stays down before it takes queries again.',
      default: '10s',
      min: 0,
      advanced: true,
    },
    keySpace: {
      type: 'number',
      integer: true,
      label: 'Key space',
      help: 'Range partitioning splits keys 0..keySpace−1 evenly (default: the largest key count of the clients upstream).',
      min: 1,
      max: 1e9,
      advanced: true,
    },
    costPerHour: {
      type: 'number',
      label: 'Cost per hour',
      unit: 'USD/h',
      help: 'Price of one server (primary or replica, per shard) per hour (0: ignore; e.g. 0.136 for an AWS RDS db.m5.large).',
      default: 0,
      min: 0,
      max: 10000,
      advanced: true,
    },
    projectionOf: {
      type: 'string',
      label: 'Projection of',
      help:
        'CQRS: the id of the database whose writes this one is the read model of (a projector applies them here, through a ' +
        'queue). A read that comes before the latest write to its key has been applied here is stale.',
      examples: ['orders-db'],
      advanced: true,
    },
  },
  stats: {
    utilization: { label: 'Utilisation', unit: 'ratio', badge: true, help: 'Busy workers ÷ workers of every server, time-averaged.' },
    poolWaitMs: {
      label: 'Pool wait (mean)',
      unit: 'summary-ms',
      badge: true,
      help: 'Time a request waited for a free connection (with a pool only).',
    },
    poolUtilization: { label: 'Pool in use', unit: 'ratio', help: 'Connections in use ÷ pool size, time-averaged (with a pool only).' },
    poolTimeouts: {
      label: 'Pool timeouts',
      unit: 'count',
      help: 'Requests that waited acquireTimeout for a connection and failed as timeout (with a pool only).',
    },
    rejected: { label: 'Rejected', unit: 'count', help: 'Queries turned away because their server’s queue was full (queueCapacity).' },
    refused: {
      label: 'Refused (server down)',
      unit: 'count',
      help: 'Queries failed as error because their server was down (killed or crashed); absent when no server went down.',
    },
    crashes: { label: 'Crashes', unit: 'count', help: 'Server crashes (crash events); absent when no server went down.' },
    connections: { label: 'Connections', unit: 'text', help: 'How requests connect: "pool" or "per request" (each pays connectTime).' },
    reads: { label: 'Reads', unit: 'count', help: 'Read queries started (on the primary or a replica).' },
    writes: { label: 'Writes', unit: 'count', help: 'Writes started on the primary.' },
    replicaReads: { label: 'Replica reads', unit: 'count', help: 'Reads a replica served (with replicas only).' },
    staleReads: {
      label: 'Stale reads',
      unit: 'count',
      help:
        'Reads served before the latest write to their key had reached the server: a replica behind the primary, or a ' +
        'projection behind its store (a read-your-writes miss for whoever made that write). With replicas or projectionOf only.',
    },
    staleReadRatio: {
      label: 'Stale read ratio',
      unit: 'ratio',
      help: 'Stale reads ÷ the reads that could be stale (replica reads, or every read of a projection).',
    },
    projectionLagMs: {
      label: 'Projection lag',
      unit: 'summary-ms',
      help: 'From a write committing at the store to the projector applying it here (with projectionOf only): how eventual the consistency is.',
    },
    cost: { label: 'Cost', unit: 'cost', help: 'Every server at costPerHour, and per month (reported when costPerHour is set).' },
    shardUtilization: {
      label: 'Utilisation per shard',
      unit: 'ratio',
      per: 'shard',
      indexed: true,
      help: 'Busy workers ÷ workers of each shard’s servers, time-averaged, in shard order (with shards only).',
    },
    shardRequests: {
      label: 'Requests per shard',
      unit: 'count',
      per: 'shard',
      indexed: true,
      help: 'Requests that reached each shard, in shard order (with shards only).',
    },
  },
  instances: (p) => p.shards * (1 + p.replicas),
  timeline: { failures: ['kill', 'crash', 'restore', 'slow'] },
  // every server (the primary and each replica of each shard) runs `workers` queries at once
  pace: (p) => {
    const mean = Math.min(meanOf(p.queryTime), meanOf(p.writeTime ?? p.queryTime));
    const servers = p.shards * (1 + p.replicas);
    const connections = p.pool.size ?? Infinity;
    const least = Math.min(leastOf(p.queryTime), leastOf(p.writeTime ?? p.queryTime));
    return {
      maxRps: mean > 0 ? (Math.min(servers * p.workers, connections) * 1000) / mean : Infinity,
      minMs: least + (p.pool.size === undefined ? leastOf(p.connectTime) : 0),
    };
  },
  check(p, ctx) {
    if (p.readFrom === 'replicas' && p.replicas === 0) return [{ path: ['readFrom'], message: 'readFrom: replicas needs replicas ≥ 1' }];
    const of = p.projectionOf;
    if (of !== undefined && (of === ctx.id || ctx.kindOf(of) !== 'database'))
      return [
        {
          path: ['projectionOf'],
          message: of === ctx.id ? 'a database cannot be a projection of itself' : `expected the id of another database, got "${of}"`,
        },
      ];
    return [];
  },
  docs: `A database server — or a sharded, replicated fleet of them. Each server (the primary, or a replica,
of each shard) runs \`workers\` queries at once; others wait FIFO (\`queueCapacity\`, then \`rejected\`).
A read takes \`queryTime\`, a write \`writeTime\`.

**Connections.** Without \`pool\`, every request first opens a connection and pays \`connectTime\`
(default 20 ms). With \`pool: {size, acquireTimeout}\` a request borrows one of \`size\` open connections
for its query; when none is free it waits (\`poolWaitMs\`, an M/M/c queue — see the validation table) or
fails as \`timeout\` after \`acquireTimeout\`. This is the course project's *Base → +pool* step.

**Read replicas.** \`replicas: N\` adds N read-only copies; writes go to the primary, reads to
\`readFrom: any | replicas | primary\`. A write reaches each replica after \`replicationLag\`;
\`staleReads\` counts reads a replica served before the latest write to that key had arrived.

**CQRS read models.** \`projectionOf: store\` makes this database the read model of another one: commands write to
the store, a queue carries each change to a projector that writes it here (links with \`operation: write\`), and queries
read here. A read of a key whose latest committed write has not been applied here yet is **stale** (\`staleReads\`, a
read-your-writes miss for its writer), and \`projectionLagMs\` is how long changes take to arrive.

**Shards.** \`shards: N\` splits the data; the request's key picks the shard by \`partition: hash\`
(even spread) or \`range\` (contiguous key ranges — with Zipf popularity the first shard runs hot).
\`shardUtilization\` shows each shard.

**Failures** (timeline). Its instances are its servers, numbered shard by shard, the primary first: with 2 replicas,
instance 1 is the first shard's primary, 2 and 3 its replicas, 4 the second shard's primary. A server that goes down — \`kill\` until \`restore\`,
\`crash\` for \`restartTime\` — fails every query it holds (waiting or running) as **error**, and refuses the queries routed to
it as error until it is back: reads are not moved to another replica, writes to a down primary fail. \`slow\` multiplies the
server's query and write times by its factor (queries already running keep theirs).

**Teaching point:** pooling removes a fixed cost from every request; replicas scale reads but may
return stale data; sharding scales writes only as far as the hottest shard allows.

\`\`\`yaml
db:
  kind: database
  workers: 16
  queryTime: exp(10ms)
  writeTime: exp(15ms)
  pool: { size: 10, acquireTimeout: 1s }
  replicas: 2
  replicationLag: exp(100ms)
\`\`\``,
});

/** A database's parameters as its runtime receives them. */
export type DatabaseParams = KindParams<typeof database>;
