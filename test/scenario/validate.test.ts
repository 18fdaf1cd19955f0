import { describe, it, expect } from 'vitest';
import { loadScenario, resolveScenario, type EventsHook } from '../../src/scenario/index.js';
import { errors, fakeKinds as kinds } from './fake-kinds.js';

const load = (text: string, opts = {}) => loadScenario(text, { file: 's.yaml', kinds, ...opts });
const base = {
  duration: '10s',
  components: { users: { kind: 'client', rate: '100/s' }, app: { kind: 'service' } },
  links: [{ from: 'users', to: 'app' }],
};
const resolve = (patch: Record<string, unknown>, opts = {}) => resolveScenario({ ...base, ...patch }, { kinds, ...opts });

describe('resolveScenario', () => {
  it('fills in top-level defaults and converts units', () => {
    const s = resolve({});
    expect(s).toMatchObject({
      version: 1,
      title: '',
      description: '',
      seed: 1,
      duration: 10_000,
      warmup: 0,
      drain: 60_000,
      events: [],
      variantNames: [],
    });
  });

  it('resolves parameters completely, in document order, defaults included', () => {
    const s = resolve({});
    expect(s.components).toEqual([
      { id: 'users', kind: 'client', label: 'users', params: { rate: 100, keys: { count: 1000, skew: 0 } } },
      {
        id: 'app',
        kind: 'service',
        label: 'app',
        params: {
          workers: 8,
          serviceTime: { dist: 'exponential', mean: 10 },
          startup: 2000,
          policy: 'fifo',
          async: false,
          pool: { size: 4 },
        },
      },
    ]);
    expect(s.links).toMatchObject([{ from: 'users', to: 'app', latency: { dist: 'constant', value: 0 }, p: 1, weight: 1 }]);
  });

  it('keeps label and position apart from params', () => {
    const s = resolve({ components: { ...base.components, app: { kind: 'service', label: 'App', position: { x: 1, y: 2 } } } });
    expect(s.components[1]).toMatchObject({ label: 'App', position: { x: 1, y: 2 } });
    expect(s.components[1].params).not.toHaveProperty('position');
  });

  it('resolves nested objects, maps and lists', () => {
    const s = resolve({
      components: {
        users: { kind: 'client', rate: '6000/min', keys: { skew: 0.9 }, routes: { '/a': 1, '/b': 3 } },
        app: { kind: 'service', pool: { size: 10 }, phases: [{ name: 'peak', rate: '10/ms' }] },
      },
    });
    expect(s.components[0].params).toEqual({ rate: 100, keys: { count: 1000, skew: 0.9 }, routes: { '/a': 1, '/b': 3 } });
    expect(s.components[1].params).toMatchObject({ pool: { size: 10 }, phases: [{ name: 'peak', rate: 10_000 }] });
  });

  it('accepts a string seed and no duration when every client is closed with iterations', () => {
    const s = resolveScenario(
      { seed: 'abc', components: { users: { kind: 'client', users: 20, iterations: 100 }, app: { kind: 'service' } }, links: base.links },
      { kinds },
    );
    expect(s.seed).toBe('abc');
    expect(s).not.toHaveProperty('duration');
  });

  it('passes events to the events hook', () => {
    const hook: EventsHook = {
      resolve: (raw) => ({
        events: raw.map((e) => ({ ...(e as object), ok: true }) as never),
        problems: raw.length > 1 ? [{ path: [1, 'at'], message: 'too late' }] : [],
      }),
    };
    expect(resolve({ events: [{ at: '1s' }] }, { events: hook }).events).toEqual([{ at: '1s', ok: true }]);
    expect(errors(() => resolve({ events: [{}, {}] }, { events: hook }))).toEqual(['events[1].at: too late']);
    expect(errors(() => resolve({ events: [3] }))).toEqual([
      'events[0]: expected an event such as {at: 60s, action: kill, target: app}, got 3',
    ]);
  });
});

describe('loadScenario problems', () => {
  it('names unknown kinds with a did-you-mean and the list of kinds', () => {
    expect(errors(() => load('duration: 1s\ncomponents:\n  app: {kind: sevice}\n'))).toEqual([
      's.yaml:3:15: components.app.kind: unknown kind "sevice"; did you mean "service"? (kinds: client, service, queue, db)',
    ]);
  });

  it('names unknown keys with a did-you-mean, or the keys expected', () => {
    expect(
      errors(() =>
        load(
          'duration: 1s\ndurtion: 2s\ncomponents:\n  app:\n    kind: service\n    wokers: 4\n    pool: {sise: 3}\n  d: {kind: db, zzz: 1}\n',
        ),
      ),
    ).toEqual([
      's.yaml:2:1: durtion: unknown key "durtion"; did you mean "duration"?',
      's.yaml:6:5: components.app.wokers: unknown key "wokers" for service; did you mean "workers"?',
      's.yaml:7:12: components.app.pool.sise: unknown key "sise"; did you mean "size"?',
      's.yaml:8:17: components.d.zzz: unknown key "zzz" for db (expected one of kind, label, position, queryTime)',
    ]);
  });

  it('collects every problem, each at its line:col', () => {
    const text = [
      'version: 2',
      'seed: 1.5',
      'duration: 0',
      'warmup: 5 parsecs',
      'components:',
      '  app:',
      '    kind: service',
      '    workers: 0',
      '    serviceTime: expo(5ms)',
      '    policy: lifp',
      '    async: yes',
      '    phases: [{rate: 1/s}]',
      '  1bad: {kind: db}',
      'links: []',
    ].join('\n');
    expect(errors(() => load(text))).toEqual([
      's.yaml:1:10: version: unsupported version 2; this archsim reads version 1',
      's.yaml:3:11: duration: expected a duration > 0ms, got 0',
      's.yaml:4:9: warmup: expected a duration such as "250ms" or "2s", got "5 parsecs"',
      's.yaml:2:7: seed: expected an integer or a string of 1 to 200 characters, got 1.5',
      's.yaml:8:14: components.app.workers: expected an integer ≥ 1, got 0',
      's.yaml:9:18: components.app.serviceTime: unknown distribution "expo"; did you mean "exp"? (expected one of constant, exp, exponential, uniform, normal, lognormal, pareto, erlang, empirical)',
      's.yaml:10:13: components.app.policy: expected one of fifo, lifo, got "lifp"; did you mean "lifo"?',
      's.yaml:11:12: components.app.async: expected true or false, got "yes"',
      's.yaml:12:14: components.app.phases[0].name: required: expected a string',
      's.yaml:13:3: components["1bad"]: invalid id "1bad": an id starts with a letter or _ and has only letters, digits, _ and -',
    ]);
  });

  it('requires kind and components', () => {
    expect(errors(() => load('duration: 1s\n'))).toEqual([
      's.yaml:1:1: components: required: expected a mapping from component id to component, got nothing',
    ]);
    expect(errors(() => load('duration: 1s\ncomponents: {app: {workers: 1}}\n'))).toEqual([
      's.yaml:2:19: components.app.kind: required: expected one of client, service, queue, db',
    ]);
  });

  it('requires a duration unless every client is closed with iterations', () => {
    expect(
      errors(() => resolveScenario({ components: { users: { kind: 'client', users: 2 }, app: { kind: 'service' } } }, { kinds })),
    ).toEqual([
      'duration: required: expected a duration such as "10m" (only closed clients with `users` and `iterations` may leave it out)',
    ]);
  });

  it('requires the warmup to be shorter than the duration', () => {
    expect(errors(() => resolve({ warmup: '10s' }))).toEqual(['warmup: the warmup ("10s") must be shorter than the duration ("10s")']);
  });

  it('leaves absent optional parameters out, without problems', () => {
    expect(resolve({}).components[0].params).not.toHaveProperty('timeout');
  });

  it("runs each kind's cross-field check with paths under the component", () => {
    expect(errors(() => resolve({ components: { ...base.components, app: { kind: 'service', workers: 13 } } }))).toEqual([
      'components.app.workers: unlucky',
    ]);
  });

  it('checks references to linked components', () => {
    const comps = { ...base.components, app: { kind: 'service', primary: 'db1' }, db: { kind: 'db' } };
    expect(errors(() => resolve({ components: comps, links: [...base.links, { from: 'app', to: 'db' }] }))).toEqual([
      'components.app.primary: "db1" is not linked from this component; did you mean "db"?',
    ]);
  });

  it('refuses more than 500 components', () => {
    const components = Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`s${i}`, { kind: 'service' }]));
    expect(errors(() => resolve({ components }))).toEqual(['components: at most 500 components are allowed, got 501']);
  });
});

describe('links', () => {
  const comps = { users: { kind: 'client', rate: 1 }, app: { kind: 'service' }, db: { kind: 'db' }, q: { kind: 'queue' } };
  const linkErrors = (links: unknown[]) => errors(() => resolve({ components: comps, links }));

  it('must name existing components (did-you-mean)', () => {
    expect(
      linkErrors([
        { from: 'users', to: 'ap' },
        { from: 'usr', to: 'zzz' },
      ]),
    ).toEqual([
      'links[0].to: no component "ap"; did you mean "app"?',
      'links[1].from: no component "usr"; did you mean "users"?',
      'links[1].to: no component "zzz" (components: users, app, db, q)',
    ]);
  });

  it('must have from and to, and only link keys', () => {
    expect(linkErrors([{ from: 'users', latncy: '1ms' }])).toEqual([
      'links[0].latncy: unknown key "latncy" for a link; did you mean "latency"?',
      'links[0].to: required: expected a string',
    ]);
  });

  it('refuses self-links, duplicates and calls from kinds that make none', () => {
    expect(
      linkErrors([
        { from: 'app', to: 'app' },
        { from: 'users', to: 'app' },
        { from: 'users', to: 'app', p: 0.5 },
        { from: 'db', to: 'q' },
      ]),
    ).toEqual([
      'links[0]: "app" links to itself; a component cannot call itself',
      'links[2]: duplicate link users → app (also links[1])',
      'links[3].from: "db" is a db, which makes no calls, so it cannot have outgoing links',
    ]);
  });

  it('refuses cycles of synchronous calls, naming them', () => {
    const c = { ...comps, cache: { kind: 'service' } };
    const links = [
      { from: 'users', to: 'app' },
      { from: 'app', to: 'cache' },
      { from: 'cache', to: 'app' },
    ];
    expect(errors(() => resolve({ components: c, links }))).toEqual([
      'links[2]: synchronous calls form a cycle: app → cache → app; a request would wait on itself',
    ]);
  });

  it('allows cycles through an asynchronous kind', () => {
    const links = [
      { from: 'users', to: 'app' },
      { from: 'app', to: 'q' },
      { from: 'q', to: 'app' },
    ];
    expect(resolve({ components: comps, links }).links).toHaveLength(3);
  });

  it('resolves latency distributions and route filters', () => {
    const s = resolve({ links: [{ from: 'users', to: 'app', latency: 'uniform(1ms, 3ms)', routes: ['/a'], p: 0.5 }] });
    expect(s.links[0]).toMatchObject({
      from: 'users',
      to: 'app',
      latency: { dist: 'uniform', min: 1, max: 3 },
      p: 0.5,
      weight: 1,
      routes: ['/a'],
    });
  });
});
