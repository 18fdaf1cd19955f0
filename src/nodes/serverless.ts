/**
 * serverless — a function (AWS Lambda-like). Each instance runs one request at
 * a time; a request finding no idle instance starts a new one, paying a cold
 * start, up to `concurrency` running at once (beyond: throttled, or a FIFO wait
 * with `queue: true`). Idle instances are reclaimed after `idleTimeout`;
 * `provisioned` ones stay warm. New instances come no faster than the scaling
 * rate allows (a token bucket: `burst`, then `scaleRate`); a request that needs
 * one when none may be made is throttled, or waits with `queue: true`. Billing
 * per request and per GB-second above the pro-rated free tier. The
 * timeline can kill the whole function (a regional outage), restore and slow it.
 *
 * Frame scratch fields at this kind:
 * - `f.step`: the callNext cursor (index of the next outgoing link).
 * - `f.slot`: the instance id running the invocation.
 * - `f.mark`: RUNNING while the invocation holds an instance, WAITING in the
 *   queue (`queue: true`) — for a place under the concurrency limit, or holding
 *   one, for an instance the scaling rate allows —, IDLE otherwise (answered, or failed by a kill) —
 *   timers and answers for a frame that is no longer RUNNING are ignored.
 *
 * The concurrency limit is a worker pool of one group (parts/worker-pool.ts):
 * it keeps the running count, the FIFO queue, and the busy, queued and wait
 * statistics; the function keeps its instances (which one runs what, cold
 * starts, reclaiming) and billing.
 */
import { Node, type BuildContext, type Setters } from './node.js';
import { Status, type Frame } from '../engine/sim.js';
import { sampler, type Sampler } from '../engine/distributions.js';
import type { Rng } from '../engine/random.js';
import { Histogram, ratio, round, summary3 } from '../engine/stats.js';
import { Level } from './parts/level.js';
import { costStats, HOURS_PER_MONTH } from './parts/cost.js';
import { TokenBucket } from './parts/token-bucket.js';
import { FULL, GRANTED, WorkerPool } from './parts/worker-pool.js';
import { COLD_START, type ServerlessParams, type serverless } from '../kinds/serverless.js';
import type { KindSeries, KindStats } from '../kinds/define.js';

/** Frame.mark of an invocation holding an instance. */
const RUNNING = 1;
/** Frame.mark of an invocation waiting for the concurrency limit (`queue: true`). */
const WAITING = 2;
/** Frame.mark of any other frame at the function. */
const IDLE = 0;

/** The runtime of a serverless function: instances, cold starts, throttling and billing. */
export class Serverless extends Node<typeof serverless> {
  readonly p: ServerlessParams;
  private readonly initTime: Sampler;
  private readonly draw: Sampler;
  private readonly rng: Rng;
  private readonly callRng: Rng;
  private readonly hServed: number;
  private readonly hKill: number;
  private readonly hExpire: number;
  /** The concurrency limit: running invocations and those waiting FIFO for it. */
  private readonly pool: WorkerPool;
  /** New instances allowed: `burst` at once, then `scaleRate`. */
  private readonly scaling: TokenBucket;
  /** Invocations holding a place under the limit that wait for an instance the scaling rate allows (`queue: true`). */
  private readonly scaleWait: Frame[] = [];
  private readonly hScale: number;
  private isScaleTimerSet = false;
  // per instance id
  private isBusy: boolean[] = [];
  private isAlive: boolean[] = [];
  private isProvisioned: boolean[] = [];
  private idleSince: number[] = [];
  private startedAt: number[] = [];
  private freeIds: number[] = [];
  /** Idle instances, most recently used last: requests take the warmest. */
  private idle: number[] = [];
  private idleProvisioned: number[] = [];
  /** Killed by the timeline (a regional outage): refuses invocations until restored. */
  private isDown = false;
  /** The function's own time (cold start and handler) is multiplied by this (a `slow` event). */
  private slowFactor = 1;
  readonly warm: Level;
  readonly init = new Histogram();
  invocations = 0;
  billedInvocations = 0;
  coldStarts = 0;
  throttled = 0;
  timedOut = 0;
  scaleLimited = 0;
  refused = 0;
  private gbMs = 0;

  constructor(ctx: BuildContext<typeof serverless>) {
    super('serverless', ctx);
    this.p = { ...ctx.params };
    this.initTime = sampler(this.p.coldStart ?? COLD_START[this.p.runtime]);
    this.draw = sampler(this.p.serviceTime);
    this.rng = ctx.rng;
    this.callRng = ctx.stream('calls');
    this.hServed = ctx.sim.onFrame((f) => f.mark === RUNNING && this.next(f), 'run');
    this.hKill = ctx.sim.onFrame((f) => {
      if (f.mark !== RUNNING) return;
      if (f.measured) this.timedOut++;
      this.done(f, Status.timeout);
    });
    this.hExpire = ctx.sim.onTimer((id) => this.expire(id));
    this.hScale = ctx.sim.onTimer(() => this.scaleUp());
    this.scaling = new TokenBucket(this.p.scaleRate / 1000, this.p.burst);
    this.pool = new WorkerPool(this, 1, this.p.concurrency, this.p.queue ? Infinity : 0);
    this.warm = new Level(ctx.recorder.series.bucketMs, 0);
  }

  override start(): void {
    for (let i = 0; i < this.p.provisioned; i++) {
      const id = this.newInstance();
      this.isProvisioned[id] = true;
      this.idleProvisioned.push(id);
    }
  }

  private newInstance(): number {
    const id = this.freeIds.length ? (this.freeIds.pop() as number) : this.isAlive.length;
    this.isAlive[id] = true;
    this.isBusy[id] = false;
    this.isProvisioned[id] = false;
    this.warm.add(this.sim.now, 1);
    return id;
  }

  override receive(f: Frame): void {
    this.arrive(f);
    if (this.isDown) {
      if (f.measured) this.refused++;
      return this.finish(f, Status.error);
    }
    // a synchronous invocation that would need a new instance the scaling rate cannot give yet is refused before it
    // takes a place under the concurrency limit, so the pool measures only what that limit saw
    let hasToken = false;
    if (!this.p.queue && !this.idleProvisioned.length && !this.idle.length && this.pool.busyAt[0] < this.pool.workers) {
      if (!this.scaling.take(this.sim.now)) {
        if (f.measured) {
          this.scaleLimited++;
          this.throttled++;
        }
        return this.finish(f, Status.throttled);
      }
      hasToken = true;
    }
    const r = this.pool.request(f, 0);
    if (r === GRANTED) return this.begin(f, hasToken);
    if (r !== FULL) {
      f.mark = WAITING;
      return;
    }
    if (f.measured) this.throttled++;
    this.finish(f, Status.throttled);
  }

  /**
   * Invocation f holds a place under the concurrency limit: run it on the
   * warmest idle instance, or a new one if it holds a scaling token or the rate
   * allows one now; if not — only with `queue: true`, as receive() refuses a
   * synchronous one first — it waits for an instance, keeping its place.
   */
  private begin(f: Frame, hasToken = false): void {
    const id = this.idleProvisioned.pop() ?? this.idle.pop();
    if (id !== undefined) return this.run(f, id, false);
    if (hasToken || this.scaling.take(this.sim.now)) return this.run(f, this.newInstance(), true);
    if (f.measured) this.scaleLimited++;
    f.mark = WAITING;
    this.scaleWait.push(f);
    this.armScaleTimer();
  }

  /** Wake when the scaling rate allows the next instance, for the invocations waiting for one. */
  private armScaleTimer(): void {
    if (this.isScaleTimerSet || !this.scaleWait.length) return;
    this.isScaleTimerSet = true;
    this.sim.timer(this.scaling.waitFor(this.sim.now), this.hScale, 0);
  }

  private scaleUp(): void {
    this.isScaleTimerSet = false;
    while (this.scaleWait.length && this.scaling.take(this.sim.now)) {
      this.run(this.scaleWait.shift() as Frame, this.newInstance(), true);
    }
    this.armScaleTimer();
  }

  /** Run invocation f on instance `id`, paying a cold start if the instance is new. */
  private run(f: Frame, id: number, isCold: boolean): void {
    const now = this.sim.now;
    if (f.measured) this.invocations++;
    this.billedInvocations++;
    let delay = 0;
    if (isCold) {
      delay = this.initTime(this.rng) * this.slowFactor;
      if (f.measured) {
        this.coldStarts++;
        this.init.record(delay);
      }
    }
    this.isBusy[id] = true;
    this.startedAt[id] = now;
    f.slot = id;
    f.step = 0;
    f.mark = RUNNING;
    const t = delay + this.draw(this.rng) * this.slowFactor;
    const max = this.p.maxDuration;
    if (t > max) return this.sim.after(max, this.hKill, f);
    // with downstream calls the whole invocation must fit in maxDuration
    if (this.out.length && Number.isFinite(max)) this.sim.after(max, this.hKill, f);
    this.sim.after(t, this.hServed, f);
  }

  /** Make the next applicable downstream call (holding the instance), or answer. */
  private next(f: Frame): void {
    if (!this.callNext(f, this.callRng)) this.done(f, Status.ok);
  }

  override reply(f: Frame, status: Status): void {
    if (f.mark !== RUNNING) return;
    if (status === Status.ok) this.next(f);
    else this.done(f, status);
  }

  private done(f: Frame, status: Status): void {
    const now = this.sim.now,
      id = f.slot;
    this.stop(f);
    this.idleSince[id] = now;
    if (this.isProvisioned[id]) this.idleProvisioned.push(id);
    else {
      this.idle.push(id);
      this.sim.timer(this.p.idleTimeout, this.hExpire, id);
    }
    // an invocation waiting for the scaling rate already holds a place: it takes the freed instance first
    const waiting = this.scaleWait.shift();
    if (waiting !== undefined) this.run(waiting, (this.idleProvisioned.pop() ?? this.idle.pop()) as number, false);
    const next = this.pool.release(0, f);
    if (next !== null) this.begin(next);
    this.finish(f, status);
  }

  /** The invocation f gives up its instance: bill it (1 ms steps, init included); the instance is free. */
  private stop(f: Frame): void {
    const id = f.slot;
    f.mark = IDLE;
    this.gbMs += Math.ceil(this.sim.now - this.startedAt[id]) * (this.p.memoryMb / 1024);
    this.isBusy[id] = false;
  }

  /**
   * Reclaim instance `id` if it has been idle for idleTimeout since this timer
   * was set. Ids are reused (after a reclaim or a kill), so the timer may be an
   * older instance's: a provisioned or busy one, or one idle for less, stays.
   */
  private expire(id: number): void {
    if (!this.isAlive[id] || this.isBusy[id] || this.isProvisioned[id]) return;
    if (this.sim.now < this.idleSince[id] + this.p.idleTimeout) return;
    const k = this.idle.indexOf(id);
    if (k >= 0) this.idle.splice(k, 1);
    this.isAlive[id] = false;
    this.freeIds.push(id);
    this.warm.add(this.sim.now, -1);
  }

  // ---- the timeline ------------------------------------------------------

  /**
   * The function goes down (a regional outage): what it holds — running, waiting
   * or blocked on a call — fails as error, its instances are gone, and new
   * invocations are refused until restored.
   */
  override kill(): void {
    if (this.isDown) return;
    this.isDown = true;
    const now = this.sim.now;
    const lost: Frame[] = [];
    for (const f of this.sim.frames) if (f.at === this && (f.mark === RUNNING || f.mark === WAITING)) lost.push(f);
    for (const f of lost) {
      if (f.mark === RUNNING) this.stop(f);
      f.mark = IDLE;
    }
    this.pool.drop(0);
    this.scaleWait.length = 0;
    for (let id = 0; id < this.isAlive.length; id++) {
      if (!this.isAlive[id]) continue;
      this.isAlive[id] = false;
      this.freeIds.push(id);
    }
    this.idle.length = this.idleProvisioned.length = 0;
    this.warm.set(now, 0);
    for (const f of lost) this.finish(f, Status.error);
  }

  /** Back up after a kill: instances start cold again, provisioned ones warm. */
  override restore(): void {
    if (!this.isDown) return;
    this.isDown = false;
    this.start();
  }

  /** Multiply the function's own time (cold start and handler) by `factor` (1: normal again). */
  override slow(_inst: number, factor: number): void {
    this.slowFactor = factor;
  }

  /**
   * `set` events: the concurrency limit. Waiting requests start if it rose; if
   * it fell, finishing invocations free no place until fewer run.
   */
  protected override readonly setters: Setters<typeof serverless> = {
    concurrency: (concurrency) => {
      this.p.concurrency = this.pool.workers = concurrency;
      for (let f = this.pool.next(0); f !== null; f = this.pool.next(0)) this.begin(f);
    },
  };

  override costUsd(now: number): number {
    const p = this.p,
      gb = p.memoryMb / 1024;
    // the free tier, pro-rated: a run of `now` ms gets now ÷ (one month) of each monthly allowance
    const month = now / (HOURS_PER_MONTH * 3_600_000);
    const requests = (Math.max(0, this.billedInvocations - p.freeRequests * month) / 1e6) * p.pricePerMillion;
    const duration = Math.max(0, this.gbMs / 1000 - p.freeGbSeconds * month) * p.pricePerGbSecond;
    return requests + duration + p.provisioned * gb * (now / 1000) * p.provisionedPricePerGbSecond;
  }

  override timeSeries(bucketMs: number, n: number, now: number): KindSeries<typeof serverless> {
    return { instances: this.warm.series(bucketMs, n, now) };
  }

  override utilization(): number {
    return this.p.concurrency > 0 ? this.busy.mean(this.sim.now) / this.p.concurrency : 0;
  }

  override extraStats(): KindStats<typeof serverless> {
    return {
      invocations: this.invocations,
      coldStarts: this.coldStarts,
      coldStartRatio: ratio(this.coldStarts, this.invocations),
      coldStartMs: summary3(this.init),
      throttled: this.throttled,
      timedOut: this.timedOut,
      scaleLimited: this.scaleLimited,
      instances: this.warm.value,
      peakInstances: this.warm.max,
      billedGbSeconds: round(this.gbMs / 1000, 3),
      cost: costStats(this, this.sim),
      ...(this.refused ? { refused: this.refused } : {}),
    };
  }
}
