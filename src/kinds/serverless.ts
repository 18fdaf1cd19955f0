/** The serverless kind: its parameters, statistics and capabilities (the runtime is src/nodes/serverless.ts). */
import { defineKind } from './define.js';

export const serverless = defineKind({
  kind: 'serverless',
  label: 'Serverless function',
  icon: 'serverless',
  category: 'compute',
  help: 'A function (AWS Lambda-like): one request per instance, new instances on demand (cold start) up to a concurrency limit, idle ones reclaimed, billed per request and per GB-second.',
  docs: `A function as a service (AWS Lambda, Google Cloud Functions). Each instance runs **one request at a time**. A request that finds no idle instance starts a new one and pays a **cold start** (\`coldStart\`, or the default for \`runtime\`) before its \`serviceTime\`; at most \`concurrency\` requests run at once, and beyond that a request is **throttled** (HTTP 429) — or waits FIFO with \`queue: true\`. An instance idle for \`idleTimeout\` (default 10 min) is reclaimed, so the next request after a quiet spell is cold again; \`provisioned: N\` instances are always warm (and billed for it). An invocation running past \`maxDuration\` is killed and fails as **error**. After its own work the function calls its links in order and waits (billed meanwhile).

Default cold starts (lognormal, median / p99): Node.js 140 / 350 ms, Python 85 / 220 ms, Java 240 / 650 ms, Go 60 / 150 ms, .NET 220 / 600 ms, Ruby 130 / 330 ms — medians in line with published measurements of minimal functions (e.g. maxday.github.io/lambda-perf); real functions with dependencies start slower.

**Cost** (AWS x86 list prices, us-east-1): \`pricePerMillion\` ($0.20) per invocation plus \`pricePerGbSecond\` ($0.0000166667) × \`memoryMb\`/1024 × billed duration (1 ms steps, init included), plus provisioned instances × GB × time × \`provisionedPricePerGbSecond\`. Statistics: \`coldStarts\`, \`coldStartRatio\`, \`throttled\`, \`peakInstances\`, \`cost: {run, perMonth}\`; \`series.instances.<id>\` is the number of live instances over time.

Teaching points: cold starts hit the first requests and every request after an idle gap longer than idleTimeout (probability e^(−λ·idleTimeout) for Poisson traffic at rate λ); concurrency is a hard wall (Erlang B loss, not queueing); at steady high load an always-on server is cheaper, at low or spiky load the function is.

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
    runtime: { type: 'enum', label: 'Runtime', help: 'Language runtime; picks the default cold-start time.', values: runtimes, default: 'nodejs' },
    coldStart: { type: 'dist', label: 'Cold start', help: 'Init time of a new instance; the runtime\'s default when absent.', examples: ['lognormal(300ms, 1s)', '150ms'] },
    serviceTime: { type: 'dist', label: 'Service time', help: 'Handler time of one request on a warm instance, before downstream calls.', default: 'exp(10ms)', examples: ['exp(20ms)', '50ms'] },
    concurrency: { type: 'number', integer: true, label: 'Concurrency', help: 'Most requests running at once (the account or reserved concurrency limit).', default: 1000, min: 1, max: 1e6 },
    queue: { type: 'boolean', label: 'Queue', help: 'Requests over the concurrency limit wait FIFO (asynchronous invocation) instead of being throttled.', default: false },
    idleTimeout: { type: 'duration', label: 'Idle timeout', help: 'An instance idle this long is reclaimed; the next request needs a cold start.', default: '10m', min: 0 },
    provisioned: { type: 'number', integer: true, label: 'Provisioned', help: 'Instances kept warm at all times (provisioned concurrency), billed whether used or not.', default: 0, min: 0, max: 1e5 },
    maxDuration: { type: 'duration', label: 'Max duration', help: 'An invocation running longer is killed and fails as error (Lambda allows up to 15 min).', default: '15m', min: 0, minExclusive: true },
    memoryMb: { type: 'number', integer: true, label: 'Memory', unit: 'MB', help: 'Memory per instance; sets the GB-second price (service times are taken as given at this size).', default: 128, min: 128, max: 10240 },
    pricePerMillion: { type: 'number', label: 'Price per million', unit: 'USD', help: 'Price per million invocations.', default: LAMBDA_PRICES.perMillion, min: 0, advanced: true },
    pricePerGbSecond: { type: 'number', label: 'Price per GB-s', unit: 'USD', help: 'Price per GB-second of billed duration.', default: LAMBDA_PRICES.perGbSecond, min: 0, advanced: true },
    provisionedPricePerGbSecond: { type: 'number', label: 'Provisioned price per GB-s', unit: 'USD', help: 'Price per GB-second of provisioned (always-warm) capacity.', default: LAMBDA_PRICES.provisionedPerGbSecond, min: 0, advanced: true },
  },
  stats: [
    { key: 'coldStartRatio', label: 'Cold-start ratio', unit: 'ratio', badge: true },
    { key: 'coldStarts', label: 'Cold starts', unit: 'count' },
    { key: 'throttled', label: 'Throttled', unit: 'count' },
    { key: 'timedOut', label: 'Killed at max duration', unit: 'count' },
    { key: 'peakInstances', label: 'Peak instances', unit: 'count' },
  ],
  check: (p) => ((p.provisioned as number) > (p.concurrency as number) ? [{ path: ['provisioned'], message: `provisioned (${p.provisioned}) is above concurrency (${p.concurrency})` }] : []),
});
