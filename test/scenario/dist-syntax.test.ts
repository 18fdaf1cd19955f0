import { describe, it, expect } from 'vitest';
import { parseDist } from '../../src/scenario/index.js';
import { formatDist } from '../../src/engine/distributions.js';

describe('parseDist', () => {
  it.each<[unknown, unknown]>([
    [5, { dist: 'constant', value: 5 }],
    ['5ms', { dist: 'constant', value: 5 }],
    ['2s', { dist: 'constant', value: 2000 }],
    ['constant(3ms)', { dist: 'constant', value: 3 }],
    ['exp(10ms)', { dist: 'exponential', mean: 10 }],
    ['exponential(1s)', { dist: 'exponential', mean: 1000 }],
    ['uniform(5ms, 15ms)', { dist: 'uniform', min: 5, max: 15 }],
    ['normal(20ms, 5ms)', { dist: 'normal', mean: 20, sd: 5 }],
    ['lognormal(20ms, 200ms)', { dist: 'lognormal', median: 20, p99: 200 }],
    ['pareto(10ms, 2.5)', { dist: 'pareto', scale: 10, shape: 2.5 }],
    ['erlang(4, 10ms)', { dist: 'erlang', k: 4, mean: 10 }],
    ['empirical(1ms:0.9, 50ms:0.1)', { dist: 'empirical', values: [1, 50], weights: [0.9, 0.1] }],
    [
      { dist: 'exponential', mean: '10ms' },
      { dist: 'exponential', mean: 10 },
    ],
    [
      { dist: 'constant', value: '5ms' },
      { dist: 'constant', value: 5 },
    ],
    [
      { dist: 'uniform', min: 1, max: '2ms' },
      { dist: 'uniform', min: 1, max: 2 },
    ],
    [
      { dist: 'normal', mean: '20ms', sd: '5ms' },
      { dist: 'normal', mean: 20, sd: 5 },
    ],
    [
      { dist: 'lognormal', median: 20, p99: '0.2s' },
      { dist: 'lognormal', median: 20, p99: 200 },
    ],
    [
      { dist: 'pareto', scale: '10ms', shape: 2.5 },
      { dist: 'pareto', scale: 10, shape: 2.5 },
    ],
    [
      { dist: 'erlang', k: 4, mean: '10ms' },
      { dist: 'erlang', k: 4, mean: 10 },
    ],
    [
      { dist: 'empirical', values: ['1ms', '50ms'], weights: [0.9, 0.1] },
      { dist: 'empirical', values: [1, 50], weights: [0.9, 0.1] },
    ],
    [
      { dist: 'empirical', values: [1, 2] },
      { dist: 'empirical', values: [1, 2], weights: [1, 1] },
    ],
  ])('parseDist(%j)', (v, spec) => expect(parseDist(v)).toEqual(spec));

  it('reads back what formatDist writes', () => {
    for (const s of [
      'exp(10ms)',
      'uniform(5ms, 15ms)',
      'lognormal(20ms, 200ms)',
      'pareto(10ms, 2.5)',
      'erlang(4, 10ms)',
      'empirical(1ms:0.9, 50ms:0.1)',
    ])
      expect(formatDist(parseDist(s))).toBe(s);
  });

  const names = 'constant, exp, exponential, uniform, normal, lognormal, pareto, erlang, empirical';
  it.each<[unknown, string]>([
    ['expo(10ms)', `unknown distribution "expo"; did you mean "exp"? (expected one of ${names})`],
    ['unifrom(1ms, 2ms)', `unknown distribution "unifrom"; did you mean "uniform"? (expected one of ${names})`],
    ['exp(10ms', 'expected a distribution such as "5ms", "exp(10ms)" or "uniform(5ms, 15ms)", got "exp(10ms" (missing ")")'],
    ['fast', 'expected a distribution such as "5ms", "exp(10ms)" or "uniform(5ms, 15ms)", got "fast"'],
    ['exp()', 'exp() takes 1 argument (mean), got 0'],
    ['exp(1ms, 2ms)', 'exp() takes 1 argument (mean), got 2'],
    ['uniform(1ms)', 'uniform() takes 2 arguments (min, max), got 1'],
    ['exp(-1ms)', 'exp: mean: expected a non-negative duration such as "250ms" or "2s", got "-1ms"'],
    ['exp(10 parsecs)', 'exp: mean: expected a duration such as "250ms" or "2s", got "10 parsecs"'],
    ['uniform(15ms, 5ms)', 'uniform: max must be ≥ min, got min "15ms" and max "5ms"'],
    ['normal(1ms, x)', 'normal: sd: expected a duration such as "250ms" or "2s", got "x"'],
    ['lognormal(20ms, 10ms)', 'lognormal: p99 must exceed the median, got median "20ms" and p99 "10ms"'],
    ['lognormal(0, 10ms)', 'lognormal: median must be > 0, got 0'],
    ['pareto(10ms, 0)', 'pareto: shape: expected a number > 0, got 0'],
    ['pareto(0, 2)', 'pareto: scale must be > 0, got 0'],
    ['pareto(10ms, x)', 'pareto: shape: expected a number > 0, got "x"'],
    ['erlang(2.5, 10ms)', 'erlang: k: expected an integer between 1 and 1000, got 2.5'],
    ['erlang(0, 1ms)', 'erlang: k: expected an integer between 1 and 1000, got 0'],
    ['empirical(1ms)', 'empirical() takes value:weight pairs such as "empirical(1ms:0.9, 50ms:0.1)", got "empirical(1ms)"'],
    ['empirical(1ms:-1)', 'empirical: weights[0]: expected a number ≥ 0, got -1'],
    ['empirical(1ms:0)', 'empirical: weights must not all be 0'],
    ['empirical(x:1)', 'empirical: values[0]: expected a duration such as "250ms" or "2s", got "x"'],
    [-5, 'expected a non-negative duration such as "250ms" or "2s", got -5'],
    ['-5ms', 'expected a non-negative duration such as "250ms" or "2s", got "-5ms"'],
    [Infinity, 'expected a duration such as "250ms" or "2s", got Infinity'],
    [null, 'expected a distribution such as "5ms", "exp(10ms)" or "uniform(5ms, 15ms)", got null'],
    [[1], 'expected a distribution such as "5ms", "exp(10ms)" or "uniform(5ms, 15ms)", got a list'],
    [
      { mean: 1 },
      'expected a distribution such as "5ms", "exp(10ms)" or "uniform(5ms, 15ms)"; an object needs "dist" (one of constant, exponential, uniform, normal, lognormal, pareto, erlang, empirical)',
    ],
    [{ dist: 'expo', mean: 1 }, `unknown distribution "expo"; did you mean "exp"? (expected one of ${names})`],
    [{ dist: 5 }, 'dist: expected a distribution name, got 5'],
    [{ dist: 'exponential', maen: 1 }, 'unknown key "maen" for exponential; did you mean "mean"? (expected mean)'],
    [{ dist: 'uniform', min: 1 }, 'uniform needs "max"'],
    [{ dist: 'empirical', values: [1, 2], weights: [1] }, 'empirical: weights: expected a list of 2 numbers (one per value), got a list'],
    [{ dist: 'empirical', values: [] }, 'empirical: values: expected a non-empty list of durations, got a list'],
  ])('rejects %j', (v, msg) => expect(() => parseDist(v)).toThrow(msg));
});
