import { describe, expect, it } from 'vitest';
import { detailCharts, detailRows } from '../../src/ui/detail.js';
import { kinds } from '../../src/kinds/index.js';
import type { RunResult } from '../../src/worker/api.js';

const stats = {
  kind: 'service',
  arrivals: 1200,
  completed: 1190,
  failed: 10,
  inFlight: 0,
  utilization: 0.65,
  queueLength: { mean: 3.2, max: 40 },
  waitMs: { mean: 4.2, p50: 3, p99: 21 },
  latencyMs: { mean: 12, p50: 10, p99: 40 },
  cost: { run: 0.0123, perMonth: 30.37 },
  peakInstances: 4,
};

describe('component detail', () => {
  it('detailRows(kind, stats) lists the common statistics, then the declared ones, each with unit words and help', () => {
    const rows = detailRows(kinds.service, stats);
    expect(rows.map((r) => [r.label, r.value])).toEqual([
      ['Arrivals', '1,200'],
      ['Completed', '1,190'],
      ['Failed', '10'],
      ['In flight', '0'],
      ['Queue length', '3.2 (max 40)'],
      ['Wait', '4.20 ms (p99 21.0 ms)'],
      ['Latency', '12.0 ms (p99 40.0 ms)'],
      ['Utilisation', '65%'],
      ['Peak instances', '4'],
      ['Cost', '$0.0123 ($30.37/month)'],
    ]);
    const cost = rows.find((r) => r.key === 'cost')!;
    expect([cost.unit, cost.help]).toEqual(['run (per month)', kinds.service.stats.cost.help]);
  });

  it('detailCharts(kind, id, run, events) charts each declared series the run reported for that component', () => {
    const r = { series: { t: [0, 1000, 2000], instances: { app: [2, 3, 4] } } } as unknown as RunResult;
    const events = [{ at: 1000, label: 'kill app #1' }];
    const [chart, ...rest] = detailCharts(kinds.service, 'app', r, events, 3000);
    expect(rest).toEqual([]);
    expect([chart.title, chart.yLabel, chart.xMax, chart.events, chart.help]).toEqual([
      'Instances of app',
      'instances (count)',
      3000,
      events,
      kinds.service.series!.instances.help,
    ]);
    expect(chart.series[0].points).toEqual([
      [0, 2],
      [1000, 3],
      [2000, 4],
    ]);
    expect(detailCharts(kinds.service, 'other', r, [])).toEqual([]);
    expect(detailCharts(kinds.cache, 'app', r, [])).toEqual([]);
  });
});
