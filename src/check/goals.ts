/**
 * Goals of a scenario, evaluated on runs: one run passes or fails a goal by
 * comparison; replications decide by the 95 % confidence interval of the mean
 * (Student's t), and an interval that straddles the target is 'undecided'.
 * Main-thread safe: it reads run results and formats them, it runs nothing.
 *
 * @example
 * const [p99] = evaluateGoals(scenario.goals, [result]);
 * p99.status // 'pass'
 * p99.valueText // "23.1 ms"
 */
import type { RunResult } from '../run/result.js';
import type { Goal } from '../scenario/goals.js';
import { formatStat } from '../kinds/format-stat.js';
import { meanCI } from '../output/confidence.js';

export type { Goal } from '../scenario/goals.js';

/** How a goal came out: met, missed, or — with replications — not decided by their confidence interval. */
export type GoalStatus = 'pass' | 'fail' | 'undecided';

/** One goal's outcome over the runs of one variant. */
export interface GoalOutcome {
  goal: Goal;
  status: GoalStatus;
  /** The measured value (the mean over replications); absent when no run reports the figure. */
  value?: number;
  /** Half-width of the 95 % confidence interval of the mean, with two or more runs. */
  halfWidth?: number;
  /** The value in the metric's unit, "23.1 ms" or "23.1 ms ± 1.20 ms"; "—" when absent. */
  valueText: string;
  /** The target in the metric's unit: "below 30.0 ms", "above 500/s", "between 1% and 5%". */
  targetText: string;
  /** Why a goal did not pass by its value: 'not decided — raise replications', 'no such figure in this run'. */
  reason?: string;
}

/** The reason of an undecided goal. */
export const UNDECIDED = 'not decided — raise replications';
/** The reason of a goal whose figure a run does not report. */
export const NO_FIGURE = 'no such figure in this run';

/**
 * The number at a metric path of one run result (undefined when absent or not a
 * finite number). `phases.<name>` names a phase by its name; a segment that is
 * not a key is joined with the next ones, so names holding dots still resolve.
 * @example metricValue(result, 'summary.latencyMs.p99') // 23.1
 */
export function metricValue(result: RunResult, path: string): number | undefined {
  const segments = path.split('.');
  let at: unknown = result;
  for (let i = 0; i < segments.length; ) {
    if (at === null || typeof at !== 'object') return undefined;
    let j = i + 1;
    let next: unknown;
    for (; j <= segments.length; j++) {
      next = child(at, segments.slice(i, j).join('.'));
      if (next !== undefined) break;
    }
    if (next === undefined) return undefined;
    // `phases` is a list in the result, addressed by name in a metric path
    at = at === result && segments[i] === 'phases' ? Object.fromEntries(result.phases.map((p) => [p.name, p])) : next;
    i = j;
  }
  return typeof at === 'number' && Number.isFinite(at) ? at : undefined;
}

function child(at: object, key: string): unknown {
  return Object.hasOwn(at, key) ? (at as Record<string, unknown>)[key] : undefined;
}

/**
 * Evaluates goals over the runs of one variant. One run: the value against the
 * target. Two or more (replications): the 95 % CI of the mean passes when it lies
 * wholly on the right side, fails when wholly on the wrong side, else is
 * 'undecided'. `below` and `above` are strict; `between` includes its ends.
 * A goal no run reports fails with reason NO_FIGURE.
 * @example evaluateGoals([{ name: 'p99', metric: 'summary.latencyMs.p99', below: 30, points: 1, unit: 'ms' }], runs)
 */
export function evaluateGoals(goals: readonly Goal[], runs: readonly RunResult[]): GoalOutcome[] {
  return goals.map((goal) => {
    const targetText = formatTarget(goal);
    const values = runs.map((r) => metricValue(r, goal.metric));
    if (!values.length || values.some((v) => v === undefined))
      return { goal, status: 'fail', valueText: '—', targetText, reason: NO_FIGURE };
    const { mean, halfWidth } = meanCI(values as number[]);
    const status = judge(goal, mean - halfWidth, mean + halfWidth);
    const valueText = formatStat(mean, goal.unit) + (values.length > 1 ? ` ± ${formatStat(halfWidth, goal.unit)}` : '');
    return {
      goal,
      status,
      value: mean,
      ...(values.length > 1 ? { halfWidth } : {}),
      valueText,
      targetText,
      ...(status === 'undecided' ? { reason: UNDECIDED } : {}),
    };
  });
}

/** Pass when all of [lo, hi] meets the target, fail when none of it does. */
function judge(goal: Goal, lo: number, hi: number): GoalStatus {
  const verdict = (right: boolean, wrong: boolean): GoalStatus => (right ? 'pass' : wrong ? 'fail' : 'undecided');
  if (goal.between) {
    const [a, b] = goal.between;
    return verdict(lo >= a && hi <= b, hi < a || lo > b);
  }
  if (goal.below !== undefined) return verdict(hi < goal.below, lo >= goal.below);
  if (goal.above !== undefined) return verdict(lo > goal.above, hi <= goal.above);
  return 'fail';
}

/** The target as text in the metric's unit. */
export function formatTarget(goal: Pick<Goal, 'below' | 'above' | 'between' | 'unit'>): string {
  const f = (x: number) => formatStat(x, goal.unit);
  if (goal.between) return `between ${f(goal.between[0])} and ${f(goal.between[1])}`;
  if (goal.below !== undefined) return `below ${f(goal.below)}`;
  if (goal.above !== undefined) return `above ${f(goal.above)}`;
  return '—';
}
