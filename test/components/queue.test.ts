import { describe, expect, it } from 'vitest';
import { num, runYaml } from './run-yaml.js';

const q = (params: string, worker = 'serviceTime: 10ms', client = 'rate: 50/s', events = '') =>
  runYaml(`
duration: 20s
components:
  users: { kind: client, ${client} }
  q: { kind: queue, ${params} }
  worker: { kind: service, workers: 100, ${worker} }
links:
  - { from: users, to: q }
  - { from: q, to: worker }
${events}`);

describe('queue', () => {
  it("answers the producer when the message is stored, excluding the consumer's work", () => {
    const r = q('enqueueTime: 3ms, consumers: 100', 'serviceTime: 500ms');
    expect(r.summary.latencyMs.max).toBe(3);
    const e2e = r.components.q.endToEndMs as { p50: number };
    expect(e2e.p50).toBeGreaterThanOrEqual(500);
    expect(num(r, 'q', 'processed')).toBeGreaterThan(0.9 * num(r, 'q', 'enqueued'));
  });

  it('reads each partition with one consumer: more consumers than partitions sit idle', () => {
    const one = q('consumers: 4, partitions: 1', 'serviceTime: 10ms', 'rate: 50/s');
    const shared = q('consumers: 4, partitions: 0', 'serviceTime: 10ms', 'rate: 50/s');
    const oneWait = (one.components.q.waitMs as { mean: number }).mean;
    // one partition keeps all 50/s × 10 ms on one consumer: an M/D/1 queue at ρ = 0.5,
    // mean wait ρS / 2(1 − ρ) = 5 ms (±25% for a 20 s run); four shared consumers barely queue
    expect(oneWait).toBeGreaterThan(3.75);
    expect(oneWait).toBeLessThan(6.25);
    expect(oneWait).toBeGreaterThan((shared.components.q.waitMs as { mean: number }).mean * 3);
  });

  it('builds a backlog when consumers cannot keep up, and reports it over time', () => {
    const r = q('consumers: 1', 'serviceTime: 40ms', 'rate: 50/s');
    const backlog = (r.series.backlog as Record<string, number[]>).q;
    expect(backlog[backlog.length - 1]).toBeGreaterThan(backlog[2]);
    expect(num(r, 'q', 'lag')).toBeGreaterThan(100);
  });

  it('rejects producers beyond capacity', () => {
    const r = q('consumers: 1, capacity: 10', 'serviceTime: 1s');
    expect(num(r, 'q', 'dropped')).toBeGreaterThan(0);
    expect(r.summary.failures.rejected).toBe(num(r, 'q', 'dropped'));
  });

  it('redelivers after the visibility timeout and dead-letters after maxReceives', () => {
    const r = q(
      'consumers: 1, visibilityTimeout: 100ms, maxReceives: 3',
      'serviceTime: 10ms',
      'users: 1, iterations: 5',
      `events:
  - { at: 0s, action: kill, target: worker }`,
    );
    expect(num(r, 'q', 'deadLetters')).toBe(5);
    expect(num(r, 'q', 'deliveries')).toBe(15);
    expect(num(r, 'q', 'redeliveries')).toBe(10);
  });

  describe('timeline: instance n is consumer n', () => {
    it('piles messages up in the backlog while its consumers are killed, and works through them once restored', () => {
      // 50/s and one consumer killed for 5 s: 250 messages wait, the producers never notice
      const r = q(
        'consumers: 1',
        'serviceTime: 10ms',
        'rate: 50/s, arrival: uniform',
        `events:
  - { at: 5s, action: kill, target: q }
  - { at: 10s, action: restore, target: q }`,
      );
      expect(r.summary.failed).toBe(0);
      expect(r.summary.latencyMs.max).toBe(1);
      const backlog = r.components.q.backlog as { max: number; afterDrain: number };
      expect(backlog.max).toBe(250);
      expect(backlog.afterDrain).toBe(0);
      expect(num(r, 'q', 'processed')).toBe(num(r, 'q', 'enqueued'));
      // the first message stored in the outage waited all 5 s of it
      expect((r.components.q.endToEndMs as { p99: number }).p99).toBeGreaterThan(4500);
    });

    it('delivers the message a killed consumer held again when its visibility timeout ends', () => {
      // delivered at 1 ms, lost at 500 ms, visible again at 5 001 ms, processed for 1 s: 6 s end to end, the work done twice
      const r = q(
        'consumers: 1, visibilityTimeout: 5s',
        'serviceTime: 1s',
        'users: 1, iterations: 1',
        `events:
  - { at: 500ms, action: kill, target: q, instance: 1 }
  - { at: 600ms, action: restore, target: q, instance: 1 }`,
      );
      expect(num(r, 'q', 'deliveries')).toBe(2);
      expect(num(r, 'q', 'redeliveries')).toBe(1);
      expect(num(r, 'q', 'processed')).toBe(1);
      expect(num(r, 'worker', 'arrivals')).toBe(2);
      expect((r.components.q.endToEndMs as { mean: number }).mean).toBe(6000);
    });

    it('keeps delivering with the consumers left when one of them is killed', () => {
      const r = q(
        'consumers: 2',
        'serviceTime: 10ms',
        'rate: 50/s, arrival: uniform',
        `events:
  - { at: 0s, action: kill, target: q, instance: 2 }`,
      );
      expect(num(r, 'q', 'processed')).toBe(num(r, 'q', 'enqueued'));
      expect((r.components.q.backlog as { max: number }).max).toBe(0);
      // one consumer does all the work: 10 ms per 20 ms is half of one, a quarter of two
      expect(num(r, 'q', 'utilization')).toBeCloseTo(0.25, 2);
    });

    it('slow multiplies the time from delivery to acknowledgement by factor', () => {
      const r = q(
        'consumers: 1',
        'serviceTime: 10ms',
        'rate: 20/s, arrival: uniform',
        `events:
  - { at: 0s, action: slow, target: q, factor: 3 }`,
      );
      expect((r.components.q.endToEndMs as { mean: number }).mean).toBe(30);
      // 30 ms of every 50 ms
      expect(num(r, 'q', 'utilization')).toBeCloseTo(0.6, 2);
    });

    it('refuses instance numbers beyond its consumers', () => {
      expect(() =>
        q(
          'consumers: 2',
          'serviceTime: 10ms',
          'rate: 10/s',
          `events:
  - { at: 1s, action: kill, target: q, instance: 3 }`,
        ),
      ).toThrow('q has 2 instances, so instance 3 does not exist');
    });
  });
});
