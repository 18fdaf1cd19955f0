import { describe, expect, it } from 'vitest';
import { scenarioRunner, stat } from './helpers.js';

const run = scenarioRunner('health-checks');

describe('scenarios/health-checks.yaml', () => {
  const none = run(),
    checked = run('health-check'),
    lc = run('least-connections');
  const afterKill = (r: typeof none) => r.summary.requests * (90 / 120);

  it('without health checks a third of the traffic keeps failing after the instance dies', () => {
    expect(none.summary.failures.error / afterKill(none)).toBeCloseTo(1 / 3, 1);
    // refused on arrival, plus the few it held when it died
    expect(none.summary.failed - stat(none, 'app', 'refused')).toBeLessThan(20);
  });

  it('health checks take the dead instance out within interval × unhealthyAfter + timeout', () => {
    expect(stat(checked, 'lb', 'markedDown')).toBe(1);
    // 150/s × ⅓ for at most 11 s ≈ 550 errors
    expect(checked.summary.failed).toBeGreaterThan(0);
    expect(checked.summary.failed).toBeLessThan(600);
    const share = checked.components.lb.share as Record<string, number>;
    expect(share['app#2']).toBeLessThan(0.15);
  });

  it('least-connections without health checks sends the dead instance more than its share', () => {
    expect(lc.summary.failures.error / afterKill(lc)).toBeGreaterThan(0.4);
  });
});
