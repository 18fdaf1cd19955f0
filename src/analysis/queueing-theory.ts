/**
 * Queueing-theory closed forms: the validation cases compare the simulator with
 * them (test/validation), and the analysis of a run (src/analysis/analyze.ts)
 * and the sweep's theory curve (src/analysis/theory-curve.ts) put them beside
 * the simulated figures. Rates and times share one unit (per ms and ms in
 * archsim); `a = λ/μ` is the offered load in Erlangs. Each formula is checked
 * against textbook numbers in test/validation/theory.test.ts. Pure: no runtime.
 */

/** Erlang B: blocking probability of c servers, no waiting room, offered load a (M/M/c/c). */
export function erlangB(c: number, a: number): number {
  let b = 1; // B(0, a), then the stable recursion B(k) = a·B(k−1) / (k + a·B(k−1))
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/** Erlang C: probability an arrival waits in M/M/c with offered load a < c. */
export function erlangC(c: number, a: number): number {
  const b = erlangB(c, a);
  return b / (1 - (a / c) * (1 - b));
}

/** Mean figures of a queue: wait in queue, sojourn, and time-average counts. */
export interface QueueMeans {
  /** Mean time waiting before service. */
  wq: number;
  /** Mean sojourn (wait + service). */
  w: number;
  /** Mean number waiting. */
  lq: number;
  /** Mean number in system. */
  l: number;
}

/** M/M/c (c = 1 gives M/M/1): means from Erlang C. */
export function mmc(lambda: number, mu: number, c = 1): QueueMeans {
  const a = lambda / mu;
  if (a >= c) throw new Error(`M/M/${c} is unstable at offered load ${a}`);
  const wq = erlangC(c, a) / (c * mu - lambda);
  return { wq, w: wq + 1 / mu, lq: lambda * wq, l: lambda * (wq + 1 / mu) };
}

/**
 * M/M/c waiting-time p-quantile: P(Wq > t) = C·e^{−(cμ−λ)t} with C the Erlang C
 * probability of waiting, an atom of 1 − C at 0 (c = 1 gives `mm1WaitQuantile`).
 */
export function mmcWaitQuantile(lambda: number, mu: number, c: number, p: number): number {
  const waits = erlangC(c, lambda / mu);
  return p <= 1 - waits ? 0 : -Math.log((1 - p) / waits) / (c * mu - lambda);
}

/**
 * M/M/c sojourn survival P(T > t), T = Wq + S: with probability 1 − C no wait (T is
 * the service, exponential μ), else T is the sum of two exponentials, θ = cμ − λ and μ.
 */
export function mmcSojournSurvival(lambda: number, mu: number, c: number, t: number): number {
  const waits = erlangC(c, lambda / mu),
    theta = c * mu - lambda;
  const sum =
    Math.abs(theta - mu) < 1e-12 * mu
      ? (1 + mu * t) * Math.exp(-mu * t)
      : (theta * Math.exp(-mu * t) - mu * Math.exp(-theta * t)) / (theta - mu);
  return (1 - waits) * Math.exp(-mu * t) + waits * sum;
}

/** M/M/c sojourn-time p-quantile, by bisection on `mmcSojournSurvival` (c = 1 gives `mm1SojournQuantile`). */
export function mmcSojournQuantile(lambda: number, mu: number, c: number, p: number): number {
  return quantileOf((t) => 1 - mmcSojournSurvival(lambda, mu, c, t), p, 1 / mu);
}

/**
 * The p-quantile of a distribution on [0, ∞) given its CDF, by bisection: `scale`
 * is a typical value to start bracketing from (the bracket doubles until it holds p).
 */
export function quantileOf(cdf: (t: number) => number, p: number, scale: number): number {
  let lo = 0,
    hi = Math.max(scale, 1e-12);
  while (cdf(hi) < p && hi < 1e15) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * M/G/c mean wait, Allen–Cunneen: the M/M/c wait scaled by (1 + c_s²)/2, with c_s²
 * the service time's squared coefficient of variation. Exact for c = 1 (it is then
 * Pollaczek–Khinchine) and for exponential service (c_s² = 1); an approximation otherwise.
 */
export function mgcWait(lambda: number, meanS: number, c: number, scvS: number): number {
  const mu = 1 / meanS;
  return mmc(lambda, mu, c).wq * ((1 + scvS) / 2);
}

/** M/M/1 sojourn-time p-quantile: the sojourn is exponential with rate μ − λ. */
export function mm1SojournQuantile(lambda: number, mu: number, p: number): number {
  return -Math.log(1 - p) / (mu - lambda);
}

/** M/M/1 waiting-time p-quantile: P(Wq > t) = ρ·e^{−(μ−λ)t}, an atom of 1 − ρ at 0. */
export function mm1WaitQuantile(lambda: number, mu: number, p: number): number {
  const rho = lambda / mu;
  return p <= 1 - rho ? 0 : -Math.log((1 - p) / rho) / (mu - lambda);
}

/** M/M/c/K (K = most in system, K ≥ c): stationary probabilities p_0..p_K. */
export function mmckProbabilities(lambda: number, mu: number, c: number, K: number): number[] {
  const p = [1];
  for (let n = 1; n <= K; n++) {
    p.push((p[n - 1] * lambda) / (mu * Math.min(n, c)));
    // overloaded with a long queue the terms grow like ρⁿ: rescale before they overflow (the ratios are what matter)
    if (p[n] > 1e250) for (let i = 0; i <= n; i++) p[i] /= 1e250;
  }
  const total = p.reduce((s, x) => s + x, 0);
  return p.map((x) => x / total);
}

/** M/M/c/K: blocking probability (PASTA: an arrival sees K in system), and means of those admitted. */
export function mmck(lambda: number, mu: number, c: number, K: number): QueueMeans & { blocking: number } {
  const p = mmckProbabilities(lambda, mu, c, K);
  const blocking = p[K];
  const l = p.reduce((s, x, n) => s + n * x, 0);
  const lq = p.reduce((s, x, n) => s + Math.max(0, n - c) * x, 0);
  const admitted = lambda * (1 - blocking);
  return { blocking, l, lq, w: l / admitted, wq: lq / admitted };
}

/** Pollaczek–Khinchine: mean wait in M/G/1 from the service time's first two moments. */
export function pollaczekKhinchine(lambda: number, meanS: number, secondMomentS: number): number {
  const rho = lambda * meanS;
  if (rho >= 1) throw new Error(`M/G/1 is unstable at ρ = ${rho}`);
  return (lambda * secondMomentS) / (2 * (1 - rho));
}

/** Result of exact mean value analysis at population N. */
export interface MvaResult {
  /** System throughput. */
  x: number;
  /** Response time: sum of the residence times at the queueing stations (think time excluded). */
  r: number;
  /** Residence time per station. */
  residence: number[];
  /** Mean number at each station. */
  queue: number[];
}

/**
 * Exact MVA (Reiser & Lavenberg) for a single-class closed network: N users
 * thinking for Z on average (a delay station), visiting FCFS exponential
 * stations with service demands D_k. R_k(n) = D_k·(1 + Q_k(n−1)), X(n) = n / (Z + ΣR_k(n)).
 */
export function mva(N: number, thinkTime: number, demands: number[]): MvaResult {
  let queue = demands.map(() => 0),
    residence = demands.slice(),
    x = 0;
  for (let n = 1; n <= N; n++) {
    residence = demands.map((d, k) => d * (1 + queue[k]));
    const r = residence.reduce((s, v) => s + v, 0);
    x = n / (thinkTime + r);
    queue = residence.map((v) => x * v);
  }
  return { x, r: residence.reduce((s, v) => s + v, 0), residence, queue };
}

/**
 * GI/M/1: σ, the root in (0, 1) of σ = A*(μ(1 − σ)), where A* is the Laplace–Stieltjes
 * transform of the interarrival time. An arrival finds n in system with probability
 * (1 − σ)σⁿ, so Wq = σ / (μ(1 − σ)) and the sojourn is exponential with rate μ(1 − σ).
 */
export function gim1Sigma(lst: (s: number) => number, mu: number): number {
  // the map is increasing and convex on [0, 1) with a fixed point below 1 when ρ < 1:
  // iterating from 0 climbs monotonically to it
  let sigma = 0;
  for (let i = 0; i < 100_000; i++) {
    const next = lst(mu * (1 - sigma));
    if (Math.abs(next - sigma) < 1e-15) return next;
    sigma = next;
  }
  throw new Error('GI/M/1: σ did not converge (is ρ < 1?)');
}

/**
 * E_k/M/1: Erlang-k interarrivals at rate λ (mean 1/λ) — what each of k servers sees
 * behind a round-robin balancer fed by Poisson arrivals at rate kλ.
 */
export function ekm1(k: number, lambda: number, mu: number): QueueMeans & { sigma: number } {
  const sigma = gim1Sigma((s) => ((k * lambda) / (k * lambda + s)) ** k, mu);
  const w = 1 / (mu * (1 - sigma));
  return { sigma, wq: w - 1 / mu, w, lq: lambda * (w - 1 / mu), l: lambda * w };
}

/** Dispatch policies of the load-balancing Markov chain. */
export type Dispatch = 'random' | 'power-of-two' | 'shortest-queue';

/**
 * Mean sojourn with Poisson arrivals at total rate λ dispatched to n identical
 * exponential single-server FCFS queues (rate μ each), solved exactly as a
 * continuous-time Markov chain over sorted queue-length vectors (servers are
 * exchangeable), truncated at `cap` per queue. `power-of-two` samples two distinct
 * servers uniformly and joins the shorter; `shortest-queue` is join-the-shortest
 * (least-connections). L from the stationary law, W = L/λ (Little).
 */
export function dispatchSojourn(n: number, lambda: number, mu: number, policy: Dispatch, cap = 30): number {
  // enumerate sorted vectors q[0] ≥ q[1] ≥ … ≥ q[n−1], each ≤ cap
  const states: number[][] = [];
  const index = new Map<string, number>();
  const walk = (prefix: number[], max: number): void => {
    if (prefix.length === n) {
      index.set(prefix.join(','), states.length);
      states.push(prefix);
      return;
    }
    for (let v = 0; v <= max; v++) walk([...prefix, v], v);
  };
  walk([], cap);
  const key = (q: number[]) =>
    q
      .slice()
      .sort((a, b) => b - a)
      .join(',');
  // where arrivals go, by position in the sorted vector (ties are harmless: same multiset)
  const join = new Float64Array(n);
  if (policy === 'random') join.fill(1 / n);
  else if (policy === 'shortest-queue') join[n - 1] = 1;
  else if (n === 1) join[0] = 1;
  else for (let i = 0; i < n; i++) join[i] = i / ((n * (n - 1)) / 2); // position i is the shorter of a pair with i partners above it
  // incoming transitions per state, for Gauss–Seidel on πQ = 0
  const from: number[][] = states.map(() => []),
    rate: number[][] = states.map(() => []);
  const out = new Float64Array(states.length);
  states.forEach((q, s) => {
    const move = (next: number[], r: number) => {
      if (r <= 0) return;
      const t = index.get(key(next));
      if (t === undefined) return; // beyond the truncation: arrival lost (negligible mass)
      from[t].push(s);
      rate[t].push(r);
      out[s] += r;
    };
    for (let i = 0; i < n; i++) {
      if (join[i] > 0 && q[i] < cap)
        move(
          q.map((v, j) => (j === i ? v + 1 : v)),
          lambda * join[i],
        );
      if (q[i] > 0)
        move(
          q.map((v, j) => (j === i ? v - 1 : v)),
          mu,
        );
    }
  });
  const pi = new Float64Array(states.length).fill(1 / states.length);
  for (let iter = 0; iter < 20_000; iter++) {
    let delta = 0;
    for (let t = 0; t < states.length; t++) {
      if (out[t] === 0) continue;
      let inflow = 0;
      const f = from[t],
        r = rate[t];
      for (let j = 0; j < f.length; j++) inflow += pi[f[j]] * r[j];
      const v = inflow / out[t];
      delta = Math.max(delta, Math.abs(v - pi[t]));
      pi[t] = v;
    }
    let total = 0;
    for (const v of pi) total += v;
    for (let t = 0; t < pi.length; t++) pi[t] /= total;
    if (delta < 1e-13) break;
  }
  let l = 0;
  states.forEach((q, s) => (l += pi[s] * q.reduce((a, b) => a + b, 0)));
  return l / lambda;
}
