/**
 * Request dots: while a run is live and animation is on, a few dots travel
 * along each link of the diagram, more of them (by the log of its traffic) on
 * busier links. Each link's shape is measured once and cached, so a frame
 * only interpolates. A lit controller, so any diagram — editable or read-only —
 * gets them by constructing one.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DesignStore, ScenarioDoc } from '../state/design.js';
import type { UiContext, UiStore } from '../state/ui.js';
import { isRunning, runOfOpenDesign, type RunsContext, type RunsStore } from '../state/runs.js';
import { linkRate } from './diagram-geometry.js';

/** A diagram the dots are drawn on: its stores, and a render root holding a `.wrap` box, `g.link path.line` paths and the `g.viewport` that pans and zooms them. */
export interface DotsHost extends ReactiveControllerHost {
  readonly design: DesignStore;
  readonly ui: UiStore;
  readonly runs: RunsStore;
  readonly renderRoot: ParentNode;
  /** The design drawn, whose links the paths' `data-index` counts (a chosen variant); the design store's when absent. */
  shownDoc?(): ScenarioDoc;
}

/** True when dots should move: animation is on and a run in progress already has a (partial) result to show. */
export const isAnimated = (ui: Pick<UiContext, 'isAnimating'>, runs: RunsContext): boolean =>
  ui.isAnimating && isRunning(runs) && !!runOfOpenDesign(runs)?.result;

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Wall ms between two moves of the dots (about 30 a second; a 60 Hz frame comes every 16.7 ms). */
const FRAME_MS = 30;
/** Wall ms for a dot to travel a whole link. */
const LAP_MS = 1400;
/** Points measured along each link; a dot moves on straight segments between them. */
const SAMPLES = 48;

/** Appends the point at fraction `f` (0..1) of a sampled path to `out` as x, y. */
export function pointAt(pts: Float32Array, f: number, out: number[]): void {
  const at = f * SAMPLES,
    i = Math.min(SAMPLES - 1, Math.floor(at)),
    u = at - i;
  out.push(pts[2 * i] + (pts[2 * i + 2] - pts[2 * i]) * u, pts[2 * i + 1] + (pts[2 * i + 3] - pts[2 * i + 1]) * u);
}

/** Runs the dots' animation frames: started or stopped after each host update, cancelled when the host leaves the page. */
export class RequestDots implements ReactiveController {
  #raf = 0;
  /** Sampled points per path shape (its `d`), so a moved node re-measures only its own links. */
  #geometry = new Map<string, Float32Array>();
  #dots?: SVGGElement;
  #viewportTransform = '';
  #drawnAt = -Infinity;

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

  /**
   * The dots' layer: a `g.dots` in an <svg> of its own laid over the diagram,
   * promoted to its own compositing layer (will-change), so dots moving every
   * frame repaint only themselves, never the diagram beneath. It follows the
   * diagram's pan and zoom by copying the `g.viewport` transform.
   */
  #layer(): SVGGElement | null {
    if (this.#dots && this.#dots.isConnected !== false) return this.#dots;
    const wrap = this.host.renderRoot.querySelector('.wrap');
    if (!wrap) return null;
    const overlay = document.createElementNS(SVG_NS, 'svg');
    overlay.setAttribute('class', 'dots-layer');
    overlay.setAttribute('aria-hidden', 'true');
    overlay.setAttribute('style', 'position:absolute;inset:0;width:100%;height:100%;pointer-events:none;will-change:transform');
    this.#dots = overlay.appendChild(document.createElementNS(SVG_NS, 'g'));
    this.#dots.setAttribute('class', 'dots');
    this.#viewportTransform = '';
    // beneath the diagram's toolbar and hints, which come after the canvas
    const canvas = wrap.querySelector('svg.canvas');
    if (canvas) canvas.after(overlay);
    else wrap.appendChild(overlay);
    return this.#dots;
  }

  #start(): void {
    if (!this.#raf) this.#raf = requestAnimationFrame(this.#frame);
  }

  #stop(): void {
    cancelAnimationFrame(this.#raf);
    this.#raf = 0;
    this.#dots?.replaceChildren();
  }

  #frame = (now: number): void => {
    this.#raf = requestAnimationFrame(this.#frame);
    // 30 moves a second read as motion and cost half the main thread of 60
    if (now - this.#drawnAt < FRAME_MS) return;
    this.#drawnAt = now;
    const result = runOfOpenDesign(this.host.runs.getSnapshot().context)?.result;
    const doc = this.host.shownDoc?.() ?? this.host.design.getSnapshot().context.doc;
    const want: number[] = [];
    for (const p of this.host.renderRoot.querySelectorAll<SVGPathElement>('g.link path.line')) {
      const rate = linkRate(doc, Number(p.dataset.index), result);
      const n = rate > 0 ? Math.min(7, Math.ceil(Math.log10(1 + rate) * 1.6)) : 0;
      if (!n) continue;
      const pts = this.#samples(p);
      for (let k = 0; k < n; k++) pointAt(pts, (now / LAP_MS + k / n) % 1, want);
    }
    const layer = this.#layer();
    if (!layer) return;
    const t = this.host.renderRoot.querySelector('g.viewport')?.getAttribute('transform') ?? '';
    if (t !== this.#viewportTransform) layer.setAttribute('transform', (this.#viewportTransform = t));
    const count = want.length / 2;
    while (layer.childElementCount < count) layer.appendChild(document.createElementNS(SVG_NS, 'circle')).setAttribute('r', '3.5');
    while (layer.childElementCount > count) layer.lastChild!.remove();
    for (let i = 0; i < count; i++) {
      const c = layer.children[i];
      c.setAttribute('cx', String(Math.round(want[2 * i] * 10) / 10));
      c.setAttribute('cy', String(Math.round(want[2 * i + 1] * 10) / 10));
    }
  };

  /** Points along a link's path, measured once per path shape (getPointAtLength forces layout work, so never per frame). */
  #samples(p: SVGPathElement): Float32Array {
    const d = p.getAttribute('d') ?? '';
    let pts = this.#geometry.get(d);
    if (!pts) {
      pts = new Float32Array(2 * (SAMPLES + 1));
      const len = p.getTotalLength();
      for (let i = 0; i <= SAMPLES; i++) {
        const pt = p.getPointAtLength((len * i) / SAMPLES);
        pts[2 * i] = pt.x;
        pts[2 * i + 1] = pt.y;
      }
      if (this.#geometry.size > 500) this.#geometry.clear();
      this.#geometry.set(d, pts);
    }
    return pts;
  }
}
