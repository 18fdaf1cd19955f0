/** The service kind: its parameters, statistics and capabilities (the runtime is src/nodes/service.ts). */
import { defineKind } from './define.js';

export const service = defineKind({
  kind: 'service',
  label: 'Service',
  icon: 'service',
  category: 'compute',
  help: 'An application server: instances × workers run requests concurrently, the rest wait FIFO; after its own work it calls its links in order, holding the worker unless async.',
  docs: `An application server (EC2 instances, containers, a monolith). Each of \`instances\` runs \`workers\` requests at once; the rest wait FIFO in its queue, and beyond \`queueCapacity\` they are **rejected**. A request costs \`serviceTime ÷ speed\` of a worker, then the service calls its outgoing links in order and waits for each answer, holding the worker (blocking I/O) — with \`async: true\` the worker is released first (an event-loop server). Without a load balancer in front, each request goes to a random instance.

**Failures.** An instance that goes down — killed by a timeline event, or crashed by \`crashOn\` — fails everything it holds (waiting, running or blocked on a call) as **error**, and refuses new requests as error until it is restored (\`restore\` event) or, after a crash, until \`restartTime\` has passed. \`crashOn: {route, probability}\`: a request on that route takes the whole instance down with that probability — the monolith lab, where one buggy route takes every route down; split the route into its own service and the others stay up.

**Autoscaling** (Kubernetes HPA): every \`interval\` the utilisation of the serving instances over that interval gives desired = ceil(current × utilisation ÷ targetUtilization), clamped to [min, max], with no change within ±10%. New instances take traffic only after \`provisionTime\`; scale-in waits \`cooldown\` after the last change. The instance count over time is in \`series.instances.<id>\`.

**Cost**: \`costPerHour\` per instance (default $0.0416, an AWS t3.medium on demand), billed while it exists (including provisioning); \`cost: {run, perMonth}\` in its statistics.

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
    instances: { type: 'number', integer: true, label: 'Instances', help: 'Identical copies (horizontal scaling). Without a load balancer in front, each request goes to a random instance. With autoscale, the starting count.', default: 1, min: 1, max: 10000 },
    workers: { type: 'number', integer: true, label: 'Workers', help: 'Requests one instance runs at once (threads or cores).', default: 1, min: 1, max: 100000 },
    serviceTime: { type: 'dist', label: 'Service time', help: 'CPU time of one request on one worker, before downstream calls.', default: 'exp(10ms)', examples: ['exp(5ms)', '20ms', 'lognormal(20ms, 200ms)'] },
    speed: { type: 'number', label: 'Speed', help: 'Service time is divided by this (vertical scaling: 2 = a machine twice as fast).', default: 1, min: 0.001, max: 1000 },
    queueCapacity: { type: 'number', integer: true, label: 'Queue capacity', help: 'Waiting requests per instance; beyond this, requests are rejected. 0 = no waiting room.', default: 10000, min: 0, max: 1000000 },
    async: { type: 'boolean', label: 'Async', help: 'Release the worker before the downstream calls (event-loop server) instead of holding it (blocking I/O).', default: false },
    crashOn: {
      type: 'object', label: 'Crash on', advanced: true, help: 'A buggy route: each request on it crashes its whole instance with this probability; every request there fails until restartTime has passed.',
      fields: {
        route: { type: 'string', label: 'Route', help: 'Route (path prefix) whose requests may crash the instance.', required: true, pattern: '^/' },
        probability: { type: 'number', label: 'Probability', help: 'Chance that one request on the route crashes the instance.', required: true, min: 0, max: 1 },
      },
    },
    restartTime: { type: 'duration', label: 'Restart time', help: 'How long a crashed instance stays down before it takes requests again.', default: '10s', min: 0, advanced: true },
    autoscale: { type: 'object', label: 'Autoscale', help: 'Add and remove instances to keep utilisation near a target (Kubernetes HPA); off when absent.', fields: autoscaleFields, advanced: true },
    costPerHour: { type: 'number', label: 'Cost per hour', unit: 'USD/h', help: 'Price of one instance per hour (default: AWS t3.medium on demand, us-east-1).', default: DEFAULT_COST_PER_HOUR, min: 0, max: 1000, advanced: true },
  },
  stats: [
    { key: 'utilization', label: 'Utilisation', unit: 'ratio', badge: true },
    { key: 'rejected', label: 'Rejected', unit: 'count' },
    { key: 'refused', label: 'Refused (instance down)', unit: 'count' },
    { key: 'crashes', label: 'Crashes', unit: 'count' },
    { key: 'instances', label: 'Instances', unit: 'count' },
  ],
  check(p) {
    const a = p.autoscale as AutoscaleParams | undefined;
    if (a && (a.min ?? 1) > (a.max ?? AUTOSCALE_DEFAULTS.max)) return [{ path: ['autoscale', 'min'], message: `min (${a.min}) is above max (${a.max ?? AUTOSCALE_DEFAULTS.max})` }];
    return [];
  },
});
