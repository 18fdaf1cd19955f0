/**
 * The bottleneck of a run by the utilisation law, and the bounds it implies
 * (operational analysis, Denning & Buzen 1978). Each component with workers
 * has a service demand per request D_k = V_k·S_k ÷ c_k — its visits per request,
 * times its mean service time, over its workers — so its utilisation is
 * U_k = X·D_k and no design can carry more than X ≤ 1/D_max. A closed workload
 * (N users thinking Z between requests) adds the asymptotic bounds
 * X ≤ min(N/(D+Z), 1/D_max) and R ≥ max(D, N·D_max − Z), with D = Σ V_k·S_k,
 * which cross at N* = (D+Z)/D_max users. Pure: no runtime.
 */
import type { ComponentStats } from '../kinds/define.js';
import type { RunResult } from '../run/result.js';

/** A component's service demand per request, and what the utilisation law makes of it. */
export interface Demand {
  id: string;
  kind: string;
  /** Measured arrivals at it per request issued (V). */
  visits: number;
  /** Mean time a request holds one of its workers, ms (S). */
  serviceMs: number;
  /** All its workers: servers per queue × queues (c). */
  servers: number;
  /** V·S ÷ c, ms of a worker per request, spread over its workers (D). */
  demandMs: number;
  /** The most requests per second it lets through, 1000 ÷ D. */
  maxRps: number;
  /** Its utilisation as simulated. */
  utilization: number;
  /** Its utilisation by the utilisation law, X·D, with X the run's request rate. */
  lawUtilization: number;
}

/** The asymptotic bounds of a closed workload (Denning–Buzen). */
export interface ClosedBounds {
  /** Users (N). */
  users: number;
  /** Mean think time per request, ms (Z). */
  thinkMs: number;
  /**
   * Least time one request needs, ms (D): Σ V_k·S_k, or — when some component holds its
   * worker while it waits for another's answer (`nested`) — the largest single V_k·S_k.
   */
  totalDemandMs: number;
  /** Components hold workers while they wait for calls, so their service times contain each other's. */
  nested: boolean;
  /** min(N/(D+Z), 1/D_max), requests per second. */
  maxThroughputRps: number;
  /** N* = (D+Z)/D_max: below it users are too few to saturate the bottleneck. */
  saturationUsers: number;
  /** max(D, N·D_max − Z), ms: the least mean response time. */
  minResponseMs: number;
  /** The run's throughput and mean response time, for comparison. */
  throughputRps: number;
  responseMs: number;
}

/** The bottleneck of a run and its bounds. */
export interface Bottleneck {
  /** Every component with workers, largest demand first. */
  demands: Demand[];
  /** Id of the component with the largest demand. */
  bottleneck: string;
  /** 1000 ÷ D_max: the most requests per second the design carries, whatever the workload. */
  maxThroughputRps: number;
  /** The run's request rate (X). */
  throughputRps: number;
  /** Present when the run's only workload is closed. */
  closed?: ClosedBounds;
  /** For the reader: "app saturates first: at most 1,150 req/s (now 800 req/s, 70 %); add instances there." */
  sentence: string;
}

const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

/** What adding capacity means at a component of each kind. */
const REMEDY: Record<string, string> = {
  service: 'add instances or workers there',
  database: 'add replicas or shards there',
  serverless: 'raise its concurrency',
};

/** The run's request rate, per second: requests issued ÷ the measured interval (throughput is completed ÷ the same interval). */
function requestRate(r: RunResult): number {
  const s = r.summary;
  return s.completed > 0 ? (s.throughputRps * s.requests) / s.completed : 0;
}

/** The demand of component `c`, or undefined when it has no workers or measured no service. */
function demandOf(id: string, c: ComponentStats, requests: number, rateRps: number): Demand | undefined {
  const serviceMs = num(c.serviceMs),
    perQueue = num(c.servers);
  if (serviceMs === undefined || perQueue === undefined || requests <= 0) return undefined;
  const servers = perQueue * Math.max(1, num(c.queues) ?? 1);
  const visits = c.arrivals / requests;
  const demandMs = (visits * serviceMs) / servers;
  return {
    id,
    kind: c.kind,
    visits,
    serviceMs,
    servers,
    demandMs,
    maxRps: demandMs > 0 ? 1000 / demandMs : Infinity,
    utilization: c.utilization,
    lawUtilization: (rateRps * demandMs) / 1000,
  };
}

/** The bottleneck of run `r` and its bounds; null when no component has workers. */
export function bottleneckOf(r: RunResult): Bottleneck | null {
  const rate = requestRate(r);
  const demands = Object.entries(r.components)
    .map(([id, c]) => demandOf(id, c, r.summary.requests, rate))
    .filter((d): d is Demand => d !== undefined && d.demandMs > 0)
    .sort((a, b) => b.demandMs - a.demandMs);
  if (demands.length === 0) return null;
  const top = demands[0];
  const out: Bottleneck = { demands, bottleneck: top.id, maxThroughputRps: top.maxRps, throughputRps: rate, sentence: '' };
  const closed = closedBounds(r, demands, rate);
  if (closed) out.closed = closed;
  const share = rate / top.maxRps;
  // an autoscaled component's workers are those of the instances it reached: the bound holds at that peak
  const peak = num(r.components[top.id]?.peakInstances);
  out.sentence =
    `${top.id} saturates first: at most ${formatRate(top.maxRps)} req/s${peak === undefined ? '' : ` at its peak of ${peak} instances`} ` +
    `(${share >= 1 ? 'offered' : 'now'} ${formatRate(rate)} req/s, ${Math.round(share * 100)} %${share >= 1 ? ': overloaded' : ''}); ` +
    `${REMEDY[top.kind] ?? 'add capacity there'}.` +
    (closed
      ? ` With ${closed.users} users thinking ${formatMs(closed.thinkMs)}: X ≤ ${formatRate(closed.maxThroughputRps)} req/s and ` +
        `R ≥ ${formatMs(closed.minResponseMs)}; from N* = ${closed.saturationUsers.toFixed(1)} users on, ${top.id} sets the pace.`
      : '');
  return out;
}

/** Denning–Buzen bounds when the run's workload is closed (one client, users and think time); undefined otherwise. */
function closedBounds(r: RunResult, demands: Demand[], rate: number): ClosedBounds | undefined {
  const clients = Object.values(r.components).filter((c) => c.kind === 'client');
  const c = clients[0];
  if (clients.length !== 1 || c.workload !== 'closed') return undefined;
  const users = num(c.users),
    thinkMs = num(c.thinkMs) ?? 0;
  if (users === undefined) return undefined;
  const dMax = demands[0].demandMs;
  const visitDemands = demands.map((d) => d.visits * d.serviceMs);
  // a component that holds its worker while it waits for another's answer contains that time in its own service:
  // then the stations' residence times (wait + service) add up to more than a request's response time, and only the
  // largest single demand is a bound
  const responseMs = r.summary.latencyMs.mean;
  const stationSum = demands.reduce((s, d) => s + d.visits * ((r.components[d.id]?.waitMs.mean ?? 0) + d.serviceMs), 0);
  const nested = stationSum > 1.02 * responseMs;
  const total = nested ? Math.max(...visitDemands) : visitDemands.reduce((s, v) => s + v, 0);
  return {
    users,
    thinkMs,
    totalDemandMs: total,
    nested,
    maxThroughputRps: 1000 * Math.min(users / (total + thinkMs), 1 / dMax),
    saturationUsers: (total + thinkMs) / dMax,
    minResponseMs: Math.max(total, users * dMax - thinkMs),
    throughputRps: rate,
    responseMs,
  };
}

const formatRate = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : `${+x.toPrecision(3)}`);
const formatMs = (x: number) => `${+x.toPrecision(3)} ms`;
