import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/index.js';
import { runScenario } from '../../src/run/run.js';

const text = readFileSync(new URL('../../scenarios/cdn-offload.yaml', import.meta.url), 'utf8');
const run = (variant?: string) => runScenario(loadScenario(text, { variant }));

describe('scenarios/cdn-offload.yaml', () => {
  const origin = run(),
    cdn = run('+cdn');

  it('without a CDN every request pays the 160 ms round trip to the origin', () => {
    expect(origin.summary.latencyMs.p50).toBeGreaterThan(160);
  });

  it('the edge answers most static requests: the median drops to the edge round trip', () => {
    const edge = cdn.components.edge;
    expect(edge.hitRatio).toBeGreaterThan(0.85);
    expect(cdn.summary.latencyMs.p50).toBeLessThan(20);
    expect(cdn.summary.latencyMs.mean).toBeLessThan(origin.summary.latencyMs.mean / 2);
  });

  it('offloads the origin: it sees only misses and API calls, and the bytes of every hit stay at the edge', () => {
    const edge = cdn.components.edge;
    expect(cdn.components.origin.arrivals).toBe(edge.originRequests);
    expect(cdn.components.origin.arrivals).toBeLessThan(0.35 * origin.components.origin.arrivals);
    expect(cdn.components.origin.utilization).toBeLessThan(origin.components.origin.utilization / 2);
    expect(edge.bytesOffloaded).toBe(((edge.hits as number) + (edge.collapsed as number)) * 150_000);
  });
});
