/**
 * The runtime base of every kind: a Node simulates one component of a scenario.
 * Nodes receive calls (Frames), answer them with `this.finish(f, status)` and
 * call downstream with `this.callNext(f, rng)` or `this.sim.call(f, link)`; a
 * downstream answer arrives in `reply`. What a kind *is* (parameters,
 * statistics, capabilities) is its definition in src/kinds/; the node is how it
 * behaves.
 *
 * Rule for implementers: `sim.call`, `finish` and `sim.respond` may re-enter this
 * node synchronously (zero-latency links), so make them the last thing a handler
 * does, after all state changes.
 */
import type { AnyKindDef, ComponentStats, KindParams, KindSeries, KindStats } from '../kinds/define.js';
import type { Sim, Frame, Status } from '../engine/sim.js';
import { Status as S } from '../engine/sim.js';
import { Histogram, type TimeAverage, round, summary3 } from '../engine/stats.js';
import type { Rng } from '../engine/random.js';
import type { Recorder } from '../engine/recorder.js';
import { nextLink, type Link } from './parts/link.js';
import type { WorkerPool } from './parts/worker-pool.js';
import type { DeployPlan, ResizePlan, TimelineEvent } from '../timeline/events.js';

/** Typed `set` handlers of a kind: for each settable parameter, what to do with its new value. */
export type Setters<D extends AnyKindDef> = { [K in keyof KindParams<D>]?: (value: Exclude<KindParams<D>[K], undefined>) => void };

/** What a node is built from: its component's id and parameters, the simulation, and its random streams. */
export interface BuildContext<D extends AnyKindDef = AnyKindDef> {
  id: string;
  index: number;
  params: KindParams<D>;
  sim: Sim;
  /** Where clients record what their requests experienced. */
  recorder: Recorder;
  /** Some component of the run reads request keys. */
  keysUsed: boolean;
  /** This component's own random stream. */
  rng: Rng;
  /** Derive a further named stream for this component (e.g. per instance). */
  stream(name: string): Rng;
  /** Another component of the run, by id (every one exists by `start()`): a CQRS read model finds its store. */
  peer(id: string): Node | undefined;
}

/**
 * Runtime base class. Keeps the common statistics (arrivals, completions,
 * failures, latency, wait, utilisation, queue length) over the measured interval.
 */
export abstract class Node<D extends AnyKindDef = AnyKindDef> {
  readonly id: string;
  readonly index: number;
  readonly sim: Sim;
  /** Outgoing links, in scenario order (set before the run starts). */
  out: Link[] = [];
  /** Incoming links. */
  in: Link[] = [];
  /** Number of identical instances a load balancer can choose between. */
  instances = 1;
  /**
   * Which instances take traffic (1) or not (0), for a load balancer in front;
   * null when all `instances` always do (only an autoscaled service changes it).
   */
  registered: Uint8Array | null = null;
  /** Distinct keys the requests of this node draw from (workload sources); 0 for other kinds. */
  keyCount = 0;

  arrivals = 0;
  completed = 0;
  failed = 0;
  readonly latency = new Histogram();
  readonly wait = new Histogram();
  /** Busy workers (count), time-averaged; see utilization(). */
  readonly busy: TimeAverage;
  /** Waiting requests (not in service), time-averaged. */
  readonly queued: TimeAverage;
  /** The worker pool of a kind with workers, which measures the node's queueing figures (it sets this itself). */
  workerPool: WorkerPool | null = null;

  constructor(
    readonly kind: string,
    ctx: BuildContext<D>,
  ) {
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

  // ---- the timeline (events:) ----------------------------------------------
  // A kind's definition lists the failures it accepts and the parameters a
  // `set` event may change (`timeline` in src/kinds/define.ts); validation
  // refuses anything else, so these run only where the node overrides them.
  // The contract test checks that every declared capability is overridden.

  /** Kill instance `inst` (0-based): down until a restore event. */
  kill(inst: number): void {
    this.unsupported('kill', inst);
  }

  /** Crash instance `inst`: down for the kind's restart time. */
  crash(inst: number): void {
    this.unsupported('crash', inst);
  }

  /** Bring instance `inst` back up. */
  restore(inst: number): void {
    this.unsupported('restore', inst);
  }

  /** Multiply instance `inst`'s service time by `factor` (1 = normal again). */
  slow(inst: number, _factor: number): void {
    this.unsupported('slow', inst);
  }

  /** Replace every instance with a new one (a `deploy` event, src/nodes/parts/rollout.ts). */
  deploy(_plan: DeployPlan): void {
    this.unsupported('deploy', 0);
  }

  /** Move every instance to a bigger or smaller machine (a `resize` event). */
  resize(_plan: ResizePlan): void {
    this.unsupported('resize', 0);
  }

  /** Told, before the run starts, of each timeline event aimed at this node (to prepare what it will need). */
  planned(_e: TimelineEvent): void {}

  /**
   * This kind's handlers for `set` events, one per parameter its definition's
   * `timeline.settable` names; each value arrives resolved, in the parameter's own type.
   */
  protected readonly setters: Setters<D> = {};

  /** Change parameter `name` mid-run (a `set` event), through this kind's `setters`. */
  setParam(name: string, value: unknown): void {
    const set = (this.setters as Record<string, ((value: unknown) => void) | undefined>)[name];
    if (set === undefined || !Object.hasOwn(this.setters, name)) return this.unsupported(`set ${name}`, 0);
    set(value);
  }

  private unsupported(action: string, inst: number): never {
    throw new Error(`${this.kind} ${this.id} cannot ${action} (instance ${inst + 1}): its kind does not declare it`);
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

  /** Kind-specific statistics merged into this component's output: only those its definition declares. */
  extraStats(): KindStats<D> {
    return {};
  }

  /** What this component cost in USD from time 0 to `now` (ms); 0 for kinds without a price. */
  costUsd(_now: number): number {
    return 0;
  }

  /** Kind-specific series over time (`series.<name>.<id>`): only those its definition declares. */
  timeSeries(_bucketMs: number, _n: number, _now: number): KindSeries<D> {
    return {} as KindSeries<D>;
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
      ...this.workerPool?.queueingStats(),
      ...this.extraStats(),
    };
  }
}
