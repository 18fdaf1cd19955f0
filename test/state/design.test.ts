import { describe, expect, it } from 'vitest';
import { createDesignStore, freshId, type ScenarioDoc } from '../../src/state/design.js';
import { validateScenario } from '../../src/scenario/index.js';

const doc = (): ScenarioDoc => ({
  version: 1,
  duration: '10s',
  components: { users: { kind: 'client', rate: '10/s' }, app: { kind: 'service', workers: 2 } },
  links: [{ from: 'users', to: 'app', latency: '1ms' }],
});
const ctx = (s: ReturnType<typeof createDesignStore>) => s.getSnapshot().context.doc;

describe('design store', () => {
  it('adds, connects and removes nodes; removing a node drops its links', () => {
    const s = createDesignStore(doc());
    s.trigger.addNode({ id: 'db', kind: 'service', x: 10.4, y: 20.6 });
    s.trigger.addLink({ from: 'app', to: 'db' });
    expect(ctx(s).components.db).toEqual({ kind: 'service', position: { x: 10, y: 21 } });
    expect(ctx(s).links.map((l) => `${l.from}>${l.to}`)).toEqual(['users>app', 'app>db']);
    s.trigger.removeNode({ id: 'app' });
    expect(Object.keys(ctx(s).components)).toEqual(['users', 'db']);
    expect(ctx(s).links).toEqual([]);
  });

  it('refuses duplicate ids, bad ids, self links and duplicate links', () => {
    const s = createDesignStore(doc());
    const before = ctx(s);
    s.trigger.addNode({ id: 'app', kind: 'service', x: 0, y: 0 });
    s.trigger.addNode({ id: '9 lives', kind: 'service', x: 0, y: 0 });
    s.trigger.addLink({ from: 'app', to: 'app' });
    s.trigger.addLink({ from: 'users', to: 'app' });
    expect(ctx(s)).toBe(before);
  });

  it('renames a node keeping its links and its place in document order', () => {
    const s = createDesignStore(doc());
    s.trigger.renameNode({ id: 'app', to: 'web' });
    expect(Object.keys(ctx(s).components)).toEqual(['users', 'web']);
    expect(ctx(s).links).toEqual([{ from: 'users', to: 'web', latency: '1ms' }]);
  });

  it('sets and clears raw parameters, including nested ones', () => {
    const s = createDesignStore(doc());
    s.trigger.setParam({ id: 'users', path: ['keys', 'skew'], value: 0.9 });
    s.trigger.setParam({ id: 'app', path: ['workers'], value: undefined });
    expect(ctx(s).components.users.keys).toEqual({ skew: 0.9 });
    expect('workers' in ctx(s).components.app).toBe(false);
    s.trigger.setParam({ id: 'app', path: ['kind'], value: 'cache' });
    expect(ctx(s).components.app.kind).toBe('service');
  });

  it('undoes and redoes edits; a drag (one transaction) is one undo step', () => {
    const s = createDesignStore(doc());
    s.trigger.setParam({ id: 'app', path: ['workers'], value: 8 });
    for (let x = 0; x < 5; x++) s.trigger.moveNode({ id: 'app', x, y: 0, transactionId: 'drag-1' });
    s.trigger.undo();
    expect(ctx(s).components.app).toEqual({ kind: 'service', workers: 8 });
    s.trigger.undo();
    expect(ctx(s).components.app.workers).toBe(2);
    s.trigger.redo();
    expect(ctx(s).components.app.workers).toBe(8);
  });

  it('does not record edits that change nothing', () => {
    const s = createDesignStore(doc());
    s.trigger.setParam({ id: 'app', path: ['workers'], value: 3 });
    s.trigger.setParam({ id: 'app', path: ['workers'], value: 3 });
    s.trigger.undo();
    expect(ctx(s).components.app.workers).toBe(2);
  });

  it('an ignored addLink leaves no undo step', () => {
    const s = createDesignStore(doc());
    s.trigger.setParam({ id: 'app', path: ['workers'], value: 3 });
    s.trigger.addLink({ from: 'users', to: 'app' });
    s.trigger.undo();
    expect(ctx(s).components.app.workers).toBe(2);
  });

  it('records no undo step for any event that leaves the document as it was', () => {
    const s = createDesignStore(doc());
    s.trigger.moveNode({ id: 'app', x: 40.2, y: 60 });
    const before = ctx(s);
    s.trigger.addNode({ id: 'app', kind: 'cache', x: 0, y: 0 });
    s.trigger.moveNode({ id: 'app', x: 39.8, y: 60 });
    s.trigger.moveNode({ id: 'nobody', x: 1, y: 1 });
    s.trigger.placeAll({ positions: { app: { x: 40, y: 60 }, nobody: { x: 0, y: 0 } } });
    s.trigger.removeNode({ id: 'nobody' });
    s.trigger.renameNode({ id: 'app', to: 'users' });
    s.trigger.setParam({ id: 'app', path: ['workers'], value: 2 });
    s.trigger.setTop({ key: 'duration', value: '10s' });
    s.trigger.addLink({ from: 'app', to: 'app' });
    s.trigger.removeLink({ index: 5 });
    s.trigger.setLinkParam({ index: 0, key: 'latency', value: '1ms' });
    expect(ctx(s)).toBe(before);
    s.trigger.undo();
    expect(ctx(s)).toEqual(doc());
  });

  it('accepts exactly the ids the validator accepts', () => {
    const ids = ['db', '_db', 'db-2_b', 'x'.repeat(65), '9lives', '-db', 'my db', 'db.1', 'é'];
    const storeTakes = ids.map((id) => {
      const s = createDesignStore(doc());
      s.trigger.renameNode({ id: 'app', to: id });
      return id in ctx(s).components;
    });
    const validatorTakes = ids.map(
      (id) =>
        !validateScenario({ duration: '10s', components: { [id]: { kind: 'service' } } }).problems.some((p) =>
          p.message.startsWith('invalid id'),
        ),
    );
    expect(storeTakes).toEqual([true, true, true, true, false, false, false, false, false]);
    expect(storeTakes).toEqual(validatorTakes);
  });

  it('freshId numbers repeated kinds', () => {
    const d = doc();
    expect(freshId(d, 'cache')).toBe('cache');
    expect(freshId({ ...d, components: { ...d.components, service: { kind: 'service' } } }, 'service')).toBe('service-2');
  });
});
