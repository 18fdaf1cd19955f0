/**
 * Issue 2's validation cases: single queues, blocking, tandem and closed
 * networks, and load-balancing policies, against queueing theory. Times in ms,
 * rates per ms in the formulas (so "800/s" is λ = 0.8). Tolerances are four to
 * six standard deviations of the estimate at the stated run length, measured over
 * 20 seeds (the "sd" in each run length; see SD below).
 */
import type { ValidationCase } from '../case.js';
import type { RunResult } from '../../../src/run/result.js';
import {
  dispatchSojourn,
  ekm1,
  erlangB,
  mm1SojournQuantile,
  mmc,
  mmck,
  mva,
  pollaczekKhinchine,
} from '../../../src/analysis/queueing-theory.js';

/** A scenario: header plus components and links (YAML flow style, one per line). */
const scenario = (title: string, seed: number, durationS: number, components: string[], links: string[]) => `
title: ${JSON.stringify(title)}
seed: ${seed}
duration: ${durationS}s
warmup: ${WARMUP_S}s
components:
${components.map((c) => `  ${c}`).join('\n')}
links:
${links.map((l) => `  - ${l}`).join('\n')}
`;
const WARMUP_S = 20;
const spanMs = (durationS: number) => (durationS - WARMUP_S) * 1000;
/** Run length as measured customers: rate (per s) × measured seconds. */
const customers = (ratePerS: number, durationS: number, what = 'customers') =>
  `${((ratePerS * (durationS - WARMUP_S)) / 1e6).toPrecision(2)}M ${what} (${durationS - WARMUP_S} s)`;

const comp = (r: RunResult, id: string) => {
  const c = r.components[id];
  if (!c) throw new Error(`no component "${id}" in the result`);
  return c;
};
const rejectedFraction = (r: RunResult) => r.summary.failures.rejected / r.summary.requests;
/**
 * Little's law on the waiting room: time-average queue ÷ (arrival rate × mean wait).
 * The rate is of requests admitted to the queue: rejected ones never wait.
 */
const little = (id: string, durationS: number) => (r: RunResult) => {
  const c = comp(r, id);
  const admitted = c.arrivals - ((c.rejected as number | undefined) ?? 0);
  return c.queueLength.mean / ((admitted / spanMs(durationS)) * c.waitMs.mean);
};

// M/M/1 at ρ = 0.8: λ = 0.8/ms, μ = 1/ms
const MM1_S = 8000;
const mm1 = scenario(
  'M/M/1, ρ = 0.8',
  101,
  MM1_S,
  ['users: { kind: client, rate: 800/s }', 'app: { kind: service, workers: 1, serviceTime: exp(1ms) }'],
  ['{ from: users, to: app }'],
);
const mm1Run = customers(800, MM1_S);
const mm1Theory = mmc(0.8, 1);

// M/M/4 at ρ = 0.8: λ = 0.8/ms, μ = 0.25/ms per worker
const MMC_S = 3000;
const mmcText = scenario(
  'M/M/4, ρ = 0.8',
  102,
  MMC_S,
  ['users: { kind: client, rate: 800/s }', 'app: { kind: service, workers: 4, serviceTime: exp(4ms) }'],
  ['{ from: users, to: app }'],
);

// M/D/1 at ρ = 0.8
const MD1_S = 3000;
const md1 = scenario(
  'M/D/1, ρ = 0.8',
  103,
  MD1_S,
  ['users: { kind: client, rate: 800/s }', 'app: { kind: service, workers: 1, serviceTime: 1ms }'],
  ['{ from: users, to: app }'],
);

// M/M/1/K, K = 10 (one in service + 9 waiting), ρ = 0.9
const MM1K_S = 2400;
const mm1k = scenario(
  'M/M/1/10, ρ = 0.9',
  104,
  MM1K_S,
  ['users: { kind: client, rate: 900/s }', 'app: { kind: service, workers: 1, queueCapacity: 9, serviceTime: exp(1ms) }'],
  ['{ from: users, to: app }'],
);

// M/M/2/5 (2 in service + 3 waiting), offered load 1.8 Erlangs
const MMCK_S = 800;
const mmckText = scenario(
  'M/M/2/5, a = 1.8',
  105,
  MMCK_S,
  ['users: { kind: client, rate: 1800/s }', 'app: { kind: service, workers: 2, queueCapacity: 3, serviceTime: exp(1ms) }'],
  ['{ from: users, to: app }'],
);

// Erlang B: 5 workers, no waiting room, 4 Erlangs; then the same with constant service
// times (Erlang B is insensitive to the service distribution beyond its mean)
const ERLB_S = 600;
const erlB = (service: string) =>
  scenario(
    `Erlang B, 5 servers, 4 Erlangs, ${service}`,
    106,
    ERLB_S,
    ['users: { kind: client, rate: 1000/s }', `app: { kind: service, workers: 5, queueCapacity: 0, serviceTime: ${service} }`],
    ['{ from: users, to: app }'],
  );

// Tandem M/M/1 → M/M/1: the first stage is async (frees its worker before calling the
// second), so it is a Jackson network; by Burke's theorem stage 2 sees Poisson arrivals
const TANDEM_S = 3000;
const tandem = scenario(
  'Tandem M/M/1 → M/M/1',
  107,
  TANDEM_S,
  [
    'users: { kind: client, rate: 600/s }',
    'front: { kind: service, async: true, serviceTime: exp(1ms) }',
    'back: { kind: service, serviceTime: exp(1.3333333ms) }',
  ],
  ['{ from: users, to: front }', '{ from: front, to: back }'],
);
const stage1 = mmc(0.6, 1),
  stage2 = mmc(0.6, 1 / 1.3333333);

// A network with link latency, a balancer and blocking calls, for Little's law
const NET_S = 1200;
const network = scenario(
  'Balanced service with a database',
  108,
  NET_S,
  [
    'users: { kind: client, rate: 300/s }',
    'lb: { kind: load-balancer, policy: round-robin, overhead: 0.1ms }',
    'app: { kind: service, instances: 3, workers: 2, serviceTime: exp(8ms) }',
    'db: { kind: service, workers: 2, serviceTime: exp(4ms) }',
  ],
  [
    '{ from: users, to: lb, latency: 1ms }',
    '{ from: lb, to: app, latency: 0.5ms }',
    '{ from: app, to: db, latency: "uniform(0.5ms, 1.5ms)" }',
  ],
);

// Closed network: 10 users thinking exp(50ms), an async app (4 ms) then a database (5 ms)
const CLOSED_S = 2000,
  USERS = 10,
  THINK = 50,
  DEMANDS = [4, 5];
const closed = scenario(
  'Closed: 10 users, app and database',
  109,
  CLOSED_S,
  [
    `users: { kind: client, users: ${USERS}, thinkTime: exp(${THINK}ms) }`,
    `app: { kind: service, async: true, serviceTime: exp(${DEMANDS[0]}ms) }`,
    `db: { kind: service, serviceTime: exp(${DEMANDS[1]}ms) }`,
  ],
  ['{ from: users, to: app }', '{ from: app, to: db }'],
);
const closedTheory = mva(USERS, THINK, DEMANDS);

// Load balancing: Poisson at 2.4/ms over 3 exponential servers (ρ = 0.8 each), one pool
// per policy in one scenario; each pool has its own client
const LB_S = 800,
  LB_POLICIES = ['random', 'round-robin', 'power-of-two', 'least-connections'] as const;
const lb = scenario(
  'Balancing policies: 3 servers at ρ = 0.8',
  110,
  LB_S,
  LB_POLICIES.flatMap((p) => [
    `users-${p}: { kind: client, rate: 2400/s }`,
    `lb-${p}: { kind: load-balancer, policy: ${p} }`,
    `pool-${p}: { kind: service, instances: 3, serviceTime: exp(1ms) }`,
  ]),
  LB_POLICIES.flatMap((p) => [`{ from: users-${p}, to: lb-${p} }`, `{ from: lb-${p}, to: pool-${p} }`]),
);
const lbTheory = {
  random: mmc(0.8, 1).w,
  'round-robin': ekm1(3, 0.8, 1).w,
  'power-of-two': dispatchSojourn(3, 2.4, 1, 'power-of-two'),
  'least-connections': dispatchSojourn(3, 2.4, 1, 'shortest-queue'),
};
const lbMean = (p: keyof typeof lbTheory) => (r: RunResult) => comp(r, `lb-${p}`).latencyMs.mean;
const lbRun = customers(2400, LB_S, 'customers per policy');

/**
 * Standard deviation of each case's error over seeds 1–20 at its run length, from
 * `npx tsx scripts/validation-table.ts --spread 20 queueing`; tolerances are ≥ 3.9 of these.
 */
const SD: Record<string, string> = {
  'mm1-mean': '0.34%',
  'mm1-p50': '0.29%',
  'mm1-p99': '0.78%',
  'mm1-util': '0.05%',
  'mm1-lq': '0.44%',
  'mmc-wait': '0.82%',
  'md1-wait': '0.48%',
  'mm1k-block': '0.73%',
  'mm1k-latency': '0.27%',
  'mmck-block': '0.38%',
  'erlangb-exp': '0.43%',
  'erlangb-const': '0.30%',
  'tandem-front': '0.26%',
  'tandem-back': '0.58%',
  'tandem-total': '0.44%',
  'closed-x': '0.13%',
  'closed-r': '0.23%',
  'lb-random': '0.54%',
  'lb-rr': '0.49%',
  'lb-p2c': '0.36%',
  'lb-lc': '0.49%',
  'lb-p2c-vs-best': '0.0036',
  'lb-lc-vs-p2c': '0.0053',
};

const all: ValidationCase[] = [
  {
    id: 'mm1-mean',
    area: 'M/M/1',
    name: 'mean latency, ρ = 0.8',
    scenario: mm1,
    theory: mm1Theory.w,
    unit: 'ms',
    measure: (r) => r.summary.latencyMs.mean,
    tolerance: { relative: 0.02 },
    runLength: mm1Run,
  },
  {
    id: 'mm1-p50',
    area: 'M/M/1',
    name: 'p50 latency',
    scenario: mm1,
    theory: mm1SojournQuantile(0.8, 1, 0.5),
    unit: 'ms',
    measure: (r) => r.summary.latencyMs.p50,
    tolerance: { relative: 0.02 },
    runLength: mm1Run,
  },
  {
    id: 'mm1-p99',
    area: 'M/M/1',
    name: 'p99 latency',
    scenario: mm1,
    theory: mm1SojournQuantile(0.8, 1, 0.99),
    unit: 'ms',
    measure: (r) => r.summary.latencyMs.p99,
    tolerance: { relative: 0.03 },
    runLength: mm1Run,
  },
  {
    id: 'mm1-util',
    area: 'M/M/1',
    name: 'utilisation ρ',
    scenario: mm1,
    theory: 0.8,
    unit: 'ratio',
    measure: (r) => comp(r, 'app').utilization,
    tolerance: { relative: 0.003 },
    runLength: mm1Run,
  },
  {
    id: 'mm1-lq',
    area: 'M/M/1',
    name: 'mean queue length Lq = ρ²/(1 − ρ)',
    scenario: mm1,
    theory: mm1Theory.lq,
    unit: 'requests',
    measure: (r) => comp(r, 'app').queueLength.mean,
    tolerance: { relative: 0.025 },
    runLength: mm1Run,
  },

  {
    id: 'mmc-wait',
    area: 'M/M/c',
    name: 'mean wait (Erlang C), c = 4, ρ = 0.8',
    scenario: mmcText,
    theory: mmc(0.8, 0.25, 4).wq,
    unit: 'ms',
    measure: (r) => comp(r, 'app').waitMs.mean,
    tolerance: { relative: 0.035 },
    runLength: customers(800, MMC_S),
  },
  {
    id: 'md1-wait',
    area: 'M/D/1',
    name: 'mean wait (Pollaczek–Khinchine), ρ = 0.8',
    scenario: md1,
    theory: pollaczekKhinchine(0.8, 1, 1),
    unit: 'ms',
    measure: (r) => comp(r, 'app').waitMs.mean,
    tolerance: { relative: 0.02 },
    runLength: customers(800, MD1_S),
  },

  {
    id: 'mm1k-block',
    area: 'M/M/1/K',
    name: 'blocking, K = 10, ρ = 0.9',
    scenario: mm1k,
    theory: mmck(0.9, 1, 1, 10).blocking,
    unit: 'ratio',
    measure: rejectedFraction,
    tolerance: { relative: 0.03 },
    runLength: customers(900, MM1K_S),
  },
  {
    id: 'mm1k-latency',
    area: 'M/M/1/K',
    name: 'mean latency of admitted requests',
    scenario: mm1k,
    theory: mmck(0.9, 1, 1, 10).w,
    unit: 'ms',
    measure: (r) => r.summary.latencyMs.mean,
    tolerance: { relative: 0.015 },
    runLength: customers(900, MM1K_S),
  },
  {
    id: 'mmck-block',
    area: 'M/M/c/K',
    name: 'blocking, c = 2, K = 5, a = 1.8',
    scenario: mmckText,
    theory: mmck(1.8, 1, 2, 5).blocking,
    unit: 'ratio',
    measure: rejectedFraction,
    tolerance: { relative: 0.02 },
    runLength: customers(1800, MMCK_S),
  },
  {
    id: 'erlangb-exp',
    area: 'Erlang B',
    name: 'blocking, 5 servers, 4 Erlangs (queueCapacity: 0)',
    scenario: erlB('exp(4ms)'),
    theory: erlangB(5, 4),
    unit: 'ratio',
    measure: rejectedFraction,
    tolerance: { relative: 0.02 },
    runLength: customers(1000, ERLB_S),
  },
  {
    id: 'erlangb-const',
    area: 'Erlang B',
    name: 'same with constant service (insensitivity)',
    scenario: erlB('4ms'),
    theory: erlangB(5, 4),
    unit: 'ratio',
    measure: rejectedFraction,
    tolerance: { relative: 0.015 },
    runLength: customers(1000, ERLB_S),
  },

  {
    id: 'tandem-front',
    area: 'Tandem',
    name: 'stage 1 (async) mean sojourn, ρ = 0.6',
    scenario: tandem,
    theory: stage1.w,
    unit: 'ms',
    measure: (r) => comp(r, 'front').latencyMs.mean - comp(r, 'back').latencyMs.mean,
    tolerance: { relative: 0.015 },
    runLength: customers(600, TANDEM_S),
  },
  {
    id: 'tandem-back',
    area: 'Tandem',
    name: 'stage 2 mean sojourn, ρ = 0.8',
    scenario: tandem,
    theory: stage2.w,
    unit: 'ms',
    measure: (r) => comp(r, 'back').latencyMs.mean,
    tolerance: { relative: 0.025 },
    runLength: customers(600, TANDEM_S),
  },
  {
    id: 'tandem-total',
    area: 'Tandem',
    name: 'end-to-end mean latency',
    scenario: tandem,
    theory: stage1.w + stage2.w,
    unit: 'ms',
    measure: (r) => r.summary.latencyMs.mean,
    tolerance: { relative: 0.02 },
    runLength: customers(600, TANDEM_S),
  },

  ...(
    [
      ['M/M/1', mm1, MM1_S, 'app'],
      ['M/M/4', mmcText, MMC_S, 'app'],
      ['M/D/1', md1, MD1_S, 'app'],
      ['M/M/1/10', mm1k, MM1K_S, 'app'],
      ['tandem', tandem, TANDEM_S, 'front'],
      ['tandem', tandem, TANDEM_S, 'back'],
      ['network', network, NET_S, 'app'],
      ['network', network, NET_S, 'db'],
      ['closed', closed, CLOSED_S, 'app'],
      ['closed', closed, CLOSED_S, 'db'],
      ...LB_POLICIES.map((p) => ['balancing', lb, LB_S, `pool-${p}`] as const),
    ] as const
  ).map(
    ([where, text, d, id]): ValidationCase => ({
      id: `little-${where.toLowerCase().replace(/\W+/g, '')}-${id}`,
      area: "Little's law",
      name: `${where} ${id}: Lq ÷ (λ·Wq)`,
      scenario: text,
      theory: 1,
      unit: 'ratio',
      measure: little(id, d),
      tolerance: { relative: 0.005 },
      runLength: `${d - WARMUP_S} s measured; same-run identity, sd ≤ 0.1%`,
    }),
  ),

  {
    id: 'closed-x',
    area: 'Closed (MVA)',
    name: `throughput, ${USERS} users, Z = ${THINK} ms, D = ${DEMANDS.join(' + ')} ms`,
    scenario: closed,
    theory: closedTheory.x * 1000,
    unit: 'rps',
    measure: (r) => r.summary.throughputRps,
    tolerance: { relative: 0.006 },
    runLength: customers(closedTheory.x * 1000, CLOSED_S, 'requests'),
  },
  {
    id: 'closed-r',
    area: 'Closed (MVA)',
    name: 'response time',
    scenario: closed,
    theory: closedTheory.r,
    unit: 'ms',
    measure: (r) => r.summary.latencyMs.mean,
    tolerance: { relative: 0.015 },
    runLength: customers(closedTheory.x * 1000, CLOSED_S, 'requests'),
  },

  {
    id: 'lb-random',
    area: 'Balancing',
    name: 'random over 3: each server M/M/1',
    scenario: lb,
    theory: lbTheory.random,
    unit: 'ms',
    measure: lbMean('random'),
    tolerance: { relative: 0.03 },
    runLength: lbRun,
  },
  {
    id: 'lb-rr',
    area: 'Balancing',
    name: 'round-robin over 3: each server E3/M/1',
    scenario: lb,
    theory: lbTheory['round-robin'],
    unit: 'ms',
    measure: lbMean('round-robin'),
    tolerance: { relative: 0.025 },
    runLength: lbRun,
  },
  {
    id: 'lb-p2c',
    area: 'Balancing',
    name: 'power-of-two over 3 (exact Markov chain)',
    scenario: lb,
    theory: lbTheory['power-of-two'],
    unit: 'ms',
    measure: lbMean('power-of-two'),
    tolerance: { relative: 0.02 },
    runLength: lbRun,
  },
  {
    id: 'lb-lc',
    area: 'Balancing',
    name: 'least-connections over 3 (join the shortest queue)',
    scenario: lb,
    theory: lbTheory['least-connections'],
    unit: 'ms',
    measure: lbMean('least-connections'),
    tolerance: { relative: 0.025 },
    runLength: lbRun,
  },
  {
    id: 'lb-p2c-vs-best',
    area: 'Balancing',
    name: 'power-of-two ÷ best of random and round-robin (< 1: strictly better)',
    scenario: lb,
    theory: lbTheory['power-of-two'] / Math.min(lbTheory.random, lbTheory['round-robin']),
    unit: 'ratio',
    measure: (r) => lbMean('power-of-two')(r) / Math.min(lbMean('random')(r), lbMean('round-robin')(r)),
    tolerance: { absolute: 0.03 },
    runLength: lbRun,
  },
  {
    id: 'lb-lc-vs-p2c',
    area: 'Balancing',
    name: 'least-connections ÷ power-of-two (< 1: strictly better)',
    scenario: lb,
    theory: lbTheory['least-connections'] / lbTheory['power-of-two'],
    unit: 'ratio',
    measure: (r) => lbMean('least-connections')(r) / lbMean('power-of-two')(r),
    tolerance: { absolute: 0.03 },
    runLength: lbRun,
  },
];

export const cases: ValidationCase[] = all.map((c) => (SD[c.id] ? { ...c, runLength: `${c.runLength}; sd ${SD[c.id]}` } : c));
