/**
 * Request dots: while a run is live and animation is on, a few dots travel
 * along each link of the diagram, more of them (by the log of its traffic) on
 * busier links. A lit controller, so any diagram — editable or read-only —
 * gets them by constructing one.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DesignStore } from '../state/design.js';
import type { UiContext, UiStore } from '../state/ui.js';
import { isRunning, shownRuns, type RunsContext, type RunsStore } from '../state/runs.js';
import { linkRate } from './diagram-geometry.js';

/** A diagram the dots are drawn on: its stores, and a render root holding `g.link path.line` paths and a `g.dots` layer. */
export interface DotsHost extends ReactiveControllerHost {
  readonly design: DesignStore;
  readonly ui: UiStore;
  readonly runs: RunsStore;
  readonly renderRoot: ParentNode;
}

/** True when dots should move: animation is on and a run in progress already has a (partial) result to show. */
export const isAnimated = (ui: Pick<UiContext, 'isAnimating'>, runs: RunsContext): boolean =>
  ui.isAnimating && isRunning(runs) && !!shownRuns(runs).current?.result;

/** Wall ms for a dot to travel a whole link. */
const LAP_MS = 1400;

/** Runs the dots' animation frames: started or stopped after each host update, cancelled when the host leaves the page. */
export class RequestDots implements ReactiveController {
  #raf = 0;

  constructor(private host: DotsHost) {
    host.addController(this);
  }

  /** True while animation frames are scheduled. */
  get isMoving(): boolean {
    return this.#raf !== 0;
  }

  hostUpdated(): void {
    if (isAnimated(this.host.ui.getSnapshot().context, this.host.runs.getSnapshot().context)) this.#start();
    else this.#stop();
  }

  hostDisconnected(): void {
    this.#stop();
  }

  #layer(): SVGGElement | null {
    return this.host.renderRoot.querySelector<SVGGElement>('g.dots');
  }

  #start(): void {
    if (!this.#raf) this.#raf = requestAnimationFrame(this.#frame);
  }

  #stop(): void {
    cancelAnimationFrame(this.#raf);
    this.#raf = 0;
    this.#layer()?.replaceChildren();
  }

  #frame = (now: number): void => {
    this.#raf = requestAnimationFrame(this.#frame);
    const result = shownRuns(this.host.runs.getSnapshot().context).current?.result;
    const doc = this.host.design.getSnapshot().context.doc;
    const want: [number, number][] = [];
    for (const p of this.host.renderRoot.querySelectorAll<SVGPathElement>('g.link path.line')) {
      const rate = linkRate(doc, Number(p.dataset.index), result);
      const n = rate > 0 ? Math.min(7, Math.ceil(Math.log10(1 + rate) * 1.6)) : 0;
      const len = p.getTotalLength();
      for (let k = 0; k < n; k++) {
        const pt = p.getPointAtLength(len * ((now / LAP_MS + k / n) % 1));
        want.push([pt.x, pt.y]);
      }
    }
    const layer = this.#layer();
    if (!layer) return;
    while (layer.childElementCount < want.length)
      layer.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'circle')).setAttribute('r', '3.5');
    while (layer.childElementCount > want.length) layer.lastChild!.remove();
    want.forEach(([x, y], i) => {
      const c = layer.children[i];
      c.setAttribute('cx', String(x));
      c.setAttribute('cy', String(y));
    });
  };
}
