/**
 * Request tracing: the spans one picked request leaves on its way through the
 * design. A traced request's frames carry their `Trace` (`Frame.trace`) and the
 * span their component's work goes under (`Frame.span`); the simulator and the
 * parts that keep waits (worker pool, connection pool, guard) call the hooks
 * below only for such frames, so an untraced request pays one null check per
 * hook. Tracing reads the clock and the draws already made and draws nothing
 * itself: a traced run is event for event the run without tracing.
 *
 * Span times come from the same arithmetic as the events they mirror (a call's
 * arrival is `now + latency`, as the calendar has it), so a request's spans add
 * up to its measured latency exactly.
 */
import { failureNames, Status, type Frame, type Receiver, type Sim, type Wire } from './sim.js';
import { MAX_TRACE_SPANS, type RequestTrace, type SpanCategory, type TraceSpan } from '../output/trace-data.js';

const statusName = (s: Status): string => (s === Status.ok ? 'ok' : failureNames[s - 1]);

/** The spans of one traced request, recorded as its frames move. */
export class Trace {
  readonly spans: TraceSpan[] = [];
  isTruncated = false;
  status = 'in flight';
  /** When the answer reached the client (NaN while in flight). */
  doneMs = Number.NaN;

  constructor(
    private readonly sim: Sim,
    readonly requestId: number,
    readonly client: string,
    readonly route: string,
    readonly issuedMs: number,
    readonly why: string[],
  ) {
    this.spans.push({
      id: 0,
      parent: -1,
      name: `request ${route}`,
      cat: 'request',
      component: client,
      startMs: issuedMs,
      endMs: Number.NaN,
    });
  }

  /** Adds a span and returns its id; -1 once the trace is full (hooks then ignore the frame). */
  private add(parent: number, name: string, cat: SpanCategory, component: string, startMs: number, endMs: number): number {
    const id = this.spans.length;
    if (id >= MAX_TRACE_SPANS) {
      this.isTruncated = true;
      return -1;
    }
    this.spans.push({ id, parent, name, cat, component, startMs, endMs });
    return id;
  }

  private setArg(span: TraceSpan, key: string, value: string | number): void {
    (span.args ??= {})[key] = value;
  }

  /**
   * Call `c` goes out now over `wire` from the span `c.span`, arriving at `arriveMs`:
   * a call (an attempt under a guard) with its outbound network time and the visit it makes.
   * A guard is part of its caller: its call holds the attempts, backoffs and the caller's wait.
   */
  call(c: Frame, wire: Wire, arriveMs: number): void {
    const ps = c.span;
    if (ps < 0) return;
    const now = this.sim.now,
      to = wire.to.id ?? '?',
      parent = this.spans[ps],
      row = parent.component;
    if (wire.to.isInline) {
      c.span = this.add(ps, `→ ${to}`, 'call', row, now, Number.NaN);
      return;
    }
    const isAttempt = parent.cat === 'call';
    this.gap(parent, 'wait');
    const cs = this.add(
      ps,
      isAttempt ? `attempt ${c.attempt + 1} → ${to}` : `→ ${to}`,
      isAttempt ? 'attempt' : 'call',
      row,
      now,
      Number.NaN,
    );
    if (cs < 0) return void (c.span = -1);
    if (isAttempt) this.setArg(this.spans[cs], 'attempt', c.attempt + 1);
    if (arriveMs > now) this.add(cs, 'network', 'network', row, now, arriveMs);
    c.span = this.add(cs, to, 'visit', to, arriveMs, Number.NaN);
  }

  /** `m` is an asynchronous message for `at`, sent from the span `m.span` (no caller waits for it). */
  message(m: Frame, at: Receiver): void {
    if (m.span < 0) return;
    m.span = this.add(m.span, `${at.id} (async)`, 'visit', at.id ?? '?', this.sim.now, Number.NaN);
  }

  /** `f` answers now with `status`; the answer reaches its caller at `backMs`. */
  respond(f: Frame, status: Status, backMs: number): void {
    if (f.span < 0) return;
    const now = this.sim.now,
      s = this.spans[f.span];
    if (s.cat === 'call') return this.end(s, now, status);
    this.gap(s, 'wait');
    this.end(s, now, status);
    const call = this.spans[s.parent];
    if (call.cat !== 'call' && call.cat !== 'attempt') return;
    // the caller stopped waiting (timeout): this answer is dropped on arrival
    if (!Number.isNaN(call.endMs)) return this.setArg(s, 'answer', 'dropped: the caller had timed out');
    if (backMs > now) this.add(call.id, 'network', 'network', call.component, now, backMs);
    this.end(call, backMs, status);
  }

  /** The caller of `c` stops waiting now (its timeout). */
  timeout(c: Frame): void {
    if (c.span < 0) return;
    const s = this.spans[c.span];
    const call = s.cat === 'call' ? s : this.spans[s.parent];
    if (Number.isNaN(call.endMs)) this.end(call, this.sim.now, Status.timeout);
  }

  /** `f`'s component spends `delayMs` from now on `label` (service, query, lookup, backoff). */
  work(f: Frame, label: string, delayMs: number): void {
    if (f.span < 0) return;
    const s = this.spans[f.span];
    this.gap(s, 'queue');
    this.add(f.span, `${s.cat === 'visit' ? `${s.component} · ` : ''}${label}`, 'work', s.component, this.sim.now, this.sim.now + delayMs);
  }

  /** `f` has waited until now for `label` (a connection from a pool), since its component's last step. */
  waited(f: Frame, label: string): void {
    if (f.span >= 0) this.gap(this.spans[f.span], label);
  }

  /**
   * Time in visit `s` since its last step, before the one starting now, was spent
   * waiting: for a worker when work starts (`queue`), for something else before a
   * call or an answer (`wait`). Spans of a visit therefore tile it.
   */
  private gap(s: TraceSpan, label: string): void {
    if (s.cat !== 'visit') return;
    const from = this.lastEnd(s),
      now = this.sim.now;
    if (now > from) this.add(s.id, `${s.component} · ${label}`, 'queue', s.component, from, now);
  }

  /** Records what `f`'s component decided (`cache: miss`), on its visit's span and name. */
  note(f: Frame, key: string, value: string): void {
    if (f.span < 0) return;
    const s = this.spans[f.span];
    this.setArg(s, key, value);
    s.name = `${s.name} · ${value}`;
  }

  /** `f`'s frame is released: a visit nobody answered (an asynchronous message) ends now. */
  released(f: Frame): void {
    if (f.span < 0) return;
    const s = this.spans[f.span];
    if (s.cat === 'visit' && Number.isNaN(s.endMs)) this.end(s, this.sim.now, Status.ok);
  }

  /** The answer reached the client now: the request ends. */
  done(status: Status): void {
    this.doneMs = this.sim.now;
    this.status = statusName(status);
    this.end(this.spans[0], this.doneMs, status);
  }

  private end(s: TraceSpan, atMs: number, status: Status): void {
    s.endMs = atMs;
    s.status = statusName(status);
  }

  /** Where span `s`'s own activity last ended: its latest child's end, or its start. */
  private lastEnd(s: TraceSpan): number {
    let t = s.startMs;
    for (let i = this.spans.length - 1; i > s.id; i--) {
      const c = this.spans[i];
      if (c.parent === s.id) t = Math.max(t, Number.isNaN(c.endMs) ? c.startMs : c.endMs);
    }
    return t;
  }

  /** The trace as plain data at simulated time `nowMs`: spans still open end there, in flight. */
  out(nowMs: number): RequestTrace {
    const spans = this.spans.map((s) =>
      Number.isNaN(s.endMs) ? { ...s, endMs: Math.max(s.startMs, nowMs), status: 'in flight' } : { ...s },
    );
    const end = Number.isNaN(this.doneMs) ? Math.max(this.issuedMs, nowMs) : this.doneMs;
    return {
      requestId: this.requestId,
      why: this.why,
      client: this.client,
      route: this.route,
      issuedMs: this.issuedMs,
      latencyMs: end - this.issuedMs,
      status: this.status,
      ...(this.isTruncated ? { truncated: true } : {}),
      spans,
    };
  }
}

/** Picks the requests to trace by number, as they are issued, and keeps their traces. */
export class Tracer {
  readonly traces: Trace[] = [];

  /**
   * @param picks request number → why it is traced (`sample`, `slowest`, `p99`)
   * @param clients component id by component index (a request's `client`)
   */
  constructor(
    private readonly sim: Sim,
    private readonly picks: ReadonlyMap<number, string[]>,
    private readonly clients: readonly string[],
  ) {}

  /** A request was just stamped (`root.id`, `root.issued`): trace it if it was picked. */
  issue(root: Frame): void {
    const why = this.picks.get(root.id);
    if (why === undefined) return;
    const t = new Trace(this.sim, root.id, this.clients[root.client] ?? '?', root.route, root.issued, why);
    root.trace = t;
    root.span = 0;
    this.traces.push(t);
  }
}

/** What a first pass learns for a second to trace: the measured requests' numbers and latencies. */
export class LatencyWatch {
  /** Numbers of the measured requests answered ok, and their latencies (ms), in answer order. */
  ids: number[] = [];
  latencies: number[] = [];
  /** Lowest and highest number of a measured request answered (ok or not). */
  firstId = Number.POSITIVE_INFINITY;
  lastId = -1;

  /** Request `root` was answered with `status` after `ms`. */
  done(root: Frame, status: Status, ms: number): void {
    if (!root.measured) return;
    if (root.id < this.firstId) this.firstId = root.id;
    if (root.id > this.lastId) this.lastId = root.id;
    if (status !== 0) return;
    this.ids.push(root.id);
    this.latencies.push(ms);
  }
}
