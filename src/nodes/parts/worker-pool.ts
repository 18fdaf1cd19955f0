/**
 * A pool of workers in groups, each group with its own FIFO queue — SimPy's
 * `Resource`, one per group: `request` takes a worker or a place in the queue,
 * `release` gives the worker back and hands it straight to the longest-waiting
 * request. The pool keeps the bookkeeping every kind with workers shares: busy
 * workers per group, the queues and their capacity, the time-averaged busy and
 * queued counts of its node, and each request's wait for a worker (measured
 * requests only). What a request does once it holds a worker, and what becomes
 * of a request the queue cannot take, is the kind's.
 *
 * It also measures what a queueing model of the node needs (`queueingStats`,
 * read by src/analysis/analyze.ts): the time between arrivals at each group's
 * queue and how long each request holds a worker, as running sums of values and
 * squares (mean and squared coefficient of variation, no allocation per request),
 * and the share of arrivals turned away by a full queue.
 *
 * Groups are whatever the kind serves from: a service's instances, a database's
 * servers, a single group for a function's concurrency limit or a queue's
 * consumers. All groups have the same number of workers.
 */
import type { Frame, Sim } from '../../engine/sim.js';
import { round, type Histogram, type TimeAverage } from '../../engine/stats.js';
import { Deque } from '../../engine/deque.js';

/** `request` outcome: the request holds a worker now; the kind starts it. */
export const GRANTED = 0;
/** `request` outcome: the request waits in its group's queue; a later `release` or `next` hands it a worker. */
export const QUEUED = 1;
/** `request` outcome: the queue is full; the request was not taken (the kind rejects or throttles it). */
export const FULL = 2;

/** What a pool reports into: its node's simulation and statistics (the Node base has all four). */
export interface PoolOwner {
  readonly sim: Sim;
  /** Busy workers, time-averaged. */
  readonly busy: TimeAverage;
  /** Requests waiting for a worker, time-averaged. */
  readonly queued: TimeAverage;
  /** Each measured request's time from arrival (`f.t0`) until it holds a worker. */
  readonly wait: Histogram;
  /** The pool whose queueing figures the node reports (the pool sets it to itself). */
  workerPool?: WorkerPool | null;
}

/** What a pool measured for a queueing model of its node (the common statistics of that name, src/kinds/define.ts). */
export interface QueueingStats {
  servers: number;
  queues: number;
  queueCapacity?: number;
  blocking: number;
  serviceMs?: number;
  serviceScv?: number;
  interarrivalMs?: number;
  interarrivalScv?: number;
}

// indices of WorkerPool's running sums
const GAPS = 0,
  GAP_SUM = 1,
  GAP_SQUARES = 2,
  HOLDS = 3,
  HOLD_SUM = 4,
  HOLD_SQUARES = 5,
  OFFERED = 6,
  TURNED_AWAY = 7;

/** Mean and squared coefficient of variation from a count, a sum and a sum of squares (absent below two values). */
function moments(n: number, sum: number, squares: number): { mean?: number; scv?: number } {
  if (n < 2) return {};
  const mean = sum / n;
  const variance = Math.max(0, squares / n - mean * mean);
  return { mean: round(mean, 4), scv: mean > 0 ? round(variance / (mean * mean), 4) : undefined };
}

/**
 * Workers in `groups` groups of `workers` each, with a FIFO queue of at most
 * `queueCapacity` requests per group.
 *
 * @example
 * // a service: one group per instance
 * this.pool = new WorkerPool(this, p.instances, p.workers, p.queueCapacity);
 * receive(f, inst) {
 *   const r = this.pool.request(f, inst);
 *   if (r === GRANTED) this.sim.after(this.draw(this.rng), this.hServed, f);
 *   else if (r === FULL) this.finish(f, Status.rejected);
 * }
 * served(f) {
 *   const next = this.pool.release(f.inst);
 *   if (next !== null) this.sim.after(this.draw(this.rng), this.hServed, next);
 *   this.finish(f, Status.ok);
 * }
 * // a serverless function: one group, its concurrency limit, a queue or none
 * this.pool = new WorkerPool(this, 1, p.concurrency, p.queue ? Infinity : 0);
 * // a `set` event raised the limit: start what waits
 * this.pool.workers = value;
 * for (let f = this.pool.next(0); f !== null; f = this.pool.next(0)) this.begin(f);
 */
export class WorkerPool {
  /** Busy workers of each group. */
  readonly busyAt: Int32Array;
  /** Workers per group (a kind may change it mid-run; then call `next` to start what waits). */
  workers: number;
  /** Requests each group's queue holds at most; beyond, `request` answers FULL. */
  queueCapacity: number;
  private readonly queues: Deque<Frame>[];
  private readonly sim: Sim;
  private readonly busy: TimeAverage;
  private readonly queued: TimeAverage;
  private readonly wait: Histogram;
  /** Last arrival time at each group's queue (−1: none yet). */
  private readonly lastArrivalAt: Float64Array;
  /** When each request holding a worker took it, by frame index (grows with the frames in use). */
  private startedAt = new Float64Array(64);
  /**
   * Running sums over measured requests (indices GAPS…TURNED_AWAY): gaps between arrivals at a group, holding
   * times, arrivals and those turned away — in a typed array, so the hot path adds in place and boxes no double.
   */
  private readonly sums = new Float64Array(8);

  constructor(owner: PoolOwner, groups: number, workers: number, queueCapacity: number) {
    this.sim = owner.sim;
    this.busy = owner.busy;
    this.queued = owner.queued;
    this.wait = owner.wait;
    owner.workerPool = this;
    this.lastArrivalAt = new Float64Array(groups).fill(-1);
    this.busyAt = new Int32Array(groups);
    this.workers = workers;
    this.queueCapacity = queueCapacity;
    this.queues = Array.from({ length: groups }, () => new Deque<Frame>());
  }

  /** Ask for a worker of group `g` for `f`: GRANTED (f holds one now), QUEUED or FULL. */
  request(f: Frame, g: number): number {
    const now = this.sim.now,
      last = this.lastArrivalAt[g];
    this.lastArrivalAt[g] = now;
    if (f.measured) {
      const s = this.sums;
      s[OFFERED]++;
      if (last >= 0) {
        const gap = now - last;
        s[GAPS]++;
        s[GAP_SUM] += gap;
        s[GAP_SQUARES] += gap * gap;
      }
    }
    if (this.busyAt[g] < this.workers) {
      this.take(f, g);
      return GRANTED;
    }
    const q = this.queues[g];
    if (q.length >= this.queueCapacity) {
      if (f.measured) this.sums[TURNED_AWAY]++;
      return FULL;
    }
    q.push(f);
    this.queued.add(this.sim.now, 1);
    return QUEUED;
  }

  /**
   * `done`, holding a worker of group `g`, gives it back: it goes to the longest-waiting
   * request of the group, which is returned holding it (the kind starts it), or becomes free (null).
   */
  release(g: number, done: Frame): Frame | null {
    const now = this.sim.now;
    if (done.measured) {
      const hold = now - this.startedAt[done.idx],
        s = this.sums;
      s[HOLDS]++;
      s[HOLD_SUM] += hold;
      s[HOLD_SQUARES] += hold * hold;
    }
    const q = this.queues[g];
    // after `workers` was lowered, a group may have more busy than it is allowed: those workers go
    if (q.length !== 0 && this.busyAt[g] <= this.workers) {
      // the worker passes straight on: busy is unchanged
      const f = q.shift() as Frame;
      this.queued.add(now, -1);
      this.started(f, now);
      return f;
    }
    this.busyAt[g]--;
    this.busy.add(this.sim.now, -1);
    return null;
  }

  /** The longest-waiting request of group `g`, now holding a worker, if one is free (null otherwise). */
  next(g: number): Frame | null {
    const q = this.queues[g];
    if (q.length === 0 || this.busyAt[g] >= this.workers) return null;
    const f = q.shift() as Frame;
    this.queued.add(this.sim.now, -1);
    this.take(f, g);
    return f;
  }

  /** Requests waiting in group `g`'s queue. */
  waiting(g: number): number {
    return this.queues[g].length;
  }

  /**
   * Group `g` goes down: its workers are free and its queue empty. The kind
   * fails the requests it held (it knows where they are: running, or blocked on a call).
   */
  drop(g: number): void {
    const now = this.sim.now,
      q = this.queues[g];
    if (this.busyAt[g] !== 0) this.busy.add(now, -this.busyAt[g]);
    this.busyAt[g] = 0;
    this.queued.add(now, -q.length);
    while (q.length !== 0) q.shift();
  }

  /** What this pool measured for a queueing model of its node (over measured requests). */
  queueingStats(): QueueingStats {
    const s = this.sums;
    const service = moments(s[HOLDS], s[HOLD_SUM], s[HOLD_SQUARES]),
      gaps = moments(s[GAPS], s[GAP_SUM], s[GAP_SQUARES]);
    let queues = 0;
    for (const t of this.lastArrivalAt) if (t >= 0) queues++;
    const out: QueueingStats = {
      servers: this.workers,
      queues,
      queueCapacity: Number.isFinite(this.queueCapacity) ? this.queueCapacity : undefined,
      blocking: s[OFFERED] ? round(s[TURNED_AWAY] / s[OFFERED], 6) : 0,
      serviceMs: service.mean,
      serviceScv: service.scv,
      interarrivalMs: gaps.mean,
      interarrivalScv: gaps.scv,
    };
    // absent rather than undefined: the result is plain JSON
    for (const k of Object.keys(out) as (keyof QueueingStats)[]) if (out[k] === undefined) delete out[k];
    return out;
  }

  private take(f: Frame, g: number): void {
    this.busyAt[g]++;
    this.busy.add(this.sim.now, 1);
    this.started(f, this.sim.now);
  }

  /** `f` holds a worker from `now`: its wait ends and its holding time starts. */
  private started(f: Frame, now: number): void {
    if (f.measured) this.wait.record(now - f.t0);
    if (f.idx >= this.startedAt.length) {
      const grown = new Float64Array(Math.max(f.idx + 1, this.startedAt.length * 2));
      grown.set(this.startedAt);
      this.startedAt = grown;
    }
    this.startedAt[f.idx] = now;
  }
}
