import { describe, expect, it } from 'vitest';
import { loadScenario, ScenarioError } from '../../src/scenario/index.js';
import { resolveTimeline, timelineHook } from '../../src/timeline/events.js';
import { runScenario } from '../../src/run/run.js';
import { kinds } from '../../src/kinds/index.js';

const base = `
duration: 10s
components:
  users: { kind: client, rate: 10/s }
  app: { kind: service, instances: 2 }
links: [{ from: users, to: app }]
`;
const scenario = loadScenario(base);
const ctx = {
  ids: scenario.components.map((c) => c.id),
  component(id: string) {
    const c = scenario.components.find((x) => x.id === id);
    return c && { def: kinds[c.kind], params: c.params };
  },
};

describe('events timeline', () => {
  it("resolves durations, values in their parameter's units, and sorts by time", () => {
    const { events, problems } = resolveTimeline(
      [
        { at: '1m', action: 'set', target: 'users', param: 'rate', value: '6000/min' },
        { at: '30s', action: 'kill', target: 'app', instance: 2 },
        { at: 45_000, action: 'slow', target: 'app', factor: 3 },
      ],
      ctx,
    );
    expect(problems).toEqual([]);
    expect(events).toEqual([
      { at: 30_000, action: 'kill', target: 'app', instance: 2 },
      { at: 45_000, action: 'slow', target: 'app', factor: 3 },
      { at: 60_000, action: 'set', target: 'users', param: 'rate', value: 100 },
    ]);
    expect(resolveTimeline(events, ctx).events).toEqual(events);
  });

  it('reports each problem at its path with what is expected', () => {
    const { problems } = resolveTimeline(
      [
        { at: '1 minute', action: 'kil', target: 'ap' },
        { at: '1s', action: 'slow', target: 'app' },
        { at: '1s', action: 'set', target: 'app', param: 'instances', value: 3 },
        { at: '1s', action: 'crash', target: 'users', instnce: 1 },
        'boom',
      ],
      ctx,
    );
    expect(problems.map((p) => `${p.path.join('.')}: ${p.message}`)).toEqual([
      '0.at: expected a duration such as "250ms" or "2s", got "1 minute"',
      '0.action: expected one of kill, crash, restore, slow, deploy, resize, set, got "kil"; did you mean "kill"?',
      '0.target: no component "ap"; did you mean "app"?',
      '1.factor: required for slow: expected a number > 0 (service time is multiplied by it)',
      '2.param: a service cannot change "instances" during a run (settable: workers, speed, serviceTime)',
      '3.instnce: unknown key "instnce" for an event; did you mean "instance"?',
      `3.target: a client cannot be crashed (kinds that can be: ${Object.values(kinds)
        .filter((k) => k.timeline?.failures?.includes('crash'))
        .map((k) => k.kind)
        .join(', ')})`,
      '4: expected an event such as {at: 60s, action: kill, target: app}, got "boom"',
    ]);
  });

  it('plugs into loadScenario as the events hook, with line and column', () => {
    const text = `${base}events:\n  - { at: 5s, action: kill, target: app, instance: 2, factor: 2 }\n`;
    expect(() => loadScenario(text, { file: 't.yaml', events: timelineHook })).toThrow(ScenarioError);
    expect(() => loadScenario(text, { file: 't.yaml', events: timelineHook })).toThrow(
      /t\.yaml:\d+:\d+: events\[0\]\.factor: only a slow event takes factor/,
    );
  });

  it('refuses an instance number the component does not have when the scenario loads', () => {
    const text = `${base}events:\n  - { at: 5s, action: kill, target: app, instance: 3 }\n`;
    expect(() => loadScenario(text, { file: 't.yaml' })).toThrow(
      /t\.yaml:\d+:\d+: events\[0\]\.instance: app has 2 instances, so instance 3 does not exist/,
    );
  });

  it('refuses at load a set of rate on a closed client, which has no rate to change', () => {
    const closed = base.replace('{ kind: client, rate: 10/s }', '{ kind: client, users: 5 }');
    const text = `${closed}events:\n  - { at: 5s, action: set, target: users, param: rate, value: 20/s }\n`;
    expect(() => loadScenario(text, { file: 't.yaml' })).toThrow(/events\[0\]\.param: a client cannot change "rate" during a run/);
  });

  it('applies events at their simulated time', () => {
    const r = runScenario(loadScenario(`${base}events:\n  - { at: 5s, action: kill, target: app }\n`, { events: timelineHook }));
    const b = r.series.bucketMs;
    expect(r.series.errorsPerSec.slice(0, 5000 / b).every((x) => x === 0)).toBe(true);
    expect(r.series.throughputRps.slice(5000 / b).every((x) => x === 0)).toBe(true);
  });
});
