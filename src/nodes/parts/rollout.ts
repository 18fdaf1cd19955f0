/**
 * A deploy's rollout over a component's instances, as a Kubernetes Deployment
 * does it (the `deploy` timeline event; the plan is resolved in
 * src/timeline/events.ts). Instances are replaced in order, in steps of
 * `maxSurge + maxUnavailable`: a surged one gets its replacement started first
 * and swaps when it is ready (no capacity lost, one more instance billed
 * meanwhile); an unavailable one is taken out first, and its slot stays empty
 * until the replacement has started. `recreate` takes every instance out at
 * once. Each step lasts `startTime`; the next starts when it ends.
 */
import type { Sim } from '../../engine/sim.js';
import type { DeployPlan } from '../../timeline/events.js';

/** What a rollout needs of the component whose instances it replaces. */
export interface Replaceable {
  /** Instances taking traffic now: the ones a rollout replaces. */
  readonly serving: number;
  /** Instance `inst` stops getting requests; what it holds goes on (graceful shutdown). */
  takeOut(inst: number): void;
  /** The grace period of instance `inst` is over: if it is still out, stop it (what it still holds fails). */
  stopIfOut(inst: number): void;
  /** A new instance takes slot `inst` and gets requests (a cold start). */
  bringIn(inst: number): void;
  /** Instances running beside the serving ones while they start (billed). */
  surge(delta: number): void;
}

/** Schedule `plan` on `target` from now: step by step until every instance is replaced. */
export function rollout(sim: Sim, plan: DeployPlan, target: Replaceable): void {
  const n = target.serving;
  const surgeEach = plan.strategy === 'recreate' ? 0 : plan.maxSurge;
  const step = plan.strategy === 'recreate' ? n : plan.maxUnavailable + plan.maxSurge;
  let next = 0;
  let surged: number[] = [];
  let out: number[] = [];
  const hStop = sim.onTimer((inst) => target.stopIfOut(inst));
  const hStep = sim.onTimer(() => {
    // the step that started startTime ago is ready: its new instances take over
    for (const inst of surged) target.bringIn(inst);
    if (surged.length) target.surge(-surged.length);
    for (const inst of out) target.bringIn(inst);
    surged = [];
    out = [];
    if (next >= n) return;
    const end = Math.min(n, next + step);
    for (; next < end; next++) {
      if (surged.length < surgeEach) surged.push(next);
      else out.push(next);
    }
    if (surged.length) target.surge(surged.length);
    for (const inst of out) {
      target.takeOut(inst);
      sim.timer(plan.gracePeriod, hStop, inst);
    }
    sim.timer(plan.startTime, hStep);
  });
  sim.timer(0, hStep);
}
