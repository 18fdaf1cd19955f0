/**
 * 95 % confidence intervals of a mean over independent replications (Student's
 * t): one definition for the CLI's --replications and the goals a checker
 * decides by their interval.
 */

// two-sided 95 % Student t quantiles for 1..30 degrees of freedom
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086,
  2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** Two-sided 95 % Student t quantile for `df` degrees of freedom; beyond the table, the Cornish–Fisher expansion around z = 1.96. */
export function t95(df: number): number {
  if (df <= T95.length) return T95[df - 1];
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2);
}

/** The mean of `xs` and the half-width of its 95 % confidence interval (0 for one value: it stands as measured). */
export function meanCI(xs: readonly number[]): { mean: number; halfWidth: number } {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, halfWidth: 0 };
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
  return { mean, halfWidth: (t95(n - 1) * sd) / Math.sqrt(n) };
}
