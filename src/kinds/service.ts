/** The service kind: its parameters, statistics and capabilities (the runtime is src/nodes/service.ts). */
import { leastOf, meanOf } from '../engine/distributions.js';
import { autoscaleParam } from './autoscale-params.js';
import { warmUpParam } from './warm-up-params.js';
import { defineKind, type KindParams } from './define.js';

/** An application server: instances × workers, a FIFO queue, calls in order; instances can fail and autoscale. */
export const service = defineKind({
  kind: 'service',
  label: 'Service',
  icon: 'service',
  category: 'compute',
  help:
    'An application server: instances × workers run requests concurrently, the rest wait FIFO; after its own work it calls ' +
    'its links in order, holding the worker unless async.',
  docs: `An application server (EC2 instances, containers, a monolith). Each of \`instances\` runs \`workers\` requests at once; the
rest wait FIFO in its queue, and beyond \`queueCapacity\` they are **rejected**. A request costs \`serviceTime ÷ speed\` of a
worker, then the service calls its outgoing links in order and waits for each answer, holding the worker (blocking I/O) —
with \`async: true\` the worker is released first (an event-loop server). Without a load balancer in front, each request
goes to a random instance.

**Failures.** An instance that goes down — killed by a timeline event, or crashed by \`crashOn\` — fails everything it
holds (waiting, running or blocked on a call) as **error**, and refuses new requests as error until it is restored
(\`restore\` event) or, after a crash, until \`restartTime\` has passed. \`crashOn: {route, probability}\`: a request on that
route takes the whole instance down with that probability — the monolith lab, where one buggy route takes every route
down; split the route into its own service and the others stay up.

A monolith's handlers cost differently: \`serviceTimeByRoute: {/events: normal(300ms, 40ms)}\` gives requests on a route
prefix (the longest that matches) their own service time.

**Warm-up** (JIT, lazy loading, connection set-up, cold caches): with \`warmUp\`, an instance that has just come up — at the
start, after a restart, when the autoscaler adds it — serves its first \`requests\` requests (per route with
\`perRoute: true\`: each code path warms up on its own) and everything it starts within \`duration\` cold: service time ×
\`factor\` + \`extra\`. Locust's single slow first request per route is \`warmUp: {perRoute: true, extra: 2s}\`.

**Autoscaling** (Kubernetes HPA): every \`interval\` the utilisation of the serving instances over that interval gives
desired = ceil(current × utilisation ÷ targetUtilization), clamped to [min, max], with no change within ±10%. New instances
take traffic only after \`provisionTime\`; scale-in waits \`cooldown\` after the last change. The instance count over time is
in \`series.instances.<id>\`.

**Deploys and resizes** (timeline events). \`deploy\` replaces every instance with a new version, as a Kubernetes
Deployment: \`rolling\` (default) replaces \`maxUnavailable + maxSurge\` at a time — a surged instance's replacement starts
first and takes over when ready (no capacity lost, one more instance billed meanwhile); an unavailable one stops getting
requests, finishes what it holds for up to \`gracePeriod\`, and its slot is empty until the replacement has started
(\`startTime\`); \`recreate\` takes every instance out at once (an outage of \`startTime\`). With one of N instances out, the
service has (N−1)/N of its capacity. \`resize\` is vertical scaling: every instance stops (what it holds fails), is down for
\`downtime\`, and comes back with the new \`workers\` (vCPUs), service time divided by the new \`speed\`, billed at the new
\`costPerHour\`.

**Cost**: \`costPerHour\` per instance (default $0.0416, an AWS t3.medium on demand), billed while it exists (including
provisioning); \`cost: {run, perMonth}\` in its statistics.

\`\`\`yaml
app:
  kind: service
  instances: 2
  workers: 8
  serviceTime: exp(5ms)
  crashOn: { route: /checkout, probability: 0.001 }
  restartTime: 20s
  autoscale: { min: 2, max: 8, targetUtilization: 0.6, provisionTime: 45s }
\`\`\``,
  calls: 'sync',
  params: {
    instances: {
      type: 'number',
      integer: true,
      label: 'Instances',
      help:
        'Identical copies (horizontal scaling). Without a load balancer in front, each request goes to a random instance. ' +
        'With autoscale, the starting count.',
      default: 1,
      min: 1,
      max: 10000,
    },
    workers: {
      type: 'number',
      integer: true,
      label: 'Workers',
      help: 'Requests one instance runs at once (threads or cores).',
      default: 1,
      min: 1,
      max: 100000,
    },
    serviceTime: {
      type: 'dist',
      label: 'Service time',
      help: 'CPU time of one request on one worker, before downstream calls.',
      default: 'exp(10ms)',
      examples: ['exp(5ms)', '20ms', 'lognormal(20ms, 200ms)'],
    },
    serviceTimeByRoute: {
      type: 'map',
      label: 'Service time by route',
      help: 'A different service time for requests on these route prefixes (the longest match); serviceTime for the others.',
      keyPattern: '^/',
      keyLabel: 'route prefix',
      values: { type: 'dist', label: 'Service time', help: 'Service time of a request on this route.' },
      advanced: true,
      examples: [{ '/events': 'normal(300ms, 40ms)', '/checkout': '8ms' }],
    },
    speed: {
      type: 'number',
      label: 'Speed',
      help: 'Service time is divided by this (vertical scaling: 2 = a machine twice as fast).',
      default: 1,
      min: 0.001,
      max: 1000,
    },
    queueCapacity: {
      type: 'number',
      integer: true,
      label: 'Queue capacity',
      help: 'Waiting requests per instance; beyond this, requests are rejected. 0 = no waiting room.',
      default: 10000,
      min: 0,
      max: 1000000,
    },
    async: {
      type: 'boolean',
      label: 'Async',
      help: 'Release the worker before the downstream calls (event-loop server) instead of holding it (blocking I/O).',
      default: false,
    },
    crashOn: {
      type: 'object',
      label: 'Crash on',
      optional: true,
      advanced: true,
      help: 'A buggy route: each request on it crashes its whole instance with this probability; every request there fails until restartTime has passed.',
      fields: {
        route: {
          type: 'string',
          label: 'Route',
          help: 'Route (path prefix) whose requests may crash the instance.',
          required: true,
          pattern: '^/',
        },
        probability: {
          type: 'number',
          label: 'Probability',
          help: 'Chance that one request on the route crashes the instance.',
          required: true,
          min: 0,
          max: 1,
        },
      },
    },
    restartTime: {
      type: 'duration',
      label: 'Restart time',
      help: 'How long a crashed instance stays down before it takes requests again.',
      default: '10s',
      min: 0,
      advanced: true,
    },
    warmUp: warmUpParam,
    autoscale: autoscaleParam,
    costPerHour: {
      type: 'number',
      label: 'Cost per hour',
      unit: 'USD/h',
      help: 'Price of one instance per hour (default: AWS t3.medium on demand, us-east-1, 2 vCPU, 4 GiB).',
      default: 0.0416,
      min: 0,
      max: 1000,
      advanced: true,
    },
  },
  stats: {
    utilization: {
      label: 'Utilisation',
      unit: 'ratio',
      badge: true,
      help: 'Busy workers ÷ workers of the serving instances, time-averaged.',
    },
    rejected: { label: 'Rejected', unit: 'count', help: 'Requests turned away because their instance’s queue was full (queueCapacity).' },
    refused: {
      label: 'Refused (instance down)',
      unit: 'count',
      help: 'Requests failed as error on arrival because their instance was down (killed or crashed); absent when none.',
    },
    coldRequests: {
      label: 'Cold requests',
      unit: 'count',
      help: 'Measured requests an instance served cold, while warming up (warmUp); absent without warmUp.',
    },
    crashes: { label: 'Crashes', unit: 'count', help: 'Instance crashes (crashOn and crash events); absent when no instance went down.' },
    instances: { label: 'Instances', unit: 'count', help: 'Instances taking traffic when the run ended.' },
    peakInstances: { label: 'Peak instances', unit: 'count', help: 'Most instances taking traffic at once (with autoscale only).' },
    scaleUps: { label: 'Scale-ups', unit: 'count', help: 'Times the autoscaler decided to add instances (with autoscale only).' },
    scaleDowns: { label: 'Scale-downs', unit: 'count', help: 'Times the autoscaler removed instances (with autoscale only).' },
    cost: { label: 'Cost', unit: 'cost', help: 'Instance-hours × costPerHour over the run, and extrapolated to a month at the same rate.' },
  },
  series: {
    instances: { label: 'Instances', unit: 'count', help: 'Instances taking traffic over time (with autoscale only).' },
  },
  instances: (p) => (p.autoscale ? p.autoscale.max : p.instances),
  timeline: {
    failures: ['kill', 'crash', 'restore', 'slow'],
    changes: ['deploy', 'resize'],
    settable: () => ['workers', 'speed', 'serviceTime'],
  },
  // every request takes a worker, then makes each of its calls and waits for them
  pace: (p) => {
    const mean = meanOf(p.serviceTime) / p.speed;
    const instances = p.autoscale ? p.autoscale.max : p.instances;
    return { maxRps: mean > 0 ? (instances * p.workers * 1000) / mean : Infinity, minMs: leastOf(p.serviceTime) / p.speed, via: 'all' };
  },
  check(p) {
    const a = p.autoscale;
    if (a && a.min > a.max) return [{ path: ['autoscale', 'min'], message: `min (${a.min}) is above max (${a.max})` }];
    return [];
  },
});

/** A service's parameters as its runtime receives them. */
export type ServiceParams = KindParams<typeof service>;
