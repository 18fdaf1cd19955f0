/**
 * Zipf-distributed keys 0..n-1 (key 0 most popular), P(k) ∝ 1/(k+1)^s, by
 * rejection-inversion (Hörmann & Derflinger 1996): O(1) per draw, no tables,
 * so a key space of millions costs nothing. s = 0 is uniform.
 */
import type { Rng } from './random.js';

const helper1 = (x: number) => (Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1 - x * (0.5 - x * (1 / 3 - 0.25 * x)));
const helper2 = (x: number) => (Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1 + x * 0.5 * (1 + (x / 3) * (1 + 0.25 * x)));

export function zipf(n: number, s: number): (rng: Rng) => number {
  if (n <= 1) return () => 0;
  if (s === 0) return (rng) => Math.floor(rng() * n);
  const h = (x: number) => Math.exp(-s * Math.log(x));
  const hIntegral = (x: number) => {
    const lx = Math.log(x);
    return helper2((1 - s) * lx) * lx;
  };
  const hInverse = (x: number) => {
    let t = x * (1 - s);
    if (t < -1) t = -1;
    return Math.exp(helper1(t) * x);
  };
  const hX1 = hIntegral(1.5) - 1;
  const hN = hIntegral(n + 0.5);
  const sLimit = 2 - hInverse(hIntegral(2.5) - h(2));
  return (rng) => {
    for (;;) {
      const u = hN + rng() * (hX1 - hN);
      const x = hInverse(u);
      let k = Math.floor(x + 0.5);
      if (k < 1) k = 1;
      else if (k > n) k = n;
      if (k - x <= sLimit || u >= hIntegral(k + 0.5) - h(k)) return k - 1;
    }
  };
}

/** Exact probability of key k (0-based) for checks and theory (O(n) once). */
export function zipfProbabilities(n: number, s: number): Float64Array {
  const p = new Float64Array(n);
  let z = 0;
  for (let k = 0; k < n; k++) z += p[k] = (k + 1) ** -s;
  for (let k = 0; k < n; k++) p[k] /= z;
  return p;
}
