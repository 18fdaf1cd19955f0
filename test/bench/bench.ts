/**
 * npm run bench — speed and memory as ratios measured in one process:
 *   (a) a minimal hand-written binary-heap M/M/1 loop (the practical limit)
 *   (b) the same M/M/1 as a scenario through runScenario, statistics on
 *   (c) client → load-balancer → service ×3 → service (blocking), link latencies
 * and the peak heap of (c) at 100k vs 1M requests; then (d) the parallel speed-up
 * of a sweep and of replications on all cores over one (parallel.ts).
 * Targets (issue 2): (b) ≥ 0.5 × (a); (c) ≥ 0.08 × (a); heap(1M) ≤ 1.2 × heap(100k).
 */
import { stream } from '../../src/engine/random.js';
import { Histogram } from '../../src/engine/stats.js';
import { loadScenario } from '../../src/scenario/index.js';
import { Run, runScenario } from '../../src/run/run.js';
import { parallelBench } from './parallel.js';

const LAMBDA = 80,
  MU = 100; // per second
const N = Number(process.env.BENCH_REQUESTS ?? 1_000_000);

/**
 * (a) The practical limit: arrivals and departures in a typed-array binary heap,
 * FIFO of arrival times, latency into a log-linear histogram (the same output a
 * load test reports: mean and percentiles).
 */
function handWritten(n: number): { requests: number; events: number; ms: number; mean: number } {
  const hist = new Histogram();
  const rng = stream(1, 'bench');
  const cap = 1 << 16;
  const time = new Float64Array(cap),
    seq = new Float64Array(cap),
    type = new Int8Array(cap);
  let size = 0,
    s = 0;
  const push = (t: number, k: number) => {
    let i = size++;
    const q = s++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (time[p] < t || (time[p] === t && seq[p] < q)) break;
      time[i] = time[p];
      seq[i] = seq[p];
      type[i] = type[p];
      i = p;
    }
    time[i] = t;
    seq[i] = q;
    type[i] = k;
  };
  let topT = 0,
    topK = 0;
  const pop = () => {
    topT = time[0];
    topK = type[0];
    const m = --size;
    const t = time[m],
      q = seq[m],
      k = type[m];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= m) break;
      if (c + 1 < m && (time[c + 1] < time[c] || (time[c + 1] === time[c] && seq[c + 1] < seq[c]))) c++;
      if (t < time[c] || (t === time[c] && q < seq[c])) break;
      time[i] = time[c];
      seq[i] = seq[c];
      type[i] = type[c];
      i = c;
    }
    time[i] = t;
    seq[i] = q;
    type[i] = k;
  };
  const fifo = new Float64Array(1 << 20);
  let head = 0,
    tail = 0,
    busy = false,
    done = 0,
    issued = 0,
    events = 0,
    sum = 0;
  const ia = 1000 / LAMBDA,
    st = 1000 / MU;
  const t0 = performance.now();
  push(-ia * Math.log(1 - rng()), 0);
  while (done < n) {
    pop();
    events++;
    const now = topT;
    if (topK === 0) {
      issued++;
      if (issued < n) push(now - ia * Math.log(1 - rng()), 0);
      if (!busy) {
        busy = true;
        fifo[tail++ & 0xfffff] = now;
        push(now - st * Math.log(1 - rng()), 1);
      } else fifo[tail++ & 0xfffff] = now;
    } else {
      const latency = now - fifo[head++ & 0xfffff];
      sum += latency;
      hist.record(latency);
      done++;
      if (head !== tail) push(now - st * Math.log(1 - rng()), 1);
      else busy = false;
    }
  }
  return { requests: n, events, ms: performance.now() - t0, mean: sum / n };
}

const mm1Yaml = (n: number) => `
title: bench M/M/1
seed: 1
duration: ${(n / LAMBDA) * 1000}
components:
  users: { kind: client, rate: ${LAMBDA}/s }
  app: { kind: service, workers: 1, serviceTime: exp(${1000 / MU}ms), queueCapacity: 1000000 }
links:
  - { from: users, to: app }
`;

// 3 instances × 4 workers × 30/s each … offered 250/s over ~360/s capacity: ρ ≈ 0.7
const lbYaml = (n: number) => `
title: bench load-balanced
seed: 1
duration: ${(n / 250) * 1000}
components:
  users: { kind: client, rate: 250/s }
  lb: { kind: load-balancer, policy: round-robin }
  web: { kind: service, instances: 3, workers: 4, serviceTime: exp(20ms) }
  db: { kind: service, workers: 8, serviceTime: exp(10ms) }
links:
  - { from: users, to: lb, latency: 1ms }
  - { from: lb, to: web, latency: 0.5ms }
  - { from: web, to: db, latency: 0.5ms }
`;

function timed(yaml: string) {
  const s = loadScenario(yaml);
  const t0 = performance.now();
  const r = runScenario(s, { maxEvents: 2e9 });
  const ms = performance.now() - t0;
  return { requests: r.summary.requests, events: r.events, ms, mean: r.summary.latencyMs.mean };
}

/** Largest live heap (after a full GC) sampled through a run. */
function peakHeap(yaml: string): number {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  gc();
  const run = new Run(loadScenario(yaml), { maxEvents: 2e9 });
  let peak = 0;
  const sample = () => {
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  while (!run.step(250_000)) sample();
  run.result();
  sample();
  return peak;
}

/** Best of `trials` interleaved runs: the machine's background load only ever slows a run down. */
function best<T extends { ms: number }>(trials: number, ...fns: (() => T)[]): T[] {
  const out: (T | undefined)[] = fns.map(() => undefined);
  for (let t = 0; t < trials; t++)
    fns.forEach((fn, i) => {
      const x = fn();
      if (!out[i] || x.ms < (out[i] as T).ms) out[i] = x;
    });
  return out as T[];
}

const rate = (x: { requests: number; events: number; ms: number }) => ({
  rps: (x.requests / x.ms) * 1000,
  eps: (x.events / x.ms) * 1000,
});
const f = (x: number) => Math.round(x).toLocaleString('en-US');

// Each case is measured in phases of the process, after warming up the JIT:
// (a) and (b) interleaved, then (a) and (c) interleaved, then (b) again. Each
// case's figure is its best trial in the process, like (a)'s. (b) is printed
// for both of its phases: after (c) has run, the engine's shared functions have
// been recompiled with feedback from a load balancer, latencies and downstream
// calls, and (b) runs steadier.
const TRIALS = Number(process.env.BENCH_TRIALS ?? 3);
for (let i = 0; i < 2; i++) {
  handWritten(N);
  timed(mm1Yaml(N));
}
const [a1, b1] = best(
  TRIALS,
  () => handWritten(N),
  () => timed(mm1Yaml(N)),
);
timed(lbYaml(100_000));
const [a2, c] = best(
  TRIALS,
  () => handWritten(N),
  () => timed(lbYaml(N)),
);
const [b2] = best(TRIALS, () => timed(mm1Yaml(N)));
const a = a1.ms <= a2.ms ? a1 : a2,
  b = b1.ms <= b2.ms ? b1 : b2;
const ra = rate(a),
  rb = rate(b),
  rc = rate(c);
const ratio = (x: { ms: number }) => (a.ms / x.ms).toFixed(3);
console.log(`archsim bench — ${f(N)} requests each, best trial per case (${TRIALS} per phase), Node ${process.version}`);
console.log(
  `(a) hand-written heap M/M/1   ${f(ra.rps).padStart(11)} req/s ${f(ra.eps).padStart(12)} events/s  mean ${a.mean.toFixed(2)} ms (theory 50)`,
);
console.log(
  `(b) M/M/1 via runScenario     ${f(rb.rps).padStart(11)} req/s ${f(rb.eps).padStart(12)} events/s  mean ${b.mean.toFixed(2)} ms  (b)/(a) before (c) ${ratio(b1)}, after ${ratio(b2)}`,
);
console.log(
  `(c) client→lb→web×3→db        ${f(rc.rps).padStart(11)} req/s ${f(rc.eps).padStart(12)} events/s  mean ${c.mean.toFixed(2)} ms`,
);
const rB = rb.rps / ra.rps,
  rC = rc.rps / ra.rps;
console.log(`ratio (b)/(a) = ${rB.toFixed(3)}  (target ≥ 0.5)  ${rB >= 0.5 ? 'ok' : 'BELOW TARGET'}`);
console.log(`ratio (c)/(a) = ${rC.toFixed(3)}  (target ≥ 0.08) ${rC >= 0.08 ? 'ok' : 'BELOW TARGET'}`);
if (!(globalThis as { gc?: unknown }).gc) console.log('(run with node --expose-gc for a clean heap measurement)');
const h100k = peakHeap(lbYaml(100_000)),
  h1m = peakHeap(lbYaml(1_000_000));
const rh = h1m / h100k;
console.log(
  `peak live heap (c, after GC): 100k requests ${(h100k / 2 ** 20).toFixed(1)} MiB, 1M requests ${(h1m / 2 ** 20).toFixed(1)} MiB, ratio ${rh.toFixed(2)} (target ≤ 1.2) ${rh <= 1.2 ? 'ok' : 'ABOVE TARGET'}`,
);
// runs of a million requests, so starting the threads (tsx compiles the sources in each) does not hide the speed-up
await parallelBench(Number(process.env.BENCH_CAMPAIGN_REQUESTS ?? 1_000_000), 8);
