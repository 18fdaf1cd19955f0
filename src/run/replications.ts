/**
 * Independent replications: the same scenario with seeds seed, seed+1, ...;
 * every figure gets its mean and the half-width of a 95% confidence interval
 * (Student's t, analysis/aggregate.ts), which is how to tell a design change
 * from noise. The CLI runs them on worker threads (cli/worker-pool.ts);
 * replicate() runs them here, one after another, with the same result.
 */
import { DEFAULT_MAX_EVENTS, estimateEvents, RunTooLargeError, runScenario, type RunInput, type RunOptions } from './run.js';
import type { RunResult } from './result.js';
import { type AggregateResult, aggregate, type Estimate } from '../analysis/aggregate.js';
import { replicaSeeds } from '../analysis/replica-seeds.js';

export type { Estimate };

/** Replications of one design: every figure as mean ± 95 % half-width (AggregateResult), and the runs themselves. */
export interface Replicated extends AggregateResult {
  runs: RunResult[];
}

/** Most replications one call may run. */
export const MAX_REPLICATIONS = 1000;

/** Most runs one campaign (replications, a sweep's points × replications, a comparison) may make. */
export const MAX_CAMPAIGN_RUNS = 10_000;

const fmt = (x: number) => (x >= 1e6 ? x.toExponential(2).replace('e+', 'e') : Math.round(x).toLocaleString('en-US'));

/** The runs of `n` replications of `s`: the scenario with each replication's seed. */
export function replicationInputs(s: RunInput, n: number): RunInput[] {
  if (!Number.isInteger(n) || n < 1 || n > MAX_REPLICATIONS)
    throw new RunTooLargeError(`replications: expected an integer between 1 and ${MAX_REPLICATIONS}, got ${n}`);
  return replicaSeeds(s.seed, n).map((seed) => ({ ...s, seed }));
}

/**
 * Refuses, before running any, a campaign of more than MAX_CAMPAIGN_RUNS runs,
 * or whose runs together are estimated beyond the event limit (`maxEvents`, which bounds the whole campaign, not one
 * run); `what` names it in the message ("50 replications", "a sweep of 10 points").
 */
export function checkCampaign(inputs: readonly RunInput[], what: string, maxEvents = DEFAULT_MAX_EVENTS): void {
  // every run's result is kept until the campaign is summarised: bound their number, not only their events
  if (inputs.length > MAX_CAMPAIGN_RUNS)
    throw new RunTooLargeError(
      `${what} make ${fmt(inputs.length)} runs, more than the ${fmt(MAX_CAMPAIGN_RUNS)} one campaign may hold. Run fewer replications or points.`,
    );
  const each = inputs.map((s) => estimateEvents(s).events);
  const total = each.reduce((a, b) => a + b, 0);
  if (total <= maxEvents) return;
  const size = each.every((e) => e === each[0]) ? ` of about ${fmt(each[0])} events each` : '';
  throw new RunTooLargeError(
    `${what}${size} (≈ ${fmt(total)} events) exceed the limit of ${fmt(maxEvents)} events. ` +
      'Run fewer replications or points, shorten the duration, or raise the limit with --max-events.',
  );
}

/** Summarises runs of one design as replications: their aggregate and the runs. */
export function replicated(runs: RunResult[]): Replicated {
  return { ...aggregate(runs), runs };
}

/**
 * Runs `n` replications one after another; throws RunTooLargeError, before
 * running any, when `n` is over MAX_REPLICATIONS or the campaign is over the
 * event limit (`opts.maxEvents`).
 */
export function replicate(s: RunInput, n: number, opts: RunOptions = {}): Replicated {
  const inputs = replicationInputs(s, n);
  checkCampaign(inputs, `${n} replications`, opts.maxEvents);
  return replicated(inputs.map((input) => runScenario(input, opts)));
}

export { replicationReport } from './replication-report.js';
