/**
 * service — an application server. Each instance runs `workers` requests at
 * once; others wait FIFO in its queue (beyond `queueCapacity`: rejected). A
 * request takes `serviceTime ÷ speed`, then the service calls its outgoing
 * links in order, holding the worker (blocking I/O) unless `async`.
 *
 * Instances can go down (killed by the timeline, or crashed by `crashOn`): a
 * down instance fails everything it holds and refuses new requests (error)
 * until restored or restarted. `autoscale` adds and removes instances like a
 * Kubernetes HPA. With `warmUp`, an instance that has just come up serves its
 * first requests cold (parts/warm-up.ts).
 *
 * Frame scratch fields at this kind:
 * - `f.step`: the callNext cursor (index of the next outgoing link).
 * - `f.inst`: the instance holding the request.
 * - `f.mark`: RECEIVED (queued or running, not answered), with HOLDS while it
 *   holds a worker; DEAD once its instance went down (its pending events are
 *   ignored); 0 after it has been answered.
 */
import { Node, type BuildContext, type Setters } from './node.js';
import { Status, type Frame } from '../engine/sim.js';
import { sampler, type Sampler } from '../engine/distributions.js';
import type { Rng } from '../engine/random.js';
import { matchesPrefix } from './parts/link.js';
import { Level } from './parts/level.js';
import { costStats } from './parts/cost.js';
import { Autoscaler, type Scalable } from './parts/autoscale.js';
import { InstanceHealth } from './parts/instance-health.js';
import { rollout, type Replaceable } from './parts/rollout.js';
import type { DeployPlan, ResizePlan, TimelineEvent } from '../timeline/events.js';
import { FULL, GRANTED, WorkerPool } from './parts/worker-pool.js';
import { WarmUp } from './parts/warm-up.js';
import { RouteTimes } from './parts/route-times.js';
import type { KindSeries, KindStats } from '../kinds/define.js';
import type { service, ServiceParams } from '../kinds/service.js';

/** Frame.mark bit: the request was received here (queued or running) and has not been answered. */
const RECEIVED = 2;
/** Frame.mark bit: the request holds one of its instance's workers. */
const HOLDS = 1;
/** Frame.mark of a request its instance failed when it went down: its pending events are ignored. */
const DEAD = 4;

/** outOfService: taken out by a deploy, finishing what it holds (its grace period). */
const DRAINING = 1;
/** outOfService: stopped, its replacement not started yet. */
const STOPPED = 2;

/** The runtime of a service: instances of workers with FIFO queues, failures and autoscaling. */
export class Service extends Node<typeof service> implements Scalable, Replaceable {
  readonly p: ServiceParams;
  private readonly health: InstanceHealth;
  private readonly speedAt: Float64Array;
  /** One group of workers per instance, with its FIFO queue. */
  private readonly pool: WorkerPool;
  /** Service times by route (serviceTimeByRoute; null: serviceTime for every route). */
  private readonly routeTimes: RouteTimes | null;
  /** First-request warm-up per instance (null: instances are always warm). */
  private readonly warm: WarmUp | null;
  private draw: Sampler;
  private readonly rng: Rng;
  private readonly callRng: Rng;
  private readonly pickRng: Rng;
  private readonly crashRng: Rng;
  private readonly hServed: number;
  private readonly capacity;
  /** Serving instances are [0, nReg). */
  private nReg: number;
  private readonly auto: Autoscaler | null;
  /** Serving instances over time (series, peak). */
  private readonly servingLevel: Level;
  private readonly billed: Level;
  rejected = 0;
  refused = 0;
  /**
   * Instances a deploy has taken out until their replacement starts: DRAINING
   * (deregistered, the old process still accepts what reaches it) for the grace
   * period, then STOPPED (refuses); null without deploys.
   */
  private outOfService: Uint8Array | null = null;
  /** Replacement instances starting beside the serving ones (a deploy's surge), billed. */
  private surging = 0;
  /** Cost up to the last price change (a resize), and the billed instance-ms at that time. */
  private costMarkUsd = 0;
  private costMarkArea = 0;

  constructor(ctx: BuildContext<typeof service>) {
    super('service', ctx);
    // copied: `set` events change workers and speed
    this.p = { ...ctx.params };
    const a = this.p.autoscale ? new Autoscaler(this.p.autoscale, ctx.sim, this) : null;
    this.auto = a;
    this.nReg = a ? a.clamp(this.p.instances) : this.p.instances;
    this.instances = a ? a.p.max : this.nReg;
    const n = this.instances;
    // instances an autoscaler has not registered take no traffic from a load balancer
    if (a) this.registered = new Uint8Array(n).fill(1, 0, this.nReg);
    this.speedAt = new Float64Array(n).fill(this.p.speed);
    this.pool = new WorkerPool(this, n, this.p.workers, this.p.queueCapacity);
    this.draw = sampler(this.p.serviceTime);
    this.routeTimes = this.p.serviceTimeByRoute ? new RouteTimes(this.p.serviceTimeByRoute) : null;
    this.rng = ctx.rng;
    this.callRng = ctx.stream('calls');
    this.pickRng = ctx.stream('pick');
    this.crashRng = ctx.stream('crash');
    this.hServed = ctx.sim.onFrame((f) => this.served(f), 'service');
    this.warm = this.p.warmUp ? new WarmUp(this.p.warmUp, n, ctx.stream('warm-up')) : null;
    const cold = (inst: number) => this.warm?.reset(inst, ctx.sim.now);
    this.health = new InstanceHealth(n, this.p.restartTime, ctx.sim, (inst) => this.lose(inst), cold);
    this.capacity = ctx.sim.timeAverage();
    const bucket = ctx.recorder.series.bucketMs;
    this.servingLevel = new Level(bucket, this.nReg);
    this.billed = new Level(bucket, this.nReg);
  }

  override start(): void {
    this.capacity.set(0, this.nReg * this.p.workers);
    this.auto?.start();
  }

  override isUp(inst: number): boolean {
    return this.health.isUp(inst);
  }

  override receive(f: Frame, inst: number): void {
    this.arrive(f);
    const n = this.nReg;
    if (inst < 0) inst = n === 1 ? 0 : Math.floor(this.pickRng() * n);
    f.inst = inst;
    if (this.health.anyDown && !this.health.isUp(inst)) return this.refuse(f);
    if (this.outOfService !== null && this.outOfService[inst] === STOPPED) return this.refuse(f);
    const r = this.pool.request(f, inst);
    if (r === GRANTED) return this.begin(f);
    if (r === FULL) return this.reject(f);
    f.mark = RECEIVED;
  }

  /** The instance is down: fail at once (error). */
  private refuse(f: Frame): void {
    if (f.measured) this.refused++;
    this.finish(f, Status.error);
  }

  /** The waiting room is full. */
  private reject(f: Frame): void {
    if (f.measured) this.rejected++;
    this.finish(f, Status.rejected);
  }

  /** f has just taken a free worker (the autoscaler counts it too). */
  private begin(f: Frame): void {
    if (this.auto !== null) this.auto.busy(this.sim.now, 1);
    this.serve(f);
  }

  /** Start serving f on the worker it holds. */
  private serve(f: Frame): void {
    f.step = 0;
    f.mark = RECEIVED | HOLDS;
    const ms = (this.routeTimes?.of(f.routeId, f.route) ?? this.draw)(this.rng),
      speed = this.speedAt[f.inst];
    const w = this.warm;
    this.sim.after(w === null ? ms / speed : w.serviceMs(f.inst, f.routeId, this.sim.now, ms, speed, f.measured), this.hServed, f);
  }

  private served(f: Frame): void {
    if (f.mark === DEAD) return;
    if (this.p.crashOn !== undefined && this.crashesOn(f)) return this.crash(f.inst);
    if (this.p.async) this.release(f);
    this.next(f);
  }

  /** Does serving f crash its instance (`crashOn`)? */
  private crashesOn(f: Frame): boolean {
    const c = this.p.crashOn as NonNullable<ServiceParams['crashOn']>;
    return matchesPrefix(f.route, c.route) && this.crashRng() < c.probability;
  }

  /** Give back f's worker and start the next waiting request. */
  private release(f: Frame): void {
    if (!(f.mark & HOLDS)) return;
    f.mark = RECEIVED;
    const next = this.pool.release(f.inst, f);
    if (next !== null) this.serve(next);
    else if (this.auto !== null) this.auto.busy(this.sim.now, -1);
  }

  /** Make the next applicable downstream call, or answer. */
  private next(f: Frame): void {
    if (!this.callNext(f, this.callRng)) this.done(f, Status.ok);
  }

  override reply(f: Frame, status: Status): void {
    if (f.mark === DEAD) return;
    if (status === Status.ok) this.next(f);
    else this.done(f, status);
  }

  private done(f: Frame, status: Status): void {
    this.release(f);
    f.mark = 0;
    this.finish(f, status);
  }

  // ---- failures --------------------------------------------------------

  /** Kill instance `inst`: down until a restore event. */
  override kill(inst: number): void {
    this.health.kill(inst);
  }

  /** Crash instance `inst`: down for restartTime. */
  override crash(inst: number): void {
    this.health.crash(inst);
  }

  /** Bring instance `inst` back up (a restore event). */
  override restore(inst: number): void {
    this.health.restore(inst);
  }

  /** Crashes so far (`crashOn` and crash events). */
  get crashes(): number {
    return this.health.crashes;
  }

  /** Instance `inst` went down: everything it holds fails — waiting, running, or blocked on a call. */
  private lose(inst: number): void {
    const now = this.sim.now;
    const lost: Frame[] = [];
    let held = 0;
    for (const f of this.sim.frames) {
      if (f.at !== this || f.inst !== inst || !(f.mark & RECEIVED)) continue;
      if (f.mark & HOLDS) held++;
      f.mark = DEAD;
      lost.push(f);
    }
    this.pool.drop(inst);
    if (held !== 0 && this.auto !== null) this.auto.busy(now, -held);
    for (const f of lost) this.finish(f, Status.error);
  }

  /** Multiply instance `inst`'s service time by `factor` (1 = normal speed again). */
  override slow(inst: number, factor: number): void {
    this.speedAt[inst] = this.p.speed / factor;
  }

  /** `set` events: workers, speed or serviceTime, from now on. */
  protected override readonly setters: Setters<typeof service> = {
    serviceTime: (d) => {
      this.draw = sampler(d);
    },
    speed: (speed) => {
      const old = this.p.speed;
      this.p.speed = speed;
      for (let i = 0; i < this.instances; i++) this.speedAt[i] *= speed / old;
    },
    workers: (workers) => {
      this.p.workers = this.pool.workers = workers;
      this.capacity.set(this.sim.now, this.nReg * workers);
      for (let i = 0; i < this.instances; i++) for (let f = this.pool.next(i); f !== null; f = this.pool.next(i)) this.begin(f);
    },
  };

  // ---- deploys and resizes (the timeline's planned changes) -------------

  /** A deploy will take instances out: a load balancer in front must see registrations. */
  override planned(e: TimelineEvent): void {
    if (e.action !== 'deploy') return;
    this.outOfService ??= new Uint8Array(this.instances);
    this.registered ??= new Uint8Array(this.instances).fill(1, 0, this.nReg);
  }

  /** Replace every serving instance (src/nodes/parts/rollout.ts). */
  override deploy(plan: DeployPlan): void {
    rollout(this.sim, plan, this);
  }

  takeOut(inst: number): void {
    (this.outOfService as Uint8Array)[inst] = DRAINING;
    (this.registered as Uint8Array)[inst] = 0;
  }

  stopIfOut(inst: number): void {
    const out = this.outOfService as Uint8Array;
    if (out[inst] !== DRAINING) return;
    out[inst] = STOPPED;
    this.lose(inst);
  }

  bringIn(inst: number): void {
    (this.outOfService as Uint8Array)[inst] = 0;
    this.warm?.reset(inst, this.sim.now); // the new version starts cold
    // an autoscaler may have removed the slot meanwhile: then it stays unregistered
    if (inst < this.nReg) (this.registered as Uint8Array)[inst] = 1;
  }

  surge(delta: number): void {
    this.surging += delta;
    this.provisioningChanged();
  }

  /** Every instance stops (what it holds fails), is down for the downtime, and comes back with the new workers, speed and price. */
  override resize(plan: ResizePlan): void {
    const apply = () => {
      if (plan.costPerHour !== undefined) this.reprice(plan.costPerHour);
      if (plan.speed !== undefined) this.setters.speed?.(plan.speed);
      if (plan.workers !== undefined) this.setters.workers?.(plan.workers);
    };
    if (plan.downtime <= 0) return apply();
    for (let i = 0; i < this.instances; i++) this.health.kill(i);
    const h = this.sim.onTimer(() => {
      apply();
      for (let i = 0; i < this.instances; i++) this.health.restore(i);
    });
    this.sim.timer(plan.downtime, h);
  }

  /** Bill at a new price from now on, keeping what was spent at the old one. */
  private reprice(costPerHour: number): void {
    const now = this.sim.now;
    this.costMarkUsd = this.costUsd(now);
    this.costMarkArea = this.billed.integralTo(now);
    this.p.costPerHour = costPerHour;
  }

  // ---- autoscaling (see autoscale.ts) --------------------------------

  get serving(): number {
    return this.nReg;
  }

  get workersPerInstance(): number {
    return this.p.workers;
  }

  register(k: number): void {
    const r = this.registered as Uint8Array;
    for (let j = 0; j < k; j++) {
      this.warm?.reset(this.nReg, this.sim.now); // a new instance starts cold
      r[this.nReg++] = 1;
    }
    this.resized();
  }

  deregisterFrom(n: number): void {
    const r = this.registered as Uint8Array;
    for (let i = n; i < this.nReg; i++) r[i] = 0;
    this.nReg = n;
    this.resized();
  }

  provisioningChanged(): void {
    this.billed.set(this.sim.now, this.nReg + (this.auto?.provisioning ?? 0) + this.surging);
  }

  private resized(): void {
    const now = this.sim.now;
    this.capacity.set(now, this.nReg * this.p.workers);
    this.servingLevel.set(now, this.nReg);
    this.provisioningChanged();
  }

  // ---- reporting -------------------------------------------------------

  override costUsd(now: number): number {
    return this.costMarkUsd + ((this.billed.integralTo(now) - this.costMarkArea) / 3_600_000) * this.p.costPerHour;
  }

  override timeSeries(bucketMs: number, n: number, now: number): KindSeries<typeof service> {
    return this.auto ? { instances: this.servingLevel.series(bucketMs, n, now) } : {};
  }

  override utilization(): number {
    const cap = this.capacity.mean(this.sim.now);
    return cap > 0 ? this.busy.mean(this.sim.now) / cap : 0;
  }

  override extraStats(): KindStats<typeof service> {
    return {
      instances: this.nReg,
      rejected: this.rejected,
      ...(this.refused || this.crashes ? { refused: this.refused, crashes: this.crashes } : {}),
      ...(this.warm ? { coldRequests: this.warm.cold } : {}),
      ...(this.auto ? { peakInstances: this.servingLevel.max, scaleUps: this.auto.scaleUps, scaleDowns: this.auto.scaleDowns } : {}),
      cost: costStats(this, this.sim),
    };
  }
}
