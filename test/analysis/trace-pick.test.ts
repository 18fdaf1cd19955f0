import { describe, it, expect } from 'vitest';
import { nearestTrace, spanRows } from '../../src/analysis/trace-pick.js';
import type { RequestTrace, TraceSpan } from '../../src/output/trace-data.js';

const trace = (requestId: number, issuedMs: number, latencyMs: number, spans: TraceSpan[] = []): RequestTrace => ({
  requestId,
  why: ['sample'],
  client: 'users',
  route: '/',
  issuedMs,
  latencyMs,
  status: 'ok',
  spans,
});
const span = (id: number, parent: number, name: string, startMs: number, endMs: number): TraceSpan => ({
  id,
  parent,
  name,
  cat: 'work',
  component: 'app',
  startMs,
  endMs,
});

describe('nearestTrace(traces, tMs, latencyMs, bucketMs)', () => {
  const traces = [trace(1, 1000, 10), trace(2, 1100, 200), trace(3, 5000, 190), trace(4, 1200, 40)];

  it('picks the trace answered in the clicked bucket whose latency is nearest the point', () => {
    expect(nearestTrace(traces, 1000, 180, 1000)?.requestId).toBe(2);
    expect(nearestTrace(traces, 1000, 12, 1000)?.requestId).toBe(1);
    expect(nearestTrace(traces, 1000, 35, 1000)?.requestId).toBe(4);
  });

  it('prefers a trace in the bucket to one of the same latency far away in time', () => {
    expect(nearestTrace(traces, 5000, 195, 1000)?.requestId).toBe(3);
    expect(nearestTrace(traces, 1000, 195, 1000)?.requestId).toBe(2);
  });

  it('is undefined without traces', () => {
    expect(nearestTrace([], 0, 1, 1000)).toBeUndefined();
  });
});

describe('spanRows(trace)', () => {
  it('lists spans depth first, children by start time, with their depth', () => {
    const t = trace(1, 0, 10, [span(0, -1, 'request', 0, 10), span(1, 0, 'b', 5, 10), span(2, 0, 'a', 0, 5), span(3, 2, 'a1', 1, 2)]);
    expect(spanRows(t).map((r) => `${r.depth}:${r.span.name}`)).toEqual(['0:request', '1:a', '2:a1', '1:b']);
  });
});
