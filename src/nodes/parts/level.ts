/**
 * A piecewise-constant quantity over time (instances, backlog): its value, its
 * largest value and its integral over all time (for cost: instance-hours) from
 * the time integrator, plus its time-weighted average per bucket for the
 * result's series. Memory stays bounded: past `maxBuckets` buckets, neighbours
 * merge and the width doubles, as the recorder's Series does.
 */
import { ALL_TIME, TimeAverage } from '../../engine/stats.js';

/** A quantity over time, kept for its series, peak and integral. */
export class Level {
  private readonly total = new TimeAverage(ALL_TIME);
  /** Time up to which `area` is filled. */
  private last = 0;
  /** ∫ value dt per bucket of width `bucketMs`. */
  private area: number[] = [];

  constructor(
    private bucketMs: number,
    value = 0,
    private readonly maxBuckets = 400,
  ) {
    this.total.set(0, value);
  }

  /** The current value. */
  get value(): number {
    return this.total.current;
  }

  /** The largest value so far. */
  get max(): number {
    return this.total.max;
  }

  set(t: number, v: number): void {
    if (t > this.last) this.fill(t);
    this.total.set(t, v);
  }

  add(t: number, dv: number): void {
    this.set(t, this.total.current + dv);
  }

  /** Spread the current value over the buckets from `last` to `t`. */
  private fill(t: number): void {
    const v = this.total.current;
    while (Math.floor(t / this.bucketMs) >= this.maxBuckets) this.coarsen();
    const b = this.bucketMs;
    let a = this.last;
    while (a < t) {
      const i = Math.floor(a / b);
      const end = Math.min(t, (i + 1) * b);
      while (this.area.length <= i) this.area.push(0);
      this.area[i] += v * (end - a);
      a = end;
    }
    this.last = t;
  }

  private coarsen(): void {
    const n = Math.ceil(this.area.length / 2);
    for (let i = 0; i < n; i++) this.area[i] = this.area[2 * i] + (this.area[2 * i + 1] ?? 0);
    this.area.length = n;
    this.bucketMs *= 2;
  }

  /** ∫ value dt from 0 to `now`. */
  integralTo(now: number): number {
    return this.total.integralTo(now);
  }

  /** Time-weighted mean per bucket of width `bucketMs`, `n` buckets, as of `now`. */
  series(bucketMs: number, n: number, now: number): number[] {
    if (now > this.last) this.set(now, this.total.current);
    const out: number[] = [];
    for (let k = 0; k < n; k++) {
      const from = k * bucketMs,
        to = Math.min((k + 1) * bucketMs, Math.max(now, from + 1e-9));
      let area = 0;
      // overlap of [from, to) with each of our buckets
      for (let i = Math.floor(from / this.bucketMs); i * this.bucketMs < to && i < this.area.length; i++) {
        const a = Math.max(from, i * this.bucketMs),
          b = Math.min(to, (i + 1) * this.bucketMs);
        if (b > a) area += (this.area[i] * (b - a)) / this.bucketMs;
      }
      out.push(Math.round((area / (to - from)) * 1000) / 1000);
    }
    return out;
  }
}
