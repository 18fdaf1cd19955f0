import { describe, expect, it } from 'vitest';
import { band, evenly, valueAt } from '../../src/analysis/bands.js';
import { t95 } from '../../src/output/confidence.js';

describe('valueAt', () => {
  it('reads a curve at its points, between them linearly, and nowhere outside it', () => {
    const c: [number, number][] = [
      [0, 10],
      [2, 20],
      [4, 0],
    ];
    expect([0, 1, 2, 3, 4].map((x) => valueAt(c, x))).toEqual([10, 15, 20, 10, 0]);
    expect(valueAt(c, -1)).toBeUndefined();
    expect(valueAt(c, 5)).toBeUndefined();
    expect(valueAt([], 0)).toBeUndefined();
  });
});

describe('band', () => {
  it('gives the mean and the Student-t 95 % interval over the curves at each x', () => {
    const curves: [number, number][][] = [
      [
        [0, 1],
        [1, 3],
      ],
      [
        [0, 3],
        [1, 5],
      ],
      [
        [0, 5],
        [1, 7],
      ],
    ];
    // at x = 0: values 1, 3, 5 → mean 3, sd 2, half-width t95(2) · 2/√3
    const hw = (t95(2) * 2) / Math.sqrt(3);
    const b = band(curves, [0, 0.5, 1]);
    expect(b.map((p) => p.map((v) => +v.toFixed(9)))).toEqual(
      [
        [0, 3, 3 - hw, 3 + hw],
        [0.5, 4, 4 - hw, 4 + hw],
        [1, 5, 5 - hw, 5 + hw],
      ].map((p) => p.map((v) => +v.toFixed(9))),
    );
  });

  it('leaves out x values fewer than two curves reach', () => {
    const b = band(
      [
        [
          [0, 1],
          [10, 1],
        ],
        [
          [0, 2],
          [5, 2],
        ],
      ],
      [0, 5, 8],
    );
    expect(b.map((p) => p[0])).toEqual([0, 5]);
  });

  it('reads evenly spaced x values from the first to the last', () => {
    expect(evenly(0, 3, 3)).toEqual([0, 1, 2, 3]);
  });
});
