/**
 * A run read against queueing theory: for every component with workers, the
 * closed-form prediction beside the simulated figures, from what the component
 * measured (the arrival rate and the moments of the gaps between arrivals at
 * one queue, the moments of the service time, servers and queue capacity — the
 * common statistics the worker pool reports), and a flag with the likely reason
 * where the two part; and the bottleneck with the bounds it implies
 * (bottleneck.ts). Pure: the CLI, the JSON output and the app's main thread share it.
 */
import type { ComponentStats } from '../kinds/define.js';
import type { RunResult } from '../run/result.js';
import { bottleneckOf, type Bottleneck } from './bottleneck.js';
import { erlangB, erlangC, mgcWait, mmck, mmcSojournQuantile, mmcWaitQuantile } from './queueing-theory.js';

/** One figure, predicted by the model and measured by the simulation. */
export interface Comparison {
  figure: 'waitMs' | 'sojournMs' | 'waitP99Ms' | 'sojournP99Ms' | 'utilization' | 'blocking';
  /** Words for the figure ("mean wait"). */
  label: string;
  unit: 'ms' | 'ratio';
  predicted: number;
  simulated: number;
  /** The largest |simulated − predicted| that counts as agreement, in the figure's unit. */
  allowed: number;
  agrees: boolean;
}

/** What the model was given: the component's measured figures, per queue. */
export interface ModelInputs {
  /** Arrivals per second at one queue (1 ÷ the mean interarrival time). */
  arrivalRps: number;
  /** Squared coefficient of variation of the time between arrivals at one queue (1: Poisson). */
  interarrivalScv: number;
  serviceMs: number;
  /** Squared coefficient of variation of the service time (1: exponential, 0: constant). */
  serviceScv: number;
  /** Servers per queue (c). */
  servers: number;
  queues: number;
  /** Waiting places per queue; null when unbounded. */
  queueCapacity: number | null;
  /** Offered load per server, λ·S ÷ c (≥ 1: overloaded). */
  rho: number;
  /** Measured arrivals the estimate rests on. */
  arrivals: number;
}

/** The closed-form model of one component, and how the simulation compares with it. */
export interface NodeTheory {
  id: string;
  kind: string;
  /** Kendall notation of the model used: "M/M/1", "M/G/1", "M/M/4", "M/G/5/5", "M/M/2/5". */
  model: string;
  /** The result it applies: "Erlang C", "Pollaczek–Khinchine", "Erlang B", "M/M/c/K birth–death chain". */
  formula: string;
  /** The model's assumptions, in words. */
  assumptions: string;
  inputs: ModelInputs;
  comparisons: Comparison[];
  /** Every comparison agrees. */
  agrees: boolean;
  /** Why simulation and formula part, from what the component saw (empty when they agree). */
  reasons: string[];
  /** Relative tolerance of mean times and of p99s: grows with ρ and shrinks with the measured arrivals (see `tolerance`). */
  tolerances: { mean: number; p99: number };
  /** How agreement is judged, in words (tolerance and run length). */
  tolerance: string;
}

/** The analysis of a run (`analysis` in the JSON output, docs/output.md). */
export interface Analysis {
  /** One entry per component with workers that measured enough to model, in the result's order. */
  theory: NodeTheory[];
  /** The bottleneck by the utilisation law and its bounds; null when no component has workers. */
  bottleneck: Bottleneck | null;
}

/**
 * The analysis of run `r`: queueing theory beside every component with workers, and the bottleneck.
 *
 * @example
 * const a = analyze(runScenario(loadScenario(mm1Text)));
 * a.theory[0].model; // "M/M/1"
 * a.theory[0].comparisons.find((c) => c.figure === 'sojournMs'); // { predicted: 50, simulated: 50.19, agrees: true, … }
 * a.bottleneck?.sentence; // "app saturates first: at most 100 req/s (now 80 req/s, 80%); add instances there."
 */
export function analyze(r: RunResult): Analysis {
  const theory: NodeTheory[] = [];
  for (const [id, c] of Object.entries(r.components)) {
    const t = nodeTheory(id, c, r);
    if (t !== null) theory.push(t);
  }
  return { theory, bottleneck: bottleneckOf(r) };
}

/** Run `r` with its analysis beside it, as the JSON output carries it (`analysis`, docs/output.md). */
export function withAnalysis<R extends RunResult>(r: R): R & { analysis: Analysis } {
  return { ...r, analysis: analyze(r) };
}

const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

/** Service SCV within this of 1 is exponential enough for the M/M models' exact forms (its estimate's spread is far smaller). */
const EXPONENTIAL_BAND = 0.1;
/** Interarrival SCV within this of 1 passes for Poisson. */
const POISSON_BAND = 0.15;

/** The measured inputs of component `c`, or null when it has no workers or too few measured requests. */
export function modelInputs(c: ComponentStats): ModelInputs | null {
  const serviceMs = num(c.serviceMs),
    gapMs = num(c.interarrivalMs),
    servers = num(c.servers);
  if (serviceMs === undefined || gapMs === undefined || servers === undefined || gapMs <= 0 || serviceMs <= 0) return null;
  const lambda = 1 / gapMs;
  return {
    arrivalRps: 1000 * lambda,
    interarrivalScv: num(c.interarrivalScv) ?? 1,
    serviceMs,
    serviceScv: num(c.serviceScv) ?? 1,
    servers,
    queues: num(c.queues) ?? 1,
    queueCapacity: num(c.queueCapacity) ?? null,
    rho: (lambda * serviceMs) / servers,
    arrivals: c.arrivals,
  };
}

/**
 * Relative standard error of a mean time over n customers at load ρ: Whitt's
 * asymptotic variance of the M/M/1 time-average number in system, 2(1+ρ)/(ρ(1−ρ)⁴)/(μT),
 * relative to L = ρ/(1−ρ), with μT = n/ρ.
 */
const relativeError = (rho: number, n: number): number => Math.sqrt((2 * (1 + rho)) / ((1 - Math.min(rho, 0.995)) ** 2 * Math.max(n, 1)));

/** Mean times agree within 4 standard errors at the run's length, at least 5 %; p99s within 6, at least 8 %. */
const tolerances = (rho: number, n: number) => {
  const se = relativeError(rho, n);
  return { mean: Math.min(0.5, Math.max(0.05, 4 * se)), p99: Math.min(0.6, Math.max(0.08, 6 * se)) };
};

/** What one component measured, as the models read it (rates per ms, times in ms). */
interface Measured {
  x: ModelInputs;
  c: ComponentStats;
  lambda: number;
  /** Mean service time. */
  s: number;
  /** Servers per queue. */
  k: number;
  /** Offered load in Erlangs, λ·S. */
  a: number;
  isExp: boolean;
  /** Kendall letter of the service: M exponential, D constant, G general. */
  letter: 'M' | 'D' | 'G';
  tol: { mean: number; p99: number };
  /** The component's sojourn: its latency, or wait + service when it answers after freeing its worker. */
  sojourn: number;
  answersAtRelease: boolean;
}

/** The comparisons a model makes, collected in order. */
class Comparisons {
  readonly list: Comparison[] = [];

  /** A time, agreeing within `relative` of the prediction plus `floor` ms. */
  time(figure: Comparison['figure'], label: string, predicted: number, simulated: number, relative: number, floor = 0): void {
    const allowed = relative * predicted + floor;
    this.list.push({ figure, label, unit: 'ms', predicted, simulated, allowed, agrees: Math.abs(simulated - predicted) <= allowed });
  }

  /** A share (utilisation, blocking), agreeing within 0.02. */
  share(figure: Comparison['figure'], label: string, predicted: number, simulated: number): void {
    const allowed = 0.02;
    this.list.push({ figure, label, unit: 'ratio', predicted, simulated, allowed, agrees: Math.abs(simulated - predicted) <= allowed });
  }
}

/** A model's name, the result it applies and its assumptions in words. */
interface ModelWords {
  model: string;
  formula: string;
  assumptions: string;
}

const servers = (k: number) => `${k} server${k === 1 ? '' : 's'}`;

/** No waiting room: Erlang B, insensitive to the service-time distribution (M/G/c/c). */
function lossModel(m: Measured, out: Comparisons): ModelWords {
  const { x, c, a, k } = m;
  const b = erlangB(k, a);
  out.share('blocking', 'blocking', b, num(c.blocking) ?? 0);
  out.share('utilization', 'utilisation', (a * (1 - b)) / k, c.utilization);
  return {
    model: `M/${m.isExp ? 'M' : 'G'}/${k}/${k}`,
    formula: 'Erlang B',
    assumptions:
      `Poisson arrivals at ${rps(x.arrivalRps)} per queue; ${servers(k)}, no waiting room: an arrival that finds them all busy ` +
      'is turned away. Erlang B holds for any service-time distribution (it depends on its mean only).',
  };
}

/** A bounded queue that fills: the M/M/c/K birth–death chain (K = c + capacity). */
function finiteModel(m: Measured, out: Comparisons, cap: number): ModelWords {
  const { x, c, a, k, s } = m;
  const q = mmck(m.lambda, 1 / s, k, k + cap);
  out.share('blocking', 'blocking', q.blocking, num(c.blocking) ?? 0);
  out.share('utilization', 'utilisation', (a * (1 - q.blocking)) / k, c.utilization);
  out.time('waitMs', 'mean wait', q.wq, c.waitMs.mean, m.tol.mean, 0.02 * s);
  out.time('sojournMs', 'mean sojourn', q.w, m.sojourn, m.tol.mean);
  return {
    model: `M/M/${k}/${k + cap}`,
    formula: 'M/M/c/K birth–death chain',
    assumptions:
      `Poisson arrivals at ${rps(x.arrivalRps)} per queue, exponential service (mean ${ms(s)}), ${servers(k)} ` +
      `and room for ${cap} waiting: arrivals that find it full are turned away.`,
  };
}

/**
 * An unbounded queue: one server → Pollaczek–Khinchine with the measured SCV (exact for any
 * service time); several → Erlang C, scaled by (1 + SCV)/2 (Allen–Cunneen) unless exponential.
 * p99s where a closed form exists (exponential service). Overloaded: utilisation only.
 */
function openModel(m: Measured, out: Comparisons): ModelWords {
  const { x, c, k, s, isExp } = m;
  const service =
    k === 1 && !isExp
      ? `any service-time distribution (mean ${ms(s)}, SCV ${x.serviceScv.toFixed(2)}): the mean wait is exact, the p99 has no closed form.`
      : isExp
        ? `exponential service (mean ${ms(s)}).`
        : `service SCV ${x.serviceScv.toFixed(2)}: the Erlang C wait scaled by (1 + SCV)/2 is an approximation; no p99.`;
  if (x.rho < 1) {
    const wq = mgcWait(m.lambda, s, k, k === 1 || !isExp ? x.serviceScv : 1);
    out.share('utilization', 'utilisation', x.rho, c.utilization);
    out.time('waitMs', 'mean wait', wq, c.waitMs.mean, m.tol.mean, 0.02 * s);
    out.time('sojournMs', 'mean sojourn', wq + s, m.sojourn, m.tol.mean);
    if (isExp) {
      out.time('waitP99Ms', 'p99 wait', mmcWaitQuantile(m.lambda, 1 / s, k, 0.99), c.waitMs.p99, m.tol.p99, 0.02 * s);
      if (m.answersAtRelease)
        out.time('sojournP99Ms', 'p99 sojourn', mmcSojournQuantile(m.lambda, 1 / s, k, 0.99), c.latencyMs.p99, m.tol.p99);
    }
  } else out.share('utilization', 'utilisation', 1, c.utilization);
  return {
    model: `M/${m.letter}/${k}`,
    formula: k === 1 ? 'Pollaczek–Khinchine' : isExp ? 'Erlang C' : 'Erlang C, Allen–Cunneen',
    assumptions: `Poisson arrivals at ${rps(x.arrivalRps)} per queue, ${servers(k)}, FIFO, unbounded queue; ${service}`,
  };
}

/** The theory of component `id`, or null when it has nothing to model. */
function nodeTheory(id: string, c: ComponentStats, r: RunResult): NodeTheory | null {
  const x = modelInputs(c);
  if (x === null) return null;
  const lambda = x.arrivalRps / 1000,
    s = x.serviceMs,
    k = x.servers;
  const isExp = Math.abs(x.serviceScv - 1) <= EXPONENTIAL_BAND;
  // the station's sojourn is wait + service; the component's latency equals it unless it answers after freeing its worker
  const stationSojourn = c.waitMs.mean + s;
  const answersAtRelease = Math.abs(c.latencyMs.mean - stationSojourn) <= 0.02 * Math.max(c.latencyMs.mean, s);
  const m: Measured = {
    x,
    c,
    lambda,
    s,
    k,
    a: lambda * s,
    isExp,
    letter: isExp ? 'M' : x.serviceScv <= 0.01 ? 'D' : 'G',
    tol: tolerances(x.rho, x.arrivals),
    sojourn: answersAtRelease ? c.latencyMs.mean : stationSojourn,
    answersAtRelease,
  };
  const cap = x.queueCapacity ?? Infinity;
  // a finite queue is unbounded for the model when the stable M/M/c would overflow it only rarely (P(N ≥ c + cap) =
  // C·ρ^cap), or when overloaded it never filled during the run (no steady state was reached: it was still growing)
  const filled = (num(c.blocking) ?? 0) > 0 || c.queueLength.max >= cap;
  const overflows = cap !== Infinity && (x.rho >= 1 ? filled : erlangC(k, m.a) * x.rho ** cap > 1e-4);
  const out = new Comparisons();
  const words = cap === 0 ? lossModel(m, out) : overflows ? finiteModel(m, out, cap) : openModel(m, out);
  const agrees = (x.rho < 1 || overflows || cap === 0) && out.list.every((o) => o.agrees);
  return {
    id,
    kind: c.kind,
    ...words,
    inputs: x,
    comparisons: out.list,
    agrees,
    reasons: agrees ? [] : reasonsFor(id, c, x, r, { isExp, modelNeedsExp: overflows || (k > 1 && !isExp), answersAtRelease, overflows }),
    tolerances: m.tol,
    tolerance:
      `times within ${pct(m.tol.mean)} (p99 ${pct(m.tol.p99)}): 4 (6) standard errors of an M/M/1 estimate at ρ = ${x.rho.toFixed(2)} ` +
      `over ${x.arrivals.toLocaleString('en-US')} measured arrivals, at least 5 % (8 %); waits also ± 2 % of the service time; shares within 0.02`,
  };
}

/** What the component saw that the model leaves out: the likely reasons simulation and formula part. */
function reasonsFor(
  id: string,
  c: ComponentStats,
  x: ModelInputs,
  r: RunResult,
  seen: { isExp: boolean; modelNeedsExp: boolean; answersAtRelease: boolean; overflows: boolean },
): string[] {
  const out: string[] = [];
  if (x.rho >= 1 && !seen.overflows)
    out.push(
      `overloaded: offered load ρ = ${x.rho.toFixed(2)} ≥ 1, so there is no steady state — the queue grows for as long as the run lasts.`,
    );
  else if (x.rho >= 1)
    out.push(
      `overloaded: offered load ρ = ${x.rho.toFixed(2)} ≥ 1 — the queue stays near full and the arrivals it turns away set the figures.`,
    );
  if (c.queueLength.max === 0 && x.rho > 0.05 && x.queueCapacity !== 0)
    out.push(
      'no request ever waited for a worker here: what sends them holds each back until a worker is free ' +
        "(a queue's consumers pulling, a connection pool, a caller's own limit), so the queue forms upstream instead.",
    );
  const ca = x.interarrivalScv;
  const closed = Object.values(r.components).find((o) => o.kind === 'client' && o.workload === 'closed');
  if (closed) {
    const users = num(closed.users);
    out.push(
      `arrivals are not Poisson: a closed workload sends them — ${users ?? 'its'} users each wait for their answer before sending ` +
        `again, so ${users === undefined ? 'a bounded number of' : `at most ${users}`} requests are in the system at once and a user ` +
        `whose request waits sends no other (a finite population; interarrival SCV ${ca.toFixed(2)}).`,
    );
  } else if (Math.abs(ca - 1) > POISSON_BAND) {
    const cause =
      ca < 1
        ? 'more regular than Poisson (a round-robin balancer, evenly spaced arrivals, or a queue upstream that smooths them), so they wait less'
        : 'burstier than Poisson (phases, retries, fan-out, or a burst upstream), so they wait more';
    out.push(`arrivals are not Poisson: the time between arrivals has SCV ${ca.toFixed(2)} (Poisson: 1) — ${cause} than the formula says.`);
  }
  if (r.phases.length > 1)
    out.push(
      `the load changes across ${r.phases.length} phases (${r.phases.map((p) => p.name).join(', ')}): the formula sees the run's ` +
        'average rate, while queues build at the busiest phase’s load.',
    );
  if (seen.modelNeedsExp && !seen.isExp)
    out.push(`service times are not exponential (SCV ${x.serviceScv.toFixed(2)}, exponential: 1), which this model assumes.`);
  if ((num(c.scaleUps) ?? 0) + (num(c.scaleDowns) ?? 0) > 0)
    out.push(`autoscaling changed its instances during the run (${c.scaleUps} up, ${c.scaleDowns} down); the model assumes fixed servers.`);
  if ((num(c.crashes) ?? 0) > 0 || (num(c.refused) ?? 0) > 0)
    out.push(`instances went down during the run (${num(c.crashes) ?? 0} crashes, ${num(c.refused) ?? 0} requests refused).`);
  if (c.connections === 'pool')
    out.push('a connection pool in front of its servers admits at most its size at once: the servers see fewer, smoother arrivals.');
  let retries = 0,
    timeouts = 0;
  for (const o of Object.values(r.components)) {
    const call = o.calls?.[id] as { retries?: number; timeouts?: number } | undefined;
    retries += num(call?.retries) ?? 0;
    timeouts += num(call?.timeouts) ?? 0;
  }
  if (retries > 0 || timeouts > 0)
    out.push(
      `callers timed out ${timeouts.toLocaleString('en-US')} calls and retried ${retries.toLocaleString('en-US')}: ` +
        'timeouts abandon waits and retries add load exactly when the queue is long.',
    );
  if (!seen.answersAtRelease)
    out.push('it answers after it frees its worker (calls made once its own work is done): its latency is more than wait + service.');
  for (const w of r.warnings) if (w.component === id) out.push(`the run warned: ${w.message}`);
  if (x.arrivals < 10_000) out.push(`short run: ${x.arrivals.toLocaleString('en-US')} measured arrivals leave a wide chance spread.`);
  if (out.length === 0)
    out.push('no mechanism found in what it saw: run longer, or with replications, to tell chance from a real difference.');
  return out;
}

const pct = (x: number) => `${+(x * 100).toFixed(1)} %`;
const ms = (x: number) => `${+x.toPrecision(3)} ms`;
const rps = (x: number) => `${+x.toPrecision(3)} req/s`;
