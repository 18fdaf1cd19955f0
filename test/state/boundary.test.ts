import { describe, expect, it } from 'vitest';
import { AUTOSAVE_KEY, loadDesign, SET_ASIDE_KEY } from '../../src/state/persist.js';
import { decodeShare, encodeShare } from '../../src/state/share.js';
import { autoLayout } from '../../src/state/layout.js';
import { createDesignStore, freshId } from '../../src/state/design.js';
import { importYaml } from '../../src/state/yaml-io.js';
import { ScenarioError } from '../../src/scenario/index.js';

/** Object.prototype's own keys, to check that nothing was added to it. */
const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
const clean = protoKeys();

function memoryStorage(saved: string) {
  const m = new Map([[AUTOSAVE_KEY, saved]]);
  return {
    m,
    storage: {
      getItem: (k: string) => m.get(k) ?? null,
      setItem: (k: string, v: string) => void m.set(k, v),
      removeItem: (k: string) => void m.delete(k),
    },
  };
}

describe('a corrupted autosave (issue #9)', () => {
  it.each([
    ['a null component', '{"doc":{"components":{"a":null,"b":{"kind":"service"}}}}', /components\.a: expected a component/],
    ['a null link', '{"doc":{"components":{"b":{"kind":"service"}},"links":[null]}}', /links\[0\]: expected a link/],
    ['a __proto__ component', '{"doc":{"components":{"__proto__":{"kind":"service"}}}}', /"__proto__" is a reserved name/],
    ['an unknown kind', '{"doc":{"components":{"a":{"kind":"sevice"}}}}', /did you mean "service"/],
    ['no design', '{"source":"x"}', /it holds no design/],
    ['nesting 10,000 deep', `{"doc":{"components":{},"title":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`, /nested|deep/],
  ])('with %s is refused with its reason and set aside, not deleted', (_, text, reason) => {
    const { m, storage } = memoryStorage(text);
    const r = loadDesign(storage);
    expect(r.status).toBe('refused');
    expect(r.status === 'refused' && r.reason).toMatch(reason);
    expect(r.status === 'refused' && r.text).toBe(text);
    expect(m.get(SET_ASIDE_KEY)).toBe(text);
    expect(m.has(AUTOSAVE_KEY)).toBe(false);
    expect(protoKeys()).toEqual(clean);
  });

  it('stays where it was when storage will not take the set-aside copy', () => {
    const { m, storage } = memoryStorage('{"doc":{"components":{"a":null}}}');
    const r = loadDesign({
      ...storage,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    });
    expect(r).toMatchObject({ status: 'refused', isKept: false });
    expect(m.get(AUTOSAVE_KEY)).toBe('{"doc":{"components":{"a":null}}}');
  });

  it('opens a design still being completed (missing rate, cycle) as the editor left it', () => {
    const doc = {
      duration: '10s',
      components: { a: { kind: 'service' }, b: { kind: 'service' }, c: { kind: 'client' } },
      links: [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'a' },
      ],
    };
    const { storage } = memoryStorage(JSON.stringify({ source: 'mine', doc }));
    expect(loadDesign(storage)).toEqual({ status: 'ok', source: 'mine', doc });
  });
});

describe('a polluting share link (issue #9)', () => {
  it('is refused, and neither decoding nor layout touches Object.prototype', async () => {
    const hostile = {
      components: { users: { kind: 'client', rate: '10/s' }, ['__proto__']: { kind: 'service' } },
      links: [{ from: 'users', to: '__proto__' }],
    };
    const json = `{"duration":"10s","components":{"users":{"kind":"client","rate":"10/s"},"__proto__":{"kind":"service"}},"links":[{"from":"users","to":"__proto__"}]}`;
    const encoded = await encodeShare(JSON.parse(json));
    await expect(decodeShare(encoded)).rejects.toThrow(ScenarioError);
    await expect(decodeShare(encoded)).rejects.toThrow(
      /shared link:1:\d+: components\.__proto__: invalid id: "__proto__" is a reserved name/,
    );
    const positions = autoLayout(JSON.parse(json));
    expect(Object.keys(positions).sort()).toEqual(['__proto__', 'users']);
    expect(hostile.components).toBeDefined();
    expect(protoKeys()).toEqual(clean);
    expect(({} as Record<string, unknown>).users).toBeUndefined();
  });
});

describe('the design store with reserved ids (issue #9)', () => {
  it('refuses to add or rename to __proto__, constructor or prototype, and finds inherited names absent', () => {
    const store = createDesignStore({ components: { app: { kind: 'service' } }, links: [] });
    for (const id of ['__proto__', 'constructor', 'prototype']) {
      store.trigger.addNode({ id, kind: 'service', x: 0, y: 0 });
      store.trigger.renameNode({ id: 'app', to: id });
    }
    expect(Object.keys(store.getSnapshot().context.doc.components)).toEqual(['app']);
    store.trigger.addLink({ from: 'app', to: 'toString' });
    expect(store.getSnapshot().context.doc.links).toEqual([]);
    expect(freshId(store.getSnapshot().context.doc, 'constructor')).toBe('constructor-2');
    store.trigger.setParam({ id: 'app', path: ['__proto__', 'workers'], value: 5 });
    expect(Object.keys(store.getSnapshot().context.doc.components.app)).toEqual(['kind', '__proto__']);
    expect(() => importYaml(JSON.stringify(store.getSnapshot().context.doc), 'edited')).toThrow(/unknown key "__proto__"/);
    expect(protoKeys()).toEqual(clean);
    expect(({} as Record<string, unknown>).workers).toBeUndefined();
  });
});
