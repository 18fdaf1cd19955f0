import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { aggregate, estimateOf, figureAt, figurePaths, pairedDifference } from '../../src/analysis/aggregate.js';
import { meanCI } from '../../src/output/confidence.js';
import { loadScenario } from '../../src/scenario/index.js';
import { runScenario } from '../../src/run/run.js';
import type { RunResult } from '../../src/run/result.js';

const text = readFileSync('scenarios/mm1.yaml', 'utf8');
const runOf = (seed: number, set: string[] = []) => runScenario(loadScenario(text, { seed, duration: '40s', set }));
const runs = [1, 2, 3, 4].map((s) => runOf(s));

describe('aggregate(runs)', () => {
  it('gives every numeric figure its mean and Student-t 95 % half-width, in the run result shape', () => {
    const agg = aggregate(runs);
    const p99s = runs.map((r) => r.summary.latencyMs.p99);
    expect(agg.summary.latencyMs.p99.mean).toBeCloseTo(meanCI(p99s).mean, 3);
    expect(agg.summary.latencyMs.p99.halfWidth).toBeCloseTo(meanCI(p99s).halfWidth, 3);
    expect(agg.summary.latencyMs.p99.halfWidth).toBeGreaterThan(0);
    expect(agg.components.app.utilization.mean).toBeCloseTo(meanCI(runs.map((r) => r.components.app.utilization)).mean, 5);
    expect(agg.components.app.kind).toBe('service');
    expect(agg.components.app.queueLength.max.halfWidth).toBeGreaterThanOrEqual(0);
    expect(agg.summary.failures.timeout).toEqual({ mean: 0, halfWidth: 0 });
    expect(agg.replications).toBe(4);
    expect(agg.seeds).toEqual([1, 2, 3, 4]);
    expect(agg.series?.throughputRps.length).toBe(runs[0].series.throughputRps.length);
  });

  it('covers figures it was never told about (routes added to the result later), phases by position, and cost', () => {
    const withRoutes = runs.map((r, i) => ({ ...r, routes: { 'GET /a': { p99: 10 + i } } }) as unknown as RunResult);
    const agg = aggregate(withRoutes);
    expect(agg.routes).toEqual({ 'GET /a': { p99: estimateOf([10, 11, 12, 13]) } });
    const phased = runs.map((r, i) => ({ ...r, phases: [{ ...r.summary, name: 'peak', startMs: 0, endMs: 1000 + i }] }) as RunResult);
    expect(aggregate(phased).phases[0].name).toBe('peak');
    expect(aggregate(phased).phases[0].endMs).toEqual(estimateOf([1000, 1001, 1002, 1003]));
    const cost = aggregate(runs).summary.cost as { run: { mean: number } };
    expect(cost.run.mean).toBeTypeOf('number');
  });

  it('averages a figure some runs leave null over the runs that have it, and one run has no interval (NaN)', () => {
    const one = aggregate([runs[0]]);
    expect(one.summary.latencyMs.mean.mean).toBe(runs[0].summary.latencyMs.mean);
    expect(one.summary.latencyMs.mean.halfWidth).toBeNaN();
    const nulls = runs.map((r, i) => ({ ...r, series: { ...r.series, p99: [i < 2 ? null : 5 + i] } }) as RunResult);
    expect(aggregate(nulls).series?.p99[0]).toEqual(estimateOf([7, 8]));
  });

  it('counts each warning once per run it occurred in', () => {
    const warned = runs.map((r, i) => ({
      ...r,
      warnings: i % 2 ? [] : [{ code: 'saturated', component: 'app', message: 'app is saturated' }],
    }));
    expect(aggregate(warned).warnings).toEqual([{ code: 'saturated', component: 'app', message: 'app is saturated', runs: 2 }]);
  });

  it('refuses an empty set of runs', () => {
    expect(() => aggregate([])).toThrow('aggregate: no runs to summarise');
  });
});

describe('pairedDifference(base, variant, path)', () => {
  it('with common random numbers, the interval of the per-seed differences is narrower than the unpaired one and excludes zero', () => {
    const seeds = [1, 2, 3, 4, 5, 6];
    const long = (set: string[]) => seeds.map((seed) => runScenario(loadScenario(text, { seed, duration: '300s', set })));
    const d = pairedDifference(long([]), long(['app.serviceTime=exp(9ms)']), 'summary.latencyMs.mean');
    expect(d.pairs).toBe(6);
    expect(d.difference.mean).toBeCloseTo(d.variant.mean - d.base.mean, 3);
    expect(d.difference.mean).toBeLessThan(0);
    // same arrivals and service draws (scaled by 0.9): the two sides move together from seed to seed
    const unpaired = Math.hypot(d.base.halfWidth, d.variant.halfWidth);
    expect(d.difference.halfWidth).toBeLessThan(unpaired * 0.75);
    expect(d.difference.mean + d.difference.halfWidth).toBeLessThan(0);
  });

  it('refuses runs that are not paired by seed', () => {
    expect(() => pairedDifference(runs, runs.slice(1), 'summary.throughputRps')).toThrow('4 base runs against 3 variant runs');
    expect(() => pairedDifference(runs.slice(0, 2), runs.slice(1, 3), 'summary.throughputRps')).toThrow(
      'run 1 has seed 1 in the base and 2 in the variant',
    );
  });
});

describe('figureAt and figurePaths', () => {
  it('reads a figure by dotted path or by keys, and lists every numeric figure', () => {
    expect(figureAt(runs[0], 'summary.latencyMs.p99')).toBe(runs[0].summary.latencyMs.p99);
    expect(figureAt(runs[0], ['components', 'app', 'utilization'])).toBe(runs[0].components.app.utilization);
    expect(figureAt(runs[0], 'summary.nope')).toBeUndefined();
    expect(figureAt(runs[0], 'summary.__proto__')).toBeUndefined();
    const paths = figurePaths(runs[0]).map((p) => p.join('.'));
    expect(paths).toContain('summary.latencyMs.p99');
    expect(paths).toContain('components.app.waitMs.mean');
    expect(paths).not.toContain('wallMs');
  });
});
