/**
 * The contract of a component kind, as data: one `defineKind` call per kind
 * names its parameters, the statistics and series it reports, and what it can
 * do (its capabilities). Validation, the JSON Schema, docs/components.md, the
 * inspector and the timeline read these definitions; the runtime that simulates
 * a kind lives apart, in src/nodes/, so the browser's main thread never loads it.
 *
 * @example
 * export const delay = defineKind({
 *   kind: 'delay', label: 'Delay', icon: 'service', category: 'compute', calls: 'sync',
 *   help: 'Holds each request for a fixed time, then calls its links.',
 *   params: { time: { type: 'duration', label: 'Time', help: 'How long.', default: '5ms', min: 0 } },
 *   stats: { held: { label: 'Held', unit: 'count' } },
 * });
 * // ParamsOf<typeof delay> is { time: number }
 */
import type { Param, ParamsOf, Resolved } from './params.js';

export type Category = 'traffic' | 'edge' | 'compute' | 'data' | 'async';

/** A problem found by a kind's own cross-field checks. Path is relative to the component. */
export interface KindProblem {
  path: (string | number)[];
  message: string;
}

/** What a kind's `check` knows of the scenario around the component. */
export interface CheckContext {
  id: string;
  /** Ids of the components this one links to, in link order. */
  targets: string[];
  /** Kind of any component by id. */
  kindOf(id: string): string | undefined;
}

/**
 * How a statistic's value reads: a plain number in a unit ('ratio' renders as a
 * percentage, 'number' is dimensionless, such as a coefficient of variation), a latency summary `{mean, p50, p99}` in ms, a cost `{run,
 * perMonth}` in USD, a count over time `{mean, max, end, afterDrain}` ('level': a
 * queue's backlog), or a word ('text').
 */
export type StatUnit = 'ratio' | 'ms' | 'count' | 'number' | 'rps' | 'usd' | 'summary-ms' | 'cost' | 'level' | 'text';

/** A statistic a kind reports, for docs, the text report and node badges. */
export interface StatDef {
  label: string;
  unit: StatUnit;
  /** One sentence for docs and tooltips. */
  help?: string;
  /** Show as a badge on the diagram node. */
  badge?: boolean;
  /** The value is one figure per key, e.g. `{"/orders": 120}`; names what the keys are ('route', 'backend'). */
  per?: string;
  /** With `per`: the keys are 0, 1, … (shards), so the figures are a list in that order. */
  indexed?: boolean;
}

/** A series a kind reports over time (`series.<name>.<id>` in the result). */
export interface SeriesDef {
  label: string;
  unit: 'count' | 'ms' | 'ratio';
  help?: string;
}

/** The value a statistic of `unit` takes in a run result. */
export type StatValue<U extends StatUnit> = U extends 'summary-ms'
  ? { mean: number; p50: number; p99: number }
  : U extends 'cost'
    ? { run: number; perMonth: number }
    : U extends 'level'
      ? { mean: number; max: number; end: number; afterDrain: number }
      : U extends 'text'
        ? string
        : number;

/** The value a declared statistic takes: by its unit, one per key when it is declared `per` something. */
export type StatDefValue<D extends StatDef> = D extends { per: string }
  ? D extends { indexed: true }
    ? StatValue<D['unit']>[]
    : Record<string, StatValue<D['unit']>>
  : StatValue<D['unit']>;

/** What a kind may report: each declared statistic, typed by its unit (absent when not applicable). */
export type StatsOf<S extends Record<string, StatDef>> = { [K in keyof S]?: StatDefValue<S[K]> };

/** What a kind may report over time: each declared series as one value per bucket. */
export type SeriesOf<S extends Record<string, SeriesDef>> = { [K in keyof S]?: number[] };

/** The statistics every kind reports (the common part of the output contract); kinds add their declared ones. */
export interface ComponentStats {
  kind: string;
  arrivals: number;
  completed: number;
  failed: number;
  inFlight: number;
  utilization: number;
  queueLength: { mean: number; max: number };
  waitMs: { mean: number; p50: number; p99: number };
  latencyMs: { mean: number; p50: number; p99: number };
  /** Per callee, for calls over guarded links (timeouts, retries, a circuit breaker): attempts, retries, timeouts, breaker state. */
  calls?: Record<string, unknown>;
  [extra: string]: unknown;
}

/** The statistics every component reports (docs/output.md), described as kinds describe theirs (the detail view lists them). */
export const COMMON_STAT_DEFS = {
  arrivals: { label: 'Arrivals', unit: 'count', help: 'Measured requests that reached this component.' },
  completed: { label: 'Completed', unit: 'count', help: 'Measured requests it answered successfully.' },
  failed: { label: 'Failed', unit: 'count', help: 'Measured requests it answered with a failure (timeout, rejected, throttled, error).' },
  inFlight: { label: 'In flight', unit: 'count', help: 'Requests it still held when the run ended.' },
  utilization: { label: 'Utilisation', unit: 'ratio', help: 'Busy workers ÷ workers, time-averaged over the measured interval.' },
  queueLength: { label: 'Queue length', unit: 'level', help: 'Requests waiting for a worker: time-averaged mean and the maximum.' },
  waitMs: { label: 'Wait', unit: 'summary-ms', help: 'Time a request waited for a worker before its service began.' },
  latencyMs: { label: 'Latency', unit: 'summary-ms', help: 'Arrival to answer at this component, its calls downstream included.' },
  // what a queueing model of the component needs (src/nodes/parts/worker-pool.ts measures it; src/analysis/analyze.ts reads it):
  // reported by kinds with workers (service, database, serverless), over the measured interval
  servers: {
    label: 'Servers per queue',
    unit: 'count',
    help: 'Workers that serve one FIFO queue (c of an M/M/c model), at the end of the run.',
  },
  queues: {
    label: 'Queues',
    unit: 'count',
    help: 'FIFO queues that took measured arrivals (instances, or database servers), each with its own servers.',
  },
  queueCapacity: {
    label: 'Queue capacity',
    unit: 'count',
    help: 'Places in each queue (absent: unbounded); an arrival that finds it full is turned away.',
  },
  blocking: { label: 'Blocking', unit: 'ratio', help: 'Share of measured arrivals at the queues turned away because the queue was full.' },
  serviceMs: {
    label: 'Service time',
    unit: 'ms',
    help: 'Mean time a measured request held a worker (its calls downstream included while it holds one).',
  },
  serviceScv: {
    label: 'Service-time SCV',
    unit: 'number',
    help: 'Squared coefficient of variation of the service time (variance ÷ mean²): 1 exponential, 0 constant.',
  },
  interarrivalMs: { label: 'Interarrival time', unit: 'ms', help: 'Mean time between measured arrivals at one queue.' },
  interarrivalScv: {
    label: 'Interarrival SCV',
    unit: 'number',
    help: 'Squared coefficient of variation of the time between arrivals at one queue: 1 for Poisson arrivals, below 1 more regular, above burstier.',
  },
} satisfies Record<string, StatDef>;

/** Keys every component's statistics carry: its kind, the common statistics, and its calls downstream. */
export const COMMON_STATS = ['kind', ...(Object.keys(COMMON_STAT_DEFS) as (keyof typeof COMMON_STAT_DEFS)[]), 'calls'] as const;

/** Failures the timeline can cause: down until restored, down for the kind's restart time, back up, slower. */
export const FAILURES = ['kill', 'crash', 'restore', 'slow'] as const;
export type Failure = (typeof FAILURES)[number];

/** Planned changes the timeline can make: replace every instance with a new version, or move to a bigger or smaller machine. */
export const CHANGES = ['deploy', 'resize'] as const;
export type Change = (typeof CHANGES)[number];

/** What the scenario timeline (`events:`) may do to a component of this kind. */
export interface TimelineCapability<P> {
  /** Failure events it accepts (instance numbers count up to `instances(p)`). */
  failures?: readonly Failure[];
  /** Planned changes it accepts (a rolling or recreate `deploy`, a vertical `resize`). */
  changes?: readonly Change[];
  /** Parameters a `set` event may change, given the component's parameters (a closed client has no rate to set). */
  settable?(p: P): readonly (keyof P & string)[];
}

/**
 * How fast a component can answer, for sizing a run before it starts (a closed
 * workload's rate is bounded by it; src/kinds/pace.ts).
 */
export interface Pace {
  /** Most requests per second it completes, all instances together (Infinity: no limit). */
  maxRps: number;
  /** Least time a request spends in it, in ms. */
  minMs: number;
}

/**
 * What a component's own parameters say about its pace, and how its calls bound
 * it: `via: 'all'` when every request makes each of its unconditional calls and
 * waits for them (so it is no faster than its slowest callee), `'one'` when each
 * request goes on to one of its targets (it completes no more than they do
 * together); absent when its calls do not bound it (cache hits, async calls).
 */
export interface OwnPace extends Partial<Pace> {
  via?: 'all' | 'one';
}

/** Kinds that issue the scenario's requests (workload sources). */
export interface SourceCapability<P> {
  /**
   * About how many requests a run issues by `horizonMs` (sizes the run before it starts);
   * `downstream` is how fast what the source calls can answer (unknown: no limit, no time).
   */
  estimateRequests(p: P, horizonMs: number, downstream?: Pace): number;
  /** The longest a request can take before it fails (bounds draining; Infinity when unbounded). */
  requestDeadline(p: P): number;
  /** The source stops by itself (a closed workload with iterations), so the scenario needs no duration. */
  isBounded(p: P): boolean;
}

/** Everything a kind is, apart from how it is simulated. `P` is its parameter descriptors. */
export interface KindDef<
  P extends Record<string, Param> = Record<string, Param>,
  S extends Record<string, StatDef> = Record<string, StatDef>,
  R extends Record<string, SeriesDef> = Record<string, SeriesDef>,
> {
  kind: string;
  label: string;
  /** A single emoji-free glyph key; the UI maps it to an icon. */
  icon: string;
  category: Category;
  help: string;
  /** Markdown for docs/components.md: behaviour, teaching point, an example. */
  docs?: string;
  params: P;
  /** How this kind's outgoing links behave: calls awaited (sync), fire-and-forget (async), or none. */
  calls: 'sync' | 'async' | 'none';
  /** Statistics this kind reports beyond the common ones (or common ones it shows as badges). */
  stats: S;
  /** Series this kind reports over time. */
  series?: R;
  /** Reads request keys (caches, shards, key-hash): clients draw keys only when some kind does. */
  usesKeys?: boolean;
  /** How many instances a component runs at most (the diagram's "× n", the timeline's instance numbers). */
  instances?(p: ParamsOf<P>): number;
  /** What the timeline may do to it; nothing when absent. */
  timeline?: TimelineCapability<ParamsOf<P>>;
  /** How fast a component of this kind answers, for sizing runs (no limit and no time when absent). */
  pace?(p: ParamsOf<P>): OwnPace;
  /** Present on kinds that issue requests. */
  source?: SourceCapability<ParamsOf<P>>;
  /** Cross-field checks beyond what descriptors express. */
  check?(p: ParamsOf<P>, ctx: CheckContext): KindProblem[];
}

/** Any kind's definition, as registries and generic code see it. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds kinds of every parameter shape
export type AnyKindDef = KindDef<any, any, any>;

/** The parameter values of a kind, as its runtime receives them (defaults filled in, units resolved). */
export type KindParams<D extends AnyKindDef> = ParamsOf<D['params']>;
/** The statistics a kind's runtime may report. */
export type KindStats<D extends AnyKindDef> = StatsOf<D['stats']>;
/** The series a kind's runtime may report. */
export type KindSeries<D extends AnyKindDef> =
  NonNullable<D['series']> extends Record<string, SeriesDef> ? SeriesOf<NonNullable<D['series']>> : Record<string, never>;

/**
 * Defines a kind. The `const` type parameters keep the descriptors' literal
 * types, so the parameter, statistic and series types are derived from them.
 */
export function defineKind<
  const P extends Record<string, Param>,
  const S extends Record<string, StatDef>,
  const R extends Record<string, SeriesDef> = Record<string, never>,
>(def: KindDef<P, S, R>): KindDef<P, S, R> {
  return def;
}

/** How many instances a component of `def` with resolved parameters `p` runs (1 when the kind does not say). */
export function instanceCount(def: Pick<AnyKindDef, 'instances'>, p: Record<string, Resolved>): number {
  return def.instances ? def.instances(p) : 1;
}

/** A kind's declared statistics as `[key, definition]` pairs, in declaration order. */
export function declaredStats(def: AnyKindDef): [string, StatDef][] {
  return Object.entries(def.stats as Record<string, StatDef>);
}

/** What a `set` event may change on a component of `def` with default parameters (for docs and the schema). */
export function settableByDefault(def: AnyKindDef): string[] {
  return [...(def.timeline?.settable?.({}) ?? [])];
}
