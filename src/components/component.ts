/**
 * The contract every component kind implements.
 *
 * A kind is data (label, help, parameter descriptors) plus `create`, which builds
 * a runtime Node for one component of a scenario. Nodes receive calls (Frames),
 * answer them with `this.finish(f, status)` and call downstream with
 * `this.sim.call(f, link)`; a downstream answer arrives in `reply`.
 *
 * Rule for implementers: `sim.call`, `finish` and `sim.respond` may re-enter this
 * node synchronously (zero-latency links), so make them the last thing a handler
 * does, after all state changes.
 */
import type { Param, ResolvedObject } from './params.js';
import type { Sim, Frame, Status } from '../engine/sim.js';
import { nextLink, type Link } from './link.js';
import { Status as S } from '../engine/sim.js';
import { Histogram, TimeAverage } from '../engine/stats.js';
import type { Rng } from '../engine/random.js';
import type { Recorder } from '../engine/recorder.js';

export type Category = 'traffic' | 'edge' | 'compute' | 'data' | 'async';

/** A problem found by a kind's own cross-field checks. Path is relative to the component. */
export interface KindProblem {
  path: (string | number)[];
  message: string;
}

export interface CheckContext {
  id: string;
  /** Ids of the components this one links to, in link order. */
  targets: string[];
  /** Kind of any component by id. */
  kindOf(id: string): string | undefined;
}

export interface BuildContext {
  id: string;
  index: number;
  params: ResolvedObject;
  sim: Sim;
  /** Where clients record what their requests experienced. */
  recorder: Recorder;
  /** Some component of the run reads request keys. */
  keysUsed: boolean;
  /** This component's own random stream. */
  rng: Rng;
  /** Derive a further named stream for this component (e.g. per instance). */
  stream(name: string): Rng;
}

/** A statistic a kind reports, for docs, the text report and node badges. */
export interface StatDescriptor {
  key: string;
  label: string;
  /** 'ratio' renders as a percentage; 'ms', 'count', 'rps', 'usd'. */
  unit: 'ratio' | 'ms' | 'count' | 'rps' | 'usd';
  /** Show as a badge on the diagram node. */
  badge?: boolean;
}

export interface KindDef {
  kind: string;
  label: string;
  /** A single emoji-free glyph key; the UI maps it to an icon. */
  icon: string;
  category: Category;
  help: string;
  /** Markdown for docs/components.md: behaviour, teaching point, an example. */
  docs?: string;
  params: Record<string, Param>;
  /** How this kind's outgoing links behave: calls awaited (sync), fire-and-forget (async), or none. */
  calls: 'sync' | 'async' | 'none';
  /** Kind-specific statistics beyond the common ones. */
  stats?: StatDescriptor[];
  /** Reads request keys (caches, shards, key-hash): clients draw keys only when some kind does. */
  usesKeys?: boolean;
  /** Cross-field checks beyond what descriptors express. */
  check?(params: ResolvedObject, ctx: CheckContext): KindProblem[];
  /** Kinds that issue requests: about how many a run issues by `horizonMs` (sizes the run before it starts). */
  estimateRequests?(params: ResolvedObject, horizonMs: number): number;
  /** Kinds that issue requests: the longest a request can take before it fails (bounds draining; Infinity when unbounded). */
  requestDeadline?(params: ResolvedObject): number;
  create(ctx: BuildContext): Node;
}

/** Per-component statistics: the common part of the output contract. */
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
  [extra: string]: unknown;
}

/**
 * Runtime base class. Keeps the common statistics (arrivals, completions,
 * failures, latency, wait, utilisation, queue length) over the measured interval.
 */
export abstract class Node {
  readonly id: string;
  readonly index: number;
  readonly sim: Sim;
  /** Outgoing links, in scenario order (set before the run starts). */
  out: Link[] = [];
  /** Incoming links. */
  in: Link[] = [];
  /** Number of identical instances a load balancer can choose between. */
  instances = 1;

  arrivals = 0;
  completed = 0;
  failed = 0;
  readonly latency = new Histogram();
  readonly wait = new Histogram();
  /** Busy workers (count), time-averaged; see utilization(). */
  readonly busy: TimeAverage;
  /** Waiting requests (not in service), time-averaged. */
  readonly queued: TimeAverage;

  constructor(readonly kind: string, ctx: BuildContext) {
    this.id = ctx.id;
    this.index = ctx.index;
    this.sim = ctx.sim;
    this.busy = ctx.sim.timeAverage();
    this.queued = ctx.sim.timeAverage();
  }

  /** Called once all components and links exist, before time starts. */
  start(): void {}

  /** Called when the measured interval closes (issuing ends); draining may follow. */
  windowClosed(): void {}

  /** A call arrives at instance `inst` (-1: the node picks). */
  abstract receive(f: Frame, inst: number): void;

  /** A downstream call made on behalf of `f` has answered with `status`. */
  reply(_f: Frame, _status: Status, _child: Frame): void {}

  /** Instance `inst` is able to take traffic (false when killed or crashed). */
  isUp(_inst: number): boolean {
    return true;
  }

  /** Count an arrival and stamp its time. */
  protected arrive(f: Frame): void {
    f.t0 = this.sim.now;
    if (f.measured) this.arrivals++;
  }

  /**
   * Make f's next downstream call: the links in order from Frame.step, skipping
   * those whose route filter or probability `p` says no. False when none is left.
   */
  protected callNext(f: Frame, rng: Rng): boolean {
    if (f.step >= this.out.length) return false;
    const i = nextLink(this.out, f.step, f.route, rng);
    if (i < 0) return false;
    f.step = i + 1;
    this.sim.call(f, this.out[i]);
    return true;
  }

  /** Answer a call: count it and send the response back over its link. */
  protected finish(f: Frame, status: Status): void {
    if (f.measured) {
      if (status === S.ok) {
        this.completed++;
        this.latency.record(this.sim.now - f.t0);
      } else this.failed++;
    }
    this.sim.respond(f, status);
  }

  /** Busy workers ÷ all workers over the measured interval; 0 for kinds without workers. */
  utilization(): number {
    return 0;
  }

  /** Kind-specific statistics merged into this component's output. */
  extraStats(): Record<string, unknown> {
    return {};
  }

  stats(): ComponentStats {
    const end = this.sim.now;
    return {
      kind: this.kind,
      arrivals: this.arrivals,
      completed: this.completed,
      failed: this.failed,
      inFlight: this.arrivals - this.completed - this.failed,
      utilization: round(this.utilization(), 4),
      queueLength: { mean: round(this.queued.mean(end), 3), max: this.queued.max },
      waitMs: summary3(this.wait),
      latencyMs: summary3(this.latency),
      ...this.extraStats(),
    };
  }
}

export function round(x: number, digits = 3): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function summary3(h: Histogram): { mean: number; p50: number; p99: number } {
  return { mean: round(h.mean()), p50: round(h.quantile(0.5)), p99: round(h.quantile(0.99)) };
}
