
/**
 * A piecewise-constant quantity over time (instances, backlog), kept as its
 * time-weighted average per bucket for the result's series, and as a running
 * integral (for cost: instance-hours). Memory stays bounded: past `maxBuckets`
 * buckets, neighbours merge and the width doubles, as the recorder's Series does.
 */
export class Level {
  value: number;
  /** ∫ value dt from 0 to `last`, ms·units. */
  integral = 0;
  max: number;
  private last = 0;
  private area: number[] = [];

  constructor(private bucketMs: number, value = 0, private readonly maxBuckets = 400) {
    this.value = this.max = value;
  }

  set(t: number, v: number): void {
    if (t > this.last) this.advance(t);
    this.value = v;
    if (v > this.max) this.max = v;
  }

  add(t: number, dv: number): void {
    this.set(t, this.value + dv);
  }

  private advance(t: number): void {
    const v = this.value;
    this.integral += v * (t - this.last);
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
    return this.integral + (now > this.last ? this.value * (now - this.last) : 0);
  }

  /** Time-weighted mean per bucket of width `bucketMs`, `n` buckets, as of `now`. */
  series(bucketMs: number, n: number, now: number): number[] {
    this.advance(Math.max(this.last, now));
    const out: number[] = [];
    for (let k = 0; k < n; k++) {
      const from = k * bucketMs, to = Math.min((k + 1) * bucketMs, Math.max(now, from + 1e-9));
      let area = 0;
      // overlap of [from, to) with each of our buckets
      for (let i = Math.floor(from / this.bucketMs); i * this.bucketMs < to && i < this.area.length; i++) {
        const a = Math.max(from, i * this.bucketMs), b = Math.min(to, (i + 1) * this.bucketMs);
        if (b > a) area += (this.area[i] * (b - a)) / this.bucketMs;
      }
      out.push(Math.round((area / (to - from)) * 1000) / 1000);
    }
    return out;
  }
}
