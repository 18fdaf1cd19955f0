import { describe, expect, it } from 'vitest';
import { createUiStore } from '../../src/state/ui.js';

describe('ui store', () => {
  it('choosing another variant lets go of a selected link (its index would name another link) and edits go to the variant', () => {
    const ui = createUiStore();
    ui.trigger.editBase({ isEditingBase: true });
    ui.trigger.select({ selection: { type: 'link', index: 2 } });
    ui.trigger.setRunOptions({ variant: '+cache' });
    expect(ui.getSnapshot().context.selection).toBeNull();
    expect(ui.getSnapshot().context.isEditingBase).toBe(false);
  });

  it('a selected node stays selected across variants, and other run options keep any selection', () => {
    const ui = createUiStore();
    ui.trigger.select({ selection: { type: 'node', id: 'app' } });
    ui.trigger.setRunOptions({ variant: '+cache' });
    expect(ui.getSnapshot().context.selection).toEqual({ type: 'node', id: 'app' });
    ui.trigger.select({ selection: { type: 'link', index: 1 } });
    ui.trigger.setRunOptions({ seed: '7', variant: '+cache' });
    expect(ui.getSnapshot().context.selection).toEqual({ type: 'link', index: 1 });
  });
});
