import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { createDesignStore, createPatch, editsSinceOpened, variantDoc, type ScenarioDoc } from '../../src/state/design.js';
import { diffDesign, editTarget, summarize, variantNames, variantProblems } from '../../src/state/variant-view.js';
import { mergePatch } from '../../src/scenario/index.js';
import { exportYaml, importYaml } from '../../src/state/yaml-io.js';
import { createRunsStore } from '../../src/state/runs.js';
import { RunController, runnableDoc } from '../../src/state/run-controller.js';
import { createSimApi } from '../../src/worker/serve.js';
import type { SimClient } from '../../src/worker/client.js';

const scenario = (name: string) => importYaml(readFileSync(new URL(`../../scenarios/${name}.yaml`, import.meta.url), 'utf8'));
const doc = (): ScenarioDoc => ({
  version: 1,
  duration: '10s',
  components: { users: { kind: 'client', rate: '10/s' }, app: { kind: 'service', workers: 2 } },
  links: [{ from: 'users', to: 'app', latency: '1ms' }],
  variants: { big: { components: { app: { workers: 8 } } } },
});
const ctx = (s: ReturnType<typeof createDesignStore>) => s.getSnapshot().context;
/** JSON with keys sorted at every level: equal for equal data whatever the key order (and for a "__proto__" key). */
const canon = (x: unknown): string =>
  x !== null && typeof x === 'object' && !Array.isArray(x)
    ? `{${Object.keys(x)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canon((x as Record<string, unknown>)[k])}`)
        .join(',')}}`
    : JSON.stringify(x);

describe('createPatch', () => {
  it('createPatch(a, b) merged into a gives b (RFC 7386 round trip)', () => {
    const value = fc.oneof(fc.integer(), fc.string(), fc.array(fc.integer(), { maxLength: 3 }));
    const tree = fc.dictionary(
      fc.constantFrom('a', 'b', 'c', '__proto__'),
      fc.oneof(value, fc.dictionary(fc.constantFrom('x', 'y'), value)),
    );
    fc.assert(fc.property(tree, tree, (a, b) => canon(mergePatch(a, createPatch(a, b))) === canon(b)));
  });

  it('names removed keys with null and keeps lists whole', () => {
    expect(createPatch({ a: 1, b: { c: 2, d: 3 }, l: [1] }, { a: 1, b: { c: 2 }, l: [1, 2] })).toEqual({ b: { d: null }, l: [1, 2] });
  });
});

describe('variant view', () => {
  it('draws a variant as the run merges it: load-balanced 1-instance has web with one instance', () => {
    const lb = scenario('load-balanced');
    expect(variantDoc(lb, '1-instance')!.components.web.instances).toBe(1);
    expect(variantDoc(lb, '')!.components.web.instances).toBe(3);
    expect(variantDoc(lb, 'nope')).toBeUndefined();
  });

  it('lists cmpe273 variants once: the empty "Base" variant is the base design itself', () => {
    expect(variantNames(scenario('cmpe273-progression'))).toEqual(['+pool', '+cache', '+kafka', '+lb-1', '+lb-3', '+lb-4']);
    // an empty variant with another name is a real choice ("same as the base")
    expect(variantNames(scenario('load-balanced'))).toEqual(['1-instance', '3-instances', '4-instances']);
  });

  it('marks what +cache adds, changes and removes, and says it in words', () => {
    const c = scenario('cmpe273-progression');
    const view = variantDoc(c, '+cache')!;
    const d = diffDesign(variantDoc(c, '')!, view);
    expect(d.nodes.redis.status).toBe('added');
    expect(d.nodes.db).toMatchObject({
      status: 'changed',
      changes: [{ path: 'pool.size', from: undefined, to: 10 }, { path: 'pool.acquireTimeout' }],
    });
    expect(d.nodes.app.status).toBe('same');
    expect(d.links.map((l) => l.status)).toEqual(['same', 'added', 'added']);
    expect(d.removedLinks).toEqual([{ from: 'app', to: 'db', latency: '1ms' }]);
    expect(summarize(variantDoc(c, '')!, view)).toEqual([
      'db.pool.size default → 10',
      'db.pool.acquireTimeout default → 5s',
      '+ redis (cache)',
      '+ link app → redis',
      '+ link redis → db',
      '− link app → db',
    ]);
  });

  it('summarises a removal, a link change and a replaced kind', () => {
    const k = scenario('kafka-async');
    expect(summarize(variantDoc(k, '')!, variantDoc(k, 'sync')!)).toContain('− orders (queue)');
    const e = scenario('ec2-vs-lambda');
    const lines = summarize(variantDoc(e, '')!, variantDoc(e, 'lambda')!);
    expect(lines).toContain('api.kind service → serverless');
    expect(lines).toContain('+ gateway (api-gateway)');
    expect(lines).toContain('− link jmeter → api');
    const net = summarize(variantDoc(e, '')!, variantDoc(e, 'ec2-100-threads')!);
    expect(net.some((l) => /^link jmeter → api: latency uniform\(12ms, 18ms\) → empirical\(/.test(l))).toBe(true);
  });

  it('edits go to the selected variant unless the user picked the base', () => {
    const d = doc();
    expect(editTarget(d, { variant: 'big', isEditingBase: false })).toBe('big');
    expect(editTarget(d, { variant: 'big', isEditingBase: true })).toBeUndefined();
    expect(editTarget(d, { variant: 'gone', isEditingBase: false })).toBeUndefined();
  });
});

describe('variant problems', () => {
  it('flags +cache once jmeter is deleted from the base, naming the reason; the base stays runnable', () => {
    const s = createDesignStore(scenario('cmpe273-progression'));
    expect(variantProblems(ctx(s).doc).size).toBe(0);
    s.trigger.removeNode({ id: 'jmeter' });
    const problems = variantProblems(ctx(s).doc);
    // every variant from +cache on draws its own links from jmeter
    expect([...problems.keys()]).toEqual(['+cache', '+kafka', '+lb-1', '+lb-3', '+lb-4']);
    expect(problems.get('+cache')!.join('\n')).toMatch(/links\[0\]\.from: no component "jmeter"/);
  });

  it('flags a variant that changes a component the base no longer has', () => {
    const s = createDesignStore(doc());
    s.trigger.removeNode({ id: 'app' });
    expect(variantProblems(ctx(s).doc).get('big')![0]).toBe('it changes "app", which the base design no longer has');
  });
});

describe('editing a variant', () => {
  it('an edit in a variant changes its patch, never the base', () => {
    const s = createDesignStore(doc());
    s.trigger.setParam({ id: 'app', path: ['serviceTime'], value: 'exp(5ms)', variant: 'big' });
    expect(ctx(s).doc.components.app).toEqual({ kind: 'service', workers: 2 });
    expect(ctx(s).doc.variants).toEqual({ big: { components: { app: { workers: 8, serviceTime: 'exp(5ms)' } } } });
    // setting the base's own value again leaves nothing to patch for that key
    s.trigger.setParam({ id: 'app', path: ['workers'], value: 2, variant: 'big' });
    expect(ctx(s).doc.variants).toEqual({ big: { components: { app: { serviceTime: 'exp(5ms)' } } } });
  });

  it('adding, connecting and deleting in a variant patch its components and links', () => {
    const s = createDesignStore(doc());
    s.trigger.addNode({ id: 'cache', kind: 'cache', x: 10, y: 20, variant: 'big' });
    s.trigger.addLink({ from: 'app', to: 'cache', variant: 'big' });
    s.trigger.removeNode({ id: 'users', variant: 'big' });
    const v = ctx(s).doc.variants as Record<string, ScenarioDoc>;
    expect(v.big.components).toEqual({ users: null, app: { workers: 8 }, cache: { kind: 'cache', position: { x: 10, y: 20 } } });
    expect(v.big.links).toEqual([{ from: 'app', to: 'cache' }]);
    expect(Object.keys(ctx(s).doc.components)).toEqual(['users', 'app']);
  });

  it("moving a base node in a variant moves it in the shared layout; a variant's own node moves in the variant", () => {
    const s = createDesignStore(doc());
    s.trigger.addNode({ id: 'cache', kind: 'cache', x: 0, y: 0, variant: 'big' });
    s.trigger.moveNode({ id: 'app', x: 100, y: 50, variant: 'big' });
    s.trigger.moveNode({ id: 'cache', x: 300, y: 50, variant: 'big' });
    expect(ctx(s).doc.components.app.position).toEqual({ x: 100, y: 50 });
    expect((ctx(s).doc.variants as Record<string, ScenarioDoc>).big.components.cache.position).toEqual({ x: 300, y: 50 });
  });

  it('adds, copies, renames and removes variants in order; refuses "base", taken and empty names', () => {
    const s = createDesignStore(doc());
    s.trigger.addVariant({ name: 'copy', copyOf: 'big' });
    s.trigger.addVariant({ name: ' empty ' });
    for (const name of ['Base', 'big', '  ', '__proto__']) s.trigger.addVariant({ name });
    expect(ctx(s).doc.variants).toEqual({
      big: { components: { app: { workers: 8 } } },
      copy: { components: { app: { workers: 8 } } },
      empty: {},
    });
    s.trigger.renameVariant({ name: 'big', to: 'huge' });
    s.trigger.removeVariant({ name: 'copy' });
    expect(Object.keys(ctx(s).doc.variants as object)).toEqual(['huge', 'empty']);
    s.trigger.undo();
    expect(Object.keys(ctx(s).doc.variants as object)).toEqual(['huge', 'copy', 'empty']);
  });

  it('saves the edits made since opening as a variant and returns the base to how it was opened, keeping the layout', () => {
    const s = createDesignStore();
    s.trigger.load({ doc: doc(), source: 'x.yaml' });
    expect(editsSinceOpened(ctx(s))).toBeUndefined();
    s.trigger.setParam({ id: 'app', path: ['workers'], value: 6 });
    s.trigger.moveNode({ id: 'app', x: 40, y: 40 });
    s.trigger.addNode({ id: 'db', kind: 'database', x: 200, y: 40 });
    s.trigger.saveEditsAsVariant({ name: '6-workers' });
    const d = ctx(s).doc;
    expect(d.components).toEqual({
      users: { kind: 'client', rate: '10/s' },
      app: { kind: 'service', workers: 2, position: { x: 40, y: 40 } },
    });
    expect((d.variants as Record<string, unknown>)['6-workers']).toEqual({
      components: { app: { workers: 6 }, db: { kind: 'database', position: { x: 200, y: 40 } } },
    });
    expect(variantDoc(d, '6-workers')!.components.app.workers).toBe(6);
    expect(editsSinceOpened(ctx(s))).toBeUndefined();
  });
});

describe('running with variants', () => {
  /** The worker's own code (serve.ts) as the client: it validates what it is sent, as the real worker does. */
  const worker = (): SimClient => {
    const api = createSimApi();
    return { run: (req, on) => api.run(req, on), cancel: async () => api.cancel(), validate: (s) => api.validate(s), terminate: () => {} };
  };
  const broken = () => {
    const s = createDesignStore(scenario('cmpe273-progression'));
    s.trigger.removeNode({ id: 'jmeter' });
    s.trigger.addNode({ id: 'users', kind: 'client', x: 0, y: 0 });
    s.trigger.setParam({ id: 'users', path: ['rate'], value: '50/s' });
    s.trigger.addLink({ from: 'users', to: 'app' });
    s.trigger.setTop({ key: 'duration', value: '2s' });
    return ctx(s).doc;
  };

  it('runs the base design although a variant no longer applies to it (the variant is only flagged)', async () => {
    const runs = createRunsStore();
    const d = broken();
    expect(variantProblems(d).has('+cache')).toBe(true);
    expect(await new RunController(runs, worker).start(d, {}, 'base')).toEqual([]);
    const r = runs.getSnapshot().context.runs[0];
    expect(r.status).toBe('done');
    expect(r.result!.summary.completed).toBeGreaterThan(0);
  });

  it('refuses to run the broken variant, with the reason', async () => {
    const runs = createRunsStore();
    const problems = await new RunController(runs, worker).start(broken(), { variant: '+cache' }, '+cache');
    expect(problems).toEqual(['in variant "+cache": links[0].from: no component "jmeter" (components: app, db, users, redis)']);
    expect(runs.getSnapshot().context.runs).toEqual([]);
  });

  it('runs a variant that applies while another is broken', async () => {
    const runs = createRunsStore();
    expect(await new RunController(runs, worker).start(broken(), { variant: '+pool' }, '+pool')).toEqual([]);
    expect(runs.getSnapshot().context.runs[0].result!.components.db.connections).toBe('pool');
  });

  it('sends the worker the base alone, or the base with only the chosen patch', () => {
    const d = doc();
    expect(runnableDoc(d, undefined).variants).toBeUndefined();
    expect(runnableDoc(d, 'big').variants).toEqual({ big: { components: { app: { workers: 8 } } } });
    expect(runnableDoc(d, 'nope')).toBe(d);
  });
});

describe('summaries of list changes', () => {
  it('a list of the same length is compared item by item: jmeter.phases[2].users 20 → 100', () => {
    const e = scenario('ec2-vs-lambda');
    const lines = summarize(variantDoc(e, '')!, variantDoc(e, 'ec2-100-threads')!);
    // the rest is the variant's own link (its network differed)
    expect(lines.filter((l) => !l.startsWith('link jmeter → api:')).every((l) => l.startsWith('jmeter.phases['))).toBe(true);
    expect(lines.some((l) => /^jmeter\.phases\[2\]\.users \d+ → 100$/.test(l))).toBe(true);
  });
});

describe('a design with a variant that no longer applies', () => {
  it('exports and imports again through importYaml (the door of files, share links and the autosave), the variant still flagged', () => {
    const s = createDesignStore(scenario('cmpe273-progression'));
    s.trigger.removeNode({ id: 'jmeter' });
    s.trigger.addNode({ id: 'users', kind: 'client', x: 0, y: 0 });
    s.trigger.setParam({ id: 'users', path: ['rate'], value: '50/s' });
    s.trigger.addLink({ from: 'users', to: 'app' });
    s.trigger.setTop({ key: 'duration', value: '2s' });
    const back = importYaml(exportYaml(ctx(s).doc), 'mine.yaml');
    expect(Object.keys(back.components)).toEqual(['app', 'db', 'users']);
    expect([...variantProblems(back).keys()]).toEqual(['+cache', '+kafka', '+lb-1', '+lb-3', '+lb-4']);
  });

  it('is still refused for a problem of the base itself', () => {
    expect(() => importYaml('components: { app: { kind: service, workers: 0 } }\nlinks: []\n', 'bad.yaml')).toThrow(/workers/);
  });
});
