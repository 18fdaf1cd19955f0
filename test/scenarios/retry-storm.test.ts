import { describe, expect, it } from 'vitest';
import { scenarioRunner } from './helpers.js';

const run = scenarioRunner('retry-storm');
const calls = (r: ReturnType<typeof run>) => (r.components.users.calls as Record<string, Record<string, number>> | undefined)?.app;

describe('scenarios/retry-storm.yaml', () => {
  const storm = run(),
    plain = run('no-retries'),
    careful = run('backoff-breaker');
  const afterPhase = (r: typeof storm) => r.phases.find((p) => p.name === 'after')!;

  it('is healthy before the slowdown in every variant', () => {
    for (const r of [storm, plain, careful]) expect(r.phases[0].errorRate).toBeLessThan(0.01);
  });

  it('immediate retries multiply the load and keep the service down long after the slowdown ends', () => {
    const c = calls(storm)!;
    expect(c.attempts / storm.summary.requests).toBeGreaterThan(3);
    expect(c.retries).toBe(c.attempts - storm.summary.requests);
    expect(afterPhase(storm).errorRate).toBeGreaterThan(0.9);
  });

  it('without retries the service recovers once the slowdown ends', () => {
    expect(calls(plain)).toBeUndefined();
    expect(afterPhase(plain).errorRate).toBeLessThan(0.2);
  });

  it('backoff with jitter and a circuit breaker fail fast and recover sooner still', () => {
    const c = calls(careful)!;
    expect(c.breakerOpens).toBeGreaterThan(0);
    expect(c.shortCircuited).toBe(careful.summary.failures.error);
    expect(afterPhase(careful).errorRate).toBeLessThan(afterPhase(plain).errorRate);
  });
});
