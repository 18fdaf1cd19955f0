/**
 * The queueing-theory curve a sweep is drawn against, when the design is one
 * analysis/theory-curve.ts models (Poisson arrivals through M/M/c stations).
 */
import type { ScenarioDoc } from '../state/design.js';
import type { SweepRecord } from '../state/sweeps.js';

/** The curve at the sweep's points ([x, mean ms, p99 ms], null where overloaded) and a sentence on the model; undefined when the design is not one it models. */
export function theoryOf(
  _doc: ScenarioDoc,
  _sweep: SweepRecord,
): { points: [number, number | null, number | null][]; note: string } | undefined {
  return undefined;
}
