import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/index.js';
import { runScenario } from '../../src/run/run.js';

const text = readFileSync(new URL('../../scenarios/rate-limiting.yaml', import.meta.url), 'utf8');
const run = (variant?: string) => runScenario(loadScenario(text, { variant }));
const phase = (r: ReturnType<typeof run>, name: string) => r.phases.find((p) => p.name === name)!;

describe('scenarios/rate-limiting.yaml', () => {
  const token = run(),
    leaky = run('leaky-bucket');

  it('lets steady traffic below the limit through untouched', () => {
    for (const r of [token, leaky]) expect(phase(r, 'steady').failed).toBe(0);
  });

  it('clips the burst to about 100/s (plus the bucket) and throttles the rest with 429', () => {
    for (const r of [token, leaky]) {
      const burst = phase(r, 'burst');
      expect(burst.failures.throttled).toBe(burst.failed);
      expect(burst.completed).toBeGreaterThan(1000);
      expect(burst.completed).toBeLessThan(1000 + 50 + 100);
    }
  });

  it('token bucket admits without waiting; leaky bucket makes admitted requests wait for their turn', () => {
    expect(token.components.limiter.waitMs.p99).toBe(0);
    expect(leaky.components.limiter.waitMs.p99).toBeGreaterThan(400); // a full queue of 50 at 100/s
    expect(phase(leaky, 'burst').latencyMs.mean).toBeGreaterThan(phase(token, 'burst').latencyMs.mean + 200);
  });

  it('leaky bucket smooths the stream: the API queues less than under the token bucket burst', () => {
    expect(leaky.components.api.queueLength.max).toBeLessThan(token.components.api.queueLength.max);
  });
});
