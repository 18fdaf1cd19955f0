/**
 * Request traces as Chrome trace-event JSON (the Trace Event Format that
 * Perfetto, chrome://tracing and speedscope open): each traced request is a
 * process, each component it visits a thread, each span a complete ("X")
 * event in simulated microseconds. Events on one thread nest or are apart, as
 * the format requires: a span that would overlap another on its component's
 * thread without nesting (a retry reaching a server still busy with the
 * abandoned attempt) goes on a second thread of that component, "db (2)".
 */
import type { RequestTrace, TraceSpan } from './trace-data.js';

/** One trace event: a complete span (`ph: 'X'`) or metadata naming a process or thread (`ph: 'M'`). */
export interface ChromeTraceEvent {
  name: string;
  cat?: string;
  ph: 'X' | 'M';
  /** Start, µs of simulated time. */
  ts: number;
  /** Duration, µs (complete events). */
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, string | number>;
}

/** A Chrome trace-event document (the JSON object form). */
export interface ChromeTrace {
  traceEvents: ChromeTraceEvent[];
  displayTimeUnit: 'ms';
  otherData: Record<string, string>;
}

const us = (ms: number) => Math.round(ms * 1e6) / 1e3;

/** Whether [a0, a1] and [b0, b1] nest (one holds the other) or do not overlap. */
const isCompatible = (a0: number, a1: number, b0: number, b1: number) =>
  a1 <= b0 || b1 <= a0 || (a0 <= b0 && b1 <= a1) || (b0 <= a0 && a1 <= b1);

/** How a trace is labelled: "request #2315 GET / · 239.6 ms · slowest". */
export function traceLabel(t: RequestTrace): string {
  return `request #${t.requestId} ${t.route} · ${t.latencyMs.toFixed(1)} ms${t.status === 'ok' ? '' : ` · ${t.status}`} · ${t.why.join(', ')}`;
}

/**
 * The spans of one trace with times clipped into their parent on the same
 * component (a service's scheduled work cut short when the answer went first),
 * so that a row's spans nest; spans on another component keep their times.
 */
export function clippedSpans(t: RequestTrace): TraceSpan[] {
  const out: TraceSpan[] = [];
  for (const s of t.spans) {
    const p = s.parent >= 0 ? out[s.parent] : undefined;
    if (p === undefined || p.component !== s.component) out.push({ ...s });
    else {
      const start = Math.min(Math.max(s.startMs, p.startMs), p.endMs);
      out.push({ ...s, startMs: start, endMs: Math.max(start, Math.min(s.endMs, p.endMs)) });
    }
  }
  return out;
}

/** The Chrome trace-event document of `traces` (one process per request, one thread per component). */
export function chromeTrace(traces: readonly RequestTrace[], about: Record<string, string> = {}): ChromeTrace {
  const events: ChromeTraceEvent[] = [];
  traces.forEach((t, i) => {
    const pid = i + 1;
    events.push({ name: 'process_name', ph: 'M', ts: 0, pid, tid: 0, args: { name: traceLabel(t) } });
    events.push({ name: 'process_sort_index', ph: 'M', ts: 0, pid, tid: 0, args: { sort_index: i } });
    /** Per component, its threads' placed [start, end] intervals (µs). */
    const lanes = new Map<string, [number, number][][]>();
    const tids = new Map<string, number>();
    const tidOf = (component: string, lane: number) => {
      const key = `${component}\u0000${lane}`;
      let tid = tids.get(key);
      if (tid === undefined) {
        tid = tids.size + 1;
        tids.set(key, tid);
        const name = lane === 0 ? component : `${component} (${lane + 1})`;
        events.push({ name: 'thread_name', ph: 'M', ts: 0, pid, tid, args: { name } });
        events.push({ name: 'thread_sort_index', ph: 'M', ts: 0, pid, tid, args: { sort_index: tid } });
      }
      return tid;
    };
    for (const s of clippedSpans(t)) {
      const ts = us(s.startMs),
        end = us(s.endMs);
      const rows = lanes.get(s.component) ?? [];
      lanes.set(s.component, rows);
      let lane = rows.findIndex((placed) => placed.every(([a, b]) => isCompatible(a, b, ts, end)));
      if (lane < 0) lane = rows.push([]) - 1;
      rows[lane].push([ts, end]);
      const args: Record<string, string | number> = {
        span: s.id,
        parent: s.parent,
        component: s.component,
        ...(s.status ? { status: s.status } : {}),
        ...s.args,
      };
      events.push({
        name: s.name,
        cat: s.cat,
        ph: 'X',
        ts,
        dur: Math.round((end - ts) * 1e3) / 1e3,
        pid,
        tid: tidOf(s.component, lane),
        args,
      });
    }
  });
  return { traceEvents: events, displayTimeUnit: 'ms', otherData: { ...about, clock: 'simulated time (µs)' } };
}
