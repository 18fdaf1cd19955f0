import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/index.js';
import { runScenario } from '../../src/run/run.js';

const text = readFileSync(new URL('../../scenarios/read-replicas.yaml', import.meta.url), 'utf8');
const run = (variant?: string) => runScenario(loadScenario(text, { variant }));

describe('scenarios/read-replicas.yaml', () => {
  const single = run(),
    replicas = run('+replicas'),
    slow = run('+slow-replication'),
    primary = run('+read-primary');

  it('one server saturates at about its capacity of 800 queries/s and the rest time out', () => {
    expect(single.components.db.utilization).toBeGreaterThan(0.99);
    expect(single.summary.throughputRps).toBeLessThan(850);
    expect(single.summary.failures.timeout).toBeGreaterThan(0.4 * single.summary.requests);
  });

  it('two read replicas serve the whole load with short latency', () => {
    expect(replicas.summary.failed).toBe(0);
    expect(replicas.summary.throughputRps).toBeCloseTo(1500, -2);
    expect(replicas.summary.latencyMs.mean).toBeLessThan(30);
    expect(replicas.components.db.utilization).toBeLessThan(0.8);
  });

  it('replicas return stale reads, many more with a long replication lag', () => {
    expect(replicas.components.db.staleReads).toBeGreaterThan(0);
    expect(slow.components.db.staleReads).toBeGreaterThan(4 * (replicas.components.db.staleReads as number));
    expect(slow.summary.latencyMs.mean).toBeCloseTo(replicas.summary.latencyMs.mean, 5); // lag costs freshness, not speed
  });

  it('reading from the primary only is never stale but does not scale', () => {
    expect(primary.components.db.staleReads).toBe(0);
    expect(primary.summary.throughputRps).toBeLessThan(850);
  });
});
