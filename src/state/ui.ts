/**
 * The ui store: what is selected, the run settings in the top bar, the
 * connect-by-choosing mode and view preferences. Not part of undo history.
 */
import { createStore } from '@xstate/store';

/** What is selected on the diagram. */
export type Selection = { type: 'node'; id: string } | { type: 'link'; index: number } | null;

export interface UiContext {
  selection: Selection;
  /** Node whose output port was chosen: the next node chosen becomes the link's target. */
  connectFrom: string | null;
  variant: string;
  /** With a variant selected: edits go to the base design instead of the variant. */
  isEditingBase: boolean;
  seed: string;
  duration: string;
  isAnimating: boolean;
  theme: 'auto' | 'light' | 'dark';
  /** A message for the status line (import errors, refusals). */
  notice: Notice | null;
}

/** A status-line message; `download` offers text the user should keep (a set-aside autosave); `action` a button such as Undo. */
export interface Notice {
  tone: 'error' | 'info';
  text: string;
  download?: { label: string; file: string; text: string };
  action?: { label: string; run: () => void };
}

/** Creates the ui store; `isAnimating` defaults to off under prefers-reduced-motion. */
export function createUiStore(prefersReducedMotion = false) {
  return createStore({
    context: {
      selection: null,
      connectFrom: null,
      variant: '',
      isEditingBase: false,
      seed: '',
      duration: '',
      isAnimating: !prefersReducedMotion,
      theme: 'auto',
      notice: null,
    } as UiContext,
    on: {
      select: (ctx, e: { selection: Selection }) => ({ ...ctx, selection: e.selection }),
      startConnect: (ctx, e: { from: string }) => ({ ...ctx, connectFrom: e.from }),
      /** Esc: leave connect mode first, then clear the selection. */
      escape: (ctx) => (ctx.connectFrom ? { ...ctx, connectFrom: null } : { ...ctx, selection: null }),
      endConnect: (ctx) => ({ ...ctx, connectFrom: null }),
      /**
       * A newly chosen variant is what edits go to, until the user picks the base;
       * a selected link is let go (links are numbered per design, so the index
       * would point at another link of the new variant).
       */
      setRunOptions: (ctx, e: Partial<Pick<UiContext, 'variant' | 'seed' | 'duration'>>) => {
        const isNewVariant = e.variant !== undefined && e.variant !== ctx.variant;
        return {
          ...ctx,
          ...e,
          isEditingBase: isNewVariant ? false : ctx.isEditingBase,
          selection: isNewVariant && ctx.selection?.type === 'link' ? null : ctx.selection,
        };
      },
      /** Edits go to the base design (true) or to the selected variant. */
      editBase: (ctx, e: { isEditingBase: boolean }) => ({ ...ctx, isEditingBase: e.isEditingBase }),
      toggleAnimation: (ctx) => ({ ...ctx, isAnimating: !ctx.isAnimating }),
      setTheme: (ctx, e: { theme: UiContext['theme'] }) => ({ ...ctx, theme: e.theme }),
      notify: (ctx, e: { notice: UiContext['notice'] }) => ({ ...ctx, notice: e.notice }),
      /** A node was renamed: keep it selected. */
      renamed: (ctx, e: { id: string; to: string }) =>
        ctx.selection?.type === 'node' && ctx.selection.id === e.id ? { ...ctx, selection: { type: 'node' as const, id: e.to } } : ctx,
    },
  });
}

export type UiStore = ReturnType<typeof createUiStore>;
