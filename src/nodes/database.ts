/**
 * database — a store that runs queries on `workers` per server, with an
 * optional connection pool in front, read replicas behind a primary, and
 * shards picked by the request's key. Servers are numbered shard-major:
 * server = shard × (1 + replicas) + member, member 0 being the primary.
 * The timeline's instance n is server n: a down server (killed, or crashed for
 * `restartTime`) fails the queries it holds as error and refuses those routed
 * to it until restored; `slow` multiplies its query and write times.
 *
 * Frame scratch fields at this kind:
 * - `f.step`: where the request is — CONNECTING, POOL_WAIT, QUEUED, RUNNING or
 *   GONE (answered; a pending acquire timeout is then ignored). Not a callNext
 *   cursor: a database calls nothing.
 * - `f.slot`: the server running (or queued for) the query.
 * - `f.mark`: unused.
 */
import { Node, type BuildContext } from './node.js';
import { Status, type Frame } from '../engine/sim.js';
import { sampler, type Sampler } from '../engine/distributions.js';
import { Deque } from '../engine/deque.js';
import { Histogram, ratio, round, summary3, type TimeAverage } from '../engine/stats.js';
import { hash32 } from '../engine/hash.js';
import type { Rng } from '../engine/random.js';
import { costedUntil, HOURS_PER_MONTH } from './parts/cost.js';
import { InstanceHealth } from './parts/instance-health.js';
import { FULL, GRANTED, WorkerPool } from './parts/worker-pool.js';
import type { KindStats } from '../kinds/define.js';
import type { database, DatabaseParams } from '../kinds/database.js';

/** Frame.step while a request is at the database. */
const CONNECTING = 1,
  POOL_WAIT = 2,
  QUEUED = 3,
  RUNNING = 4,
  GONE = 5;

/** The runtime of a database: servers of workers per shard and replica, and a connection pool. */
export class Database extends Node<typeof database> {
  readonly p: DatabaseParams;
  private readonly members: number;
  /** One group of workers per server, with its FIFO queue. */
  private readonly servers: WorkerPool;
  private readonly health: InstanceHealth;
  /** Query and write times of each server are multiplied by this (a `slow` event). */
  private readonly slowAt: Float64Array;
  private readonly rr: Int32Array;
  /** Busy workers per shard (when there are shards). */
  private readonly shardBusy: TimeAverage[] | null;
  private readonly shardRequests: Float64Array;
  private readonly query: Sampler;
  private readonly write: Sampler;
  private readonly connect: Sampler;
  private readonly lag: Sampler;
  private readonly rng: Rng;
  private readonly lagRng: Rng;
  private readonly hasPool: boolean;
  private freeConnections = 0;
  private readonly poolQueue = new Deque<Frame>();
  private readonly poolGens = new Deque<number>();
  private readonly poolInUse: TimeAverage;
  readonly poolWait = new Histogram();
  /** The store this database is a read model of (projectionOf), or null. */
  private source: Database | null = null;
  /** Per key, commit times of the writes not yet applied to this store's projection, oldest first (null: no projection). */
  private unprojected: Map<number, number[]> | null = null;
  readonly projectionLag = new Histogram();
  projectionReads = 0;
  private readonly peer: (id: string) => Node | undefined;
  /** (key, replica) → time the latest write to the key reaches that replica. */
  private readonly visibleAt = new Map<number, number>();
  private keySpace = 1;
  private readonly hConnected: number;
  private readonly hDone: number;
  private readonly hAcquireTimeout: number;
  rejected = 0;
  refused = 0;
  poolTimeouts = 0;
  primaryReads = 0;
  replicaReads = 0;
  staleReads = 0;
  writes = 0;

  constructor(ctx: BuildContext<typeof database>) {
    super('database', ctx);
    const p = (this.p = ctx.params);
    this.members = 1 + p.replicas;
    const servers = p.shards * this.members;
    this.servers = new WorkerPool(this, servers, p.workers, p.queueCapacity);
    this.health = new InstanceHealth(servers, p.restartTime, ctx.sim, (s) => this.lose(s));
    this.slowAt = new Float64Array(servers).fill(1);
    this.rr = new Int32Array(p.shards);
    this.shardBusy = p.shards > 1 ? Array.from({ length: p.shards }, () => ctx.sim.timeAverage()) : null;
    this.shardRequests = new Float64Array(p.shards);
    this.query = sampler(p.queryTime);
    this.write = sampler(p.writeTime ?? p.queryTime);
    this.connect = sampler(p.connectTime);
    this.lag = sampler(p.replicationLag);
    this.rng = ctx.rng;
    this.lagRng = ctx.stream('replication');
    this.hasPool = p.pool.size !== undefined;
    this.freeConnections = p.pool.size ?? 0;
    this.poolInUse = ctx.sim.timeAverage();
    this.hConnected = ctx.sim.onFrame((f) => this.toServer(f), 'connect');
    this.hDone = ctx.sim.onFrame((f) => this.done(f), 'query');
    this.hAcquireTimeout = ctx.sim.onFrame((f) => this.acquireTimedOut(f));
    this.peer = ctx.peer;
  }

  override start(): void {
    this.keySpace = this.p.keySpace ?? upstreamKeyCount(this);
    if (this.p.projectionOf !== undefined) {
      // validation checked it names another database
      this.source = this.peer(this.p.projectionOf) as Database;
      this.source.unprojected ??= new Map();
    }
  }

  override receive(f: Frame): void {
    this.arrive(f);
    if (!this.hasPool) {
      f.step = CONNECTING;
      return this.sim.after(this.connect(this.rng), this.hConnected, f);
    }
    if (this.freeConnections > 0) return this.acquire(f);
    f.step = POOL_WAIT;
    this.poolQueue.push(f);
    this.poolGens.push(f.gen);
    this.queued.add(this.sim.now, 1);
    this.sim.after(this.p.pool.acquireTimeout, this.hAcquireTimeout, f);
  }

  private acquire(f: Frame): void {
    this.freeConnections--;
    this.poolInUse.add(this.sim.now, 1);
    if (f.measured) this.poolWait.record(this.sim.now - f.t0);
    if (f.trace !== null) f.trace.waited(f, 'pool wait');
    this.toServer(f);
  }

  /** Give the connection back: the longest-waiting live request takes it. */
  private releaseConnection(): void {
    if (!this.hasPool) return;
    this.poolInUse.add(this.sim.now, -1);
    this.freeConnections++;
    const q = this.poolQueue,
      gens = this.poolGens;
    while (q.length) {
      const f = q.shift() as Frame,
        gen = gens.shift() as number;
      if (f.gen !== gen || f.step !== POOL_WAIT) continue; // timed out meanwhile
      this.queued.add(this.sim.now, -1);
      return this.acquire(f);
    }
  }

  private acquireTimedOut(f: Frame): void {
    if (f.step !== POOL_WAIT) return;
    f.step = GONE;
    this.queued.add(this.sim.now, -1);
    if (f.measured) this.poolTimeouts++;
    this.finish(f, Status.timeout);
  }

  /** Holding a connection: go to the server the key and the read/write pick. */
  private toServer(f: Frame): void {
    const shard = this.shardOf(f.key);
    if (f.measured) this.shardRequests[shard]++;
    let member = 0;
    if (!f.write && this.members > 1 && this.p.readFrom !== 'primary') {
      const n = this.rr[shard]++;
      member = this.p.readFrom === 'replicas' ? 1 + (n % (this.members - 1)) : n % this.members;
    }
    const s = shard * this.members + member;
    f.slot = s;
    if (this.health.anyDown && !this.health.isUp(s)) return this.refuse(f);
    const r = this.servers.request(f, s);
    if (r === GRANTED) return this.begin(f);
    if (r !== FULL) {
      f.step = QUEUED;
      return;
    }
    if (f.measured) this.rejected++;
    f.step = GONE;
    this.releaseConnection();
    this.finish(f, Status.rejected);
  }

  /** Server f.slot is down: fail at once (error). */
  private refuse(f: Frame): void {
    if (f.measured) this.refused++;
    f.step = GONE;
    this.releaseConnection();
    this.finish(f, Status.error);
  }

  private shardOfServer(s: number): number {
    return (s - (s % this.members)) / this.members;
  }

  shardOf(key: number): number {
    const n = this.p.shards;
    if (n === 1) return 0;
    if (this.p.partition === 'hash') return hash32(key) % n;
    return Math.min(n - 1, Math.max(0, Math.floor((key * n) / this.keySpace)));
  }

  /** f has just taken a free worker of its server. */
  private begin(f: Frame): void {
    if (this.shardBusy !== null) this.shardBusy[this.shardOfServer(f.slot)].add(this.sim.now, 1);
    this.run(f);
  }

  /** f holds a worker of its server: run its query. */
  private run(f: Frame): void {
    const s = f.slot,
      member = s % this.members;
    f.step = RUNNING;
    if (f.measured) {
      if (f.write) this.writes++;
      else if (this.source !== null) this.readProjection(f.key);
      else if (member === 0) this.primaryReads++;
      else {
        this.replicaReads++;
        if (this.isStale(f.key, member)) this.staleReads++;
      }
    }
    this.sim.after((f.write ? this.write : this.query)(this.rng) * this.slowAt[s], this.hDone, f);
  }

  /** A read of the projection: stale while its store has writes to the key not yet applied here. */
  private readProjection(key: number): void {
    this.projectionReads++;
    const pending = (this.source as Database).unprojected?.get(key);
    if (pending !== undefined && pending.length > 0) this.staleReads++;
  }

  /** A write committed here: its projection (if any) is behind until the projector applies it. */
  private committed(key: number, now: number): void {
    const pending = (this.unprojected as Map<number, number[]>).get(key);
    if (pending === undefined) (this.unprojected as Map<number, number[]>).set(key, [now]);
    else pending.push(now);
  }

  /** The projector applied a write to `key` here: the oldest of the store's unapplied writes to it is applied. */
  private applied(f: Frame, now: number): void {
    const pending = (this.source as Database).unprojected?.get(f.key);
    const at = pending?.shift();
    if (at !== undefined && f.measured) this.projectionLag.record(now - at);
  }

  /** A replica serves `key` before the latest write to it has arrived there. */
  private isStale(key: number, member: number): boolean {
    const id = key * this.members + member;
    const t = this.visibleAt.get(id);
    if (t === undefined) return false;
    if (this.sim.now < t) return true;
    this.visibleAt.delete(id);
    return false;
  }

  private done(f: Frame): void {
    if (f.step !== RUNNING) return; // failed when its server went down
    const now = this.sim.now,
      s = f.slot;
    // the worker goes straight to the next query waiting for this server, if any
    const next = this.servers.release(s, f);
    if (next === null && this.shardBusy !== null) this.shardBusy[this.shardOfServer(s)].add(now, -1);
    if (f.write && this.unprojected !== null) this.committed(f.key, now);
    if (f.write && this.source !== null) this.applied(f, now);
    if (f.write) {
      // asynchronous replication: each replica applies the write after its own lag, in order
      for (let r = 1; r < this.members; r++) {
        const id = f.key * this.members + r;
        this.visibleAt.set(id, Math.max(this.visibleAt.get(id) ?? 0, now + this.lag(this.lagRng)));
      }
    }
    if (next !== null) this.run(next);
    f.step = GONE;
    this.releaseConnection();
    this.finish(f, Status.ok);
  }

  // ---- the timeline: instance n is server n ----------------------------------

  /** Server `s` goes down until a restore event. */
  override kill(s: number): void {
    this.health.kill(s);
  }

  /** Server `s` goes down for restartTime. */
  override crash(s: number): void {
    this.health.crash(s);
  }

  /** Server `s` takes queries again. */
  override restore(s: number): void {
    this.health.restore(s);
  }

  /** Multiply server `s`'s query and write times by `factor` (1: normal again); queries already running keep theirs. */
  override slow(s: number, factor: number): void {
    this.slowAt[s] = factor;
  }

  /** Server `s` went down: the queries it holds (waiting or running) fail as error, giving back their connections. */
  private lose(s: number): void {
    const now = this.sim.now;
    const lost: Frame[] = [];
    for (const f of this.sim.frames) {
      if (f.at !== this || f.slot !== s || (f.step !== QUEUED && f.step !== RUNNING)) continue;
      f.step = GONE;
      lost.push(f);
    }
    const running = this.servers.busyAt[s];
    if (running !== 0 && this.shardBusy !== null) this.shardBusy[this.shardOfServer(s)].add(now, -running);
    this.servers.drop(s);
    for (const f of lost) {
      this.releaseConnection();
      this.finish(f, Status.error);
    }
  }

  /** Every server (shards × (1 + replicas)) is billed for the whole run. */
  override costUsd(now: number): number {
    return ((this.servers.busyAt.length * now) / 3_600_000) * this.p.costPerHour;
  }

  override utilization(): number {
    return this.busy.mean(this.sim.now) / (this.servers.busyAt.length * this.p.workers);
  }

  override extraStats(): KindStats<typeof database> {
    const now = this.sim.now,
      perShard = this.members * this.p.workers;
    const reads = this.primaryReads + this.replicaReads + this.projectionReads;
    return {
      rejected: this.rejected,
      ...(this.refused || this.health.crashes ? { refused: this.refused, crashes: this.health.crashes } : {}),
      connections: this.hasPool ? 'pool' : 'per request',
      ...(this.hasPool && {
        poolWaitMs: summary3(this.poolWait),
        poolUtilization: round(this.poolInUse.mean(now) / (this.p.pool.size as number), 4),
        poolTimeouts: this.poolTimeouts,
      }),
      reads,
      writes: this.writes,
      ...(this.members > 1 && {
        replicaReads: this.replicaReads,
        staleReads: this.staleReads,
        staleReadRatio: ratio(this.staleReads, this.replicaReads + this.projectionReads),
      }),
      ...(this.source !== null && {
        staleReads: this.staleReads,
        staleReadRatio: ratio(this.staleReads, this.replicaReads + this.projectionReads),
        projectionLagMs: summary3(this.projectionLag),
      }),
      ...(this.p.costPerHour > 0 && {
        cost: {
          run: round(this.costUsd(costedUntil(this.sim)), 6),
          perMonth: round(this.servers.busyAt.length * this.p.costPerHour * HOURS_PER_MONTH, 2),
        },
      }),
      ...(this.p.shards > 1 && {
        shardUtilization: (this.shardBusy as TimeAverage[]).map((b) => round(b.mean(now) / perShard, 4)),
        shardRequests: Array.from(this.shardRequests),
      }),
    };
  }
}

/** The largest key count of the workload sources whose requests reach `node` (for range partitioning). */
function upstreamKeyCount(node: Node): number {
  const seen = new Set<Node>([node]);
  const stack = [node];
  let count = 0;
  while (stack.length) {
    for (const l of (stack.pop() as Node).in) {
      if (seen.has(l.from)) continue;
      seen.add(l.from);
      stack.push(l.from);
      count = Math.max(count, l.from.keyCount);
    }
  }
  return count || 1;
}
