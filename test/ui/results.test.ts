import { describe, expect, it } from 'vitest';
import { change, chartSpecs, eventLabel } from '../../src/ui/results.js';
import type { RunResult } from '../../src/worker/api.js';

describe('results', () => {
  it('change(row, value, base): the arrow follows the figure, the tone says better or worse for it', () => {
    const throughput = { isWorseUp: false },
      latency = { isWorseUp: true };
    expect(change(throughput, 303, 100)).toEqual({ text: '+203%', arrow: '▲', tone: 'better', words: 'up 203%, better' });
    expect(change(throughput, 50, 100)).toMatchObject({ arrow: '▼', tone: 'worse' });
    expect(change(latency, 150, 100)).toMatchObject({ text: '+50%', arrow: '▲', tone: 'worse' });
    expect(change(latency, 50, 100)).toMatchObject({ text: '−50%', arrow: '▼', tone: 'better' });
    expect(change(latency, 100, 100)).toEqual({ text: '±0%', arrow: '', tone: '', words: 'unchanged' });
    expect(change(latency, 5, undefined)).toEqual({ text: '', arrow: '', tone: '', words: '' });
    // the number of requests is neither better nor worse: an arrow, no tone
    expect(change({}, 90, 100)).toEqual({ text: '−10%', arrow: '▼', tone: '', words: 'down 10%' });
  });

  it('eventLabel(event) names what happens to what: "kill app #2", "slow db ×3", "set users.rate"', () => {
    expect(
      [
        { at: 1, action: 'kill', target: 'app', instance: 2 },
        { at: 1, action: 'slow', target: 'db', factor: 3 },
        { at: 1, action: 'set', target: 'users', param: 'rate', value: 5 },
        { at: 1, action: 'restore', target: 'app' },
      ].map((e) => eventLabel(e as never)),
    ).toEqual(['kill app #2', 'slow db ×3', 'set users.rate', 'restore app']);
  });

  it('chartSpecs(run, base, xMax, events) marks the events on the time charts only', () => {
    const events = [{ at: 60_000, label: 'kill app #1' }];
    const specs = chartSpecs(undefined, undefined, 120_000, events);
    expect(specs.map((s) => s.events ?? [])).toEqual([events, events, []]);
    expect(
      chartSpecs(
        { series: { t: [], p50: [], p95: [], p99: [], throughputRps: [], errorsPerSec: [] } } as unknown as RunResult,
        undefined,
      )[0].events,
    ).toEqual([]);
  });
});
