import { describe, it, expect } from 'vitest';
import { loadScenario, mergePatch, listVariants } from '../../src/scenario/index.js';
import { errors, fakeKinds as kinds } from './fake-kinds.js';

const text = `duration: 10s
components:
  users: { kind: client, rate: 100/s }
  app: { kind: service, workers: 2, pool: { size: 4 } }
  db: { kind: db }
links:
  - { from: users, to: app }
  - { from: app, to: db }
variants:
  +pool:
    components: { app: { pool: { size: 10 } } }
  +nodb:
    components: { db: null }
    links: [{ from: users, to: app, latency: 1ms }]
  broken:
    components: { app: { workers: -1 } }
`;
const load = (opts = {}) => loadScenario(text, { file: 'v.yaml', kinds, ...opts });
const app = (s: ReturnType<typeof load>) => s.components.find((c) => c.id === 'app')!;

describe('mergePatch (RFC 7386)', () => {
  it('merges objects, deletes with null and replaces lists and scalars', () => {
    expect(mergePatch({ a: 1, b: { c: 2, d: 3 }, l: [1, 2] }, { b: { c: null, e: 4 }, l: [9], f: { g: null } })).toEqual({
      a: 1,
      b: { d: 3, e: 4 },
      l: [9],
      f: {},
    });
    expect(mergePatch({ a: 1 }, 'x')).toBe('x');
  });
  it('leaves its inputs untouched', () => {
    const target = { b: { c: 2 } };
    mergePatch(target, { b: { c: 3 } });
    expect(target).toEqual({ b: { c: 2 } });
  });
});

describe('variants', () => {
  it('lists variant names in document order', () => {
    expect(load({ variant: '+pool' }).variantNames).toEqual(['+pool', '+nodb', 'broken']);
    expect(listVariants({ variants: { a: {}, b: {} } })).toEqual(['a', 'b']);
  });

  it('merges a variant into the components by id', () => {
    const s = load({ variant: '+pool' });
    expect(s.variant).toBe('+pool');
    expect(app(s).params).toMatchObject({ workers: 2, pool: { size: 10 } });
  });

  it('deletes with null and replaces links', () => {
    const s = load({ variant: '+nodb' });
    expect(s.components.map((c) => c.id)).toEqual(['users', 'app']);
    expect(s.links).toMatchObject([{ from: 'users', to: 'app', latency: { dist: 'constant', value: 1 }, p: 1, weight: 1 }]);
  });

  it('names the variants when asked for an unknown one', () => {
    expect(errors(() => load({ variant: '+pol' }))).toEqual([
      'v.yaml: unknown variant "+pol"; did you mean "+pool"? (variants: +pool, +nodb, broken)',
    ]);
  });

  it('locates a problem in the variant that caused it', () => {
    expect(errors(() => load({ variant: 'broken' }))).toEqual(['v.yaml:16:35: components.app.workers: expected an integer ≥ 1, got -1']);
  });

  it('checks every variant when none is chosen', () => {
    expect(errors(() => load())).toEqual(['v.yaml:16:35: components.app.workers: in variant "broken": expected an integer ≥ 1, got -1']);
    expect(load({ checkVariants: false }).variant).toBeUndefined();
  });
});

describe('overrides', () => {
  const ok = (opts: object) => load({ variant: '+pool', ...opts });

  it('apply seed and duration', () => {
    expect(ok({ seed: 7, duration: '2m' })).toMatchObject({ seed: 7, duration: 120_000 });
  });

  it('apply --set to component parameters, nested ones and top-level keys, after the variant', () => {
    const s = ok({ set: ['app.workers=4', 'app.pool.size=12', 'duration=2m', 'seed=abc', 'app.serviceTime=exp(5ms)'] });
    expect(s).toMatchObject({ seed: 'abc', duration: 120_000 });
    expect(app(s).params).toMatchObject({ workers: 4, pool: { size: 12 }, serviceTime: { dist: 'exponential', mean: 5 } });
  });

  it('read --set values as YAML flow values', () => {
    expect(app(ok({ set: ['app.pool={size: 3}'] })).params.pool).toEqual({ size: 3 });
    expect(app(ok({ set: ['app.workers=null'] })).params.workers).toBe(8);
  });

  it('name a bad --set in the message', () => {
    expect(errors(() => ok({ set: ['app.workers'] }))).toEqual(['v.yaml: --set app.workers: expected id.param=value, e.g. app.workers=4']);
    expect(errors(() => ok({ set: ['ap.workers=4'] }))).toEqual(['v.yaml: --set ap.workers=4: no component "ap"; did you mean "app"?']);
    expect(errors(() => ok({ set: ['app.workers.x=4'] }))).toEqual([
      'v.yaml: --set app.workers.x=4: components.app.workers is 2, not a mapping',
    ]);
    expect(errors(() => ok({ set: ['durtion=4'] }))).toEqual([
      'v.yaml: --set durtion=4: "durtion" is not a top-level setting; did you mean "duration"?; for a component write id.param=value',
    ]);
    expect(errors(() => ok({ set: ['app.workers=[1'] }))[0]).toMatch(/^v\.yaml: --set app\.workers=\[1: cannot read the value: /);
  });

  it('attribute a problem in a --set value to the --set, not to a line of the file', () => {
    expect(errors(() => ok({ set: ['app.workers=0'] }))).toEqual([
      'v.yaml: components.app.workers: expected an integer ≥ 1, got 0 (from --set app.workers=0)',
    ]);
  });
});
