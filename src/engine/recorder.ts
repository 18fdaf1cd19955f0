/**
 * What the load-test client sees: requests issued in the measured interval,
 * completions, failures by reason, latency, per-phase and per-route figures and
 * the series. Routes are indexed once, when the clients are built
 * (`routeId`), so a request's tally is an array index, never a string lookup.
 */
import { Histogram, Series } from './stats.js';
import { Status, failureNames, type FailureName, type Frame, type Sim } from './sim.js';
import type { LatencyWatch, Tracer } from './trace.js';

/** Counts and latency of one group of requests (all, a phase, a route). */
export class Tally {
  issued = 0;
  completed = 0;
  readonly failures = [0, 0, 0, 0, 0]; // indexed by Status; [0] unused
  readonly latency = new Histogram();

  /** Count one answer: its latency when ok, its failure reason otherwise. */
  add(status: Status, ms: number): void {
    if (status === Status.ok) {
      this.completed++;
      this.latency.record(ms);
    } else this.failures[status]++;
  }

  get failed(): number {
    return this.failures.reduce((a, b) => a + b, 0);
  }

  /** Failures by reason; failureNames[i] is Status i + 1. */
  failuresByName(): Record<FailureName, number> {
    return Object.fromEntries(failureNames.map((name, i) => [name, this.failures[i + 1]])) as Record<FailureName, number>;
  }
}

/** A phase of a client's workload and the tally of the requests issued in it. */
export interface PhaseSpan {
  name: string;
  startMs: number;
  endMs: number;
  tally: Tally;
}

/** A route (Locust's Name, JMeter's label) and the tally of its measured requests. */
export interface RouteSpan {
  name: string;
  tally: Tally;
}

/** The load-test client's view of a run: totals, phases, routes and the series. */
export class Recorder {
  readonly total = new Tally();
  readonly phases: PhaseSpan[] = [];
  /** Routes in the order the clients declared them; Frame.routeId indexes this. */
  readonly routes: RouteSpan[] = [];
  private readonly routeIds = new Map<string, number>();
  readonly series: Series;
  /** Client requests issued and not yet answered (measured or not). */
  inFlight = 0;
  /** Clients still issuing requests. */
  private active = 0;
  /** Clients in the scenario (with one, its latency is the summary's). */
  clients = 0;
  allFinished = false;
  /** When the sources' work ends: the latest end a finished client reported. */
  private finishedAt = 0;
  /** Picks requests to trace as they are issued (null: no tracing). */
  tracer: Tracer | null = null;
  /** Keeps every measured request's latency for a traced replay (null: not kept). */
  watch: LatencyWatch | null = null;
  /** Called once, when the last client stops issuing, with the time its work ends. */
  onAllFinished: (atMs: number) => void = () => {};

  constructor(
    private readonly sim: Sim,
    bucketMs: number,
  ) {
    this.series = new Series(bucketMs);
  }

  /** The index of route `name` (registered on first use, at build time): what a client puts in Frame.routeId. */
  routeId(name: string): number {
    let id = this.routeIds.get(name);
    if (id === undefined) {
      id = this.routes.push({ name, tally: new Tally() }) - 1;
      this.routeIds.set(name, id);
    }
    return id;
  }

  /** A client starts issuing requests; it calls clientFinished() when it stops. */
  clientStarted(): void {
    this.active++;
    this.clients++;
  }

  /**
   * A client stops issuing. `atMs` is when its work ends: now for a closed
   * workload (its last answer), the end of its last phase for an open one (the
   * interval its arrivals cover, not the time of its last arrival).
   */
  clientFinished(atMs: number): void {
    this.finishedAt = Math.max(this.finishedAt, atMs);
    if (--this.active === 0 && !this.allFinished) {
      this.allFinished = true;
      this.onAllFinished(this.finishedAt);
    }
  }

  /** Declare a phase starting at `startMs` (it ends where the next begins, or at `endMs`). */
  beginPhase(name: string, startMs: number, endMs = Infinity): void {
    const prev = this.phases[this.phases.length - 1];
    if (prev && prev.endMs > startMs) prev.endMs = startMs;
    this.phases.push({ name, startMs, endMs, tally: new Tally() });
  }

  private phaseIndex(t: number): number {
    const ph = this.phases;
    for (let i = ph.length - 1; i >= 0; i--) if (t >= ph[i].startMs) return t < ph[i].endMs ? i : -1;
    return -1;
  }

  /** Stamp a new request frame issued now. */
  issue(root: Frame): void {
    const w = this.sim.measured,
      t = this.sim.now;
    root.id = this.sim.requestIds++;
    root.issued = t;
    root.measured = t >= w.start && t < w.end;
    this.inFlight++;
    if (root.measured) {
      this.total.issued++;
      // with one route its tally is the total's: counted once (the run reports it from the total)
      if (this.routes.length > 1) this.routes[root.routeId].tally.issued++;
    }
    root.phase = this.phases.length ? this.issuedInPhase(t) : -1;
    if (this.tracer !== null) this.tracer.issue(root);
  }

  private issuedInPhase(t: number): number {
    const i = this.phaseIndex(t);
    if (i >= 0) this.phases[i].tally.issued++;
    return i;
  }

  /** The response (or failure) for `root` reached its client. */
  done(root: Frame, status: Status): void {
    const now = this.sim.now;
    const ms = now - root.issued;
    this.inFlight--;
    if (status === Status.ok) this.series.success(now, ms);
    else this.series.failure(now);
    if (root.measured) {
      this.total.add(status, ms);
      if (this.routes.length > 1) this.routes[root.routeId].tally.add(status, ms);
    }
    if (root.phase >= 0) this.phases[root.phase].tally.add(status, ms);
    if (root.trace !== null) root.trace.done(status);
    if (this.watch !== null) this.watch.done(root, status, ms);
  }
}
