/** A lit reactive controller that re-renders its host when a store's selected value changes. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

interface Subscribable<S> {
  getSnapshot(): S;
  subscribe(f: (s: S) => void): { unsubscribe(): void };
}

/** Keeps `value` = select(store snapshot) and updates the host when it changes (by identity). */
export class StoreController<S, T> implements ReactiveController {
  value: T;
  #sub?: { unsubscribe(): void };

  constructor(
    private host: ReactiveControllerHost,
    private store: () => Subscribable<S> | undefined,
    private select: (s: S) => T,
  ) {
    host.addController(this);
    const s = store();
    this.value = s ? select(s.getSnapshot()) : (undefined as T);
  }

  hostConnected(): void {
    const s = this.store();
    if (!s) return;
    this.value = this.select(s.getSnapshot());
    this.#sub = s.subscribe((snap) => {
      const next = this.select(snap);
      if (next !== this.value) {
        this.value = next;
        this.host.requestUpdate();
      }
    });
  }

  hostDisconnected(): void {
    this.#sub?.unsubscribe();
  }
}
