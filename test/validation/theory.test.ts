import { describe, expect, it } from 'vitest';
import {
  dispatchSojourn,
  ekm1,
  erlangB,
  erlangC,
  gim1Sigma,
  mm1SojournQuantile,
  mm1WaitQuantile,
  mmc,
  mmck,
  mva,
  pollaczekKhinchine,
} from '../../src/analysis/queueing-theory.js';

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

describe('erlangB(c, a)', () => {
  it('matches Erlang B tables', () => {
    expect(erlangB(1, 1)).toBeCloseTo(0.5, 12);
    expect(erlangB(5, 4)).toBeCloseTo(0.1991, 4);
    expect(erlangB(10, 5)).toBeCloseTo(0.01838, 5);
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 12);
  });
  it('equals the explicit sum (a^c/c!) / Σ a^k/k!', () => {
    const c = 7,
      a = 5.5;
    let sum = 0;
    for (let k = 0; k <= c; k++) sum += a ** k / factorial(k);
    expect(erlangB(c, a)).toBeCloseTo(a ** c / factorial(c) / sum, 12);
  });
});

describe('erlangC(c, a) and mmc(λ, μ, c)', () => {
  it('gives P(wait) = 1/3 for M/M/2 at ρ = 0.5', () => {
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
  });
  it('equals the explicit Erlang C formula', () => {
    const c = 4,
      a = 3.2;
    let sum = 0;
    for (let k = 0; k < c; k++) sum += a ** k / factorial(k);
    const top = (a ** c / factorial(c)) * (c / (c - a));
    expect(erlangC(c, a)).toBeCloseTo(top / (sum + top), 12);
  });
  it('reduces to M/M/1: W = 1/(μ − λ), Lq = ρ²/(1 − ρ)', () => {
    const q = mmc(0.8, 1);
    expect(q.w).toBeCloseTo(5, 12);
    expect(q.wq).toBeCloseTo(4, 12);
    expect(q.lq).toBeCloseTo(3.2, 12);
    expect(q.l).toBeCloseTo(4, 12);
  });
  it('gives Wq = ρ/(μ(1 − ρ²)) for M/M/2', () => {
    const rho = 0.7;
    expect(mmc(2 * rho, 1, 2).wq).toBeCloseTo(rho ** 2 / (1 - rho ** 2), 12);
  });
  it('refuses an unstable queue', () => {
    expect(() => mmc(2, 1, 2)).toThrow('unstable');
  });
});

describe('M/M/1 quantiles', () => {
  it('sojourn is exponential with rate μ − λ', () => {
    expect(mm1SojournQuantile(0.8, 1, 0.5)).toBeCloseTo(5 * Math.LN2, 12);
    expect(mm1SojournQuantile(0.8, 1, 0.99)).toBeCloseTo(5 * Math.log(100), 12);
  });
  it('wait has an atom of 1 − ρ at zero', () => {
    expect(mm1WaitQuantile(0.8, 1, 0.1)).toBe(0);
    expect(mm1WaitQuantile(0.8, 1, 0.99)).toBeCloseTo(5 * Math.log(80), 12);
  });
});

describe('mmck(λ, μ, c, K)', () => {
  it('gives the M/M/1/K blocking (1 − ρ)ρ^K / (1 − ρ^{K+1})', () => {
    const rho = 0.9,
      K = 10;
    expect(mmck(rho, 1, 1, K).blocking).toBeCloseTo(((1 - rho) * rho ** K) / (1 - rho ** (K + 1)), 12);
  });
  it('gives 1/(K + 1) at ρ = 1', () => {
    expect(mmck(1, 1, 1, 4).blocking).toBeCloseTo(0.2, 12);
  });
  it('equals Erlang B when K = c', () => {
    expect(mmck(4, 1, 5, 5).blocking).toBeCloseTo(erlangB(5, 4), 12);
  });
  it('approaches M/M/c as K grows', () => {
    const big = mmck(1.6, 1, 2, 400),
      inf = mmc(1.6, 1, 2);
    expect(big.blocking).toBeLessThan(1e-30);
    expect(big.wq).toBeCloseTo(inf.wq, 9);
  });
});

describe('pollaczekKhinchine(λ, E[S], E[S²])', () => {
  it('gives M/D/1 Wq = ρ/(2μ(1 − ρ))', () => {
    expect(pollaczekKhinchine(0.8, 1, 1)).toBeCloseTo(2, 12);
  });
  it('gives M/M/1 with E[S²] = 2/μ²', () => {
    expect(pollaczekKhinchine(0.8, 1, 2)).toBeCloseTo(mmc(0.8, 1).wq, 12);
  });
});

describe('mva(N, Z, D)', () => {
  it('gives R = D and X = 1/(Z + D) for one user', () => {
    const m = mva(1, 20, [5, 3]);
    expect(m.r).toBeCloseTo(8, 12);
    expect(m.x).toBeCloseTo(1 / 28, 12);
  });
  it('matches the machine-repairman model M/M/1//N in closed form', () => {
    // p0 = 1 / Σ N!/(N−k)! (S/Z)^k, X = (1 − p0)/S
    const N = 10,
      S = 5,
      Z = 50;
    let sum = 0;
    for (let k = 0; k <= N; k++) sum += (factorial(N) / factorial(N - k)) * (S / Z) ** k;
    const x = (1 - 1 / sum) / S;
    const m = mva(N, Z, [S]);
    expect(m.x).toBeCloseTo(x, 12);
    expect(m.r).toBeCloseTo(N / x - Z, 9);
  });
  it('saturates at 1/D_max with many users (asymptotic bound)', () => {
    expect(mva(500, 10, [2, 4]).x).toBeCloseTo(0.25, 6);
  });
});

describe('GI/M/1 σ and ekm1(k, λ, μ)', () => {
  it('gives σ = ρ for Poisson arrivals (k = 1)', () => {
    expect(ekm1(1, 0.8, 1).sigma).toBeCloseTo(0.8, 12);
    expect(ekm1(1, 0.8, 1).w).toBeCloseTo(5, 9);
  });
  it('matches the E2/M/1 closed form σ = (4ρ + 1 − √(8ρ + 1))/2', () => {
    const rho = 0.5;
    expect(ekm1(2, rho, 1).sigma).toBeCloseTo((4 * rho + 1 - Math.sqrt(8 * rho + 1)) / 2, 12);
  });
  it('approaches D/M/1 (σ = e^{−μ(1−σ)/λ}: 0.2032 at ρ = 0.5) as k grows', () => {
    expect(gim1Sigma((s) => Math.exp(-s / 0.5), 1)).toBeCloseTo(0.20319, 5);
    expect(ekm1(2000, 0.5, 1).sigma).toBeCloseTo(0.20319, 3);
  });
});

describe('dispatchSojourn(n, λ, μ, policy)', () => {
  it('is M/M/1 for one server and for random dispatch', () => {
    expect(dispatchSojourn(1, 0.8, 1, 'shortest-queue', 200)).toBeCloseTo(5, 4);
    expect(dispatchSojourn(2, 1.2, 1, 'random', 120)).toBeCloseTo(1 / (1 - 0.6), 4);
  });
  it('makes power-of-two equal join-the-shortest with two servers', () => {
    expect(dispatchSojourn(2, 1.6, 1, 'power-of-two', 60)).toBeCloseTo(dispatchSojourn(2, 1.6, 1, 'shortest-queue', 60), 9);
  });
  it('orders shortest-queue < power-of-two < round-robin < random on three servers at ρ = 0.8', () => {
    const jsq = dispatchSojourn(3, 2.4, 1, 'shortest-queue'),
      p2 = dispatchSojourn(3, 2.4, 1, 'power-of-two');
    expect(jsq).toBeLessThan(p2);
    expect(p2).toBeLessThan(ekm1(3, 0.8, 1).w);
    expect(ekm1(3, 0.8, 1).w).toBeLessThan(5);
  });
});
