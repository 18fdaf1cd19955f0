import { describe, expect, it } from 'vitest';
import { scenarioRunner, series, stat } from './helpers.js';

const run = scenarioRunner('kafka-async');

describe('scenarios/kafka-async.yaml', () => {
  const kafka = run(),
    sync = run('sync');
  const sec = (r: typeof kafka, t: number) => Math.floor((t * 1000) / r.series.bucketMs);

  it("answers at enqueue: the burst barely moves the users' latency", () => {
    const burst = kafka.phases[1];
    expect(burst.name).toBe('burst');
    expect(burst.latencyMs.p99).toBeLessThan(40);
    expect(kafka.summary.failed).toBe(0);
  });

  it('grows the backlog during the burst and drains it afterwards', () => {
    const backlog = series(kafka, 'backlog', 'orders');
    expect(backlog[sec(kafka, 55)]).toBeLessThan(50);
    expect(backlog[sec(kafka, 89)]).toBeGreaterThan(2000);
    expect(backlog[sec(kafka, 178)]).toBeLessThan(50);
    expect((kafka.components.orders.backlog as { max: number }).max).toBeGreaterThan(2000);
    expect(stat(kafka, 'orders', 'enqueued') - stat(kafka, 'orders', 'processed')).toBeLessThan(10);
  });

  it('reports end-to-end latency (enqueue → processed) apart from the response latency', () => {
    const e2e = kafka.components.orders.endToEndMs as { mean: number; p99: number };
    expect(e2e.p99).toBeGreaterThan(10_000);
    expect(kafka.summary.latencyMs.p99).toBeLessThan(e2e.p99 / 100);
  });

  it('without the queue every user waits through the burst', () => {
    expect(sync.phases[1].latencyMs.p99).toBeGreaterThan(5000);
    expect(sync.summary.latencyMs.mean).toBeGreaterThan(kafka.summary.latencyMs.mean * 50);
  });
});
