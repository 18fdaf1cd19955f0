import { describe, expect, it, vi } from 'vitest';
import { runDurationMs, undoRedoKey, type KeyPress } from '../../src/ui/design-host.js';
import { createDesignStore, type ScenarioDoc } from '../../src/state/design.js';

const key = (k: string, mods: Partial<Pick<KeyPress, 'ctrlKey' | 'metaKey' | 'shiftKey'>> = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, ...mods, preventDefault: vi.fn() }) satisfies KeyPress;

describe('design hosts (app and embed)', () => {
  it("runDurationMs(doc, override) is the override when given, else the scenario's duration, undefined when unparseable", () => {
    const doc: ScenarioDoc = { version: 1, duration: '30s', components: {}, links: [] };
    expect(runDurationMs(doc, '')).toBe(30_000);
    expect(runDurationMs(doc, '2m')).toBe(120_000);
    expect(runDurationMs(doc, 'soon')).toBeUndefined();
    expect(runDurationMs({ ...doc, duration: undefined }, '')).toBeUndefined();
  });

  it('undoRedoKey(e, design): Ctrl/⌘+Z undoes, Ctrl/⌘+Shift+Z redoes, other keys pass', () => {
    const design = createDesignStore();
    const ids = () => Object.keys(design.getSnapshot().context.doc.components);
    design.trigger.addNode({ id: 'app', kind: 'service', x: 0, y: 0 });
    const undo = key('z', { ctrlKey: true });
    expect(undoRedoKey(undo, design)).toBe(true);
    expect(undo.preventDefault).toHaveBeenCalledOnce();
    expect(ids()).toEqual([]);
    expect(undoRedoKey(key('Z', { metaKey: true, shiftKey: true }), design)).toBe(true);
    expect(ids()).toEqual(['app']);
    for (const other of [key('z'), key('y', { ctrlKey: true }), key('x', { ctrlKey: true })]) {
      expect(undoRedoKey(other, design)).toBe(false);
      expect(other.preventDefault).not.toHaveBeenCalled();
    }
    expect(ids()).toEqual(['app']);
  });
});
