/**
 * npm run bench, part (d): the parallel speed-up of a campaign — a sweep of
 * M/M/1 rates and replications of one M/M/1 — on one worker thread against one
 * per core (src/cli/worker-pool.ts), wall time including starting the threads,
 * and a check that both give the same results (JSON apart from wallMs).
 */
import { availableParallelism } from 'node:os';
import { loadScenario } from '../../src/scenario/index.js';
import type { RunInput } from '../../src/run/run.js';
import { replicationInputs } from '../../src/run/replications.js';
import { parseSweep } from '../../src/analysis/sweep.js';
import { runScenarios } from '../../src/cli/run-scenarios.js';

const mm1 = (requests: number) => `title: bench campaign
seed: 1
duration: ${Math.round(requests / 80)}s
components:
  users: { kind: client, rate: 80/s }
  app: { kind: service, workers: 1, serviceTime: exp(10ms) }
links:
  - { from: users, to: app }
`;

const same = (a: unknown, b: unknown) => {
  const strip = (x: unknown) => JSON.stringify(x, (k, v) => (k === 'wallMs' ? undefined : v));
  return strip(a) === strip(b);
};

/** Wall time, and the cores the process kept busy on average (its CPU time ÷ wall time: below `jobs` when the machine had no idle core). */
async function timedCampaign(inputs: RunInput[], jobs: number) {
  const t0 = performance.now(),
    cpu0 = process.cpuUsage();
  const results = await runScenarios(inputs, jobs);
  const ms = performance.now() - t0,
    cpu = process.cpuUsage(cpu0);
  return { ms, cores: (cpu.user + cpu.system) / 1000 / ms, results };
}

/** Prints the speed-up of a sweep and of replications on all cores over one, and whether the results agree. */
export async function parallelBench(requestsPerRun: number, runs: number): Promise<void> {
  const cores = availableParallelism();
  const text = mm1(requestsPerRun);
  const sweep = parseSweep('users.rate=20/s..90/s', runs);
  const campaigns: [string, RunInput[]][] = [
    ['sweep of users.rate', sweep.points.map((p) => loadScenario(text, { set: [p.set] }))],
    ['replications', replicationInputs(loadScenario(text), runs)],
  ];
  console.log(
    `(d) campaigns of ${runs} runs × ~${requestsPerRun.toLocaleString('en-US')} requests on worker threads, 1 vs ${cores} (this machine's cores)`,
  );
  for (const [name, inputs] of campaigns) {
    const one = await timedCampaign(inputs, 1);
    const all = await timedCampaign(inputs, cores);
    const speedup = one.ms / all.ms;
    console.log(
      `    ${name.padEnd(20)} 1 thread ${(one.ms / 1000).toFixed(2)} s, ${cores} threads ${(all.ms / 1000).toFixed(2)} s: speed-up ${speedup.toFixed(2)}× ` +
        `(ideal ${Math.min(cores, runs)}×; cores kept busy ${one.cores.toFixed(2)} and ${all.cores.toFixed(2)}); ` +
        `results ${same(one.results, all.results) ? 'identical' : 'DIFFER'}`,
    );
  }
}
