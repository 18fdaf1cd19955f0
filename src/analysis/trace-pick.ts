/**
 * Which traced request a point of the latency chart stands for: the one
 * answered nearest that time whose latency is nearest that value. The chart's
 * points are percentiles of the requests answered in a time bucket, so the
 * distance counts time in buckets and latency as a ratio (the axis is log).
 */
import type { RequestTrace } from '../output/trace-data.js';

/**
 * The trace nearest a point of the latency-over-time chart: `tMs` the start of
 * its bucket, `latencyMs` its value, `bucketMs` the bucket width; undefined
 * when there are no traces.
 *
 * @example nearestTrace(result.traces ?? [], 12_000, 180, result.series.bucketMs)
 */
export function nearestTrace(traces: readonly RequestTrace[], tMs: number, latencyMs: number, bucketMs: number): RequestTrace | undefined {
  const mid = tMs + bucketMs / 2;
  let best: RequestTrace | undefined,
    bestDistance = Number.POSITIVE_INFINITY;
  for (const t of traces) {
    const dt = (t.issuedMs + t.latencyMs - mid) / bucketMs;
    const dl = Math.log(Math.max(t.latencyMs, 1e-6) / Math.max(latencyMs, 1e-6));
    const d = dt * dt + dl * dl;
    if (d < bestDistance) (best = t), (bestDistance = d);
  }
  return best;
}

/** The spans of a trace in reading order: depth first, children by start time, each with its depth. */
export function spanRows(t: RequestTrace): { span: RequestTrace['spans'][number]; depth: number }[] {
  const children = new Map<number, RequestTrace['spans']>();
  for (const s of t.spans) if (s.parent >= 0) children.set(s.parent, [...(children.get(s.parent) ?? []), s]);
  const rows: { span: RequestTrace['spans'][number]; depth: number }[] = [];
  const visit = (s: RequestTrace['spans'][number], depth: number) => {
    rows.push({ span: s, depth });
    for (const c of [...(children.get(s.id) ?? [])].sort((a, b) => a.startMs - b.startMs || a.id - b.id)) visit(c, depth + 1);
  };
  if (t.spans.length) visit(t.spans[0], 0);
  return rows;
}
