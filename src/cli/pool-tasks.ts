/**
 * What the CLI's worker threads do (worker-pool.ts): check a submission
 * against a scenario, or run one resolved scenario. Every task is fully
 * determined by its data (the seed is in the scenario), so its answer does not
 * depend on which thread ran it or when.
 */
import { readFileSync } from 'node:fs';
import type { RunResult } from '../run/result.js';
import { type RunInput, RunTooLargeError, runScenario } from '../run/run.js';
import { type CheckOptions, type CheckReport, checkDesign, type SourceFile } from './check-run.js';

/** One design checked against the scenario (`archsim check --design FOLDER`). */
export interface CheckTask {
  kind: 'check';
  scenario: SourceFile;
  design: string;
  opts: CheckOptions;
}

/** One run of a resolved scenario (a replication, a sweep point, one side of a comparison). */
export interface RunTask {
  kind: 'run';
  scenario: RunInput;
  maxEvents?: number;
}

/** A task for a pool worker. */
export type PoolTask = CheckTask | RunTask;

/** A check's answer: the report, or why it could not be made (unreadable file, a bug). */
export interface CheckAnswer {
  report?: CheckReport;
  error?: string;
}

/** A run's answer: the result, or why there is none (`tooLarge` when the run was refused for its size). */
export interface RunAnswer {
  result?: RunResult;
  error?: string;
  tooLarge?: boolean;
}

/** The answer a task of type T gets. */
export type AnswerOf<T extends PoolTask> = T extends CheckTask ? CheckAnswer : RunAnswer;

/** Does one task; never throws: a failure is the answer's `error`. */
export function answerTask<T extends PoolTask>(task: T): AnswerOf<T> {
  return (task.kind === 'check' ? answerCheck(task) : answerRun(task)) as AnswerOf<T>;
}

function answerRun({ scenario, maxEvents }: RunTask): RunAnswer {
  try {
    return { result: runScenario(scenario, { maxEvents }) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e), ...(e instanceof RunTooLargeError ? { tooLarge: true } : {}) };
  }
}

function answerCheck({ scenario, design, opts }: CheckTask): CheckAnswer {
  let text: string;
  try {
    text = readFileSync(design, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: `cannot read ${design}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}` };
  }
  try {
    return { report: checkDesign(scenario, { file: design, text }, opts) };
  } catch (e) {
    return { error: `the check failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}
