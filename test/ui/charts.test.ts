import { describe, expect, it } from 'vitest';
import { fmtTime, fmtValue, isPlottable } from '../../src/ui/charts.js';
import { chartSpecs } from '../../src/ui/results.js';
import type { RunResult } from '../../src/worker/api.js';

const run = (p99: (number | null)[]) =>
  ({
    series: {
      bucketMs: 1000,
      t: [1000, 2000, 3000],
      p50: [1, null, 2],
      p95: [3, null, 4],
      p99,
      throughputRps: [10, 20, 30],
      errorsPerSec: [0, 1, 0],
    },
    histogram: [
      [0, 1, 90],
      [1, 2, 10],
    ],
  }) as unknown as RunResult;

describe('charts', () => {
  it('isPlottable(point, yLog) refuses non-finite points, and zero or less on a log axis', () => {
    expect(
      [
        [1, 2],
        [0, 0],
        [NaN, 1],
        [1, Infinity],
      ].map((p) => isPlottable(p as [number, number])),
    ).toEqual([true, true, false, false]);
    expect(
      [
        [1, 2],
        [1, 0],
        [1, -1],
      ].map((p) => isPlottable(p as [number, number], true)),
    ).toEqual([true, false, false]);
  });

  it('fmtTime(t, span) labels ticks in ms, s or min by the span shown', () => {
    expect([fmtTime(500.4, 1999), fmtTime(1500, 2000), fmtTime(90_000, 899_999), fmtTime(90_000, 900_000)]).toEqual([
      '500 ms',
      '1.5 s',
      '90 s',
      '1.5 min',
    ]);
  });

  it('fmtTime(t, span) keeps the decimals a short span needs (never "0 ms, 1 ms, 1 ms")', () => {
    expect([0, 0.5, 1].map((t) => fmtTime(t, 1))).toEqual(['0 ms', '0.5 ms', '1 ms']);
    expect([0, 2.5, 5].map((t) => fmtTime(t, 5))).toEqual(['0 ms', '2.5 ms', '5 ms']);
  });

  it('fmtValue(v) uses k and M, and never m (it would read as minutes)', () => {
    expect([0.012, 0.5, 20, 999, 1500, 2_000_000, -2500].map(fmtValue)).toEqual(['0.012', '0.5', '20', '1000', '1.5k', '2M', '-2.5k']);
  });

  it('chartSpecs(run, baseline, xMax) gives latency, throughput and percentile charts, baselines first and drawn muted', () => {
    const specs = chartSpecs(run([5, null, 6]), run([7, 8, 9]), 60_000);
    expect(specs.map((s) => [s.title, s.yLog ?? false, s.xPercentile ?? false, s.xMax])).toEqual([
      ['Latency over time', true, false, 60_000],
      ['Throughput', false, false, 60_000],
      ['Latency by percentile', true, true, undefined],
    ]);
    expect(specs.map((s) => s.series.map((x) => [x.name, x.isBaseline ?? false]))).toEqual([
      [
        ['baseline p99', true],
        ['p50', false],
        ['p95', false],
        ['p99', false],
      ],
      [
        ['baseline ok', true],
        ['ok', false],
        ['failed', false],
      ],
      [
        ['baseline', true],
        ['this run', false],
      ],
    ]);
    // missing samples (null) are left out, not drawn as zero
    expect(specs[0].series.find((s) => s.name === 'p99')!.points).toEqual([
      [1000, 5],
      [3000, 6],
    ]);
    expect(specs[0].series.find((s) => s.name === 'baseline p99')!.points).toEqual([
      [1000, 7],
      [2000, 8],
      [3000, 9],
    ]);
    expect(specs[1].series.find((s) => s.name === 'failed')!.points).toEqual([
      [1000, 0],
      [2000, 1],
      [3000, 0],
    ]);
    // every series but the baseline has its own colour and marker, so colour is never the only cue
    const own = specs.flatMap((s) => s.series.filter((x) => !x.isBaseline));
    for (const chart of specs)
      expect(new Set(chart.series.filter((x) => !x.isBaseline).map((x) => x.color)).size).toBe(
        chart.series.filter((x) => !x.isBaseline).length,
      );
    expect(own.every((x) => x.marker)).toBe(true);
  });

  it('chartSpecs() with no run yet gives the three charts with empty series and no baseline', () => {
    const specs = chartSpecs(undefined, undefined);
    expect(specs.map((s) => s.series.map((x) => [x.name, x.points.length]))).toEqual([
      [
        ['p50', 0],
        ['p95', 0],
        ['p99', 0],
      ],
      [
        ['ok', 0],
        ['failed', 0],
      ],
      [['this run', 0]],
    ]);
  });
});
