import { describe, expect, it } from 'vitest';
import { scenarioRunner, stat } from './helpers.js';

const run = scenarioRunner('monolith-crash');

describe('scenarios/monolith-crash.yaml', () => {
  const mono = run(),
    split = run('split');

  it('a /checkout bug crashes the monolith and every route fails while it restarts', () => {
    expect(stat(mono, 'app', 'crashes')).toBeGreaterThan(2);
    // /checkout is 10% of traffic, yet far more than 10% of … all failures are errors of every route
    expect(mono.summary.failures.error).toBe(mono.summary.failed);
    expect(mono.summary.errorRate).toBeGreaterThan(0.05);
    expect(stat(mono, 'app', 'refused')).toBeGreaterThan(mono.summary.failed * 0.5);
  });

  it('splitting /checkout into its own service keeps /events and /my-events up', () => {
    expect(stat(split, 'checkout', 'crashes')).toBeGreaterThan(2);
    expect(split.components.events.failed).toBe(0);
    // only checkout traffic (10%) can fail now
    expect(split.summary.errorRate).toBeLessThan(0.1);
    expect(split.summary.errorRate).toBeLessThan(mono.summary.errorRate / 3);
  });
});
