/** What components cost: USD over the run, extrapolated to a month. */
import type { Sim } from '../../engine/sim.js';
import { round } from '../../engine/stats.js';

/** Hours in an average month (365 × 24 ÷ 12), for cost extrapolation. */
export const HOURS_PER_MONTH = 730;

/** A cost for reports: `usd` spent from time 0 to `now` (ms), and extrapolated to a month at the same rate. */
export function costOver(usd: number, now: number): { run: number; perMonth: number } {
  return { run: round(usd, 6), perMonth: now > 0 ? round((usd / now) * 3_600_000 * HOURS_PER_MONTH, 2) : 0 };
}

/**
 * Time up to which costs are reported: the end of the load (issuing), not of
 * the drain, as the run's summary counts them.
 */
export function costedUntil(sim: Sim): number {
  return Math.min(sim.now, sim.measured.end);
}

/** One component's cost for its statistics, over the same span as the run's summary. */
export function costStats(c: { costUsd(now: number): number }, sim: Sim): { run: number; perMonth: number } {
  const now = costedUntil(sim);
  return costOver(c.costUsd(now), now);
}

/** The run's cost in USD, and extrapolated to a month at the same rate. */
export function costSummary(nodes: readonly { costUsd(now: number): number }[], now: number): { run: number; perMonth: number } {
  let usd = 0;
  for (const n of nodes) usd += n.costUsd(now);
  return costOver(usd, now);
}
