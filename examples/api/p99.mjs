// Runs a scenario with archsim's library and reads its p99 latency: once, then
// over five seeds with a 95% confidence interval.
//   node p99.mjs [scenario.yaml]   (default: the M/M/1 scenario shipped in the package)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadScenario, replicate, runScenario, ScenarioError } from 'archsim';

const file = process.argv[2] ?? fileURLToPath(import.meta.resolve('archsim/scenarios/mm1.yaml'));
try {
  const scenario = loadScenario(readFileSync(file, 'utf8'), { file });
  const result = runScenario(scenario);
  const { completed, latencyMs } = result.summary;
  console.log(`${result.title}: p99 ${latencyMs.p99} ms (mean ${latencyMs.mean} ms, ${completed} requests)`);

  const runs = replicate(scenario, 5);
  const p99 = runs.summary.latencyMs.p99; // { mean, halfWidth }
  console.log(`p99 over ${runs.replications} seeds: ${p99.mean} ± ${p99.halfWidth} ms`);
} catch (e) {
  if (!(e instanceof ScenarioError)) throw e;
  console.error(e.message); // FILE:LINE:COL: PATH: what is wrong, one line per problem
  process.exitCode = 2;
}
