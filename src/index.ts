/**
 * The archsim library (package export `archsim`): the functions the `archsim`
 * command and the browser's worker use, for scripts and autograders — read and
 * validate a scenario, run it, replicate it, check its goals. docs/api.md
 * documents it; the result is the JSON of docs/output.md.
 *
 * @example
 * import { readFileSync } from 'node:fs';
 * import { loadScenario, runScenario } from 'archsim';
 *
 * const scenario = loadScenario(readFileSync('mm1.yaml', 'utf8'), { file: 'mm1.yaml' });
 * const result = runScenario(scenario);
 * console.log(result.summary.latencyMs.p99);
 */

// scenarios: read, validate, resolve
export {
  loadScenario,
  resolveScenario,
  parseScenarioText,
  listVariants,
  scenarioSchema,
  ScenarioError,
  formatProblem,
  type LoadOptions,
  type ResolveOptions,
  type ResolvedScenario,
  type ResolvedComponent,
  type ParsedScenario,
  type Problem,
} from './scenario/index.js';

// runs
export { runScenario, estimateEvents, RunTooLargeError, DEFAULT_MAX_EVENTS, type RunInput, type RunOptions } from './run/run.js';
export { replicate, MAX_REPLICATIONS, type Replicated, type Estimate } from './run/replications.js';
export type { RunResult, Summary, PhaseSummary, LatencySummary, SeriesOut, Warning, Failures } from './run/result.js';

// what a run means: queueing theory per component, the bottleneck and its bounds
export { analyze, withAnalysis, type Analysis } from './analysis/analyze.js';

// reports of a run, as the CLI prints them
export { textReport } from './run/report.js';
export { replicationReport } from './run/replications.js';
export { csvReport } from './output/csv.js';

// goals
export { checkDesign, type CheckOptions, type CheckReport, type GoalReport, type SourceFile } from './cli/check-run.js';
export { checkJson, checkJunit, checkGradescope, type GradescopeResults, type GradescopeTest } from './cli/check-formats.js';
export { evaluateGoals, metricValue, type Goal, type GoalOutcome, type GoalStatus } from './check/goals.js';
