import { describe, expect, it } from 'vitest';
import { compare, replicateLab } from '../../scripts/monolith-lab-table.js';
import { scenarioRunner, stat } from './helpers.js';

const run = scenarioRunner('monolith-lab');

describe('scenarios/monolith-lab.yaml reproduces the lab’s Locust table', () => {
  const runs = replicateLab(10);

  for (const { m, mean, halfWidth, error } of compare(runs).filter((c) => c.m.isBound))
    it(`${m.variant ? `[${m.variant}] ` : ''}${m.label}: ${m.value} measured, ${mean.toFixed(1)} ± ${halfWidth.toFixed(1)} simulated (10 runs), within 15 %`, () => {
      expect(Math.abs(error)).toBeLessThan(0.15);
    });

  it('the warm-up gives each route exactly one slow request: its first, the max', () => {
    for (const r of runs.get(undefined) ?? []) {
      expect(stat(r, 'app', 'coldRequests')).toBe(3);
      const slow = r.histogram.filter(([lo]) => lo >= 1500).reduce((a, [, , n]) => a + n, 0);
      expect(slow).toBe(3);
      for (const s of Object.values(r.routes)) {
        expect(s.latencyMs.max).toBeGreaterThan(1800);
        expect(s.latencyMs.p90).toBeLessThan(500);
      }
    }
  });

  it('the checkout bug fails /events as often as /checkout; split, /events never fails', () => {
    const bug = run('checkout-bug'),
      split = run('split');
    expect(stat(bug, 'app', 'crashes')).toBeGreaterThan(0);
    expect(bug.routes['/events'].failures.error).toBeGreaterThan(0);
    expect(bug.routes['/events'].failed).toBe(bug.routes['/checkout'].failed);
    expect(stat(split, 'checkout', 'crashes')).toBeGreaterThan(0);
    expect(split.routes['/checkout'].failed).toBeGreaterThan(0);
    expect(split.routes['/events'].failed).toBe(0);
    expect(split.routes['/my-events'].failed).toBe(0);
  });
});
