/**
 * Confidence bands over curves from replications: each replication's curve
 * (a time series, a percentile plot) is read at the same x values, and each x
 * gets the mean and its 95 % Student-t interval over the replications — what
 * the app's charts draw as a shaded band around the mean line.
 */
import { meanCI } from '../output/confidence.js';

/** A band point: x, the mean over replications, and the interval's low and high ends. */
export type BandPoint = [x: number, mean: number, low: number, high: number];

/** `curve` (points sorted by x) read at `x` by linear interpolation; undefined outside its span. */
export function valueAt(curve: readonly [number, number][], x: number): number | undefined {
  if (!curve.length || x < curve[0][0] || x > curve[curve.length - 1][0]) return undefined;
  const hi = curve.findIndex((p) => p[0] >= x);
  if (curve[hi][0] === x) return curve[hi][1];
  const [x0, y0] = curve[hi - 1],
    [x1, y1] = curve[hi];
  return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
}

/**
 * The band of `curves` at `xs`: at each x, every curve that spans it gives a
 * value; x values fewer than two curves reach are left out (one value has no
 * interval).
 */
export function band(curves: readonly (readonly [number, number][])[], xs: readonly number[]): BandPoint[] {
  const out: BandPoint[] = [];
  for (const x of xs) {
    const ys = curves.map((c) => valueAt(c, x)).filter((y): y is number => y !== undefined && Number.isFinite(y));
    if (ys.length < 2) continue;
    const { mean, halfWidth } = meanCI(ys);
    out.push([x, mean, mean - halfWidth, mean + halfWidth]);
  }
  return out;
}

/** `n` + 1 evenly spaced values from `from` to `to` (the x values a band is read at). */
export const evenly = (from: number, to: number, n: number): number[] =>
  Array.from({ length: n + 1 }, (_, i) => from + ((to - from) * i) / n);
