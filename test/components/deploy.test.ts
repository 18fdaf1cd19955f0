/**
 * The timeline's planned changes on a service: `deploy` (rolling with
 * maxUnavailable / maxSurge, recreate) and `resize` (vertical scaling). A
 * saturated service shows capacity directly: its throughput is what its
 * serving workers can do.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import { resolveTimeline, timelineHook } from '../../src/timeline/events.js';
import { kinds } from '../../src/kinds/index.js';
import { num, runYaml } from './run-yaml.js';
import type { RunResult } from '../../src/run/result.js';

/** 4 instances × 1 worker × 10 ms = 400 req/s, offered 1,000/s: it runs flat out; phase "during" is the deploy's 80 s. */
const saturated = (events: string, extra = '') => `
duration: 200s
warmup: 0s
components:
  users:
    kind: client
    phases: [{ name: before, duration: 60s, rate: 1000/s }, { name: during, duration: 80s, rate: 1000/s }, { name: after, duration: 60s, rate: 1000/s }]
  lb: { kind: load-balancer, policy: least-connections }
  app: { kind: service, instances: 4, workers: 1, serviceTime: 10ms, queueCapacity: 2, costPerHour: 1 ${extra} }
links: [{ from: users, to: lb }, { from: lb, to: app }]
events:
${events}
`;

const phase = (r: RunResult, name: string) => r.phases.find((p) => p.name === name)!;

describe('deploy: rolling and recreate', () => {
  it('serves at (N−1)/N capacity while a rolling deploy has one of N instances out', () => {
    const r = runYaml(saturated('  - { at: 60s, action: deploy, target: app, maxUnavailable: 1, startTime: 20s, gracePeriod: 5s }'));
    expect(phase(r, 'before').throughputRps).toBeCloseTo(400, -1);
    // 3 of 4 workers serve for the 80 s of four 20 s steps: 300/s (within 1 %)
    expect(Math.abs(phase(r, 'during').throughputRps / 300 - 1)).toBeLessThan(0.01);
    expect(phase(r, 'after').throughputRps).toBeCloseTo(400, -1);
  });

  it('loses no capacity with maxSurge, and bills the extra instance while it starts', () => {
    const plain = runYaml(saturated('  - { at: 60s, action: set, target: app, param: workers, value: 1 }'));
    const r = runYaml(saturated('  - { at: 60s, action: deploy, target: app, maxUnavailable: 0, maxSurge: 1, startTime: 20s }'));
    expect(Math.abs(phase(r, 'during').throughputRps / 400 - 1)).toBeLessThan(0.01);
    const cost = (x: RunResult) => (x.components.app.cost as { run: number }).run;
    // one more instance-hour rate ($1/h) for 4 × 20 s
    expect(cost(r) - cost(plain)).toBeCloseTo(80 / 3600, 6);
  });

  it('replaces two at a time with maxUnavailable 2: half the capacity for two steps', () => {
    const r = runYaml(saturated('  - { at: 60s, action: deploy, target: app, maxUnavailable: 2, startTime: 40s }'));
    expect(Math.abs(phase(r, 'during').throughputRps / 200 - 1)).toBeLessThan(0.01);
  });

  it('takes every instance out at once with recreate: an outage of startTime', () => {
    const r = runYaml(`
duration: 60s
warmup: 0s
components:
  users: { kind: client, rate: 100/s, arrival: uniform }
  lb: { kind: load-balancer }
  app: { kind: service, instances: 3, workers: 4, serviceTime: 5ms }
links: [{ from: users, to: lb }, { from: lb, to: app }]
events:
  - { at: 20s, action: deploy, target: app, strategy: recreate, startTime: 10s }
`);
    // 10 s with no instance: the balancer has nowhere to send 100/s
    expect(r.summary.failed).toBeGreaterThanOrEqual(995);
    expect(r.summary.failed).toBeLessThanOrEqual(1005);
  });

  it('lets an instance taken out finish what it holds, until its grace period ends', () => {
    const yaml = (grace: string) => `
duration: 30s
warmup: 0s
components:
  users: { kind: client, rate: 40/s, arrival: uniform }
  lb: { kind: load-balancer }
  app: { kind: service, instances: 2, workers: 10, serviceTime: 200ms }
links: [{ from: users, to: lb }, { from: lb, to: app }]
events:
  - { at: 10s, action: deploy, target: app, startTime: 5s, gracePeriod: ${grace} }
`;
    // graceful: everything the old instances held completes
    expect(runYaml(yaml('30s')).summary.failed).toBe(0);
    // a grace period shorter than the work: what each instance holds when it is stopped fails (≈ 4 each)
    const cut = runYaml(yaml('100ms'));
    expect(cut.summary.failed).toBeGreaterThan(0);
    expect(cut.summary.failed).toBeLessThanOrEqual(2 * 10);
  });

  it('leaves runs without deploys unchanged (the balancer sees no registrations)', () => {
    const a = runYaml(saturated('  - { at: 60s, action: slow, target: app, factor: 1 }'));
    const b = runYaml(saturated('  - { at: 60s, action: slow, target: app, factor: 1 }'));
    expect({ ...a, wallMs: 0 }).toEqual({ ...b, wallMs: 0 });
  });
});

describe('resize: vertical scaling', () => {
  const yaml = `
duration: 120s
warmup: 0s
components:
  users:
    kind: client
    phases: [{ name: small, duration: 60s, rate: 10/s }, { name: moving, duration: 30s, rate: 10/s }, { name: big, duration: 30s, rate: 10/s }]
    arrival: uniform
  app: { kind: service, workers: 4, serviceTime: 40ms, costPerHour: 1 }
links: [{ from: users, to: app }]
events:
  - { at: 60s, action: resize, target: app, speed: 2, costPerHour: 3, downtime: 30s }
`;
  const r = runYaml(yaml);

  it('is down for the downtime, then serves at the new speed', () => {
    expect(phase(r, 'small').latencyMs.mean).toBeCloseTo(40, 1);
    expect(phase(r, 'moving').failed).toBeGreaterThanOrEqual(299);
    expect(phase(r, 'moving').completed).toBeLessThanOrEqual(1);
    expect(phase(r, 'big').latencyMs.mean).toBeCloseTo(20, 1);
  });

  it('bills the old price until the new machine is up (after the downtime), the new one after', () => {
    expect((r.components.app.cost as { run: number }).run).toBeCloseTo((90 * 1 + 30 * 3) / 3600, 6);
    expect(num(r, 'app', 'refused')).toBeGreaterThan(0);
  });
});

describe('deploy and resize events: validation', () => {
  const scenario = loadScenario(saturated('  - { at: 1s, action: kill, target: app }'), { events: timelineHook });
  const ctx = {
    ids: scenario.components.map((c) => c.id),
    component(id: string) {
      const c = scenario.components.find((x) => x.id === id);
      return c && { def: kinds[c.kind], params: c.params };
    },
  };

  it('fills defaults, and resolves resolved events to themselves', () => {
    const { events, problems } = resolveTimeline(
      [
        { at: '1m', action: 'deploy', target: 'app' },
        { at: '2m', action: 'deploy', target: 'app', strategy: 'recreate', startTime: '1m' },
        { at: '3m', action: 'resize', target: 'app', speed: 2 },
      ],
      ctx,
    );
    expect(problems).toEqual([]);
    expect(events).toEqual([
      {
        at: 60_000,
        action: 'deploy',
        target: 'app',
        strategy: 'rolling',
        maxUnavailable: 1,
        maxSurge: 0,
        startTime: 30_000,
        gracePeriod: 30_000,
      },
      { at: 120_000, action: 'deploy', target: 'app', strategy: 'recreate', startTime: 60_000, gracePeriod: 30_000 },
      { at: 180_000, action: 'resize', target: 'app', speed: 2, downtime: 60_000 },
    ]);
    expect(resolveTimeline(events, ctx)).toEqual({ events, problems: [] });
  });

  it('says what is wrong and where', () => {
    const { problems } = resolveTimeline(
      [
        { at: '1s', action: 'deploy', target: 'app', strategy: 'rollin' },
        { at: '1s', action: 'deploy', target: 'app', strategy: 'recreate', maxSurge: 1 },
        { at: '1s', action: 'deploy', target: 'app', maxUnavailable: 0 },
        { at: '1s', action: 'deploy', target: 'app', instance: 1, speed: 2 },
        { at: '1s', action: 'resize', target: 'app' },
        { at: '1s', action: 'resize', target: 'app', speed: -1, startTime: '5s' },
        { at: '1s', action: 'deploy', target: 'lb' },
      ],
      ctx,
    );
    expect(problems.map((p) => `${p.path.join('.')}: ${p.message}`)).toEqual([
      '0.strategy: expected rolling or recreate, got "rollin"; did you mean "rolling"?',
      '1.maxSurge: only a rolling deploy takes maxSurge (recreate replaces every instance at once)',
      '2.maxUnavailable: a rolling deploy needs maxUnavailable or maxSurge of at least 1, or it never makes progress',
      '3.instance: a deploy changes every instance; it takes no instance number',
      '3.speed: only a resize event takes speed',
      '4: a resize needs workers, speed or costPerHour (the new machine)',
      '5.speed: expected a number > 0 (service time is divided by it), got -1',
      '5.startTime: only a deploy event takes startTime',
      '6.target: a load-balancer cannot be deployed (kinds that can be: service)',
    ]);
  });
});
