/**
 * Runs resolved scenarios on the CLI's worker threads (worker-pool.ts) and
 * gives back their results in order, or throws as a single run would: a run
 * refused for its size is RunTooLargeError, any other failure RunFailedError
 * with the run's message.
 */
import type { RunResult } from '../run/result.js';
import { type RunInput, RunTooLargeError } from '../run/run.js';
import type { RunTask } from './pool-tasks.js';
import { runPool } from './worker-pool.js';
import { RunFailedError } from './command.js';

/** The results of `inputs`, run on `jobs` worker threads, in the order given. */
export async function runScenarios(inputs: readonly RunInput[], jobs: number, maxEvents?: number): Promise<RunResult[]> {
  const tasks = inputs.map((scenario): RunTask => ({ kind: 'run', scenario, ...(maxEvents === undefined ? {} : { maxEvents }) }));
  const answers = await runPool(tasks, jobs);
  return answers.map((a) => {
    if (a.result) return a.result;
    if (a.tooLarge) throw new RunTooLargeError(a.error);
    throw new RunFailedError(a.error ?? 'no result');
  });
}
