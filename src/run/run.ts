/**
 * runScenario(): a resolved scenario → a simulation → the output contract.
 * The CLI, the tests and the web worker all run scenarios through here.
 *
 * A Run advances in slices (`step`), so the worker can stream progress and
 * stop within a slice; runScenario simply steps to the end.
 */
import { Sim, SimOverloadError } from '../engine/sim.js';
import { Recorder, type Tally } from '../engine/recorder.js';
import { LatencyWatch, Tracer } from '../engine/trace.js';
import { niceBucket, round } from '../engine/stats.js';
import { stream } from '../engine/random.js';
import { kindDef, type KindName } from '../kinds/index.js';
import { downstreamPace } from '../kinds/pace.js';
import type { LinkSpec } from '../kinds/link.js';
import type { ResolvedObject } from '../kinds/params.js';
import { nodes as runtimes } from '../nodes/index.js';
import type { BuildContext, Node } from '../nodes/node.js';
import { Link } from '../nodes/parts/link.js';
import { callStats } from '../nodes/parts/guard.js';
import { costSummary } from '../nodes/parts/cost.js';
import { announceTimeline, scheduleTimeline } from '../timeline/schedule.js';
import type { TimelineEvent } from '../timeline/events.js';
import { plainMap } from '../scenario/plain-map.js';
import { formatDuration } from '../scenario/units.js';
import type { PhaseSummary, RouteSummary, RunResult, SeriesOut, Summary, Warning } from './result.js';

/** What a run needs of a scenario (src/scenario's ResolvedScenario satisfies it). */
export interface RunInput {
  title: string;
  seed: number | string;
  duration?: number;
  warmup: number;
  drain: number;
  components: { id: string; kind: string; params: ResolvedObject }[];
  links: LinkSpec[];
  events?: TimelineEvent[];
  variant?: string;
}

export interface Progress {
  simulatedMs: number;
  /** 0..1 of the issuing window (closed workloads without a duration: best guess). */
  fraction: number;
  events: number;
  wallMs: number;
}

export interface RunOptions {
  /** Refuse runs estimated beyond this many events; stop a run that reaches it. */
  maxEvents?: number;
  /**
   * How the reader can raise the event limit, closing the refusal and the
   * event-limit warning: the CLI's flag when not given; '' where it cannot be
   * raised (the browser), which then advises only a shorter or lighter run.
   */
  raiseLimit?: string;
  /** Trace these requests, by number (why each is traced): src/run/trace-run.ts picks them. */
  trace?: ReadonlyMap<number, string[]>;
  /** Keep the measured requests' latencies (`recorder.watch`), for picking what a replay traces. */
  watch?: boolean;
}

/** How the CLI raises the event limit. */
const RAISE_WITH_FLAG = 'raise the limit with --max-events';

export const DEFAULT_MAX_EVENTS = 500_000_000;
/** Longest simulated time a run may issue requests for when no duration bounds it. */
const MAX_OPEN_END = 7 * 24 * 3600_000;

export class RunTooLargeError extends Error {}

/** Rough count of events a scenario will need: requests × (hops × 2 + 2). */
export function estimateEvents(s: RunInput): { requests: number; events: number } {
  const horizon = s.duration ?? MAX_OPEN_END;
  let requests = 0;
  for (const c of s.components) {
    const source = kindDef(c.kind)?.source;
    if (source) requests += source.estimateRequests(c.params, horizon, downstreamPace(c.id, s.components, s.links));
  }
  const hops = Math.max(1, s.links.length);
  return { requests, events: requests * (2 + 2 * hops) };
}

const fmt = (x: number) => (x >= 1e6 ? x.toExponential(2).replace('e+', 'e') : Math.round(x).toLocaleString('en-US'));

export class Run {
  readonly sim: Sim;
  readonly recorder: Recorder;
  readonly nodes: Node[] = [];
  readonly links: Link[] = [];
  private readonly byId = new Map<string, Node>();
  private readonly maxEvents: number;
  private readonly raiseLimit: string;
  private readonly drainLimit: number;
  private issueEnd: number;
  private stage: 'issuing' | 'draining' | 'done' = 'issuing';
  private drainUntil = Infinity;
  private wall = 0;
  /** Why the run stopped before the end (cancelled, event limit, overload). */
  private stopReason: Warning | null = null;
  /** Requests still in flight when draining gave up. */
  private drainCut: Warning | null = null;

  constructor(
    readonly scenario: RunInput,
    opts: RunOptions = {},
  ) {
    this.maxEvents = opts.maxEvents ?? DEFAULT_MAX_EVENTS;
    this.raiseLimit = opts.raiseLimit ?? RAISE_WITH_FLAG;
    const est = estimateEvents(scenario);
    if (est.events > this.maxEvents) {
      throw new RunTooLargeError(
        `this run is too large: about ${fmt(est.requests)} requests (≈ ${fmt(est.events)} events) against a limit of ${fmt(this.maxEvents)} events. ` +
          `Shorten the duration or lower the load${this.raiseLimit ? `, or ${this.raiseLimit}` : ''}.`,
      );
    }
    const s = scenario;
    this.issueEnd = s.duration ?? MAX_OPEN_END;
    this.sim = new Sim(s.warmup, this.issueEnd);
    this.recorder = new Recorder(this.sim, niceBucket(s.duration ?? 60_000));
    if (opts.watch) this.recorder.watch = new LatencyWatch();
    if (opts.trace)
      this.recorder.tracer = new Tracer(
        this.sim,
        opts.trace,
        s.components.map((c) => c.id),
      );
    const keysUsed = s.components.some((c) => kindDef(c.kind)?.usesKeys);
    s.components.forEach((c, index) => {
      if (!kindDef(c.kind)) throw new Error(`unknown kind "${c.kind}" for component ${c.id}`);
      // validation resolved c.params against this kind's descriptors: the one place the types meet
      const create = runtimes[c.kind as KindName] as (ctx: BuildContext) => Node;
      const node = create({
        id: c.id,
        index,
        params: c.params,
        sim: this.sim,
        recorder: this.recorder,
        keysUsed,
        rng: stream(s.seed, c.id),
        stream: (name) => stream(s.seed, `${c.id}/${name}`),
        peer: (id) => this.byId.get(id),
      });
      this.nodes.push(node);
      this.byId.set(c.id, node);
    });
    s.links.forEach((spec, i) => {
      const from = this.byId.get(spec.from),
        to = this.byId.get(spec.to);
      if (!from || !to) throw new Error(`link ${spec.from} → ${spec.to} names an unknown component`);
      const link = new Link(
        i,
        spec,
        from,
        to,
        stream(s.seed, `link:${spec.from}->${spec.to}`),
        stream(s.seed, `retry:${spec.from}->${spec.to}`),
      );
      this.links.push(link);
      from.out.push(link);
      to.in.push(link);
    });
    const timeouts = s.components.map((c) => kindDef(c.kind)?.source?.requestDeadline(c.params) ?? 0);
    this.drainLimit = Math.min(s.drain, Math.max(0, ...timeouts));
    this.recorder.onAllFinished = (at) => {
      // every source is done: the measured window ends when their work ends (a closed
      // workload's last answer, with or without a duration; an open one's last phase)
      const sim = this.sim;
      sim.measured.end = Math.max(sim.measured.start, Math.min(at, sim.measured.end));
      this.issueEnd = Math.min(this.issueEnd, sim.measured.end);
      // ended now: end the slice here, so no far-off timer (idle reclaim, stale timeouts) moves the clock on
      if (at <= sim.now) sim.halted = true;
    };
    announceTimeline(this.nodes, s.events ?? []);
    for (const n of this.nodes) n.start();
    scheduleTimeline(this.sim, this.nodes, s.events ?? []);
  }

  get done(): boolean {
    return this.stage === 'done';
  }

  node(id: string): Node | undefined {
    return this.byId.get(id);
  }

  cancel(): void {
    this.stop({ code: 'cancelled', message: 'the run was stopped before it finished' });
  }

  /** Advance by up to `budget` events. Returns true when the run is over. */
  step(budget = 1_000_000): boolean {
    const t0 = performance.now();
    const sim = this.sim,
      rec = this.recorder;
    try {
      while (budget > 0 && this.stage !== 'done') {
        const slice = Math.min(budget, 20_000);
        const n = sim.run(this.stage === 'issuing' ? this.issueEnd : this.drainUntil, slice);
        budget -= Math.max(n, 1);
        if (sim.events >= this.maxEvents) {
          this.stop({
            code: 'event-limit',
            message: `stopped at the event limit (${fmt(this.maxEvents)} events) at ${formatDuration(sim.now, 3)}${this.raiseLimit ? `; ${this.raiseLimit}` : ''}`,
          });
        } else if (this.stage === 'issuing') {
          if (rec.allFinished || n < slice) this.endIssuing();
        } else if (sim.live === 0) {
          this.stage = 'done'; // every call, asynchronous ones included, has finished
        } else if (n < slice) {
          this.stage = 'done';
          // count measured requests only, as summary.inFlight does (warm-up ones are not reported)
          const t = rec.total,
            inFlight = t.issued - t.completed - t.failed;
          if (inFlight > 0)
            this.drainCut = {
              code: 'drain-cut',
              message: `${fmt(inFlight)} requests were still in flight ${formatDuration(this.drainLimit, 3)} after the end; they count as in flight`,
            };
        }
      }
    } catch (e) {
      if (!(e instanceof SimOverloadError)) throw e;
      const worst = this.busiest();
      this.stop({
        code: 'overload',
        component: worst?.id,
        message: `stopped at ${formatDuration(sim.now, 3)}: ${e.message}${worst ? `; ${worst.id} holds the most waiting requests — the design is overloaded (arrivals exceed its capacity)` : ''}`,
      });
    }
    this.wall += performance.now() - t0;
    return this.stage === 'done';
  }

  /** Ends the run early; a window still open closes at the simulated time reached. */
  private stop(reason: Warning): void {
    const sim = this.sim;
    if (this.stage === 'issuing') sim.measured.end = Math.max(sim.measured.start, Math.min(sim.now, sim.measured.end));
    this.stage = 'done';
    this.stopReason = reason;
  }

  /** No more requests will be issued: close the measured interval, start draining. */
  private endIssuing(): void {
    const sim = this.sim,
      d = this.scenario.duration;
    // the window ends at the duration, or where the sources' work ended when they all finished first
    const end = this.recorder.allFinished ? sim.measured.end : (d ?? Math.min(sim.now, sim.measured.end));
    sim.measured.end = Math.max(sim.measured.start, end);
    if (sim.now < sim.measured.end && sim.cal.peekTime() > sim.measured.end) sim.now = sim.measured.end;
    for (const n of this.nodes) n.windowClosed();
    this.stage = sim.live === 0 ? 'done' : 'draining';
    this.drainUntil = sim.measured.end + this.drainLimit;
  }

  private busiest(): Node | undefined {
    let best: Node | undefined,
      q = -1;
    for (const n of this.nodes) if (n.queued.current > q) (q = n.queued.current), (best = n);
    return best;
  }

  progress(): Progress {
    const end = this.scenario.duration ?? this.sim.now * 1.1 + 1;
    return { simulatedMs: this.sim.now, fraction: Math.min(1, this.sim.now / end), events: this.sim.events, wallMs: this.wall };
  }

  /** The results so far (complete once `done`). */
  result(): RunResult {
    const sim = this.sim,
      rec = this.recorder;
    const windowEnd = this.stage === 'issuing' ? Math.min(sim.now, sim.measured.end) : sim.measured.end;
    const span = Math.max(0, windowEnd - sim.measured.start);
    const components: RunResult['components'] = plainMap();
    for (const n of this.nodes) components[n.id] = { ...n.stats(), ...callStats(n) };
    const warnings = this.warnings(components);
    if (this.drainCut) warnings.unshift(this.drainCut);
    if (this.stopReason) warnings.unshift(this.stopReason);
    return {
      title: this.scenario.title,
      seed: this.scenario.seed,
      ...(this.scenario.variant ? { variant: this.scenario.variant } : {}),
      simulatedMs: round(sim.now, 3),
      wallMs: Math.round(this.wall),
      events: sim.events,
      complete: this.stage === 'done' && !this.stopReason,
      summary: { ...summarize(rec.total, span), cost: costSummary(this.nodes, windowEnd) },
      phases: rec.phases.map((ph): PhaseSummary => {
        const end = Math.min(ph.endMs, windowEnd);
        return { name: ph.name, startMs: ph.startMs, endMs: round(end, 3), ...summarize(ph.tally, Math.max(0, end - ph.startMs)) };
      }),
      routes: routeSummaries(rec, span),
      components,
      series: this.series(windowEnd),
      warnings,
      histogram: rec.total.latency.buckets().map(([a, b, c]) => [round(a, 4), round(b, 4), c]),
    };
  }

  /**
   * Per-bucket series. The bucket the measured window ends in (a live run's
   * current one, a stopped run's last, a closed workload's last answer) is only
   * partly covered: its rate is taken over the last full bucket width up to that
   * end (its own count plus the uncovered share of the bucket before), so it is
   * neither drawn as a dip nor as the spike of a few requests over a sliver of
   * time. Buckets of the drain after the window cover their full width.
   */
  private series(windowEnd: number): SeriesOut {
    const s = this.recorder.series;
    const w = s.bucketMs;
    const end = Math.floor(windowEnd / w),
      covered = windowEnd - end * w;
    const rate = (counts: number[]) =>
      counts.map((n, i) => {
        if (i !== end || covered <= 0) return round(n / (w / 1000), 3);
        if (i === 0) return round(n / (covered / 1000), 3);
        return round((n + counts[i - 1] * (1 - covered / w)) / (w / 1000), 3);
      });
    const q = (p: number) => s.hists.map((h) => (h.count ? round(h.quantile(p), 3) : null));
    return {
      bucketMs: w,
      t: s.ok.map((_, i) => i * w),
      throughputRps: rate(s.ok),
      errorsPerSec: rate(s.failed),
      p50: q(0.5),
      p95: q(0.95),
      p99: q(0.99),
      ...nodeSeries(this.nodes, s.bucketMs, s.ok.length, this.sim.now),
    };
  }

  /** Components that could not keep up: high utilisation, rejections or a full queue. */
  private warnings(components: RunResult['components']): Warning[] {
    const out: Warning[] = [];
    for (const [id, c] of Object.entries(components)) {
      const rejected = (c.rejected as number | undefined) ?? 0;
      if (c.utilization >= 0.95 || rejected > 0) {
        const parts = [`utilisation ${(c.utilization * 100).toFixed(1)}%`];
        if (rejected) parts.push(`${fmt(rejected)} rejected (queue full)`);
        if (c.queueLength.max > 0) parts.push(`queue up to ${fmt(c.queueLength.max)}`);
        out.push({ code: 'saturated', component: id, message: `${id} is saturated: ${parts.join(', ')}` });
      }
    }
    return out;
  }
}

/** Series the nodes report themselves, by name then component id: `{instances: {app: [...]}}`. */
function nodeSeries(nodes: readonly Node[], bucketMs: number, n: number, now: number): Record<string, Record<string, number[]>> {
  const out = plainMap<Record<string, number[]>>();
  for (const node of nodes)
    for (const [name, values] of Object.entries(node.timeSeries(bucketMs, n, now)))
      (out[name] ??= plainMap())[node.id] = values as number[];
  return out;
}

function summarize(t: Tally, spanMs: number): Summary {
  const h = t.latency;
  const failures = t.failuresByName();
  const failed = t.failed;
  return {
    requests: t.issued,
    completed: t.completed,
    failed,
    inFlight: t.issued - t.completed - failed,
    failures,
    throughputRps: spanMs > 0 ? round((t.completed / spanMs) * 1000, 3) : 0,
    errorRate: t.issued ? round(failed / t.issued, 6) : 0,
    latencyMs: {
      mean: round(h.mean()),
      p50: round(h.quantile(0.5)),
      p90: round(h.quantile(0.9)),
      p95: round(h.quantile(0.95)),
      p99: round(h.quantile(0.99)),
      p999: round(h.quantile(0.999)),
      max: round(h.count ? h.max : 0),
    },
  };
}

/** Each route's summary over the measured window `spanMs` (route names are the scenario author's keys). */
function routeSummaries(rec: Recorder, spanMs: number): Record<string, RouteSummary> {
  const out = plainMap<RouteSummary>();
  for (const r of rec.routes) {
    // one route: the recorder counts it in the total only
    const tally = rec.routes.length > 1 ? r.tally : rec.total;
    const s = summarize(tally, spanMs);
    const h = tally.latency;
    out[r.name] = { ...s, latencyMs: { ...s.latencyMs, min: round(h.count ? h.min : 0) } };
  }
  return out;
}

/** Run a scenario to the end. */
export function runScenario(s: RunInput, opts: RunOptions = {}): RunResult {
  const run = new Run(s, opts);
  while (!run.step(10_000_000));
  return run.result();
}
