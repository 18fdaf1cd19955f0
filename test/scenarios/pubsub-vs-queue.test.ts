import { describe, expect, it } from 'vitest';
import { scenarioRunner, stat } from './helpers.js';

const run = scenarioRunner('pubsub-vs-queue');

describe('scenarios/pubsub-vs-queue.yaml', () => {
  const push = run(),
    durable = run('durable');

  it('a topic loses every message pushed to the subscriber while it is down', () => {
    const lost = stat(push, 'orderPlaced', 'lost');
    // down 60 s of 180 at 50/s: about 3,000 messages
    expect(lost).toBeGreaterThan(2700);
    expect(lost).toBeLessThan(3300);
    expect(Math.abs(lost - stat(push, 'email', 'refused'))).toBeLessThan(10);
    // every copy is delivered or lost (a few may still be on their way at the end)
    expect(stat(push, 'orderPlaced', 'delivered') + lost).toBeGreaterThan(2 * stat(push, 'orderPlaced', 'published') - 10);
  });

  it('a queue per subscriber stores the messages through the outage and delivers all of them after', () => {
    expect(stat(durable, 'orderPlaced', 'lost')).toBe(0);
    expect(stat(durable, 'emailQueue', 'enqueued') - stat(durable, 'emailQueue', 'processed')).toBeLessThan(5);
    expect(stat(durable, 'emailQueue', 'deadLetters')).toBe(0);
    expect(stat(durable, 'emailQueue', 'redeliveries')).toBeGreaterThan(0);
    expect((durable.components.emailQueue.endToEndMs as { p99: number }).p99).toBeGreaterThan(30_000);
  });

  it('publishers never notice either way', () => {
    expect(push.summary.failed).toBe(0);
    expect(durable.summary.failed).toBe(0);
  });
});
