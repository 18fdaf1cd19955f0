/** The client kind: its parameters, statistics and capabilities (the runtime is src/nodes/client.ts). */
import { defineKind } from './define.js';
import { retriesParam } from './guard-params.js';

const phaseFields = {
  name: { type: 'string', label: 'Name', help: 'Phase name shown in the report (warmup, peak, ...).', required: true },
  duration: { type: 'duration', label: 'Duration', help: 'How long the phase lasts. Closed phases with iterations may omit it: they end when their users finish.', minExclusive: true, min: 0 },
  rate: { type: 'rate', label: 'Rate', help: 'Open workload: request rate during the phase.', min: 0, max: 1e7 },
  rampTo: { type: 'rate', label: 'Ramp to', help: 'Open workload: the rate rises (or falls) linearly to this by the end of the phase.', min: 0, max: 1e7 },
  users: { type: 'number', integer: true, label: 'Users', help: 'Closed workload: users (threads) started in this phase.', min: 0, max: 1e6 },
  iterations: { type: 'number', integer: true, label: 'Iterations', help: 'Closed workload: iterations each user of this phase runs.', min: 1, max: 1e9 },
} as const;

export const client = defineKind({
  kind: 'client',
  label: 'Client',
  icon: 'client',
  category: 'traffic',
  help: 'Load generator: an open workload at a rate (Poisson or uniform, optionally in phases), or a closed workload of users that each wait for their answer, think and send again (like JMeter threads or Locust users).',
  calls: 'sync',
  params: {
    rate: { type: 'rate', label: 'Rate', help: 'Open workload: requests per second.', min: 0, max: 1e7, examples: ['100/s', '6000/min'] },
    arrival: { type: 'enum', label: 'Arrivals', help: 'Open workload: Poisson (random, memoryless) or uniform (evenly spaced) arrivals.', values: ['poisson', 'uniform'], default: 'poisson' },
    users: { type: 'number', integer: true, label: 'Users', help: 'Closed workload: concurrent users (threads), each waiting for its response before thinking and sending again.', min: 1, max: 1e6 },
    iterations: { type: 'number', integer: true, label: 'Iterations', help: 'Closed workload: iterations per user, then the user stops (unlimited when absent).', min: 1, max: 1e9 },
    thinkTime: { type: 'dist', label: 'Think time', help: 'Closed workload: pause between a response and the next iteration.', default: 0, examples: ['1s', 'exp(500ms)'] },
    rampUp: { type: 'duration', label: 'Ramp-up', help: 'Closed workload: users of a phase start evenly spread over this time (JMeter ramp-up).', default: 0, min: 0 },
    sequence: {
      type: 'list', label: 'Sequence', help: 'Closed workload: each iteration sends these routes in order, each after the previous answer (e.g. [/write, /read]).', maxItems: 100,
      items: { type: 'string', label: 'Route', help: 'A route path.', pattern: '^/' },
    },
    phases: {
      type: 'list', label: 'Phases', help: 'Workload phases in order: open phases set rate (and rampTo), closed phases set users (and iterations).', maxItems: 100,
      items: { type: 'object', label: 'Phase', help: 'One phase of the workload.', fields: phaseFields },
    },
    timeout: { type: 'duration', label: 'Timeout', help: 'A request (each attempt, with retries) not answered within this time fails as timeout (no timeout when absent).', min: 0, minExclusive: true, examples: ['2s'] },
    retries: retriesParam,
    keys: {
      type: 'object', label: 'Keys', help: 'Key popularity for caches and shards: Zipf with this exponent over count keys (0 = uniform).',
      fields: {
        count: { type: 'number', integer: true, label: 'Key count', help: 'Number of distinct keys.', default: 1000, min: 1, max: 1e9 },
        skew: { type: 'number', label: 'Skew', help: 'Zipf exponent: 0 is uniform, 0.8–1.2 is typical of web traffic.', default: 0, min: 0, max: 5 },
      },
    },
    routes: {
      type: 'map', label: 'Routes', help: 'Route paths and their relative weights.', keyPattern: '^/', keyLabel: 'route path', maxEntries: 1000,
      values: { type: 'number', label: 'Weight', help: 'Relative weight of this route.', min: 0 },
    },
    writeFraction: { type: 'number', label: 'Write fraction', help: 'Share of requests that are writes (the rest are reads).', default: 0, min: 0, max: 1 },
  },
  stats: [],
  check(p: ResolvedObject): KindProblem[] {
    const out: KindProblem[] = [];
    const phases = (p.phases as unknown as Phase[] | undefined) ?? [];
    const closed = isClosed(p as never);
    if (closed && p.rate !== undefined) out.push({ path: ['rate'], message: 'a client is either open (rate) or closed (users), not both' });
    if (!closed && p.rate === undefined && !phases.length) out.push({ path: [], message: 'an open client needs a rate (e.g. "rate: 100/s") or phases; a closed one needs users' });
    phases.forEach((ph, i) => {
      if (closed && (ph.rate !== undefined || ph.rampTo !== undefined)) out.push({ path: ['phases', i], message: 'a closed workload sets users per phase, not rate' });
      if (!closed && ph.rate === undefined && p.rate === undefined) out.push({ path: ['phases', i, 'rate'], message: 'an open phase needs a rate' });
      if (!closed && ph.duration === undefined) out.push({ path: ['phases', i, 'duration'], message: 'an open phase needs a duration' });
      if (closed && ph.users === undefined && p.users === undefined) out.push({ path: ['phases', i, 'users'], message: 'a closed phase needs users' });
    });
    const routes = p.routes as Record<string, number> | undefined;
    if (routes && !Object.values(routes).some((w) => w > 0)) out.push({ path: ['routes'], message: 'at least one route needs a weight above 0' });
    return out;
  },
  estimateRequests: (p, horizon) => estimateRequests(p as unknown as ClientParams, horizon),
  requestDeadline: (p) => requestDeadline(p as unknown as ClientParams),
});
