/**
 * The simulator: a clock, the event calendar, and the request lifecycle.
 *
 * A Frame is one request's visit to one component (a call). Frames are pooled
 * and carry a generation number; an event names a frame by (index, generation),
 * so events for a frame that has since been released (answered, timed out,
 * recycled) are skipped — no cancellation bookkeeping, no object per event.
 */
import { Calendar } from './calendar.js';
import { TimeAverage, type Interval } from './stats.js';
import type { Trace } from './trace.js';

export const Status = { ok: 0, timeout: 1, rejected: 2, throttled: 3, error: 4 } as const;
export type Status = (typeof Status)[keyof typeof Status];
export const failureNames = ['timeout', 'rejected', 'throttled', 'error'] as const;
export type FailureName = (typeof failureNames)[number];

/** Something that receives calls: a component. */
export interface Receiver {
  receive(f: Frame, inst: number): void;
  reply(f: Frame, status: Status, child: Frame): void;
  /** The component's id, as traces name it. */
  readonly id?: string;
  /** Part of its caller, not a component (a guard): traces draw it on the caller's row. */
  readonly isInline?: boolean;
}

/** Something calls travel over: a link. */
export interface Wire {
  readonly to: Receiver;
  /** Latency is constant 0: deliver without an event. */
  readonly instant: boolean;
  latency(): number;
  /** Calls over this wire are writes (true) or reads (false) at the callee; undefined: as the request. */
  readonly write?: boolean;
  /**
   * Calls over this wire go to the guard instead (timeouts, retries, circuit
   * breaker: nodes/parts/guard.ts), which makes each attempt with `attempt()`.
   */
  readonly guard?: Wire | null;
}

export class Frame {
  gen = 0;
  // the request
  id = 0;
  route = '/';
  /** The route's index in the recorder's routes (Recorder.routeId), so per-route tallies need no string lookup. */
  routeId = 0;
  key = 0;
  write = false;
  /** Scheduled issue time of the request (open) or actual issue time (closed). */
  issued = 0;
  /** Issued inside the measured interval. */
  measured = false;
  attempt = 0;
  /** Index of the issuing client component. */
  client = 0;
  /** Phase index (-1: none) and closed-workload user (-1: open), set on a request's first frame only. */
  phase = -1;
  user = -1;
  // the call
  parent: Frame | null = null;
  parentGen = 0;
  wire: Wire | null = null;
  at: Receiver | null = null;
  inst = -1;
  /** Arrival time at the current component. */
  t0 = 0;
  status: Status = Status.ok;
  // scratch for the component handling the frame
  step = 0;
  slot = 0;
  mark = 0;
  data: unknown = null;
  /** The trace of a traced request (null: not traced), and the span its work here goes under. */
  trace: Trace | null = null;
  span = -1;

  constructor(readonly idx: number) {}
}

export class SimOverloadError extends Error {}

/** Copy what identifies the request (not the call) from one frame to another. */
export function copyRequest(from: Frame, to: Frame): void {
  to.id = from.id;
  to.route = from.route;
  to.routeId = from.routeId;
  to.key = from.key;
  to.write = from.write;
  to.issued = from.issued;
  to.measured = from.measured;
  to.client = from.client;
  to.trace = from.trace;
  to.span = from.span;
}

export class Sim {
  now = 0;
  events = 0;
  requestIds = 0;
  readonly cal = new Calendar(4096);
  private readonly fns: ((x: never) => void)[] = [];
  /** What a traced frame's delay with each handler is spent on ('' for none: a deadline, not work). */
  private readonly labels: string[] = [];
  /** Every frame ever allocated, live or free (free ones have `at === null`). */
  readonly frames: Frame[] = [];
  /** Indices of the free frames (a stack). */
  private free = new Int32Array(1024);
  private nFree = 0;
  /** Frames currently in use. */
  live = 0;
  private readonly hArrive: number;
  private readonly hReturn: number;
  private readonly hTimeout: number;

  /** The measured interval: [warmup, end of issuing). */
  readonly measured: Interval;

  /**
   * @param measureStart start of the measured interval (warmup), ms
   * @param measureEnd end of the measured interval (duration), ms
   * @param maxLive frames in use beyond which the run is aborted as overloaded
   */
  constructor(
    measureStart = 0,
    measureEnd = Infinity,
    readonly maxLive = 4_000_000,
  ) {
    this.measured = { start: measureStart, end: measureEnd };
    this.hArrive = this.onFrame((f) => (f.at as Receiver).receive(f, f.inst));
    this.hReturn = this.onFrame((f) => this.deliver(f));
    this.hTimeout = this.onFrame((f) => {
      const p = f.parent;
      if (p !== null && p.gen === f.parentGen) {
        f.parent = null; // the callee keeps working; its answer will be dropped
        if (f.trace !== null) f.trace.timeout(f);
        (p.at as Receiver).reply(p, Status.timeout, f);
      }
    });
  }

  /**
   * Register a handler for frame events (skipped if the frame was released).
   * `label` names what a delay before it is spent on, for traces (service, query,
   * backoff); without one the delay is a deadline and traces show no span for it.
   */
  onFrame(fn: (f: Frame) => void, label = ''): number {
    this.labels.push(label);
    return this.fns.push(fn) - 1;
  }

  /** Register a handler for timer events carrying one integer. */
  onTimer(fn: (arg: number) => void): number {
    this.labels.push('');
    return this.fns.push(fn) - 1;
  }

  at(time: number, handler: number, f: Frame): void {
    if (f.trace !== null) this.traceWork(f, handler, time - this.now);
    this.cal.push(time, handler, f.idx, f.gen);
  }

  after(delay: number, handler: number, f: Frame): void {
    if (f.trace !== null) this.traceWork(f, handler, delay);
    this.cal.push(this.now + delay, handler, f.idx, f.gen);
  }

  /** A traced frame waits `delay` for `handler`: a span when the handler is labelled. */
  private traceWork(f: Frame, handler: number, delay: number): void {
    const label = this.labels[handler];
    if (label !== '') (f.trace as Trace).work(f, label, delay);
  }

  timer(delay: number, handler: number, arg = 0): void {
    this.cal.push(this.now + delay, handler, -1, arg);
  }

  timerAt(time: number, handler: number, arg = 0): void {
    this.cal.push(time, handler, -1, arg);
  }

  timeAverage(): TimeAverage {
    return new TimeAverage(this.measured);
  }

  /** A fresh frame (fields other than idx/gen are stale: callers set what they use). */
  alloc(): Frame {
    const f = this.nFree > 0 ? this.frames[this.free[--this.nFree]] : this.newFrame();
    this.live++;
    // parent and data were cleared by release()
    f.step = f.slot = f.mark = 0;
    f.status = Status.ok;
    return f;
  }

  /** Grow the pool by one frame (kept apart from alloc so the common case stays small). */
  private newFrame(): Frame {
    if (this.live >= this.maxLive)
      throw new SimOverloadError(`more than ${this.maxLive.toLocaleString('en-US')} requests in flight at once`);
    const f = new Frame(this.frames.length);
    this.frames.push(f);
    if (this.frames.length > this.free.length) {
      const grown = new Int32Array(this.free.length * 2);
      grown.set(this.free);
      this.free = grown;
    }
    return f;
  }

  /** A new frame for `f`'s request with no caller: an asynchronous message handled by `at`. */
  message(f: Frame, at: Receiver): Frame {
    const m = this.alloc();
    copyRequest(f, m);
    m.at = at;
    m.attempt = 0;
    m.t0 = this.now;
    if (m.trace !== null) m.trace.message(m, at);
    return m;
  }

  release(f: Frame): void {
    if (f.trace !== null) {
      f.trace.released(f);
      f.trace = null;
    }
    f.gen = (f.gen + 1) | 0;
    f.parent = null;
    f.at = null;
    f.data = null;
    this.live--;
    this.free[this.nFree++] = f.idx;
  }

  /**
   * Call `wire.to` on behalf of `parent` (at instance `inst`, -1: callee picks),
   * through the wire's guard if it has one.
   * With `timeout` > 0 the parent gets Status.timeout if no answer comes in time.
   */
  call(parent: Frame, wire: Wire, inst = -1, timeout = 0): Frame {
    return this.attempt(parent, wire.guard ?? wire, inst, timeout);
  }

  /** One attempt of a call over `wire` itself, bypassing its guard. */
  attempt(parent: Frame, wire: Wire, inst = -1, timeout = 0): Frame {
    const c = this.alloc();
    copyRequest(parent, c);
    c.attempt = parent.attempt;
    this.launch(c, parent, wire, inst, timeout);
    return c;
  }

  /**
   * Send a new request's first frame `f` (request fields set) over `wire` as a
   * call made by `caller`, a frame that is never released (a client's own): the
   * answer comes to `caller.at.reply(caller, status, f)`, after which f is released.
   */
  send(f: Frame, caller: Frame, wire: Wire, timeout = 0): void {
    f.attempt = 0;
    this.launch(f, caller, wire.guard ?? wire, -1, timeout);
  }

  private launch(c: Frame, parent: Frame, wire: Wire, inst: number, timeout: number): void {
    c.parent = parent;
    c.parentGen = parent.gen;
    c.wire = wire;
    c.at = wire.to;
    c.inst = inst;
    if (wire.write !== undefined) c.write = wire.write;
    if (timeout > 0) this.cal.push(this.now + timeout, this.hTimeout, c.idx, c.gen);
    if (wire.instant) {
      if (c.trace !== null) c.trace.call(c, wire, this.now);
      wire.to.receive(c, inst);
    } else {
      const at = this.now + wire.latency();
      if (c.trace !== null) c.trace.call(c, wire, at);
      this.cal.push(at, this.hArrive, c.idx, c.gen);
    }
  }

  /** Answer the call `f` with `status`; the answer travels back over its wire. */
  respond(f: Frame, status: Status): void {
    f.status = status;
    const w = f.wire as Wire;
    if (w.instant) {
      if (f.trace !== null) f.trace.respond(f, status, this.now);
      this.deliver(f);
    } else {
      const at = this.now + w.latency();
      if (f.trace !== null) f.trace.respond(f, status, at);
      this.cal.push(at, this.hReturn, f.idx, f.gen);
    }
  }

  private deliver(f: Frame): void {
    const p = f.parent;
    if (p !== null && p.gen === f.parentGen) {
      f.parent = null;
      (p.at as Receiver).reply(p, f.status, f);
    }
    this.release(f);
  }

  /** Set by a handler to end the current run() call after its event. */
  halted = false;

  /**
   * Run events with time ≤ `until`, at most `maxEvents` of them.
   * Returns the number of events run.
   */
  run(until: number, maxEvents = Infinity): number {
    const cal = this.cal,
      fns = this.fns,
      frames = this.frames;
    let n = 0;
    this.halted = false;
    while (n < maxEvents && cal.popUntil(until)) {
      this.now = cal.topTime;
      n++;
      const a = cal.topA;
      if (a >= 0) {
        const f = frames[a];
        if (f.gen === cal.topB) (fns[cal.topHandler] as (f: Frame) => void)(f);
      } else (fns[cal.topHandler] as (arg: number) => void)(cal.topB);
      if (this.halted) break;
    }
    this.events += n;
    return n;
  }
}
