/**
 * One check: the goals of an instructor's scenario evaluated on the scenario
 * itself (an instructor testing a reference), or on a student's design (a
 * submission) whose goals, hints, locked paths and the variants the goals name
 * come from the scenario, never from the submission. Runs the simulation: used
 * by `archsim check` and by its batch workers.
 *
 * @example
 * const report = checkDesign({ file: 'p99.yaml', text }, { file: 'alice.yaml', text: submission }, { replications: 5 });
 * report.passed // true
 */
import { isObject } from '../scenario/is-object.js';
import { loadScenario, parseScenarioText, ScenarioError, type ParsedScenario, type ResolvedScenario } from '../scenario/index.js';
import { evaluateGoals, formatTarget, type Goal, type GoalOutcome } from '../check/goals.js';
import { lockedChanges } from '../check/locked.js';
import { RunTooLargeError, runScenario } from '../run/run.js';
import { replicate } from '../run/replications.js';
import type { RunResult } from '../run/result.js';

/** A file given to the check: its name (for messages) and its text. */
export interface SourceFile {
  file: string;
  text: string;
}

/** How to run a check: the variant for goals that name none, replications, seed, event limit. */
export interface CheckOptions {
  variant?: string;
  /** Runs per variant (seeds seed..seed+N−1); goals are then decided by their 95 % CI. Default 1. */
  replications?: number;
  seed?: number | string;
  maxEvents?: number;
}

/**
 * One goal's outcome as reported: plain data for JSON, JUnit and Gradescope —
 * the goal's name, metric, variant and points beside its outcome's figures and
 * texts (GoalOutcome, src/check/goals.ts; `reason` may also be a locked path changed).
 */
export interface GoalReport extends Pick<Goal, 'name' | 'metric' | 'variant' | 'points'>, Omit<GoalOutcome, 'goal'> {
  /** The author's markdown advice, shown when the goal does not pass. */
  why?: string;
  /** Points earned: `points` when it passed, else 0. */
  score: number;
}

/** The outcome of checking one scenario (and design): every goal, the score, or why it could not be checked. */
export interface CheckReport {
  /** The instructor's scenario. */
  file: string;
  /** The student's design, when one was checked. */
  design?: string;
  title: string;
  /** True when every goal passed. */
  passed: boolean;
  score: number;
  maxScore: number;
  replications: number;
  goals: GoalReport[];
  /** Locked paths the design changed; the design was refused and not run. */
  lockedChanged?: string[];
  /** Why the design could not be checked (a malformed file, a run too large); every goal fails. */
  error?: string;
}

/** The reason every goal of a refused design carries. */
export const LOCKED_REASON = 'the design changes locked paths';

/**
 * Checks `scenario` as written, or `design` against it. Throws ScenarioError when
 * the scenario itself is malformed or has no goals (the instructor's input); a
 * malformed design, a changed locked path or a run too large are reported in the
 * returned report (`error`, `lockedChanged`), every goal failing.
 */
export function checkDesign(scenario: SourceFile, design: SourceFile | undefined, opts: CheckOptions = {}): CheckReport {
  const { ref, resolved } = loadReference(scenario, design ? undefined : opts.variant, opts.seed);
  const base = { file: scenario.file, ...(design ? { design: design.file } : {}), title: resolved.title };
  const replications = opts.replications ?? 1;
  const refuse = (why: Pick<CheckReport, 'error' | 'lockedChanged'>, reason: string): CheckReport =>
    report(base, replications, failAll(resolved.goals, reason), why);
  let target: ParsedScenario = ref;
  let file = scenario.file;
  if (design) {
    let submission: ParsedScenario;
    try {
      submission = parseScenarioText(design.text, design.file);
      loadScenario(submission, { file: design.file, checkVariants: false });
    } catch (e) {
      if (e instanceof ScenarioError) return refuse({ error: e.message }, 'the design could not be read');
      throw e;
    }
    const changed = lockedChanges(resolved.locked, ref.raw, submission.raw);
    if (changed.length) return refuse({ lockedChanged: changed }, `${LOCKED_REASON}: ${changed.join(', ')}`);
    target = { ...submission, raw: withGoalsOf(ref.raw, submission.raw) };
    file = design.file;
  }
  try {
    return report(base, replications, evaluate(resolved.goals, target, file, opts));
  } catch (e) {
    if (e instanceof ScenarioError || e instanceof RunTooLargeError) return refuse({ error: e.message }, 'the design could not be run');
    throw e;
  }
}

/**
 * The instructor's scenario, parsed and resolved (with `variant`); throws
 * ScenarioError when it is malformed or has no goals.
 */
export function loadReference(
  scenario: SourceFile,
  variant?: string,
  seed?: number | string,
): { ref: ParsedScenario; resolved: ResolvedScenario } {
  const ref = parseScenarioText(scenario.text, scenario.file);
  const resolved = loadScenario(ref, { file: scenario.file, variant, seed });
  if (!resolved.goals.length)
    throw new ScenarioError(
      [{ path: 'goals', message: 'this scenario has no goals to check; add a goals: list (see docs/authoring.md)' }],
      scenario.file,
    );
  return { ref, resolved };
}

/**
 * The submission with the scenario's goals, hints and locked paths in place of
 * its own, and the scenario's variants over its own of the same name (a goal's
 * `variant:` is the instructor's what-if applied to the student's design).
 */
export function withGoalsOf(reference: unknown, submission: unknown): Record<string, unknown> {
  const ref = isObject(reference) ? reference : {};
  const sub = isObject(submission) ? submission : {};
  const { goals: _g, hints: _h, locked: _l, variants: _v, ...design } = sub;
  const variants = { ...(isObject(sub.variants) ? sub.variants : {}), ...(isObject(ref.variants) ? ref.variants : {}) };
  const own = (k: string) => (ref[k] === undefined ? {} : { [k]: ref[k] });
  return { ...design, ...own('goals'), ...own('hints'), ...own('locked'), ...(Object.keys(variants).length ? { variants } : {}) };
}

/** Runs each variant the goals need (once or `replications` times) and evaluates its goals, in goal order. */
function evaluate(goals: readonly Goal[], target: ParsedScenario, file: string, opts: CheckOptions): GoalOutcome[] {
  const outcomes = new Map<Goal, GoalOutcome>();
  const variants = new Set(goals.map((g) => g.variant ?? opts.variant));
  for (const variant of variants) {
    const scenario = loadScenario(target, { file, variant, seed: opts.seed, checkVariants: false });
    const mine = goals.filter((g) => (g.variant ?? opts.variant) === variant);
    for (const o of evaluateGoals(mine, runs(scenario, opts))) outcomes.set(o.goal, o);
  }
  return goals.map((g) => outcomes.get(g)!);
}

function runs(scenario: ResolvedScenario, opts: CheckOptions): RunResult[] {
  const n = opts.replications ?? 1;
  return n > 1 ? replicate(scenario, n, { maxEvents: opts.maxEvents }).runs : [runScenario(scenario, { maxEvents: opts.maxEvents })];
}

function failAll(goals: readonly Goal[], reason: string): GoalOutcome[] {
  return goals.map((goal) => ({ goal, status: 'fail', valueText: '—', targetText: formatTarget(goal), reason }));
}

function report(
  base: Pick<CheckReport, 'file' | 'design' | 'title'>,
  replications: number,
  outcomes: GoalOutcome[],
  refused: Pick<CheckReport, 'error' | 'lockedChanged'> = {},
): CheckReport {
  const goals = outcomes.map(goalReport);
  return {
    ...base,
    passed: !refused.error && !refused.lockedChanged && goals.every((g) => g.status === 'pass'),
    score: goals.reduce((a, g) => a + g.score, 0),
    maxScore: goals.reduce((a, g) => a + g.points, 0),
    replications,
    goals,
    ...refused,
  };
}

function goalReport(o: GoalOutcome): GoalReport {
  const { goal } = o;
  const passed = o.status === 'pass';
  return {
    name: goal.name,
    metric: goal.metric,
    ...(goal.variant === undefined ? {} : { variant: goal.variant }),
    status: o.status,
    ...(o.value === undefined ? {} : { value: o.value }),
    ...(o.halfWidth === undefined ? {} : { halfWidth: o.halfWidth }),
    valueText: o.valueText,
    targetText: o.targetText,
    ...(o.reason === undefined ? {} : { reason: o.reason }),
    ...(goal.why === undefined || passed ? {} : { why: goal.why }),
    points: goal.points,
    score: passed ? goal.points : 0,
  };
}
