import { describe, expect, it } from 'vitest';
import { theoryCurve, type CurveDesign } from '../../src/analysis/theory-curve.js';
import { mmc, mmcSojournQuantile } from '../../src/analysis/queueing-theory.js';

const one = (serviceMs: number, workers = 1, instances = 1, dispatch?: 'random' | 'shared'): CurveDesign => ({
  rateRps: 100,
  stations: [{ id: 'app', serviceMs, workers, instances, dispatch }],
});

describe('theoryCurve(design, swept, xs)', () => {
  it('theoryCurve(M/M/1, rate, ρ = 0.1…0.95) gives 1/(μ − λ) and ln(100)/(μ − λ) at every point', () => {
    const xs = [100, 300, 500, 700, 900, 950];
    const curve = theoryCurve(one(1), { kind: 'rate' }, xs);
    expect(curve.map((p) => p.x)).toEqual(xs);
    for (const p of curve) {
      const theta = 1 - p.x / 1000;
      expect(p.meanMs).toBeCloseTo(1 / theta, 9);
      expect(p.p99Ms).toBeCloseTo(Math.log(100) / theta, 6);
      expect(p.maxRho).toBeCloseTo(p.x / 1000, 12);
    }
  });

  it('an overloaded point (ρ ≥ 1) has no steady state: null mean and p99', () => {
    expect(theoryCurve(one(1), { kind: 'rate' }, [1000, 1500])).toEqual([
      { x: 1000, meanMs: null, p99Ms: null, maxRho: 1 },
      { x: 1500, meanMs: null, p99Ms: null, maxRho: 1.5 },
    ]);
  });

  it('sweeping instances with random dispatch makes each instance an M/M/workers queue at rate ÷ instances', () => {
    const curve = theoryCurve({ ...one(10, 2), rateRps: 500 }, { kind: 'instances', station: 'app' }, [2, 3, 4, 8]);
    expect(curve[0].meanMs).toBeNull(); // 250/s per instance against 200/s of two 10 ms workers
    for (const p of curve.slice(1)) {
      const lambda = 0.5 / p.x;
      expect(p.meanMs).toBeCloseTo(mmc(lambda, 0.1, 2).w, 9);
      expect(p.p99Ms).toBeCloseTo(mmcSojournQuantile(lambda, 0.1, 2, 0.99), 6);
    }
  });

  it('shared dispatch pools every worker into one M/M/(instances·workers) queue, which waits less than random', () => {
    const [shared] = theoryCurve({ ...one(10, 2, 4, 'shared'), rateRps: 600 }, { kind: 'rate' }, [600]);
    const [random] = theoryCurve({ ...one(10, 2, 4), rateRps: 600 }, { kind: 'rate' }, [600]);
    expect(shared.meanMs).toBeCloseTo(mmc(0.6, 0.1, 8).w, 9);
    expect(shared.meanMs as number).toBeLessThan(random.meanMs as number);
  });

  it('two M/M/1 stations in tandem (Jackson): mean is the sum, p99 the Erlang-2 quantile (1 + θt)e^{−θt} = 0.01, within 0.1 %', () => {
    const design: CurveDesign = {
      rateRps: 500,
      stations: [
        { id: 'a', serviceMs: 1, workers: 1, instances: 1 },
        { id: 'b', serviceMs: 1, workers: 1, instances: 1 },
      ],
    };
    const [p] = theoryCurve(design, { kind: 'rate' }, [500]);
    expect(p.meanMs).toBeCloseTo(4, 9);
    // θ = μ − λ = 0.5/ms; solve (1 + θt)e^{−θt} = 0.01 by bisection
    let lo = 0,
      hi = 100;
    for (let i = 0; i < 200; i++) {
      const mid = (lo + hi) / 2;
      if ((1 + 0.5 * mid) * Math.exp(-0.5 * mid) > 0.01) lo = mid;
      else hi = mid;
    }
    expect(Math.abs((p.p99Ms as number) - lo) / lo).toBeLessThan(0.001);
  });

  it('refuses to sweep the instances of a station the design does not have', () => {
    expect(() => theoryCurve(one(1), { kind: 'instances', station: 'db' }, [1])).toThrow(
      'theoryCurve: no station "db" in the design (stations: app)',
    );
  });
});
