/**
 * `archsim run FILE --trace out.json`: the options that pick the traced
 * requests, and the Chrome trace-event file written from a traced run.
 */
import { writeFileSync } from 'node:fs';
import { chromeTrace } from '../output/chrome-trace.js';
import type { RunResult } from '../run/result.js';
import { DEFAULT_TRACE_PERCENTILE, MAX_TRACES, type TraceOptions } from '../run/trace-run.js';

/** What --trace and its companions ask for: the file to write and which requests to trace. */
export interface TraceArgs extends TraceOptions {
  file: string;
}

/** The run options for traces, as the usage lists them. */
export const TRACE_USAGE = `  --trace FILE          also trace requests and write them to FILE as Chrome trace-event JSON
                        (open in ui.perfetto.dev or chrome://tracing); --json output carries them too
  --trace-sample N      requests sampled across the run (default 20, at most ${MAX_TRACES}), or a share: 1%
  --trace-percentile P  also trace the request at this latency percentile (default ${DEFAULT_TRACE_PERCENTILE}); the slowest always`;

/**
 * Reads the value of --trace, --trace-sample or --trace-percentile into `t`.
 * Throws `bad(message)` when the value is not one the flag takes.
 */
export function traceFlag(t: Partial<TraceArgs>, flag: string, value: string, bad: (message: string) => Error): void {
  if (flag === '--trace') {
    t.file = value;
    return;
  }
  if (flag === '--trace-sample') {
    const share = /^(\d+(?:\.\d+)?)%$/.exec(value);
    const n = share ? Number(share[1]) / 100 : Number(value);
    if (!Number.isFinite(n) || n < 0 || (!share && !Number.isInteger(n)) || (share && n >= 1))
      throw bad(`--trace-sample expects a count (20) or a share below 100% (1%), got "${value}"`);
    t.sample = n;
    return;
  }
  const p = Number(value);
  if (!Number.isFinite(p) || p <= 0 || p >= 100)
    throw bad(`--trace-percentile expects a number between 0 and 100 (99, 99.9), got "${value}"`);
  t.percentile = p;
}

/**
 * Writes the traces of `result` to `file` as Chrome trace-event JSON and says
 * what was written; throws `bad(message)` when the file cannot be written.
 */
export function writeTrace(file: string, result: RunResult, bad: (message: string) => Error): string {
  const traces = result.traces ?? [];
  const doc = chromeTrace(traces, {
    title: result.title,
    seed: String(result.seed),
    ...(result.variant ? { variant: result.variant } : {}),
  });
  try {
    writeFileSync(file, JSON.stringify(doc));
  } catch (e) {
    throw bad(`cannot write the trace to ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const named = traces
    .filter((t) => t.why.some((w) => w !== 'sample'))
    .map((t) => `${t.why.filter((w) => w !== 'sample').join(' and ')} ${t.latencyMs.toFixed(1)} ms`);
  return `traced ${traces.length} requests${named.length ? ` (${named.join(', ')})` : ''} → ${file}: open it in https://ui.perfetto.dev or chrome://tracing`;
}
