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
  seed: string;
  duration: string;
  isAnimating: boolean;
  theme: 'auto' | 'light' | 'dark';
  /** A message for the status line (import errors, refusals). */
  notice: Notice | null;
}

/** A status-line message; `download` offers text the user should keep (a set-aside autosave). */
export interface Notice {
  tone: 'error' | 'info';
  text: string;
  download?: { label: string; file: string; text: string };
}

/** Creates the ui store; `isAnimating` defaults to off under prefers-reduced-motion. */
export function createUiStore(prefersReducedMotion = false) {
  return createStore({
    context: {
      selection: null,
      connectFrom: null,
      variant: '',
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
      setRunOptions: (ctx, e: Partial<Pick<UiContext, 'variant' | 'seed' | 'duration'>>) => ({ ...ctx, ...e }),
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
