import { describe, expect, it } from 'vitest';
import { readField, fieldPlaceholder, fieldText } from '../../src/ui/fields.js';
import { formatDeclared, formatStat } from '../../src/kinds/format-stat.js';
import { kinds } from '../../src/kinds/index.js';
import { delta, ms } from '../../src/ui/format.js';
import { nines, percentilePoints } from '../../src/ui/charts.js';

const svc = kinds.service.params;

describe('inspector fields', () => {
  it('accepts values with units and refuses out-of-range ones with the validator message', () => {
    expect(readField(svc.serviceTime, ' exp(5ms) ')).toEqual({ ok: true, value: 'exp(5ms)' });
    expect(readField(svc.workers, '4')).toEqual({ ok: true, value: 4 });
    expect(readField(svc.workers, '0')).toEqual({ ok: false, message: 'expected an integer between 1 and 100000, got 0' });
    expect(readField(kinds.client.params.rate, '100/s')).toEqual({ ok: true, value: '100/s' });
    expect(readField(svc.workers, '')).toEqual({ ok: true, value: undefined });
  });

  it('edits nested parameters as YAML', () => {
    expect(readField(kinds.client.params.keys, '{count: 10, skew: 0.9}')).toEqual({ ok: true, value: { count: 10, skew: 0.9 } });
    expect(fieldText(kinds.client.params.routes, { '/a': 1 })).toBe('{ /a: 1 }');
  });

  it('shows the defaults of an optional block, which is off when absent', () => {
    expect(fieldPlaceholder(svc.autoscale)).toBe(
      'off; when set, defaults {min: 1, max: 10, targetUtilization: 0.7, interval: 15s, provisionTime: 30s, cooldown: 5m}',
    );
    expect(fieldPlaceholder(svc.workers)).toBe('1');
  });
});

describe('formatting and percentiles', () => {
  it('formats every statistic unit the kinds declare, summaries and costs included', () => {
    expect(formatStat({ mean: 4.2, p50: 3, p99: 21 }, 'summary-ms')).toBe('4.20 ms (p99 21.0 ms)');
    expect(formatStat({ run: 0.0123, perMonth: 30.37 }, 'cost')).toBe('$0.0123 ($30.37/month)');
    expect([formatStat(0.853, 'ratio'), formatStat(2022, 'count'), formatStat(12.5, 'ms'), formatStat('closed', 'text')]).toEqual([
      '85%',
      '2,022',
      '12.5 ms',
      'closed',
    ]);
    expect([formatStat(undefined, 'ms'), formatStat({}, 'summary-ms'), formatStat(Number.NaN, 'count')]).toEqual(['—', '—', '—']);
    expect(formatDeclared({ '/a': 0.25, '/b': 0.75 }, { unit: 'ratio', per: 'route' })).toBe('/a 25% · /b 75%');
    expect(formatDeclared({ a: 1, b: 2, c: 3 }, { unit: 'count', per: 'target' }, 2)).toBe('a 1 · b 2 · +1 more');
  });

  it('formats latencies and deltas', () => {
    expect([ms(0.5), ms(57.4), ms(234), ms(1520)]).toEqual(['0.50 ms', '57.4 ms', '234 ms', '1.52 s']);
    expect([delta(110, 100), delta(50, 100), delta(100, 100), delta(2000, 100)]).toEqual(['+10%', '−50%', '±0%', '+19×']);
  });

  it('places percentiles on a log 1/(1−p) axis', () => {
    expect(nines(0.99)).toBeCloseTo(2);
    const pts = percentilePoints([
      [0, 1, 90],
      [1, 2, 9],
      [2, 4, 1],
    ]);
    expect(pts.map((p) => +p[0].toFixed(2))).toEqual([1, 2, 2.3]);
    expect(pts.at(-1)![1]).toBe(4);
  });
});
