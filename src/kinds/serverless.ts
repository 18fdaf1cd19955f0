/** The serverless kind: its parameters, statistics and capabilities (the runtime is src/nodes/serverless.ts). */
import type { DistSpec } from '../engine/distributions.js';
import { defineKind, type KindParams } from './define.js';

/** Language runtimes a function can use; each has its own default cold start. */
export const runtimes = ['nodejs', 'python', 'java', 'go', 'dotnet', 'ruby'] as const;
export type Runtime = (typeof runtimes)[number];

/**
 * Cold-start (init) time per runtime when `coldStart` is not given: lognormal
 * with these medians — in line with published measurements of a minimal
 * function (e.g. the daily Lambda cold-start benchmark at maxday.github.io/lambda-perf:
 * Node.js ≈ 140 ms, Python ≈ 85 ms, Java ≈ 240 ms without SnapStart) — and a
 * 99th percentile about 2.5× the median. Real functions with dependencies start slower.
 */
export const COLD_START: Record<Runtime, DistSpec> = {
  nodejs: { dist: 'lognormal', median: 140, p99: 350 },
  python: { dist: 'lognormal', median: 85, p99: 220 },
  java: { dist: 'lognormal', median: 240, p99: 650 },
  go: { dist: 'lognormal', median: 60, p99: 150 },
  dotnet: { dist: 'lognormal', median: 220, p99: 600 },
  ruby: { dist: 'lognormal', median: 130, p99: 330 },
};

/** A function as a service (AWS Lambda-like): instances on demand with cold starts, up to a concurrency limit. */
export const serverless = defineKind({
  kind: 'serverless',
  label: 'Serverless function',
  icon: 'serverless',
  category: 'compute',
  help:
    'A function (AWS Lambda-like): one request per instance, new instances on demand (cold start) up to a concurrency limit, ' +
    'idle ones reclaimed, billed per request and per GB-second.',
  docs: `A function as a service (AWS Lambda, Google Cloud Functions). Each instance runs **one request at a time**. A request
that finds no idle instance starts a new one and pays a **cold start** (\`coldStart\`, or the default for \`runtime\`) before
its \`serviceTime\`; at most \`concurrency\` requests run at once, and beyond that a request is **throttled** (HTTP 429) — or
waits FIFO with \`queue: true\`. New instances come at a **scaling rate**: an initial \`burst\`, then \`scaleRate\` more
(a token bucket per new instance, as AWS Lambda scales: a burst of 500–3,000 by region, then 500 a minute), so instances
created by time t ≤ burst + scaleRate × t; a request that finds no idle instance when none may be created is throttled
(or, with \`queue: true\`, waits for an instance to free up or the next one the rate allows); \`scaleLimited\` counts
them. An instance idle for \`idleTimeout\` (default 10 min) is reclaimed, so the next request after a quiet spell is cold
again; \`provisioned: N\` instances are always warm (and billed for it). An invocation running past
\`maxDuration\` is killed and fails as **timeout** (counted in \`timedOut\`; billed up to the kill). After its own work
the function calls its links in order and waits (billed meanwhile).

Default cold starts (lognormal, median / p99): Node.js 140 / 350 ms, Python 85 / 220 ms, Java 240 / 650 ms, Go 60 / 150 ms,
.NET 220 / 600 ms, Ruby 130 / 330 ms — medians in line with published measurements of minimal functions (e.g.
maxday.github.io/lambda-perf); real functions with dependencies start slower.

**Cost** (AWS x86 list prices, us-east-1): \`pricePerMillion\` ($0.20) per invocation plus \`pricePerGbSecond\`
($0.0000166667) × \`memoryMb\`/1024 × billed duration (1 ms steps, init included), plus provisioned instances × GB × time ×
\`provisionedPricePerGbSecond\`. The **free tier** (\`freeRequests\`, 1M, and \`freeGbSeconds\`, 400,000 GB-s, a month) is
**pro-rated to the simulated time**: a run of T is given T ÷ one month (730 h) of each allowance, and only usage above it is
billed — so the cost is zero below the free tier and linear above it, and the cost per month (the run's cost at the same
rate for 730 h) is the monthly usage less the whole free tier. Provisioned capacity has no free tier. Set both to 0 to leave
the free tier out (e.g. when other functions in the account use it up). Statistics: \`coldStarts\`, \`coldStartRatio\`,
\`throttled\`, \`scaleLimited\`, \`peakInstances\`, \`cost: {run, perMonth}\`; \`series.instances.<id>\` is the number of live instances over time.

**Failures** (timeline): \`kill\` takes the whole function down (a regional outage): every invocation it holds — running,
waiting in its queue or blocked on a call — fails as **error**, its instances are gone, and new invocations are refused as
error (\`refused\`) until a \`restore\` event; after it, every instance starts cold again (provisioned ones warm).
\`slow\` multiplies the function's own time (cold start and handler) by \`factor\`. \`set concurrency\` changes the limit.

Teaching points: cold starts hit the first requests and every request after an idle gap longer than idleTimeout
(probability e^(−λ·idleTimeout) for Poisson traffic at rate λ); concurrency is a hard wall (Erlang B loss, not queueing); at
steady high load an always-on server is cheaper, at low or spiky load the function is.

\`\`\`yaml
fn:
  kind: serverless
  runtime: python
  serviceTime: exp(20ms)
  memoryMb: 512
  concurrency: 100
\`\`\``,
  calls: 'sync',
  params: {
    runtime: {
      type: 'enum',
      label: 'Runtime',
      help: 'Language runtime; picks the default cold-start time.',
      values: runtimes,
      default: 'nodejs',
    },
    coldStart: {
      type: 'dist',
      label: 'Cold start',
      help: "Init time of a new instance; the runtime's default when absent.",
      examples: ['lognormal(300ms, 1s)', '150ms'],
    },
    serviceTime: {
      type: 'dist',
      label: 'Service time',
      help: 'Handler time of one request on a warm instance, before downstream calls.',
      default: 'exp(10ms)',
      examples: ['exp(20ms)', '50ms'],
    },
    concurrency: {
      type: 'number',
      integer: true,
      label: 'Concurrency',
      help: 'Most requests running at once (the account or reserved concurrency limit).',
      default: 1000,
      min: 1,
      max: 1e6,
    },
    queue: {
      type: 'boolean',
      label: 'Queue',
      help: 'Requests over the concurrency limit wait FIFO (asynchronous invocation) instead of being throttled.',
      default: false,
    },
    idleTimeout: {
      type: 'duration',
      label: 'Idle timeout',
      help: 'An instance idle this long is reclaimed; the next request needs a cold start.',
      default: '10m',
      min: 0,
    },
    provisioned: {
      type: 'number',
      integer: true,
      label: 'Provisioned',
      help: 'Instances kept warm at all times (provisioned concurrency), billed whether used or not.',
      default: 0,
      min: 0,
      max: 1e5,
    },
    maxDuration: {
      type: 'duration',
      label: 'Max duration',
      help: 'An invocation running longer is killed and fails as timeout (Lambda allows up to 15 min).',
      default: '15m',
      min: 0,
      minExclusive: true,
    },
    burst: {
      type: 'number',
      integer: true,
      label: 'Scaling burst',
      help: 'Instances that may be created at once before the scaling rate applies (AWS: 500–3,000 by region).',
      default: 1000,
      min: 1,
      max: 1e6,
      advanced: true,
    },
    scaleRate: {
      type: 'rate',
      label: 'Scaling rate',
      help: 'New instances per second (or per minute: 500/min) after the burst is spent (AWS Lambda: 500 a minute).',
      default: '500/min',
      min: 0,
      minExclusive: true,
      max: 1e7,
      examples: ['500/min', '100/s'],
      advanced: true,
    },
    memoryMb: {
      type: 'number',
      integer: true,
      label: 'Memory',
      unit: 'MB',
      help: 'Memory per instance; sets the GB-second price (service times are taken as given at this size).',
      default: 128,
      min: 128,
      max: 10240,
    },
    pricePerMillion: {
      type: 'number',
      label: 'Price per million',
      unit: 'USD',
      help: 'Price per million invocations (AWS Lambda x86, us-east-1).',
      default: 0.2,
      min: 0,
      advanced: true,
    },
    pricePerGbSecond: {
      type: 'number',
      label: 'Price per GB-s',
      unit: 'USD',
      help: 'Price per GB-second of billed duration (AWS Lambda x86, us-east-1).',
      default: 0.0000166667,
      min: 0,
      advanced: true,
    },
    freeRequests: {
      type: 'number',
      integer: true,
      label: 'Free requests a month',
      help: 'Invocations a month not billed (AWS free tier: 1,000,000), pro-rated to the simulated time.',
      default: 1_000_000,
      min: 0,
      advanced: true,
    },
    freeGbSeconds: {
      type: 'number',
      label: 'Free GB-s a month',
      help: 'GB-seconds a month not billed (AWS free tier: 400,000), pro-rated to the simulated time.',
      default: 400_000,
      min: 0,
      advanced: true,
    },
    provisionedPricePerGbSecond: {
      type: 'number',
      label: 'Provisioned price per GB-s',
      unit: 'USD',
      help: 'Price per GB-second of provisioned (always-warm) capacity (AWS Lambda x86, us-east-1).',
      default: 0.0000041667,
      min: 0,
      advanced: true,
    },
  },
  stats: {
    coldStartRatio: {
      label: 'Cold-start ratio',
      unit: 'ratio',
      badge: true,
      help: 'Share of measured invocations that started a new instance and paid its cold start.',
    },
    invocations: { label: 'Invocations', unit: 'count', help: 'Measured invocations that got an instance (not throttled).' },
    coldStarts: { label: 'Cold starts', unit: 'count', help: 'Measured invocations that paid a cold start.' },
    coldStartMs: { label: 'Cold-start time', unit: 'summary-ms', help: 'Init time of the cold starts measured.' },
    throttled: {
      label: 'Throttled',
      unit: 'count',
      help: 'Measured requests refused (429): concurrency was reached, or the scaling rate allowed no new instance.',
    },
    timedOut: {
      label: 'Killed at max duration',
      unit: 'count',
      help: 'Measured invocations killed for running past maxDuration (failed as timeout).',
    },
    scaleLimited: {
      label: 'Scaling-limited',
      unit: 'count',
      help: 'Measured requests that found no idle instance when the scaling rate allowed no new one (throttled, or waited with queue).',
    },
    instances: { label: 'Instances at end', unit: 'count', help: 'Live instances (warm or busy) when the run ended.' },
    peakInstances: { label: 'Peak instances', unit: 'count', help: 'Most instances alive at once.' },
    billedGbSeconds: {
      label: 'Billed GB-seconds',
      unit: 'count',
      help: 'Billed duration × memory, in GB-seconds (1 ms steps, init included).',
    },
    cost: {
      label: 'Cost',
      unit: 'cost',
      help: 'Invocations and GB-seconds above the pro-rated free tier, and provisioned capacity, in USD; and per month at the same rate.',
    },
    refused: {
      label: 'Refused (down)',
      unit: 'count',
      help: 'Measured requests refused as error while the function was killed (reported once any was).',
    },
  },
  series: {
    instances: { label: 'Instances', unit: 'count', help: 'Live instances (warm or busy) over time.' },
  },
  timeline: {
    failures: ['kill', 'restore', 'slow'],
    settable: () => ['concurrency'],
  },
  check: (p) =>
    p.provisioned > p.concurrency
      ? [{ path: ['provisioned'], message: `provisioned (${p.provisioned}) is above concurrency (${p.concurrency})` }]
      : [],
});

/** A serverless component's parameters as the runtime receives them. */
export type ServerlessParams = KindParams<typeof serverless>;
