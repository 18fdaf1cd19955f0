import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listVariants, loadScenario, parseScenarioText } from '../../src/scenario/index.js';
import { runScenario } from '../../src/run/run.js';
import { MAX_TRACES, runTraced, tracePicks } from '../../src/run/trace-run.js';
import { LatencyWatch } from '../../src/engine/trace.js';
import { clippedSpans } from '../../src/output/chrome-trace.js';
import type { RequestTrace, TraceSpan } from '../../src/output/trace-data.js';
import type { RunResult } from '../../src/run/result.js';

const root = new URL('../..', import.meta.url).pathname;
const load = (file: string, opts: { duration?: string; variant?: string } = {}) =>
  loadScenario(readFileSync(join(root, file), 'utf8'), { file, ...opts });
/** A result without what differs between two identical runs (wall time) and the traces. */
const comparable = ({ wallMs: _w, traces: _t, ...rest }: RunResult) => JSON.stringify(rest);

/** The children of span `s` in trace `t`, clipped as the waterfall draws them, by start. */
const childrenOf = (spans: TraceSpan[], s: TraceSpan) =>
  spans
    .filter((c) => c.parent === s.id)
    .map((c) => ({ ...c, endMs: Math.min(c.endMs, s.endMs) }))
    .sort((a, b) => a.startMs - b.startMs || a.id - b.id);

/** Where the children of a span leave a gap or overlap, as "name: [a, b] after b'". */
function tilingFaults(t: RequestTrace): string[] {
  const spans = clippedSpans(t);
  const faults: string[] = [];
  for (const s of spans) {
    const kids = childrenOf(spans, s);
    if (!kids.length) continue;
    let at = s.startMs;
    for (const k of kids) {
      if (k.startMs !== at) faults.push(`${s.name} → ${k.name} starts at ${k.startMs}, expected ${at}`);
      at = k.endMs;
    }
    if (at !== s.endMs) faults.push(`${s.name} ends at ${s.endMs}, its children at ${at}`);
  }
  return faults;
}

describe('request traces', () => {
  const scenario = load('scenarios/request-trace.yaml');
  const traced = runTraced(scenario);
  const traces = traced.traces ?? [];

  it('leaves the run event for event as it is without tracing (tracing draws nothing)', () => {
    expect(comparable(traced)).toBe(comparable(runScenario(scenario)));
  });

  it('leaves every bundled scenario and variant unchanged by tracing', () => {
    for (const f of readdirSync(join(root, 'scenarios')).filter((x) => x.endsWith('.yaml'))) {
      const file = `scenarios/${f}`;
      // 15 s of measured time keeps 19 scenarios and their variants quick
      const duration = `${load(file).warmup / 1000 + 15}s`;
      for (const variant of [undefined, ...listVariants(parseScenarioText(readFileSync(join(root, file), 'utf8'), file).raw)]) {
        const s = load(file, { duration, variant });
        const r = runTraced(s, {}, { sample: 10 });
        const name = `${f} ${variant ?? ''}`;
        expect(comparable(r), name).toBe(comparable(runScenario(s)));
        expect(r.traces?.length, name).toBeGreaterThan(0);
        for (const t of r.traces ?? []) {
          if (t.status !== 'in flight') expect(t.spans[0].endMs - t.spans[0].startMs, `${name} #${t.requestId}`).toBe(t.latencyMs);
          expect(t.spans.every((x) => x.endMs >= x.startMs && x.parent < x.id)).toBe(true);
        }
      }
    }
  });

  it('traces the slowest request: its request span is the run’s maximum latency', () => {
    const slowest = traces.find((t) => t.why.includes('slowest')) as RequestTrace;
    expect(slowest.status).toBe('ok');
    expect(Math.round(slowest.latencyMs * 1000) / 1000).toBe(traced.summary.latencyMs.max);
    for (const t of traces) if (t.status === 'ok') expect(t.latencyMs).toBeLessThanOrEqual(slowest.latencyMs);
  });

  it('traces the request at the 99th percentile, within the histogram’s 0.8% of the reported p99', () => {
    const p99 = traces.find((t) => t.why.includes('p99')) as RequestTrace;
    expect(Math.abs(p99.latencyMs / traced.summary.latencyMs.p99 - 1)).toBeLessThan(0.008);
  });

  it('samples 20 requests spread over the measured interval, the same ones for the same seed', () => {
    const sampled = traces.filter((t) => t.why.includes('sample'));
    expect(sampled).toHaveLength(20);
    const issued = sampled.map((t) => t.issuedMs);
    // one per 1/20 of the 25 s measured: none in the 5 s warm-up, every 5 s stretch covered
    expect(Math.min(...issued)).toBeGreaterThanOrEqual(5000);
    for (let a = 5000; a < 30_000; a += 5000)
      expect(
        issued.some((t) => t >= a && t < a + 5000),
        `${a} ms`,
      ).toBe(true);
    expect(runTraced(scenario).traces?.map((t) => t.requestId)).toEqual(traces.map((t) => t.requestId));
    expect(runTraced(load('scenarios/request-trace.yaml'), {}, {}).traces?.length).toBe(traces.length);
  });

  it('follows a request through cache miss → pool wait → database → timeout → retry, whose spans tile its latency', () => {
    const hasPath = (t: RequestTrace) => {
      const names = t.spans.map((s) => s.name);
      return (
        names.includes('cache · miss') &&
        names.includes('db · pool wait') &&
        t.spans.some((s) => s.cat === 'attempt' && s.status === 'timeout') &&
        t.spans.some((s) => s.name === 'attempt 2 → db' && s.status === 'ok')
      );
    };
    const t = traces.find(hasPath) as RequestTrace;
    expect(t, 'a traced request with a miss, a pool wait, a timed-out attempt and a retry').toBeDefined();
    const root = t.spans[0];
    expect(root.cat).toBe('request');
    expect(root.endMs - root.startMs).toBe(t.latencyMs);
    expect(tilingFaults(t)).toEqual([]);
    // the path, in order of time: call app, app's service, call cache, miss, attempts to db, the retry's pool wait and query
    const order = [
      '→ app',
      'app · service',
      '→ cache',
      'cache · miss',
      '→ db',
      'attempt 1 → db',
      'backoff',
      'attempt 2 → db',
      'db · query',
    ];
    const at = order.map((n) => t.spans.findIndex((s) => s.name === n));
    expect(
      at.every((i) => i >= 0),
      JSON.stringify(at),
    ).toBe(true);
    const timeout = t.spans.find((s) => s.name === 'attempt 1 → db') as TraceSpan;
    expect(timeout.endMs - timeout.startMs).toBe(80); // the link's timeout
  });

  it('has spans that tile their parents in every traced request of the scenario', () => {
    for (const t of traces) expect(tilingFaults(t), `#${t.requestId}`).toEqual([]);
  });

  it('keeps the result bounded: at most MAX_TRACES traces whatever the sample asks', () => {
    const r = runTraced(scenario, {}, { sample: 0.9 });
    expect(r.traces?.length).toBe(MAX_TRACES);
    expect(JSON.stringify(r.traces).length).toBeLessThan(3_000_000);
  });

  it('picks nothing but the sample when no request was answered', () => {
    const w = new LatencyWatch();
    expect(tracePicks(w, 1).size).toBe(0);
  });
});
