/**
 * The worker's side of SimApi, independent of Comlink so it can be tested in
 * Node: resolves the scenario, steps the run in slices, yields between slices
 * (so cancel() is heard) and reports progress on a wall-clock cadence.
 */
import { resolveScenario, ScenarioError } from '../scenario/index.js';
import { Run, RunTooLargeError } from '../run/run.js';
import { replayTraces } from './trace-replay.js';
import { stepSlice, yieldToEvents } from './slice.js';
import type { ProblemData, ProgressMessage, RunOutcome, RunRequest, SimApi } from './api.js';

export function createSimApi(): SimApi {
  let current: Run | null = null;
  /** The last run that asked to be traced later, until traces() replays it or another run starts. */
  let pending: { run: Run; req: RunRequest } | null = null;
  /** The replay in progress: a new run or Stop replaces it, and the replay gives up. */
  let replaying: object | null = null;

  return {
    async run(req: RunRequest, onProgress: (m: ProgressMessage) => void): Promise<RunOutcome> {
      pending = null;
      replaying = null;
      let run: Run;
      try {
        const scenario = resolveScenario(req.scenario, { variant: req.variant, seed: req.seed, duration: req.duration, set: req.set });
        // the page has no setting for the event limit: its messages advise a shorter or lighter run only
        run = new Run(scenario, { maxEvents: req.maxEvents, raiseLimit: '', watch: req.trace !== undefined });
      } catch (e) {
        if (e instanceof ScenarioError) return { ok: false, error: { kind: 'invalid', message: e.message, problems: e.problems } };
        if (e instanceof RunTooLargeError) return { ok: false, error: { kind: 'too-large', message: e.message } };
        return { ok: false, error: { kind: 'crash', message: String((e as Error)?.message ?? e) } };
      }
      current = run;
      const every = req.progressEveryMs ?? 200;
      let last = performance.now();
      try {
        for (;;) {
          // a slice of ≤ ~30 ms keeps cancel() responsive
          if (stepSlice(run)) break;
          if (performance.now() - last >= every) {
            last = performance.now();
            onProgress(req.isProgressOnly ? { progress: run.progress() } : { progress: run.progress(), partial: run.result() });
          }
          await yieldToEvents();
        }
        const result = run.result();
        if (req.trace && result.complete && req.traceLater) pending = { run, req };
        else if (req.trace && result.complete) {
          const stopped = run;
          const traces = await replayTraces(run.scenario, run, req.trace, req.maxEvents, () => current !== stopped);
          if (traces) result.traces = traces;
        }
        return { ok: true, result };
      } catch (e) {
        return { ok: false, error: { kind: 'crash', message: `the simulation failed: ${String((e as Error)?.message ?? e)}` } };
      } finally {
        if (current === run) current = null;
      }
    },
    async traces() {
      const last = pending;
      pending = null;
      if (last === null || last.req.trace === undefined) return undefined;
      const token = (replaying = {});
      return replayTraces(last.run.scenario, last.run, last.req.trace, last.req.maxEvents, () => replaying !== token);
    },
    cancel(): void {
      replaying = null;
      current?.cancel();
      // a traced replay in progress ends without traces
      current = null;
    },
    async validate(scenario: unknown): Promise<ProblemData[]> {
      try {
        resolveScenario(scenario, {});
        return [];
      } catch (e) {
        if (e instanceof ScenarioError) return e.problems;
        return [{ path: '', message: String((e as Error)?.message ?? e) }];
      }
    },
  };
}
