import { describe, expect, it } from 'vitest';
import { chartSpecs } from '../../src/ui/results.js';
import { isPaired, pairedChange, plusMinus, splitEstimates, withBands, withInterval } from '../../src/ui/replicated.js';
import { detailRows } from '../../src/ui/detail.js';
import { kinds } from '../../src/kinds/index.js';
import type { ComponentStats } from '../../src/kinds/define.js';
import { t95 } from '../../src/output/confidence.js';
import type { RunResult } from '../../src/worker/api.js';

/** A run with a p99 series and a latency histogram, as far as the charts read one. */
const run = (seed: number, p99: number[], mean = 10) =>
  ({
    seed,
    summary: { latencyMs: { mean, p99: p99[0] }, throughputRps: 100 },
    phases: [],
    components: {},
    series: {
      bucketMs: 1000,
      t: [1000, 2000, 3000],
      p50: p99.map((x) => x / 4),
      p95: p99.map((x) => x / 2),
      p99,
      throughputRps: [100, 100, 100],
      errorsPerSec: [0, 0, 0],
    },
    histogram: [
      [0, 1, 90],
      [1, 2 * seed, 10],
    ],
    warnings: [],
  }) as unknown as RunResult;

describe('replicated', () => {
  const reps = [run(1, [10, 20, 30]), run(2, [14, 20, 36]), run(3, [12, 20, 33])];

  it('withBands(specs, replicas) draws each time series as the per-bucket mean with its 95 % band', () => {
    const [latency] = withBands(chartSpecs(reps[0], undefined), reps);
    const p99 = latency.series.find((s) => s.name === 'p99')!;
    expect(p99.points).toEqual([
      [1000, 12],
      [2000, 20],
      [3000, 33],
    ]);
    // at t = 1 s the values are 10, 14, 12: mean 12, sd 2, half-width t95(2)·2/√3
    const hw = (t95(2) * 2) / Math.sqrt(3);
    expect(p99.band![0][0]).toBe(1000);
    expect(p99.band![0][1]).toBeCloseTo(12 - hw, 3);
    expect(p99.band![0][2]).toBeCloseTo(12 + hw, 3);
    // identical values have a band of zero width
    expect(p99.band![1]).toEqual([2000, 20, 20]);
  });

  it('withBands(specs, replicas) gives the percentile curve a band and leaves a baseline alone', () => {
    const base = run(9, [1, 2, 3]);
    const specs = withBands(chartSpecs(reps[0], base), reps);
    const percentiles = specs[2];
    const mine = percentiles.series.find((s) => !s.isBaseline)!;
    expect(mine.band!.length).toBeGreaterThan(10);
    for (const [, lo, hi] of mine.band!) expect(hi).toBeGreaterThanOrEqual(lo);
    expect(percentiles.series.find((s) => s.isBaseline)).toEqual(chartSpecs(reps[0], base)[2].series.find((s) => s.isBaseline));
  });

  it('pairs replications only when they ran the same seeds in the same order', () => {
    expect(isPaired(reps, [run(1, [1, 1, 1]), run(2, [1, 1, 1]), run(3, [1, 1, 1])])).toBe(true);
    expect(isPaired(reps, [run(1, [1, 1, 1]), run(3, [1, 1, 1]), run(2, [1, 1, 1])])).toBe(false);
    expect(isPaired(reps, reps.slice(0, 2))).toBe(false);
    expect(isPaired(undefined, reps)).toBe(false);
  });

  it('pairedChange(base, runs, path) is the mean per-seed difference with its interval', () => {
    const after = [run(1, [1, 1, 1], 7), run(2, [1, 1, 1], 8), run(3, [1, 1, 1], 9)];
    const before = [run(1, [1, 1, 1], 10), run(2, [1, 1, 1], 10), run(3, [1, 1, 1], 10)];
    const d = pairedChange(before, after, 'summary.latencyMs.mean')!;
    expect(d.mean).toBe(-2);
    expect(d.halfWidth).toBeCloseTo((t95(2) * 1) / Math.sqrt(3), 4);
  });

  it("writes an interval in the figure's own format, and nothing without one", () => {
    const fmt = (x: number | undefined) => (x === undefined ? '—' : `${x.toFixed(1)} ms`);
    expect(plusMinus({ mean: 5, halfWidth: 0.25 }, fmt)).toBe('± 0.3 ms');
    expect(plusMinus({ mean: 5, halfWidth: NaN }, fmt)).toBe('');
    expect(withInterval({ mean: 5, halfWidth: 0.25 }, fmt)).toBe('5.0 ms ± 0.3 ms');
    expect(withInterval(undefined, fmt)).toBe('—');
  });

  it("splitEstimates(aggregated) gives the means and the half-widths in the shape of one run's value", () => {
    const agg = {
      kind: 'service',
      utilization: { mean: 0.5, halfWidth: 0.01 },
      waitMs: { mean: { mean: 3, halfWidth: 0.2 }, p99: { mean: 9, halfWidth: 1 } },
    };
    expect(splitEstimates(agg)).toEqual({
      mean: { kind: 'service', utilization: 0.5, waitMs: { mean: 3, p99: 9 } },
      halfWidth: { kind: 'service', utilization: 0.01, waitMs: { mean: 0.2, p99: 1 } },
    });
  });

  it("detailRows(kind, means, halfWidths) gives each statistic its interval in the statistic's own format", () => {
    const { mean, halfWidth } = splitEstimates({
      kind: 'service',
      arrivals: { mean: 1000, halfWidth: 12 },
      utilization: { mean: 0.5, halfWidth: 0.01 },
    });
    const rows = detailRows(kinds.service, mean as ComponentStats, halfWidth as Record<string, unknown>);
    expect(rows.find((r) => r.key === 'utilization')).toMatchObject({ value: '50%', ci: '± 1%' });
    expect(rows.find((r) => r.key === 'arrivals')?.ci).toBe('± 12');
    expect(rows.find((r) => r.key === 'kind')?.ci).toBeUndefined();
  });
});
