import { describe, expect, it } from 'vitest';
import { createDesignStore, freshId, type ScenarioDoc } from '../../src/state/design.js';

const doc = (): ScenarioDoc => ({
  version: 1, duration: '10s',
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

  it('freshId numbers repeated kinds', () => {
    const d = doc();
    expect(freshId(d, 'cache')).toBe('cache');
    expect(freshId({ ...d, components: { ...d.components, service: { kind: 'service' } } }, 'service')).toBe('service-2');
  });
});
