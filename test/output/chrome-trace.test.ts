import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/index.js';
import { runTraced } from '../../src/run/trace-run.js';
import { chromeTrace, traceLabel, type ChromeTraceEvent } from '../../src/output/chrome-trace.js';

const root = new URL('../..', import.meta.url).pathname;
const file = 'scenarios/request-trace.yaml';
const result = runTraced(loadScenario(readFileSync(join(root, file), 'utf8'), { file }));
/** The document as a file holds it: written and read back. */
const doc = JSON.parse(JSON.stringify(chromeTrace(result.traces ?? [], { title: result.title }))) as { traceEvents: ChromeTraceEvent[] };
const events = doc.traceEvents;
const complete = events.filter((e) => e.ph === 'X');
const meta = events.filter((e) => e.ph === 'M');

/** Pairs of X events on one thread that overlap without one holding the other. */
function crossings(list: ChromeTraceEvent[]): string[] {
  const eps = 1e-6;
  const byThread = new Map<string, ChromeTraceEvent[]>();
  for (const e of list) byThread.set(`${e.pid}/${e.tid}`, [...(byThread.get(`${e.pid}/${e.tid}`) ?? []), e]);
  const out: string[] = [];
  for (const [thread, es] of byThread) {
    // a stack of open events, by start then longest first: each next event must end inside the top
    const sorted = [...es].sort((a, b) => a.ts - b.ts || (b.dur as number) - (a.dur as number));
    const open: ChromeTraceEvent[] = [];
    for (const e of sorted) {
      while (open.length && (open.at(-1) as ChromeTraceEvent).ts + ((open.at(-1) as ChromeTraceEvent).dur as number) <= e.ts + eps)
        open.pop();
      const top = open.at(-1);
      if (top && e.ts + (e.dur as number) > top.ts + (top.dur as number) + eps) out.push(`${thread}: ${e.name} crosses ${top.name}`);
      open.push(e);
    }
  }
  return out;
}

describe('chromeTrace(traces)', () => {
  it('is a trace-event JSON object: traceEvents with name, ph, ts, pid, tid of the right types', () => {
    expect(Array.isArray(doc.traceEvents)).toBe(true);
    expect(complete.length).toBeGreaterThan(100);
    for (const e of events) {
      expect(typeof e.name).toBe('string');
      expect(['X', 'M']).toContain(e.ph);
      expect(Number.isFinite(e.ts) && e.ts >= 0).toBe(true);
      expect(Number.isInteger(e.pid) && e.pid > 0).toBe(true);
      expect(Number.isInteger(e.tid) && e.tid >= 0).toBe(true);
    }
    for (const e of complete) {
      expect(typeof e.cat).toBe('string');
      expect(Number.isFinite(e.dur) && (e.dur as number) >= 0, e.name).toBe(true);
      expect(typeof e.args).toBe('object');
    }
  });

  it('names every process (one per traced request) and every thread (one per component row) it draws on', () => {
    const pids = new Set(complete.map((e) => e.pid));
    expect(pids.size).toBe(result.traces?.length);
    const processNames = new Map(meta.filter((e) => e.name === 'process_name').map((e) => [e.pid, e.args?.name]));
    const threadNames = new Map(meta.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}/${e.tid}`, e.args?.name]));
    for (const e of complete) {
      expect(processNames.get(e.pid)).toBeTypeOf('string');
      expect(threadNames.get(`${e.pid}/${e.tid}`)).toMatch(new RegExp(`^${e.args?.component}( \\(\\d+\\))?$`));
    }
    const slowest = (result.traces ?? []).findIndex((t) => t.why.includes('slowest'));
    expect(processNames.get(slowest + 1)).toBe(traceLabel((result.traces ?? [])[slowest]));
    expect(processNames.get(slowest + 1)).toMatch(/^request #\d+ \/ · \d+\.\d ms · slowest/);
  });

  it('nests the X events of each thread (none overlaps another without holding it)', () => {
    expect(crossings(complete)).toEqual([]);
  });

  it('draws a retry reaching a server still busy with the abandoned attempt on a second thread of that server', () => {
    expect(meta.some((e) => e.name === 'thread_name' && e.args?.name === 'db (2)')).toBe(true);
  });

  it('keeps simulated time in µs: a request event lasts its latency × 1000', () => {
    const t = (result.traces ?? [])[0];
    const e = complete.find((x) => x.pid === 1 && x.cat === 'request') as ChromeTraceEvent;
    expect(e.ts).toBeCloseTo(t.issuedMs * 1000, 3);
    expect(e.dur).toBeCloseTo(t.latencyMs * 1000, 2);
  });

  it('finds crossings when there are some (the nesting check can fail)', () => {
    const a = { name: 'a', ph: 'X', ts: 0, dur: 10, pid: 1, tid: 1 } as const;
    expect(crossings([a, { ...a, name: 'b', ts: 5 }])).toEqual(['1/1: b crosses a']);
  });
});
