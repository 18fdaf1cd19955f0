import { describe, expect, it } from 'vitest';
import { cost, scenarioRunner, series, stat } from './helpers.js';

const run = scenarioRunner('autoscaling');

describe('scenarios/autoscaling.yaml', () => {
  const slow = run(),
    fast = run('fast-provision'),
    fixed = run('fixed');
  const at = (r: typeof slow, s: number) => series(r, 'instances', 'app')[Math.floor((s * 1000) / r.series.bucketMs)];

  it('adds instances a provision time after the spike and removes them after it', () => {
    expect(at(slow, 110)).toBe(2);
    expect(at(slow, 150)).toBe(2); // decided at ~135 s, still provisioning
    expect(at(slow, 300)).toBeGreaterThanOrEqual(4);
    expect(stat(slow, 'app', 'peakInstances')).toBeGreaterThanOrEqual(5);
    expect(at(slow, 595)).toBeLessThan(stat(slow, 'app', 'peakInstances'));
  });

  it('fails requests while new instances provision; faster provisioning fails fewer; no autoscaling fails most', () => {
    const spike = (r: typeof slow) => r.phases.find((p) => p.name === 'spike')!;
    expect(spike(slow).failed).toBeGreaterThan(0);
    expect(spike(fast).failed).toBeLessThan(spike(slow).failed / 2);
    expect(spike(fixed).failed).toBeGreaterThan(spike(slow).failed * 2);
    expect(fixed.series.instances).toBeUndefined();
  });

  it('bills the extra instance-hours', () => {
    expect(cost(slow).run).toBeGreaterThan(cost(fixed).run * 1.5);
  });
});
