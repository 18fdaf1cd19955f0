/** How the worker runs a simulation without blocking: slices of at most ~30 ms, yielding between them so Stop is heard. */
import type { Run } from '../run/run.js';

/** Lets the worker's event loop turn (a cancel() message gets in). */
export const yieldToEvents = (): Promise<void> => new Promise<void>((r) => setTimeout(r, 0));

/** Advances `run` for one slice of at most ~30 ms of wall time; true when the run is over. */
export function stepSlice(run: Run): boolean {
  const sliceStart = performance.now();
  let finished = false;
  while (!finished && performance.now() - sliceStart < 30) finished = run.step(20_000);
  return finished;
}
