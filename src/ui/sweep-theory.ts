/**
 * The queueing-theory curve a sweep is drawn against, when the design is one
 * the closed forms model (analysis/curve-design.ts: Poisson arrivals at an
 * M/M/c service), computed on the main thread when the sweep starts.
 */
import { evenly } from '../analysis/bands.js';
import { curveModelOf } from '../analysis/curve-design.js';
import { theoryCurve } from '../analysis/theory-curve.js';
import { resolveScenario } from '../scenario/index.js';
import type { ScenarioDoc } from '../state/design.js';
import { runnableDoc } from '../state/run-controller.js';
import type { SweepTheory } from '../state/sweeps.js';

/** Points the curve is drawn through between the sweep's ends, besides the sweep's own. */
const CURVE_POINTS = 80;

/**
 * The closed-form mean and p99 of `doc` (as run with `variant`) against
 * `param` over `xs`, or why there is none.
 */
export function sweepTheory(doc: ScenarioDoc, variant: string | undefined, param: string, xs: readonly number[]): SweepTheory {
  let model: ReturnType<typeof curveModelOf>;
  try {
    model = curveModelOf(resolveScenario(runnableDoc(doc, variant), { variant }), param);
  } catch (e) {
    return { none: `no closed form: ${(e as Error).message}` };
  }
  if ('none' in model) return model;
  const grid = [...new Set([...evenly(Math.min(...xs), Math.max(...xs), CURVE_POINTS), ...xs])].sort((a, b) => a - b);
  return {
    model: model.model,
    curve: theoryCurve(model.design, model.swept, grid).map((t) => [t.x, t.meanMs, t.p99Ms]),
    at: theoryCurve(model.design, model.swept, [...xs]).map((t) => [t.x, t.meanMs, t.p99Ms]),
  };
}
