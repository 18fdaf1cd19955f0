import { describe, expect, it } from 'vitest';
import { createDesignStore, type ScenarioDoc } from '../../src/state/design.js';
import { lockedChangesIn, lockOf } from '../../src/state/locks.js';
import { lockedChanges } from '../../src/check/locked.js';

const challenge = (): ScenarioDoc => ({
  version: 1,
  duration: '30s',
  components: {
    users: { kind: 'client', rate: '100/s', position: { x: 0, y: 0 } },
    app: { kind: 'service', workers: 2 },
    db: { kind: 'service', workers: 4, serviceTime: '5ms' },
  },
  links: [
    { from: 'users', to: 'app' },
    { from: 'app', to: 'db' },
  ],
  locked: ['components.users', 'components.db.serviceTime', 'duration'],
  variants: { '+cache': {} },
});
const docOf = (s: ReturnType<typeof createDesignStore>) => s.getSnapshot().context.doc;

describe('lockOf(doc, path)', () => {
  it('names the lock covering a field, a field inside a locked whole, and a whole holding a locked field', () => {
    const d = challenge();
    expect(lockOf(d, ['components', 'users', 'rate'])).toBe('components.users');
    expect(lockOf(d, ['components', 'db', 'serviceTime'])).toBe('components.db.serviceTime');
    expect(lockOf(d, ['components', 'db'])).toBe('components.db.serviceTime');
    expect(lockOf(d, ['duration'])).toBe('duration');
    expect(lockOf(d, ['components', 'db', 'workers'])).toBeUndefined();
    expect(lockOf(d, ['components', 'app', 'workers'])).toBeUndefined();
    expect(lockOf(d, ['seed'])).toBeUndefined();
  });

  it('finds no lock in a design without (or with a malformed) locked list', () => {
    expect(lockOf({ components: {} }, ['duration'])).toBeUndefined();
    expect(lockOf({ locked: 'duration' }, ['duration'])).toBeUndefined();
    expect(lockOf({ locked: [3, '', 'duration'] }, ['duration'])).toBe('duration');
  });
});

describe('lockedChangesIn(before, after)', () => {
  it('names each locked path whose value changed, ignoring layout', () => {
    const d = challenge();
    const moved = { ...d, components: { ...d.components, users: { ...d.components.users, position: { x: 50, y: 9 } } } };
    expect(lockedChangesIn(d, moved)).toEqual([]);
    const changed = { ...moved, duration: '1m', components: { ...d.components, users: { kind: 'client', rate: '200/s' } } };
    expect(lockedChangesIn(d, changed)).toEqual(['components.users', 'duration']);
  });
});

describe('design store with locked paths', () => {
  it('refuses edits of locked parameters and settings, and takes edits of free ones', () => {
    const s = createDesignStore(challenge());
    const before = docOf(s);
    s.trigger.setParam({ id: 'users', path: ['rate'], value: '500/s' });
    s.trigger.setParam({ id: 'db', path: ['serviceTime'], value: '1ms' });
    s.trigger.setTop({ key: 'duration', value: '5s' });
    expect(docOf(s)).toBe(before);
    s.trigger.setParam({ id: 'db', path: ['workers'], value: 8 });
    s.trigger.setTop({ key: 'seed', value: 7 });
    expect(docOf(s).components.db).toEqual({ kind: 'service', workers: 8, serviceTime: '5ms' });
    expect(docOf(s).seed).toBe(7);
  });

  it('refuses deleting or renaming a locked component or one holding a locked field, but lets it move', () => {
    const s = createDesignStore(challenge());
    const before = docOf(s);
    s.trigger.removeNode({ id: 'users' });
    s.trigger.removeNode({ id: 'db' });
    s.trigger.renameNode({ id: 'users', to: 'people' });
    s.trigger.renameNode({ id: 'db', to: 'store' });
    expect(docOf(s)).toBe(before);
    s.trigger.moveNode({ id: 'users', x: 40, y: 60 });
    expect(docOf(s).components.users.position).toEqual({ x: 40, y: 60 });
    s.trigger.removeNode({ id: 'app' });
    expect(Object.keys(docOf(s).components)).toEqual(['users', 'db']);
  });

  it('refuses a locked change made in a variant too, and leaves the variant unchanged', () => {
    const s = createDesignStore(challenge());
    s.trigger.setParam({ id: 'db', path: ['serviceTime'], value: '1ms', variant: '+cache' });
    s.trigger.setTop({ key: 'duration', value: '5s', variant: '+cache' });
    expect(docOf(s).variants).toEqual({ '+cache': {} });
    s.trigger.setParam({ id: 'app', path: ['workers'], value: 6, variant: '+cache' });
    expect(docOf(s).variants).toEqual({ '+cache': { components: { app: { workers: 6 } } } });
  });

  it('takes a locked value rewritten as the same amount, as archsim check --design does', () => {
    const s = createDesignStore(challenge());
    s.trigger.setParam({ id: 'users', path: ['rate'], value: '6000/min' });
    s.trigger.setTop({ key: 'duration', value: '0.5m' });
    expect(docOf(s).components.users.rate).toBe('6000/min');
    expect(docOf(s).duration).toBe('0.5m');
    expect(lockedChanges(challenge().locked as string[], challenge(), docOf(s))).toEqual([]);
  });

  it('leaves no undo step for a refused edit', () => {
    const s = createDesignStore(challenge());
    s.trigger.setParam({ id: 'app', path: ['workers'], value: 3 });
    s.trigger.setParam({ id: 'users', path: ['rate'], value: '1/s' });
    s.trigger.undo();
    expect(docOf(s).components.app).toEqual({ kind: 'service', workers: 2 });
  });
});
