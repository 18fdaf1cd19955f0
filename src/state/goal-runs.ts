/**
 * The goals of the open design against its runs, as the goals panel shows
 * them: each goal is judged on one finished run of the design open now (never
 * another design's), of the goal's own variant (`variant:`) or, without one,
 * of the base design — the run `archsim check --design` makes of a submission.
 * The run shown in the results wins when it qualifies, else the latest that
 * does; a replicated run is judged on all its replications. Pure: no DOM.
 */
import { evaluateGoals, type Goal, type GoalOutcome } from '../check/goals.js';
import { isOfOpenDesign, runOfOpenDesign, type RunRecord, type RunsContext } from './runs.js';

/** One goal as the panel shows it: its outcome and the run it came from, or why it has none yet. */
export interface GoalView {
  goal: Goal;
  /** Absent until a run that counts for this goal has finished. */
  outcome?: GoalOutcome;
  run?: RunRecord;
  /** "Run 3 · +cache": the run the outcome came from. */
  runLabel?: string;
  /** Why there is no outcome yet: 'not run yet — press Run', 'run variant +cache to check this goal'. */
  pending?: string;
}

/** The variant a run ran ('' for the base design). */
const variantOf = (r: RunRecord): string => r.result?.variant ?? '';

/** "Run 3" for a run of the base design, "Run 3 · +cache" for one of a variant. */
export const runLabel = (r: RunRecord): string => `Run ${r.id}${variantOf(r) ? ` · ${variantOf(r)}` : ''}`;

/** The finished run a goal of variant `variant` ('' the base) is judged on, or undefined. */
export function runFor(ctx: RunsContext, variant: string): RunRecord | undefined {
  const counts = (r: RunRecord | undefined): r is RunRecord =>
    !!r && r.status === 'done' && !!r.result && isOfOpenDesign(ctx, r) && variantOf(r) === variant;
  const shown = runOfOpenDesign(ctx);
  return counts(shown) ? shown : ctx.runs.filter(counts).at(-1);
}

/**
 * Each goal with its outcome on the run that counts for it.
 * @example goalViews(scenario.goals, runs.getSnapshot().context)[0].outcome?.status // 'pass'
 */
export function goalViews(goals: readonly Goal[], ctx: RunsContext): GoalView[] {
  const hasRuns = ctx.runs.some((r) => isOfOpenDesign(ctx, r) && r.status === 'done');
  return goals.map((goal) => {
    const variant = goal.variant ?? '';
    const run = runFor(ctx, variant);
    if (!run?.result) {
      const pending = variant
        ? `run variant ${variant} to check this goal`
        : hasRuns
          ? 'run the base design to check this goal'
          : 'not run yet — press Run';
      return { goal, pending };
    }
    // a replicated run is judged as archsim check --replications judges one: by the 95 % interval over its seeds
    const [outcome] = evaluateGoals([goal], run.replicas ?? [run.result]);
    return { goal, outcome, run, runLabel: runLabel(run) };
  });
}
