/**
 * The worker's traced replay: after a run, the same run again tracing the
 * requests the first one picked (src/run/trace-run.ts), stepped in slices that
 * yield, so Stop is heard. Stopped, it returns no traces.
 */
import type { LatencyWatch } from '../engine/trace.js';
import type { RunResult } from '../run/result.js';
import { Run, type RunInput } from '../run/run.js';
import { tracePicks, tracesOf, type TraceOptions } from '../run/trace-run.js';
import { stepSlice, yieldToEvents } from './slice.js';

/**
 * Replays `scenario` to trace what `first` (run with `watch`) picked; the
 * traces, or undefined when `isStopped()` turned true on the way.
 */
export async function replayTraces(
  scenario: RunInput,
  first: Run,
  opts: TraceOptions,
  maxEvents: number | undefined,
  isStopped: () => boolean,
): Promise<RunResult['traces']> {
  const watch = first.recorder.watch as LatencyWatch;
  const replay = new Run(scenario, { maxEvents, raiseLimit: '', trace: tracePicks(watch, scenario.seed, opts) });
  for (;;) {
    if (stepSlice(replay)) return tracesOf(replay);
    await yieldToEvents();
    if (isStopped()) return undefined;
  }
}
