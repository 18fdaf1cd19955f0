import { describe, it, expect } from 'vitest';
import { moments, sampler, type DistSpec } from '../../src/engine/distributions.js';
import { stream } from '../../src/engine/random.js';
import { zipf, zipfProbabilities } from '../../src/engine/zipf.js';

const cases: DistSpec[] = [
  { dist: 'constant', value: 5 },
  { dist: 'exponential', mean: 10 },
  { dist: 'uniform', min: 5, max: 15 },
  { dist: 'normal', mean: 20, sd: 5 },
  { dist: 'normal', mean: 2, sd: 5 }, // heavily truncated at 0
  { dist: 'lognormal', median: 20, p99: 200 },
  { dist: 'pareto', scale: 10, shape: 4.5 },
  { dist: 'erlang', k: 4, mean: 10 },
  { dist: 'empirical', values: [1, 5, 50], weights: [0.7, 0.2, 0.1] },
];

describe('sampler(spec) matches moments(spec)', () => {
  for (const spec of cases) {
    it(`${JSON.stringify(spec)}`, () => {
      const draw = sampler(spec);
      const rng = stream(1, JSON.stringify(spec));
      const n = 400_000;
      let s = 0,
        s2 = 0,
        min = Infinity;
      for (let i = 0; i < n; i++) {
        const x = draw(rng);
        if (x < min) min = x;
        s += x;
        s2 += x * x;
      }
      expect(min).toBeGreaterThanOrEqual(0);
      const mean = s / n,
        variance = s2 / n - mean * mean;
      const m = moments(spec);
      // mean within 4 standard errors; variance within 5% (heavy tails: 8%)
      expect(Math.abs(mean - m.mean)).toBeLessThanOrEqual(4 * Math.sqrt(m.variance / n) + 1e-9);
      if (m.variance > 0)
        expect(Math.abs(variance - m.variance) / m.variance).toBeLessThan(
          spec.dist === 'pareto' || spec.dist === 'lognormal' ? 0.08 : 0.05,
        );
    });
  }
});

describe('random streams', () => {
  it('a stream depends only on (seed, name): adding streams changes no other draws', () => {
    const a1 = stream(42, 'app'),
      b1 = stream(42, 'db');
    const first = [a1(), a1(), b1()];
    stream(42, 'cache')(); // a new component
    const a2 = stream(42, 'app'),
      b2 = stream(42, 'db');
    expect([a2(), a2(), b2()]).toEqual(first);
    expect(stream(43, 'app')()).not.toBe(first[0]);
  });
});

describe('zipf(n, s)', () => {
  it('draws keys with the Zipf probabilities', () => {
    const n = 50,
      s = 0.9,
      draws = 200_000;
    const draw = zipf(n, s);
    const rng = stream(3, 'zipf');
    const counts = new Array(n).fill(0);
    for (let i = 0; i < draws; i++) counts[draw(rng)]++;
    const p = zipfProbabilities(n, s);
    for (const k of [0, 1, 5, 20, 49]) expect(Math.abs(counts[k] / draws - p[k])).toBeLessThan(4 * Math.sqrt(p[k] / draws) + 1e-4);
  });

  it('is uniform at skew 0 and stays in range for huge key spaces', () => {
    const rng = stream(1, 'z');
    const u = zipf(10, 0);
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 10_000; i++) counts[u(rng)]++; // an index past 9 would show up as NaN
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(4 * Math.sqrt(1000 * 0.9)); // binomial sd
    const big = zipf(1e9, 1.1);
    for (let i = 0; i < 1000; i++) {
      const k = big(rng);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThan(1e9);
    }
  });
});
