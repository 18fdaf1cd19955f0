/** The client kind: its parameters, statistics and capabilities (the runtime is src/nodes/client.ts). */
import { meanOf } from '../engine/distributions.js';
import { defineKind, type KindProblem, type Pace } from './define.js';
import { retriesParam } from './guard-params.js';
import type { Param, ParamsOf } from './params.js';

const phaseFields = {
  name: { type: 'string', label: 'Name', help: 'Phase name shown in the report (warmup, peak, ...).', required: true },
  duration: {
    type: 'duration',
    label: 'Duration',
    minExclusive: true,
    min: 0,
    help: 'How long the phase lasts. Closed phases with iterations may omit it: they end when their users finish.',
  },
  rate: { type: 'rate', label: 'Rate', help: 'Open workload: request rate during the phase.', min: 0, max: 1e7 },
  rampTo: {
    type: 'rate',
    label: 'Ramp to',
    min: 0,
    max: 1e7,
    help: 'Open workload: the rate rises (or falls) linearly to this by the end of the phase.',
  },
  users: {
    type: 'number',
    integer: true,
    label: 'Users',
    help: 'Closed workload: users (threads) started in this phase.',
    min: 0,
    max: 1e6,
  },
  iterations: {
    type: 'number',
    integer: true,
    label: 'Iterations',
    help: 'Closed workload: iterations each user of this phase runs.',
    min: 1,
    max: 1e9,
  },
} as const;

/** One workload phase as resolved (open phases set rate, closed ones users). */
export type Phase = ParamsOf<typeof phaseFields>;

/** The client's parameter descriptors. */
const clientParams = {
  rate: { type: 'rate', label: 'Rate', help: 'Open workload: requests per second.', min: 0, max: 1e7, examples: ['100/s', '6000/min'] },
  arrival: {
    type: 'enum',
    label: 'Arrivals',
    values: ['poisson', 'uniform'],
    default: 'poisson',
    help: 'Open workload: Poisson (random, memoryless) or uniform (evenly spaced) arrivals.',
  },
  users: {
    type: 'number',
    integer: true,
    label: 'Users',
    min: 1,
    max: 1e6,
    help: 'Closed workload: concurrent users (threads), each waiting for its response before thinking and sending again.',
  },
  iterations: {
    type: 'number',
    integer: true,
    label: 'Iterations',
    min: 1,
    max: 1e9,
    help: 'Closed workload: iterations per user, then the user stops (unlimited when absent).',
  },
  thinkTime: {
    type: 'dist',
    label: 'Think time',
    help: 'Closed workload: pause between a response and the next iteration.',
    default: 0,
    examples: ['1s', 'exp(500ms)'],
  },
  rampUp: {
    type: 'duration',
    label: 'Ramp-up',
    help: 'Closed workload: users of a phase start evenly spread over this time (JMeter ramp-up).',
    default: 0,
    min: 0,
  },
  sequence: {
    type: 'list',
    label: 'Sequence',
    maxItems: 100,
    help: 'Closed workload: each iteration sends these routes in order, each after the previous answer (e.g. [/write, /read]).',
    items: { type: 'string', label: 'Route', help: 'A route path.', pattern: '^/' },
  },
  phases: {
    type: 'list',
    label: 'Phases',
    maxItems: 100,
    help: 'Workload phases in order: open phases set rate (and rampTo), closed phases set users (and iterations).',
    items: { type: 'object', label: 'Phase', help: 'One phase of the workload.', fields: phaseFields },
  },
  timeout: {
    type: 'duration',
    label: 'Timeout',
    min: 0,
    minExclusive: true,
    examples: ['2s'],
    help: 'A request (each attempt, with retries) not answered within this time fails as timeout (no timeout when absent).',
  },
  retries: retriesParam,
  keys: {
    type: 'object',
    label: 'Keys',
    help: 'Key popularity for caches and shards: Zipf with this exponent over count keys (0 = uniform).',
    fields: {
      count: { type: 'number', integer: true, label: 'Key count', help: 'Number of distinct keys.', default: 1000, min: 1, max: 1e9 },
      skew: {
        type: 'number',
        label: 'Skew',
        help: 'Zipf exponent: 0 is uniform, 0.8–1.2 is typical of web traffic.',
        default: 0,
        min: 0,
        max: 5,
      },
    },
  },
  routes: {
    type: 'map',
    label: 'Routes',
    help: 'Route paths and their relative weights.',
    keyPattern: '^/',
    keyLabel: 'route path',
    maxEntries: 1000,
    values: { type: 'number', label: 'Weight', help: 'Relative weight of this route.', min: 0 },
  },
  writeFraction: {
    type: 'number',
    label: 'Write fraction',
    help: 'Share of requests that are writes (the rest are reads).',
    default: 0,
    min: 0,
    max: 1,
  },
  writeRoutes: {
    type: 'list',
    label: 'Write routes',
    help: "Requests on these routes (path prefixes) are writes and all others reads, as JMeter's POST and GET samplers; replaces writeFraction.",
    items: { type: 'string', label: 'Route', help: 'A route prefix such as /orders.', pattern: '^/' },
    maxItems: 1000,
    advanced: true,
  },
} as const satisfies Record<string, Param>;

/** A client's parameters as resolved. */
export type ClientParams = ParamsOf<typeof clientParams>;

/** A load generator: an open workload at a rate, or a closed one of users that wait for their answers. */
export const client = defineKind({
  kind: 'client',
  label: 'Client',
  icon: 'client',
  category: 'traffic',
  help:
    'Load generator: an open workload at a rate (Poisson or uniform, optionally in phases), or a closed workload of users ' +
    'that each wait for their answer, think and send again (like JMeter threads or Locust users).',
  calls: 'sync',
  params: clientParams,
  stats: {
    workload: { label: 'Workload', unit: 'text', help: 'open (requests at a rate) or closed (users that wait for their answers).' },
    users: {
      label: 'Users',
      unit: 'count',
      help: 'Closed workload: users running at once (N of the asymptotic bounds); absent when its phases run different numbers.',
    },
    thinkMs: {
      label: 'Think time per request',
      unit: 'ms',
      help: "Closed workload: mean think time per request (Z of the asymptotic bounds): an iteration's think time ÷ the requests it sends.",
    },
  },
  check(p): KindProblem[] {
    const out: KindProblem[] = [];
    const phases = p.phases ?? [];
    const closed = isClosed(p);
    if (closed && p.rate !== undefined) out.push({ path: ['rate'], message: 'a client is either open (rate) or closed (users), not both' });
    if (!closed && p.rate === undefined && !phases.length) {
      out.push({ path: [], message: 'an open client needs a rate (e.g. "rate: 100/s") or phases; a closed one needs users' });
    }
    phases.forEach((ph, i) => {
      if (closed && (ph.rate !== undefined || ph.rampTo !== undefined)) {
        out.push({ path: ['phases', i], message: 'a closed workload sets users per phase, not rate' });
      }
      if (!closed && ph.rate === undefined && p.rate === undefined)
        out.push({ path: ['phases', i, 'rate'], message: 'an open phase needs a rate' });
      if (!closed && ph.duration === undefined) out.push({ path: ['phases', i, 'duration'], message: 'an open phase needs a duration' });
      if (closed && ph.users === undefined && p.users === undefined)
        out.push({ path: ['phases', i, 'users'], message: 'a closed phase needs users' });
    });
    if (p.writeRoutes && p.writeFraction > 0)
      out.push({
        path: ['writeRoutes'],
        message: 'give writeRoutes (which routes write) or writeFraction (a share of requests), not both',
      });
    if (p.routes && !Object.values(p.routes).some((w) => w > 0)) {
      out.push({ path: ['routes'], message: 'at least one route needs a weight above 0' });
    }
    return out;
  },
  source: {
    estimateRequests: (p, horizonMs, downstream) => estimateRequests(p, horizonMs, downstream),
    requestDeadline: (p) => requestDeadline(p),
    isBounded: (p) => isBounded(p),
  },
  // a closed client's pace is its users': it has no rate to set
  timeline: { settable: (p) => (isClosed(p) ? [] : ['rate']) },
});

/** True when the client runs users (a closed workload). */
export const isClosed = (p: Pick<ClientParams, 'users' | 'phases'>): boolean =>
  p.users !== undefined || !!p.phases?.some((ph) => ph.users !== undefined);

/** A closed client whose every user stops by itself (iterations everywhere), so the scenario needs no duration. */
export const isBounded = (p: Pick<ClientParams, 'users' | 'iterations' | 'phases'>): boolean =>
  isClosed(p) &&
  (p.phases?.length
    ? p.phases.every((ph) => ph.duration !== undefined || ph.iterations !== undefined || p.iterations !== undefined)
    : p.iterations !== undefined);

/** Longest a request can take before it fails: every attempt timing out, plus the backoff waits (Infinity without a timeout). */
export function requestDeadline(p: Pick<ClientParams, 'timeout'> & { retries?: ClientParams['retries'] }): number {
  if (p.timeout === undefined) return Infinity;
  const r = p.retries;
  let t = p.timeout;
  for (let k = 1; r && k <= r.max; k++) t += p.timeout + r.backoff * r.multiplier ** (k - 1);
  return t;
}

/** The pace of a client's downstream when nothing is known of it: no limit, no time. */
const UNKNOWN_PACE: Pace = { maxRps: Infinity, minMs: 0 };

/** The least time a request is taken to need for an estimate, in ms: keeps it finite when nothing takes time. */
const MIN_RESPONSE_MS = 1;

/**
 * About how many requests a client issues by `horizonMs`. An open workload: the
 * mean rate × duration of each phase. A closed one: users × iterations × sequence
 * when bounded; otherwise each phase's rate is at most users ÷ (think time +
 * response time) and at most what `downstream` can complete — the asymptotic
 * bounds of a closed network (Lazowska et al., Quantitative System Performance,
 * ch. 5) — with `downstream.minMs` the least response time.
 */
export function estimateRequests(
  p: Pick<ClientParams, 'rate' | 'users' | 'iterations' | 'phases' | 'sequence' | 'thinkTime'>,
  horizonMs: number,
  downstream: Pace = UNKNOWN_PACE,
): number {
  if (!isClosed(p)) {
    const phases = p.phases?.length ? p.phases : [{ name: 'steady', rate: p.rate, duration: horizonMs }];
    // phases past the horizon (a duration shorter than the phases) issue nothing
    let n = 0,
      start = 0;
    for (const ph of phases) {
      const ms = Math.min(ph.duration ?? 0, Math.max(0, horizonMs - start));
      start += ph.duration ?? 0;
      n += (((ph.rate ?? p.rate ?? 0) + (ph.rampTo ?? ph.rate ?? p.rate ?? 0)) / 2) * (ms / 1000);
    }
    return n;
  }
  const seq = Math.max(1, p.sequence?.length ?? 1);
  const loopMs = meanOf(p.thinkTime) + Math.max(MIN_RESPONSE_MS, downstream.minMs);
  let n = 0;
  for (const ph of p.phases ?? [{ name: 'users', users: p.users, iterations: p.iterations }]) {
    const users = ph.users ?? p.users ?? 0;
    const iters = ph.iterations ?? p.iterations;
    const rps = Math.min((users * 1000) / loopMs, downstream.maxRps);
    const byTime = (rps * Math.min(ph.duration ?? horizonMs, horizonMs)) / 1000;
    n += iters !== undefined ? Math.min(users * iters * seq, byTime) : byTime;
  }
  return n;
}
