import { describe, expect, it } from 'vitest';
import { loadScenario, scenarioSchema, ScenarioError } from '../../src/scenario/index.js';

const base = `duration: 10s
components:
  users: { kind: client, rate: 100/s }
  app: { kind: service, workers: 1, serviceTime: exp(1ms) }
links:
  - { from: users, to: app }
`;
const load = (sweep: string) => loadScenario(`${base}sweep:\n${sweep}`, { file: 's.yaml' });
const problems = (sweep: string) => {
  try {
    load(sweep);
  } catch (e) {
    if (e instanceof ScenarioError) return e.message.split('\n');
    throw e;
  }
  return [];
};

describe('the sweep: block', () => {
  it('resolves a range into the points archsim sweep runs, with its replications', () => {
    const s = load('  param: users.rate\n  from: 100/s\n  to: 500/s\n  steps: 5\n  replications: 4\n').sweep;
    expect(s?.points.map((p) => p.set)).toEqual([
      'users.rate=100/s',
      'users.rate=200/s',
      'users.rate=300/s',
      'users.rate=400/s',
      'users.rate=500/s',
    ]);
    expect(s?.replications).toBe(4);
    expect(s).toMatchObject({ param: 'users.rate', unit: 'rps', from: '100/s', to: '500/s' });
  });

  it('resolves a list of values, numbers as written', () => {
    const s = load('  param: app.workers\n  values: [1, 2, 4]\n').sweep;
    expect(s?.points.map((p) => p.value)).toEqual(['1', '2', '4']);
    expect(s?.replications).toBeUndefined();
  });

  it('reports each problem at its line and column, with a did-you-mean', () => {
    expect(problems('  param: users.rat\n  from: 1/s\n  to: 2/s\n')).toContain(
      's.yaml:8:10: sweep.param: component "users" has no parameter "rat"; did you mean "rate"?',
    );
    expect(problems('  param: usr.rate\n  from: 1/s\n  to: 2/s\n')).toContain(
      's.yaml:8:10: sweep.param: no component "usr" in this scenario',
    );
    expect(problems('  param: users.rate\n  from: 1/s\n  to: 2/s\n  step: 3\n')).toContain(
      's.yaml:11:3: sweep.step: unknown key "step"; did you mean "steps"?',
    );
    expect(problems('  param: users.rate\n  from: 1/s\n  to: 2s\n')).toContain(
      's.yaml:9:9: sweep.from: expected a range of two numbers, two rates ("100/s..1000/s") or two durations ("1ms..10ms"), got "1/s..2s"',
    );
    expect(problems('  param: users.rate\n  from: 1/s\n  to: 2/s\n  steps: 1\n')).toContain(
      's.yaml:11:10: sweep.steps: expected an integer from 2 to 200, got 1',
    );
    expect(problems('  param: users.rate\n')).toContain(
      's.yaml:8:3: sweep: expected from and to (a range) or values (a list) to sweep over',
    );
    expect(problems('  param: app.workers\n  values: [1, 2]\n  from: 1\n  to: 2\n')).toContain(
      's.yaml:9:11: sweep.values: give either from and to, or values, not both',
    );
    expect(problems('  param: app.workers\n  values: [1, {a: 1}]\n')).toContain(
      's.yaml:9:15: sweep.values[1]: expected a number or a string, got an object',
    );
  });

  it('is in the JSON Schema: param required, a range or values, closed', () => {
    const s = scenarioSchema() as { properties: Record<string, { required: string[]; additionalProperties: boolean; oneOf: unknown[] }> };
    expect(s.properties.sweep.required).toEqual(['param']);
    expect(s.properties.sweep.additionalProperties).toBe(false);
    expect(s.properties.sweep.oneOf).toEqual([{ required: ['from', 'to'] }, { required: ['values'] }]);
  });
});
