import { describe, expect, it } from 'vitest';
import { diffMark } from '../../src/ui/diagram-variant.js';
import { readFileSync } from 'node:fs';
import { positionsOf, variantPositions, withRemoved } from '../../src/ui/diagram-geometry.js';
import { baseOf, variantDoc, type ScenarioDoc } from '../../src/state/design.js';
import { diffDesign } from '../../src/state/variant-view.js';
import { importYaml } from '../../src/state/yaml-io.js';
import { NODE_H, NODE_W } from '../../src/state/layout.js';

describe('diffMark (what a node or link says about the variant)', () => {
  it('says nothing for the base’s own parts, or when comparing is off', () => {
    expect(diffMark({ status: 'same', changes: [] }, '+cache', true)).toEqual({ cls: '', text: '', title: '' });
    expect(diffMark({ status: 'added', changes: [] }, '+cache', false).cls).toBe('');
    expect(diffMark(undefined, '+cache', true).cls).toBe('');
  });

  it('names what the variant adds and what it changes, from what to what', () => {
    expect(diffMark({ status: 'added', changes: [] }, '+cache', true).text).toBe(', added by +cache');
    const m = diffMark({ status: 'changed', changes: [{ path: 'instances', from: 3, to: 1 }] }, '1-instance', true);
    expect(m).toEqual({
      cls: 'changed',
      text: ', changed by 1-instance: instances 3 → 1',
      title: '\nChanged by variant 1-instance:\ninstances 3 → 1',
    });
  });

  it('names four changes in the accessible name and counts the rest; the tooltip lists them all', () => {
    const changes = ['a', 'b', 'c', 'd', 'e', 'f'].map((path, i) => ({ path, from: i, to: i + 1 }));
    const m = diffMark({ status: 'changed', changes }, 'v', true);
    expect(m.text).toBe(', changed by v: a 0 → 1; b 1 → 2; c 2 → 3; d 3 → 4; 2 more');
    expect(m.title.split('\n')).toHaveLength(8);
  });
});

describe('withRemoved (the design laid out for a variant)', () => {
  it('puts back what the variant removes, after its own parts, so the faint outlines have a place', () => {
    const base: ScenarioDoc = {
      components: { users: { kind: 'client' }, orders: { kind: 'queue' }, app: { kind: 'service' } },
      links: [
        { from: 'users', to: 'orders' },
        { from: 'orders', to: 'app' },
      ],
    };
    const view: ScenarioDoc = {
      components: { users: { kind: 'client' }, app: { kind: 'service' } },
      links: [{ from: 'users', to: 'app' }],
    };
    const laid = withRemoved(view, base, { removedNodes: ['orders'], removedLinks: base.links });
    expect(Object.keys(laid.components)).toEqual(['users', 'app', 'orders']);
    expect(laid.links.map((l) => `${l.from}>${l.to}`)).toEqual(['users>app', 'users>orders', 'orders>app']);
  });
});

describe('variantPositions (where a variant is drawn)', () => {
  it('keeps every base node where the base draws it, and puts an added node clear of all others: cmpe273 +cache', () => {
    const doc = importYaml(readFileSync(new URL('../../scenarios/cmpe273-progression.yaml', import.meta.url), 'utf8'));
    const base = baseOf(doc),
      view = variantDoc(doc, '+cache')!;
    const at = variantPositions(withRemoved(view, base, diffDesign(base, view)), base);
    const fixed = positionsOf(base);
    for (const id of ['jmeter', 'app', 'db']) expect(at[id]).toEqual(fixed[id]);
    const others = ['jmeter', 'app', 'db'].map((id) => at[id]);
    expect(others.every((p) => Math.abs(p.x - at.redis.x) >= NODE_W + 20 || Math.abs(p.y - at.redis.y) >= NODE_H + 30)).toBe(true);
  });

  it("a position the author gave the variant's own node is kept", () => {
    const base: ScenarioDoc = { components: { app: { kind: 'service' } }, links: [] };
    const layout: ScenarioDoc = {
      components: { app: { kind: 'service' }, cache: { kind: 'cache', position: { x: 500, y: 7 } } },
      links: [],
    };
    expect(variantPositions(layout, base).cache).toEqual({ x: 500, y: 7 });
  });
});
