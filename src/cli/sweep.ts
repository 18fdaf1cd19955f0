/**
 * `archsim sweep FILE --set id.param=FROM..TO [--steps N]`: the scenario run at
 * each point of a range (or the file's `sweep:` block), each point with
 * `--replications` seeds (the same seeds at every point), all on the worker
 * pool; reports p50/p95/p99, throughput and errors with their 95 % CIs per
 * point, the closed form beside them where the design has one, and the knee.
 */
import { parseSweep, type Sweep, isSweepSet } from '../analysis/sweep.js';
import { sweepResult } from '../analysis/sweep-result.js';
import { curveModelOf } from '../analysis/curve-design.js';
import { theoryCurve } from '../analysis/theory-curve.js';
import { loadScenario, parseScenarioText } from '../scenario/index.js';
import type { ScenarioSweep } from '../scenario/sweep-block.js';
import { ValueError } from '../scenario/units.js';
import type { RunInput } from '../run/run.js';
import { checkCampaign, replicationInputs } from '../run/replications.js';
import { sweepCsv, sweepReport } from '../output/sweep-report.js';
import { jsonSafe } from '../output/terminal-safe.js';
import { print, read, seedOf, UsageError } from './command.js';
import { runScenarios } from './run-scenarios.js';
import { defaultJobs } from './worker-pool.js';
import type { Args } from './main.js';

/** Replications per point when neither the command line nor the `sweep:` block sets them. */
export const DEFAULT_SWEEP_REPLICATIONS = 3;

/** Runs `archsim sweep`; resolves with the exit status. */
export async function cmdSweep(a: Args): Promise<number> {
  if (a.files.length !== 1) throw new UsageError('sweep expects exactly one scenario file');
  const file = a.files[0];
  const parsed = parseScenarioText(read(file), file);
  const sweeps = a.set.filter(isSweepSet);
  if (sweeps.length > 1) throw new UsageError(`sweep varies one parameter; got ${sweeps.map((s) => `--set ${s}`).join(' and ')}`);
  const fixed = a.set.filter((s) => !isSweepSet(s));
  const opts = { file, variant: a.variant, seed: seedOf(a.seed), duration: a.duration, set: fixed };
  const base = loadScenario(parsed, opts);
  let sweep: Sweep;
  if (sweeps.length) {
    try {
      sweep = parseSweep(sweeps[0], a.steps);
    } catch (e) {
      throw e instanceof ValueError ? new UsageError(`--set ${sweeps[0]}: ${e.message}`) : e;
    }
  } else if (base.sweep) {
    sweep = a.steps === undefined ? base.sweep : reSteps(base.sweep, a.steps, file);
  } else throw new UsageError(`sweep needs --set id.param=FROM..TO (e.g. users.rate=100/s..1000/s) or a sweep: block in ${file}`);
  const replications = a.replications ?? base.sweep?.replications ?? DEFAULT_SWEEP_REPLICATIONS;
  // each point is the scenario with one more --set: checked like any --set, before anything runs
  const scenarios: RunInput[] = sweep.points.map((p) => loadScenario(parsed, { ...opts, set: [...fixed, p.set], checkVariants: false }));
  const inputs = scenarios.flatMap((s) => replicationInputs(s, replications));
  checkCampaign(inputs, `a sweep of ${sweep.points.length} points × ${replications} replications`, a.maxEvents);
  const runs = await runScenarios(inputs, a.jobs ?? defaultJobs(), a.maxEvents);
  const byPoint = sweep.points.map((_, i) => runs.slice(i * replications, (i + 1) * replications));
  const model = curveModelOf(base, sweep.param);
  const theory =
    'none' in model
      ? model
      : {
          model: model.model,
          points: theoryCurve(
            model.design,
            model.swept,
            sweep.points.map((p) => p.x),
          ),
        };
  const result = sweepResult(sweep, byPoint, theory);
  if (a.format === 'json') print(jsonSafe(JSON.stringify(result, null, 2)));
  else print(a.format === 'csv' ? sweepCsv(result) : sweepReport(result));
  return 0;
}

/** The file's range with the command line's --steps instead of its own. */
function reSteps(s: ScenarioSweep, steps: number, file: string): Sweep {
  if (s.from === undefined || s.to === undefined)
    throw new UsageError(`--steps applies to a range; the sweep: block of ${file} lists values`);
  try {
    return parseSweep(`${s.param}=${s.from}..${s.to}`, steps);
  } catch (e) {
    throw e instanceof ValueError ? new UsageError(`--steps ${steps} for the sweep: block of ${file}: ${e.message}`) : e;
  }
}
