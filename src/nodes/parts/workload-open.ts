/**
 * The open workload of a client: arrivals at a rate, Poisson or evenly spaced,
 * in phases whose rate may ramp linearly, independent of how fast answers come.
 */
import type { Sim } from '../../engine/sim.js';
import type { Rng } from '../../engine/random.js';
import type { Recorder } from '../../engine/recorder.js';

export interface OpenPhase {
  name: string;
  duration?: number;
  rate?: number;
  rampTo?: number;
}

/** A phase as an absolute span of time; rates per second. */
interface Span {
  name: string;
  start: number;
  end: number;
  rate: number;
  rampTo: number;
}

export class OpenArrivals {
  private readonly spans: Span[] = [];
  private readonly hArrival: number;
  /** The span of a steady Poisson stream, drawn by schedule's fast path. */
  private steady: Span | null = null;
  /** Arrival timers carry this; a rate change bumps it to void the pending one. */
  private gen = 0;

  constructor(
    private readonly sim: Sim,
    private readonly rng: Rng,
    private readonly uniform: boolean,
    /** Issue one request at the current time. */
    private readonly issue: () => void,
    /** No arrival is left before the end; called with the time the arrivals' span ends. */
    private readonly stop: (endMs: number) => void,
  ) {
    this.hArrival = sim.onTimer((gen) => {
      if (gen !== this.gen) return;
      this.issue();
      this.schedule();
    });
  }

  /** Lay the phases end to end up to `end` (one steady phase at `rate` when none) and start. */
  start(phases: OpenPhase[] | undefined, rate: number | undefined, end: number, recorder: Recorder): void {
    let t = 0;
    for (const ph of phases ?? [{ name: 'steady', duration: end, rate }]) {
      const d = ph.duration ?? end - t;
      const r = ph.rate ?? rate ?? 0;
      this.spans.push({ name: ph.name, start: t, end: Math.min(end, t + d), rate: r, rampTo: ph.rampTo ?? r });
      t += d;
    }
    if (phases) for (const s of this.spans) recorder.beginPhase(s.name, s.start, s.end);
    this.steady = this.steadySpan();
    this.schedule();
  }

  /** When the last phase ends: the interval the arrivals cover, whenever the last one falls. */
  private endMs(): number {
    let end = this.sim.now;
    for (const s of this.spans) if (s.end > end) end = s.end;
    return end;
  }

  /** Rate per ms at time t within span s. */
  private rateAt(s: Span, t: number): number {
    const f = s.end > s.start ? (t - s.start) / (s.end - s.start) : 0;
    return (s.rate + (s.rampTo - s.rate) * f) / 1000;
  }

  /** Schedule the next arrival after now, or stop when none is left. */
  private schedule(): void {
    const from = this.sim.now;
    // fast path: one steady Poisson span
    const s0 = this.steady;
    if (s0 === null || from < s0.start) return this.scheduleSpans(from);
    const t = from + (-Math.log(1 - this.rng()) * 1000) / s0.rate;
    if (t < s0.end) return this.sim.timerAt(t, this.hArrival, this.gen);
    this.stop(this.endMs());
  }

  /** The single span when arrivals are one steady Poisson stream (null otherwise). */
  private steadySpan(): Span | null {
    const spans = this.spans;
    if (spans.length !== 1 || this.uniform) return null;
    const s = spans[0];
    return s.rate === s.rampTo && s.rate > 0 ? s : null;
  }

  private scheduleSpans(from: number): void {
    let t = from;
    const spans = this.spans,
      rng = this.rng;
    for (const s of spans) {
      if (t >= s.end) continue;
      if (t < s.start) t = s.start;
      if (this.uniform) {
        // next arrival where the integral of the (linear) rate reaches 1
        const a = this.rateAt(s, t);
        const b = (s.rampTo - s.rate) / 1000 / (s.end - s.start || 1);
        const tau = Math.abs(b) > 1e-15 ? (-a + Math.sqrt(Math.max(0, a * a + 2 * b))) / b : a > 0 ? 1 / a : Infinity;
        if (Number.isFinite(tau) && tau > 0 && t + tau < s.end) return this.sim.timerAt(t + tau, this.hArrival, this.gen);
        t = s.end;
        continue;
      }
      // thinning against the span's peak rate
      const max = Math.max(s.rate, s.rampTo) / 1000;
      if (max <= 0) continue;
      for (;;) {
        t += -Math.log(1 - rng()) / max;
        if (t >= s.end) break;
        if (s.rate === s.rampTo || rng() * max <= this.rateAt(s, t)) return this.sim.timerAt(t, this.hArrival, this.gen);
      }
    }
    this.stop(this.endMs());
  }

  /** From now on, arrive at `rate` per second (a `set` event). */
  setRate(rate: number): void {
    const now = this.sim.now,
      spans = this.spans;
    for (let i = 0; i < spans.length; i++) {
      const s = spans[i];
      if (s.end <= now) continue;
      if (s.start < now) {
        spans.splice(i + 1, 0, { ...s, start: now });
        s.end = now;
        continue;
      }
      s.rate = s.rampTo = rate;
    }
    this.gen++;
    this.steady = this.steadySpan();
    this.schedule();
  }
}
