import { describe, expect, it } from 'vitest';
import { num, runYaml } from './run-yaml.js';

describe('pubsub', () => {
  const topic = (events = '', filter = '') =>
    runYaml(`
components:
  users: { kind: client, users: 1, iterations: 100, thinkTime: 100ms, routes: { /a: 1, /b: 1 } }
  topic: { kind: pubsub, publishTime: 2ms }
  s1: { kind: service, serviceTime: 1ms }
  s2: { kind: service, serviceTime: 1ms }
links:
  - { from: users, to: topic }
  - { from: topic, to: s1 }
  - { from: topic, to: s2${filter} }
${events}`);

  it('pushes every message to every subscriber and answers the publisher after publishTime', () => {
    const r = topic();
    expect(num(r, 'topic', 'delivered')).toBe(200);
    expect(num(r, 's1', 'arrivals')).toBe(100);
    expect(r.summary.latencyMs.max).toBe(2);
  });

  it('loses messages pushed to a down subscriber, with no retry', () => {
    const r = topic(`events:\n  - { at: 0s, action: kill, target: s2 }`);
    expect(num(r, 'topic', 'lost')).toBe(100);
    expect(num(r, 'topic', 'delivered')).toBe(100);
    expect(r.summary.failed).toBe(0);
  });

  it("honours a subscription's route filter", () => {
    const r = topic('', ', routes: [/a]');
    expect(num(r, 's2', 'arrivals')).toBeGreaterThan(30);
    expect(num(r, 's2', 'arrivals')).toBeLessThan(70);
  });
});
