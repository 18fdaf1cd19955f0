import { describe, it, expect } from 'vitest';
import { ALL_TIME, Histogram, Series, TimeAverage } from '../../src/engine/stats.js';
import { Level } from '../../src/nodes/parts/level.js';
import { stream } from '../../src/engine/random.js';

describe('Histogram', () => {
  it('reports quantiles within 1% relative error and exact mean, min, max', () => {
    const h = new Histogram();
    const rng = stream(7, 'h');
    const xs: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      const x = -20 * Math.log(1 - rng()) + 0.01;
      xs.push(x);
      h.record(x);
    }
    xs.sort((a, b) => a - b);
    for (const q of [0.01, 0.1, 0.5, 0.9, 0.95, 0.99, 0.999]) {
      const exact = xs[Math.ceil(q * xs.length) - 1];
      expect(Math.abs(h.quantile(q) - exact) / exact).toBeLessThan(0.01);
    }
    expect(h.mean()).toBeCloseTo(xs.reduce((a, b) => a + b, 0) / xs.length, 9);
    expect(h.min).toBe(xs[0]);
    expect(h.max).toBe(xs[xs.length - 1]);
  });

  it('covers microseconds to days with bounded memory', () => {
    const h = new Histogram();
    for (const v of [0, 0.001, 0.5, 3, 1e3, 3.6e6, 8.64e7, 1e12]) h.record(v);
    expect(h.count).toBe(8);
    expect(h.quantile(1)).toBe(1e12);
    expect(h.counts.length).toBeLessThan(10_000);
    // every value below the top bucket lands in a bucket that contains it, large ones included
    for (const v of [0.001, 0.5, 3, 1e3, 3.6e6, 8.64e7, 1e9]) {
      const [lo, w] = h.bucketBounds(h.indexOf(v));
      expect(v).toBeGreaterThanOrEqual(lo);
      expect(v).toBeLessThan(lo + w);
    }
  });

  it('merges by adding counts', () => {
    const a = new Histogram(),
      b = new Histogram();
    for (let i = 1; i <= 100; i++) (i % 2 ? a : b).record(i);
    a.merge(b);
    expect(a.count).toBe(100);
    expect(a.quantile(0.5)).toBeCloseTo(50, 0);
  });
});

describe('TimeAverage', () => {
  it('integrates a piecewise-constant value over the window only', () => {
    const w = { start: 10, end: 30 };
    const t = new TimeAverage(w);
    t.set(0, 4); // before the window
    t.set(20, 2);
    t.set(40, 100); // after it
    // 4 over [10,20], 2 over [20,30]
    expect(t.mean(50)).toBe(3);
    expect(t.max).toBe(4);
    expect(t.integralTo(50)).toBe(4 * 10 + 2 * 10);
  });

  it('over ALL_TIME integralTo(now) is the whole integral, as Level and the autoscaler read it', () => {
    const t = new TimeAverage(ALL_TIME);
    const level = new Level(10);
    for (const x of [t, level]) {
      x.set(0, 2);
      x.add(15, 1); // 3 from 15 ms
      x.set(40, 0);
    }
    expect(t.integralTo(50)).toBe(2 * 15 + 3 * 25);
    expect(level.integralTo(50)).toBe(t.integralTo(50));
    expect([t.max, level.max, level.value]).toEqual([3, 3, 0]);
    expect(level.series(10, 5, 50)).toEqual([2, 2.5, 3, 3, 0]);
  });
});

describe('Series', () => {
  it('doubles its bucket width instead of growing past maxBuckets, merging counts', () => {
    const s = new Series(100, 8);
    for (let t = 0; t < 1600; t += 10) s.success(t, 5);
    expect(s.ok.length).toBeLessThanOrEqual(8);
    expect(s.bucketMs).toBe(200);
    expect(s.ok.reduce((a, b) => a + b, 0)).toBe(160);
    expect(s.hists[0].count).toBe(20);
  });
});
