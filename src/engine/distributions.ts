/**
 * Distributions of durations (ms), as plain data (DistSpec) and as samplers.
 * Parsing the shorthand ("exp(10ms)") lives in scenario/dist-syntax.ts; the
 * engine only sees DistSpec.
 */
import type { Rng } from './random.js';

export type DistSpec =
  | { dist: 'constant'; value: number }
  | { dist: 'exponential'; mean: number }
  | { dist: 'uniform'; min: number; max: number }
  /** Normal truncated at 0 (negative draws are redrawn). */
  | { dist: 'normal'; mean: number; sd: number }
  /** Lognormal given by its median and 99th percentile. */
  | { dist: 'lognormal'; median: number; p99: number }
  | { dist: 'pareto'; scale: number; shape: number }
  | { dist: 'erlang'; k: number; mean: number }
  | { dist: 'empirical'; values: number[]; weights: number[] };

export type DistName = DistSpec['dist'];

export type Sampler = (rng: Rng) => number;

const Z99 = 2.3263478740408408; // standard normal 0.99 quantile

export function lognormalParams(median: number, p99: number): { mu: number; sigma: number } {
  const mu = Math.log(median);
  return { mu, sigma: (Math.log(p99) - mu) / Z99 };
}

function stdNormal(rng: Rng): number {
  // Box–Muller without caching the spare: keeps a sampler stateless.
  let u = rng();
  while (u === 0) u = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

export function sampler(spec: DistSpec): Sampler {
  switch (spec.dist) {
    case 'constant': {
      const v = spec.value;
      return () => v;
    }
    case 'exponential': {
      const m = spec.mean;
      return (rng) => -m * Math.log(1 - rng());
    }
    case 'uniform': {
      const a = spec.min,
        w = spec.max - spec.min;
      return (rng) => a + w * rng();
    }
    case 'normal': {
      const { mean, sd } = spec;
      if (sd === 0) return () => Math.max(0, mean);
      return (rng) => {
        for (let i = 0; i < 1000; i++) {
          const x = mean + sd * stdNormal(rng);
          if (x >= 0) return x;
        }
        return 0;
      };
    }
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(spec.median, spec.p99);
      return (rng) => Math.exp(mu + sigma * stdNormal(rng));
    }
    case 'pareto': {
      const { scale, shape } = spec;
      return (rng) => scale / (1 - rng()) ** (1 / shape);
    }
    case 'erlang': {
      const { k } = spec,
        m = spec.mean / spec.k;
      return (rng) => {
        let p = 1;
        for (let i = 0; i < k; i++) p *= 1 - rng();
        return -m * Math.log(p);
      };
    }
    case 'empirical': {
      const total = spec.weights.reduce((a, b) => a + b, 0);
      const cum = new Float64Array(spec.weights.length);
      let acc = 0;
      spec.weights.forEach((w, i) => (cum[i] = acc += w / total));
      const values = spec.values.slice();
      return (rng) => {
        const u = rng();
        let lo = 0,
          hi = cum.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cum[mid] > u) hi = mid;
          else lo = mid + 1;
        }
        return values[lo];
      };
    }
  }
}

/** Standard normal pdf and cdf, for the truncated-normal moments. */
function phi(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}
export function normalCdf(x: number): number {
  // Abramowitz–Stegun 7.1.26 via erf, |error| < 1.5e-7
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** Exact mean and variance of a distribution (Infinity where they do not exist). */
export function moments(spec: DistSpec): { mean: number; variance: number } {
  switch (spec.dist) {
    case 'constant':
      return { mean: spec.value, variance: 0 };
    case 'exponential':
      return { mean: spec.mean, variance: spec.mean * spec.mean };
    case 'uniform': {
      const w = spec.max - spec.min;
      return { mean: (spec.min + spec.max) / 2, variance: (w * w) / 12 };
    }
    case 'normal': {
      if (spec.sd === 0) return { mean: Math.max(0, spec.mean), variance: 0 };
      const a = -spec.mean / spec.sd; // truncation point in standard units
      const z = 1 - normalCdf(a);
      const lam = phi(a) / z;
      const mean = spec.mean + spec.sd * lam;
      const variance = spec.sd * spec.sd * (1 + a * lam - lam * lam);
      return { mean, variance };
    }
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(spec.median, spec.p99);
      const s2 = sigma * sigma;
      return { mean: Math.exp(mu + s2 / 2), variance: (Math.exp(s2) - 1) * Math.exp(2 * mu + s2) };
    }
    case 'pareto': {
      const { scale: x, shape: a } = spec;
      const mean = a > 1 ? (a * x) / (a - 1) : Infinity;
      const variance = a > 2 ? (x * x * a) / ((a - 1) * (a - 1) * (a - 2)) : Infinity;
      return { mean, variance };
    }
    case 'erlang':
      return { mean: spec.mean, variance: (spec.mean * spec.mean) / spec.k };
    case 'empirical': {
      const total = spec.weights.reduce((a, b) => a + b, 0);
      let m = 0,
        m2 = 0;
      spec.values.forEach((v, i) => {
        const p = spec.weights[i] / total;
        m += p * v;
        m2 += p * v * v;
      });
      return { mean: m, variance: m2 - m * m };
    }
  }
}

export const meanOf = (spec: DistSpec): number => moments(spec).mean;

/** The least value a distribution draws, in ms (0 where it reaches down to 0): a floor for estimates. */
export function leastOf(spec: DistSpec): number {
  switch (spec.dist) {
    case 'constant':
      return spec.value;
    case 'uniform':
      return spec.min;
    case 'pareto':
      return spec.scale;
    case 'empirical':
      return spec.values.length ? Math.min(...spec.values) : 0;
    default:
      return 0;
  }
}

/** Short text form, the same syntax the scenario format accepts. */
export function formatDist(spec: DistSpec): string {
  const ms = (v: number) => `${+v.toPrecision(6)}ms`;
  switch (spec.dist) {
    case 'constant':
      return ms(spec.value);
    case 'exponential':
      return `exp(${ms(spec.mean)})`;
    case 'uniform':
      return `uniform(${ms(spec.min)}, ${ms(spec.max)})`;
    case 'normal':
      return `normal(${ms(spec.mean)}, ${ms(spec.sd)})`;
    case 'lognormal':
      return `lognormal(${ms(spec.median)}, ${ms(spec.p99)})`;
    case 'pareto':
      return `pareto(${ms(spec.scale)}, ${spec.shape})`;
    case 'erlang':
      return `erlang(${spec.k}, ${ms(spec.mean)})`;
    case 'empirical':
      return `empirical(${spec.values.map((v, i) => `${ms(v)}:${spec.weights[i]}`).join(', ')})`;
  }
}

/** True for a constant 0 distribution: a kind can skip scheduling an event. */
export const isZero = (d: DistSpec): boolean => d.dist === 'constant' && d.value === 0;
