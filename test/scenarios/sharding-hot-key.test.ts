import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/index.js';
import { runScenario } from '../../src/run/run.js';

const text = readFileSync(new URL('../../scenarios/sharding-hot-key.yaml', import.meta.url), 'utf8');
const run = (variant?: string) => runScenario(loadScenario(text, { variant }));
const shards = (r: ReturnType<typeof run>) => r.components.db.shardUtilization as number[];

describe('scenarios/sharding-hot-key.yaml', () => {
  const uniform = run(),
    skewed = run('skewed'),
    range = run('skewed-range');

  it('uniform keys load the 4 shards evenly', () => {
    const u = shards(uniform);
    expect(u).toHaveLength(4);
    expect(Math.max(...u) - Math.min(...u)).toBeLessThan(0.05);
    expect(uniform.summary.failed).toBe(0);
  });

  it('skewed keys make a hot shard near saturation while the others idle, and the tail latency grows', () => {
    const u = shards(skewed);
    expect(Math.max(...u)).toBeGreaterThan(0.9);
    expect(Math.min(...u)).toBeLessThan(0.6);
    expect(skewed.summary.latencyMs.p99).toBeGreaterThan(2 * uniform.summary.latencyMs.p99);
    // same total work as with uniform keys
    expect(skewed.components.db.utilization).toBeCloseTo(uniform.components.db.utilization as number, 1);
  });

  it('range partitioning puts the popular keys on one shard, which saturates and fails requests', () => {
    const u = shards(range);
    expect(u[0]).toBeGreaterThan(0.99);
    expect(u.slice(1).every((x) => x < 0.1)).toBe(true);
    expect(range.summary.failures.timeout).toBeGreaterThan(0.3 * range.summary.requests);
  });
});
