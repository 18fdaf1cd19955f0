/**
 * Streaming, bounded statistics: a log-linear histogram (HDR style), the time
 * integrator (time-weighted averages and integrals), and a time series of
 * histograms that coarsens itself by merging neighbouring buckets, so memory
 * never grows with the run.
 */

/**
 * Log-linear histogram of non-negative values (ms). Values are kept in units of
 * 1 µs; below 2^(bits+1) µs each µs has its own bucket, above that every power of
 * two is split into 2^bits sub-buckets, so a bucket is at most 1/2^bits of its
 * value wide. Reported quantiles are bucket midpoints: relative error ≤ 2^-(bits+1)
 * (0.8% with the default 6 bits, inside the 1% a percentile is promised; a
 * histogram's hot buckets then take half the cache that 7 bits would, which
 * matters when several are written per simulated request). Mean, min and max
 * are exact.
 */
export class Histogram {
  /** Counts per bucket (32-bit: a run never puts 4 billion values in one bucket). */
  counts: Uint32Array;
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;
  private readonly bits: number;
  private readonly linear: number;
  private readonly sub: number;
  private readonly base: number;

  constructor(bits = 6) {
    this.bits = bits;
    this.sub = 1 << bits;
    this.linear = 2 << bits; // values below this (in µs) get exact buckets
    this.base = this.linear - (bits + 1) * this.sub - this.sub;
    // exponents from bits+1 up to 42 (2^42 µs ≈ 51 days); larger values share the last bucket
    this.counts = new Uint32Array(this.linear + (42 - bits) * this.sub);
  }

  indexOf(ms: number): number {
    const y = ms * 1000;
    if (y >= 2147483648) return this.indexOfLarge(y);
    const x = y > 0 ? y | 0 : 0;
    if (x < this.linear) return x;
    const e = 31 - Math.clz32(x);
    // linear + (e − bits − 1)·sub + (m − sub), with m = x >> (e − bits) in [sub, 2·sub)
    return this.base + e * this.sub + (x >> (e - this.bits));
  }

  /** Bucket of y µs ≥ 2^31 (about 36 minutes and more). */
  private indexOfLarge(y: number): number {
    const e = Math.floor(Math.log2(y));
    const i = this.base + e * this.sub + Math.floor(y / 2 ** (e - this.bits));
    return i < this.counts.length ? i : this.counts.length - 1;
  }

  /** Lower edge (ms) of bucket i, and its width. */
  bucketBounds(i: number): [number, number] {
    if (i < this.linear) return [i / 1000, 1 / 1000];
    const j = i - this.linear;
    const e = Math.floor(j / (1 << this.bits)) + this.bits + 1;
    const m = (j % (1 << this.bits)) + (1 << this.bits);
    const w = 2 ** (e - this.bits);
    return [(m * w) / 1000, w / 1000];
  }

  record(ms: number): void {
    this.counts[this.indexOf(ms)]++;
    this.count++;
    this.sum += ms;
    if (ms < this.min) this.min = ms;
    if (ms > this.max) this.max = ms;
  }

  mean(): number {
    return this.count ? this.sum / this.count : 0;
  }

  /** The q-quantile (0..1): midpoint of the bucket holding it, clamped to [min, max]. */
  quantile(q: number): number {
    if (!this.count) return 0;
    if (q <= 0) return this.min;
    if (q >= 1) return this.max;
    const target = q * this.count;
    let acc = 0;
    const c = this.counts;
    for (let i = 0; i < c.length; i++) {
      acc += c[i];
      if (acc >= target && c[i] > 0) {
        const [lo, w] = this.bucketBounds(i);
        const mid = i < this.linear ? lo : lo + w / 2;
        return Math.min(this.max, Math.max(this.min, mid));
      }
    }
    return this.max;
  }

  merge(other: Histogram): void {
    if (other.counts.length !== this.counts.length) throw new Error('histograms of different precision');
    if (!other.count) return;
    for (let i = 0; i < other.counts.length; i++) this.counts[i] += other.counts[i];
    this.count += other.count;
    this.sum += other.sum;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  /** Non-empty buckets as [lowerMs, upperMs, count], for plots. */
  buckets(): [number, number, number][] {
    const out: [number, number, number][] = [];
    this.counts.forEach((n, i) => {
      if (n) {
        const [lo, w] = this.bucketBounds(i);
        out.push([lo, lo + w, n]);
      }
    });
    return out;
  }
}

/** A span of simulated time, ms. */
export interface Interval {
  start: number;
  /** May move (a closed workload ends when its users finish). */
  end: number;
}

/** All of simulated time: an integrator over it keeps the whole integral (cost, autoscaling, levels). */
export const ALL_TIME: Readonly<Interval> = Object.freeze({ start: 0, end: Infinity });

/**
 * The time integrator: a piecewise-constant quantity (busy workers, queue
 * length, instances) integrated over the interval [start, end], its
 * time-weighted average, and `max`, the largest value seen inside the interval.
 * Over `ALL_TIME` it keeps the whole integral (instance-hours, an autoscaler's
 * busy worker-ms); `Level` (src/nodes/parts/level.ts) adds per-bucket series on top.
 *
 * @example
 * const busy = new TimeAverage({ start: 1000, end: 5000 }); // warmup 1 s, measured until 5 s
 * busy.set(0, 2); busy.add(3000, 1);
 * busy.mean(5000); // (2 × 2000 + 3 × 2000) / 4000 = 2.5
 */
export class TimeAverage {
  private value = 0;
  private last = 0;
  /** ∫ value dt over [start, end] ∩ [0, last]. */
  private area = 0;
  max = 0;

  constructor(private readonly interval: Readonly<Interval>) {}

  set(t: number, v: number): void {
    if (this.last < this.interval.start || t > this.interval.end) return this.setAcross(t, v);
    // inside the interval: the common case
    this.area += this.value * (t - this.last);
    this.last = t;
    this.value = v;
    if (v > this.max) this.max = v;
  }

  /** set() when the step from `last` to `t` is not wholly inside the interval. */
  private setAcross(t: number, v: number): void {
    const from = this.interval.start,
      to = this.interval.end;
    const a = this.last < from ? from : this.last;
    const b = t > to ? to : t;
    if (b > a) {
      this.area += this.value * (b - a);
      if (this.value > this.max) this.max = this.value;
    }
    this.last = t;
    this.value = v;
    if (v > this.max && t >= from && t < to) this.max = v;
  }

  add(t: number, dv: number): void {
    this.set(t, this.value + dv);
  }

  get current(): number {
    return this.value;
  }

  /** ∫ value dt over the interval up to `now` (no earlier than the last change). */
  integralTo(now: number): number {
    const from = this.interval.start;
    const end = Math.min(now, this.interval.end);
    const a = this.last < from ? from : this.last;
    return end > a ? this.area + this.value * (end - a) : this.area;
  }

  /** Average over the interval up to `now`. */
  mean(now: number): number {
    const from = this.interval.start;
    const end = Math.min(now, this.interval.end);
    if (end <= from) return this.value;
    return this.integralTo(now) / (end - from);
  }
}

/** Nice bucket widths for series, in ms. */
const NICE = [
  10, 20, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000, 15000, 30000, 60000, 120000, 300000, 600000, 900000, 1800000, 3600000,
];

export function niceBucket(spanMs: number, maxBuckets = 200): number {
  for (const b of NICE) if (spanMs / b <= maxBuckets) return b;
  return Math.ceil(spanMs / maxBuckets / 3600000) * 3600000;
}

/**
 * Per-time-bucket series: successes, failures and a coarse latency histogram per
 * bucket. When time runs past `maxBuckets` buckets, neighbouring buckets are merged
 * and the width doubles, so memory stays bounded for any run length.
 */
export class Series {
  bucketMs: number;
  ok: number[] = [];
  failed: number[] = [];
  hists: Histogram[] = [];

  constructor(
    bucketMs: number,
    private readonly maxBuckets = 400,
  ) {
    this.bucketMs = bucketMs;
  }

  private slot(t: number): number {
    let i = Math.floor(t / this.bucketMs);
    while (i >= this.maxBuckets) {
      this.coarsen();
      i = Math.floor(t / this.bucketMs);
    }
    while (this.ok.length <= i) {
      this.ok.push(0);
      this.failed.push(0);
      this.hists.push(new Histogram(4));
    }
    return i;
  }

  private coarsen(): void {
    const n = Math.ceil(this.ok.length / 2);
    for (let i = 0; i < n; i++) {
      const a = 2 * i,
        b = a + 1;
      this.ok[i] = this.ok[a] + (this.ok[b] ?? 0);
      this.failed[i] = this.failed[a] + (this.failed[b] ?? 0);
      const h = this.hists[a];
      if (b < this.hists.length) h.merge(this.hists[b]);
      this.hists[i] = h;
    }
    this.ok.length = this.failed.length = this.hists.length = n;
    this.bucketMs *= 2;
    this.curEnd = -1;
  }

  // the bucket most recently written: most records land in it again
  private curStart = 0;
  private curEnd = -1;
  private curIndex = 0;
  private curHist: Histogram | null = null;

  success(t: number, latencyMs: number): void {
    if (t < this.curStart || t >= this.curEnd) return this.successElsewhere(t, latencyMs);
    this.ok[this.curIndex]++;
    (this.curHist as Histogram).record(latencyMs);
  }

  /** success() in a bucket other than the current one. */
  private successElsewhere(t: number, latencyMs: number): void {
    const i = this.slot(t);
    this.ok[i]++;
    this.hists[i].record(latencyMs);
    this.curIndex = i;
    this.curStart = i * this.bucketMs;
    this.curEnd = this.curStart + this.bucketMs;
    this.curHist = this.hists[i];
  }

  failure(t: number): void {
    this.failed[this.slot(t)]++;
  }
}

/** `x` rounded to `digits` decimals for reports (non-finite values pass through). */
export function round(x: number, digits = 3): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** a ÷ b rounded for reports; 0 when b is 0. */
export const ratio = (a: number, b: number, digits = 4): number => (b > 0 ? round(a / b, digits) : 0);

/** A histogram's mean, median and 99th percentile, rounded for reports. */
export function summary3(h: Histogram): { mean: number; p50: number; p99: number } {
  return { mean: round(h.mean()), p50: round(h.quantile(0.5)), p99: round(h.quantile(0.99)) };
}
