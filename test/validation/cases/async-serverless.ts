/**
 * Issue 4's validation cases: the serverless kind against theory — cold-start
 * probability under Poisson traffic, Erlang B loss at the concurrency limit,
 * Erlang C waiting with `queue: true`.
 * Tolerances are about four standard deviations (measured over seeds) at the stated run length.
 */
import type { ValidationCase } from '../case.js';
import type { RunResult } from '../../../src/run/result.js';
import { erlangB, erlangC } from '../../../src/analysis/queueing-theory.js';

const stat = (id: string, key: string) => (r: RunResult) => r.components[id][key] as number;

// One request per 10 min on average, idle instances kept 10 min: a request is cold when the gap before it exceeds τ
const COLD_N = 100_000;
const coldStart = `
title: "Serverless cold starts, λ = 1/10 min, idleTimeout 10 min"
seed: 401
duration: ${COLD_N * 10}m
components:
  users: { kind: client, rate: 6/h }
  fn: { kind: serverless, idleTimeout: 10m, serviceTime: 10ms, coldStart: 100ms }
links:
  - { from: users, to: fn }
`;

// Concurrency 10, all warm, no queue: an M/M/10/10 loss system at a = 7 erlangs
const erlang = (queue: boolean) => `
title: "Serverless concurrency 10, 700/s of exp(10ms), ${queue ? 'queue: true (M/M/10)' : 'no queue (M/M/10/10)'}"
seed: ${queue ? 403 : 402}
duration: ${queue ? 2400 : 400}s
warmup: 10s
components:
  users: { kind: client, rate: 700/s }
  fn: { kind: serverless, concurrency: 10, provisioned: 10, queue: ${queue}, serviceTime: exp(10ms) }
links:
  - { from: users, to: fn }
`;

export const cases: ValidationCase[] = [
  {
    id: 'serverless-cold-start',
    area: 'Serverless',
    name: 'cold-start ratio, Poisson λ = 1/10 min, idleTimeout τ = 10 min: e^(−λτ)',
    scenario: coldStart,
    theory: Math.exp(-1),
    unit: 'ratio',
    measure: stat('fn', 'coldStartRatio'),
    tolerance: { absolute: 0.01 },
    runLength: `${COLD_N.toLocaleString('en-US')} requests`,
  },
  {
    id: 'serverless-erlang-b',
    area: 'Serverless',
    name: 'throttled share, concurrency 10, warm, 700/s of exp(10ms): Erlang B(10, 7)',
    scenario: erlang(false),
    theory: erlangB(10, 7),
    unit: 'ratio',
    measure: (r) => r.summary.failures.throttled / r.summary.requests,
    tolerance: { relative: 0.03 },
    runLength: '273,000 requests',
  },
  {
    id: 'serverless-erlang-c',
    area: 'Serverless',
    name: 'mean wait for a free instance, concurrency 10, queue: true, 700/s of exp(10ms): Erlang C(10, 7) / (cμ − λ)',
    scenario: erlang(true),
    theory: (erlangC(10, 7) / (1000 - 700)) * 1000,
    unit: 'ms',
    measure: (r) => (r.components.fn.waitMs as { mean: number }).mean,
    tolerance: { relative: 0.04 },
    runLength: '1.68 M requests',
  },
];
