import { describe, expect, it } from 'vitest';
import { diffMark } from '../../src/ui/diagram-variant.js';
import { withRemoved } from '../../src/ui/diagram-geometry.js';
import type { ScenarioDoc } from '../../src/state/design.js';

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
