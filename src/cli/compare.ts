/**
 * `archsim compare FILE --variant A [--variant B]`: both designs run with the
 * same seeds (common random numbers), `--replications` pairs (default 10) on
 * the worker pool; reports every figure of both with the paired difference and
 * its 95 % CI. With one --variant, the base is the file as written.
 */
import { comparison } from '../analysis/comparison.js';
import { loadScenario, parseScenarioText } from '../scenario/index.js';
import { checkCampaign, replicationInputs } from '../run/replications.js';
import { compareCsv, compareReport } from '../output/compare-report.js';
import { jsonSafe } from '../output/terminal-safe.js';
import { print, read, seedOf, UsageError } from './command.js';
import { runScenarios } from './run-scenarios.js';
import { defaultJobs } from './worker-pool.js';
import type { Args } from './main.js';

/** Pairs per comparison when --replications is not given. */
export const DEFAULT_COMPARE_REPLICATIONS = 10;

/** What the file as written is called in a comparison. */
export const AS_WRITTEN = 'as written';

/** Runs `archsim compare`; resolves with the exit status. */
export async function cmdCompare(a: Args): Promise<number> {
  if (a.files.length !== 1) throw new UsageError('compare expects exactly one scenario file');
  if (a.variants.length < 1 || a.variants.length > 2)
    throw new UsageError('compare expects --variant B (compared with the file as written) or --variant A --variant B (B compared with A)');
  const file = a.files[0];
  const parsed = parseScenarioText(read(file), file);
  const [baseName, variantName] = a.variants.length === 2 ? a.variants : [undefined, a.variants[0]];
  const opts = { file, seed: seedOf(a.seed), duration: a.duration, set: a.set };
  const base = loadScenario(parsed, { ...opts, variant: baseName });
  const variant = loadScenario(parsed, { ...opts, variant: variantName, checkVariants: false });
  const n = a.replications ?? DEFAULT_COMPARE_REPLICATIONS;
  // both sides run the base's seeds, even where a variant patches seed:, so they pair
  const inputs = [...replicationInputs(base, n), ...replicationInputs({ ...variant, seed: base.seed }, n)];
  checkCampaign(inputs, `a comparison of 2 × ${n} replications`, a.maxEvents);
  const runs = await runScenarios(inputs, a.jobs ?? defaultJobs(), a.maxEvents);
  const c = comparison(baseName ?? AS_WRITTEN, runs.slice(0, n), variantName, runs.slice(n));
  if (a.format === 'json') print(jsonSafe(JSON.stringify(c, null, 2)));
  else print(a.format === 'csv' ? compareCsv(c) : compareReport(c));
  return 0;
}
