/**
 * Request traces as plain data (docs/output.md, "traces"): what a run records of
 * one sampled request's path through the design, span by span, in simulated ms.
 * The engine fills them (src/engine/trace.ts); the CLI, the JSON output and the
 * app's waterfall read them.
 */

/**
 * What a span is: the whole `request`; a `call` over a link (with its guard's
 * attempts as `attempt`); `network` latency of a link, one way; a `visit` to a
 * component; time in a `queue` (waiting for a worker, a connection or a slot);
 * `work` a component does (service, query, lookup, backoff before a retry).
 */
export type SpanCategory = 'request' | 'call' | 'attempt' | 'network' | 'visit' | 'queue' | 'work';

/**
 * One span of a traced request: a named interval on one component's row, inside its parent.
 *
 * @example
 * { id: 4, parent: 3, name: 'db · pool wait', cat: 'queue', component: 'db', startMs: 12.5, endMs: 19.25 }
 */
export interface TraceSpan {
  /** Index of the span in its trace's `spans`. */
  id: number;
  /** Index of the enclosing span; -1 for the request itself. */
  parent: number;
  name: string;
  cat: SpanCategory;
  /** The component whose row the span belongs to (a call's and a link's: the caller's). */
  component: string;
  startMs: number;
  endMs: number;
  /** How a call, attempt, visit or request ended: ok, timeout, rejected, throttled, error, in flight. */
  status?: string;
  /** What else is known: cache hit or miss, the attempt number, an answer the caller no longer waited for. */
  args?: Record<string, string | number>;
}

/** One traced request: why it was picked, what it experienced, and its spans (the request first). */
export interface RequestTrace {
  /** The request's number in issue order (0-based, warm-up included). */
  requestId: number;
  /** Why this request was traced: `sample`, `slowest`, `p99` (the chosen percentile), several at once. */
  why: string[];
  /** The client that issued it. */
  client: string;
  route: string;
  issuedMs: number;
  /** Issue to answer (or to the end of the run, while still in flight). */
  latencyMs: number;
  status: string;
  /** More spans than a trace keeps (`MAX_TRACE_SPANS`): the rest were not recorded. */
  truncated?: boolean;
  spans: TraceSpan[];
}

/** Spans one trace keeps at most (a retry storm or a fan-out stops adding beyond). */
export const MAX_TRACE_SPANS = 500;
