/**
 * Issue 3's validation cases: the edge and data-tier kinds against theory —
 * LRU under Zipf (Che's approximation), a connection pool as M/M/c (Erlang C),
 * token-bucket admission, and the DNS TTL hit ratio. Tolerances are about
 * three standard deviations over seeds at the stated run length.
 */
import type { ValidationCase } from '../case.js';
import type { RunResult } from '../../../src/run/result.js';
import { zipfProbabilities } from '../../../src/engine/zipf.js';
import { erlangC } from '../../../src/analysis/queueing-theory.js';

/**
 * Che's approximation of the LRU hit ratio (Che, Tung & Wang 2002): the
 * characteristic time T solves Σ (1 − e^(−p_i·T)) = capacity, and the hit
 * ratio is Σ p_i (1 − e^(−p_i·T)). `fifo` uses the FIFO/random analogue
 * (Martina, Garetto & Leonardi 2014): p_i·T / (1 + p_i·T) in both sums.
 */
export function cheHitRatio(keys: number, skew: number, capacity: number, policy: 'lru' | 'fifo' = 'lru'): number {
  const p = zipfProbabilities(keys, skew);
  const held = policy === 'lru' ? (q: number, T: number) => 1 - Math.exp(-q * T) : (q: number, T: number) => (q * T) / (1 + q * T);
  const occupancy = (T: number) => p.reduce((a, q) => a + held(q, T), 0);
  let lo = 0,
    hi = 1;
  while (occupancy(hi) < capacity) hi *= 2;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (occupancy(mid) < capacity) lo = mid;
    else hi = mid;
  }
  return p.reduce((a, q) => a + q * held(q, lo), 0);
}

const comp = (r: RunResult, id: string) => {
  const c = r.components[id];
  if (!c) throw new Error(`no component "${id}" in the result`);
  return c;
};
const stat = (id: string, key: string) => (r: RunResult) => comp(r, id)[key] as number;

// LRU cache alone (no downstream; zero hit time, so a missed key is held at once, as Che assumes)
const lru = (capacity: number) => `
title: "LRU cache ${capacity.toLocaleString('en-US')} of 100,000 Zipf(0.8) keys"
seed: 301
duration: 120s
warmup: 20s
components:
  users: { kind: client, rate: 10000/s, keys: { count: 100000, skew: 0.8 } }
  cache: { kind: cache, capacity: ${capacity}, policy: lru, hitTime: 0ms }
links:
  - { from: users, to: cache }
`;

// Pool of 10 connections, Poisson 90/s, exp(100ms) queries, ample workers: the pool is M/M/10 at ρ = 0.9
const POOL_S = 24_000;
const pool = `
title: "Connection pool of 10 as M/M/10, ρ = 0.9"
seed: 302
duration: ${POOL_S}s
warmup: 100s
components:
  app: { kind: client, rate: 90/s }
  db: { kind: database, workers: 1000, queryTime: exp(100ms), pool: { size: 10 } }
links:
  - { from: app, to: db }
`;
const poolWaitTheory = (erlangC(10, 9) / (10 * 10 - 90)) * 1000; // C(c, a) / (cμ − λ), in ms

const tokenPoisson = `
title: "Token bucket 100/s, burst 10, Poisson 200/s"
seed: 303
duration: 400s
components:
  users: { kind: client, rate: 200/s }
  limiter: { kind: rate-limiter, algorithm: token-bucket, rate: 100/s, burst: 10 }
links:
  - { from: users, to: limiter }
`;

const tokenBurst = `
title: "Token bucket 100/s, burst 50, constant 200/s for 10 s"
seed: 304
duration: 10s
components:
  users: { kind: client, rate: 200/s, arrival: uniform }
  limiter: { kind: rate-limiter, algorithm: token-bucket, rate: 100/s, burst: 50 }
links:
  - { from: users, to: limiter }
`;

// One Poisson user at λ = 5/s, TTL 1 s, instant lookups: hit ratio λ·ttl / (1 + λ·ttl)
const DNS_S = 4000;
const dnsText = `
title: "DNS TTL cache, λ = 5/s, ttl = 1s"
seed: 305
duration: ${DNS_S}s
components:
  users: { kind: client, rate: 5/s }
  dns: { kind: dns, ttl: 1s, lookupTime: 0ms }
  web: { kind: service, workers: 100, serviceTime: 1ms }
links:
  - { from: users, to: dns }
  - { from: dns, to: web }
`;

export const cases: ValidationCase[] = [
  ...[1000, 10_000].map(
    (capacity): ValidationCase => ({
      id: `cache-lru-che-${capacity}`,
      area: 'LRU cache under Zipf',
      name: `hit ratio, capacity ${capacity.toLocaleString('en-US')} of 100,000 keys, skew 0.8 (Che's approximation)`,
      scenario: lru(capacity),
      theory: cheHitRatio(100_000, 0.8, capacity),
      unit: 'ratio',
      measure: stat('cache', 'hitRatio'),
      tolerance: { absolute: 0.01 },
      runLength: '1.0M requests after 200k warm-up (sd ≤ 0.0006 over seeds)',
    }),
  ),
  {
    id: 'db-pool-erlang-c',
    area: 'Connection pool (M/M/c)',
    name: 'mean pool wait, 10 connections, Poisson 90/s, exp(100ms) queries (Erlang C)',
    scenario: pool,
    theory: poolWaitTheory,
    unit: 'ms',
    measure: (r) => (comp(r, 'db').poolWaitMs as { mean: number }).mean,
    tolerance: { relative: 0.05 },
    runLength: `${((90 * (POOL_S - 100)) / 1e6).toPrecision(2)}M customers (sd 1.4%)`,
  },
  {
    id: 'rate-limiter-token-poisson',
    area: 'Token bucket',
    name: 'admitted rate, rate 100/s, burst 10, Poisson 200/s',
    scenario: tokenPoisson,
    theory: 100,
    unit: 'rps',
    measure: stat('limiter', 'admittedRps'),
    tolerance: { relative: 0.01 },
    runLength: '80k requests (400 s; sd 0.002 rps over seeds)',
  },
  {
    id: 'rate-limiter-token-burst',
    area: 'Token bucket',
    name: 'admitted, bucket full at start, burst 50, constant 200/s for 10 s (50 + 100·10)',
    scenario: tokenBurst,
    theory: 50 + 100 * 10,
    unit: 'requests',
    measure: stat('limiter', 'admitted'),
    // the last arrival is at 9.995 s, half a token before the 10 s mark
    tolerance: { absolute: 1 },
    runLength: '2,000 requests (10 s), deterministic',
  },
  {
    id: 'dns-ttl-hit-ratio',
    area: 'DNS TTL cache',
    name: 'cached-answer ratio, Poisson 5/s, ttl 1 s (λ·ttl / (1 + λ·ttl))',
    scenario: dnsText,
    theory: 5 / 6,
    unit: 'ratio',
    measure: stat('dns', 'hitRatio'),
    tolerance: { absolute: 0.01 },
    runLength: `20k requests (${DNS_S} s; sd 0.001 over seeds)`,
  },
];
