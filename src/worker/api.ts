/**
 * Types that cross the worker boundary. Only plain data goes over it: the raw
 * scenario object as the design store holds it, progress, results, problems.
 */
import type { RunResult } from '../run/result.js';
import type { Progress } from '../run/run.js';
import type { TraceOptions } from '../run/trace-run.js';
import type { Problem } from '../scenario/parse.js';

export type { RunResult, Progress };

export interface RunRequest {
  /** The scenario as authored (plain object, same shape as the YAML). */
  scenario: unknown;
  variant?: string;
  seed?: number | string;
  /** Override of the scenario duration ("2m", 120000). */
  duration?: string | number;
  /** Parameter overrides as the CLI's --set writes them ("users.rate=90/s"): a sweep point. */
  set?: string[];
  maxEvents?: number;
  /** Wall-clock ms between progress messages (default 200). */
  progressEveryMs?: number;
  /** Progress messages without the partial result: a campaign's runs nobody watches live (their cloning would cost the page). */
  isProgressOnly?: boolean;
  /** Trace requests (the slowest, one at a percentile, a sample): the run is replayed for them once it is over. */
  trace?: TraceOptions;
  /** With `trace`: answer as soon as the run is over, and replay for the traces only when `traces()` asks (the Done a student waits for). */
  traceLater?: boolean;
}

/** A problem with the scenario, as the scenario module reports it: plain data, so it crosses the boundary as is. */
export type ProblemData = Problem;

export type RunOutcome =
  | { ok: true; result: RunResult }
  | { ok: false; error: { kind: 'invalid' | 'too-large' | 'crash'; message: string; problems?: ProblemData[] } };

export interface ProgressMessage {
  progress: Progress;
  /** Results so far (same shape as the final result); absent when the request was progress only. */
  partial?: RunResult;
}

export interface SimApi {
  /** Run a scenario, streaming progress; resolves when done, stopped or refused. */
  run(req: RunRequest, onProgress: (m: ProgressMessage) => void): Promise<RunOutcome>;
  /** Stop the current run; its promise resolves with the partial result. */
  cancel(): void;
  /** The traces of the last run made with `trace` and `traceLater`, replayed now; undefined once another run started, or on Stop. */
  traces(): Promise<RunResult['traces'] | undefined>;
  /** Check a scenario without running it. */
  validate(scenario: unknown): Promise<ProblemData[]>;
}
