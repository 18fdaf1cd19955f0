/**
 * Request dots: while a run is live and animation is on, a few dots travel
 * along each link of the diagram, more of them (by the log of its traffic) on
 * busier links. Each dot is an element moved by a CSS transform animation
 * along points sampled once from its link's path: the compositor moves it, so
 * the main thread does no work per frame — only when a link's shape or dot
 * count changes, or the view pans and zooms. A lit controller, so
 * any diagram — editable or read-only — gets them by constructing one.
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

/** Wall ms for a dot to travel a whole link. */
export const LAP_MS = 1400;
/** Points measured along each link; a dot moves on straight segments between them. */
const SAMPLES = 48;
const DOT_STYLE = 'position:absolute;left:-3.5px;top:-3.5px;width:7px;height:7px;border-radius:50%;background:var(--accent);opacity:.8';

/** Dots on a link of `rate` requests per simulated second: ⌈1.6·log10(1 + rate)⌉, at most 7. */
export const dotsFor = (rate: number): number => (rate > 0 ? Math.min(7, Math.ceil(Math.log10(1 + rate) * 1.6)) : 0);

/** "translate(10,20) scale(2)" (an SVG transform, d3-zoom's) as CSS, which needs units. */
export function cssTransform(svgTransform: string): string {
  const m = /translate\(\s*([-\d.e]+)[\s,]+([-\d.e]+)\s*\)\s*scale\(\s*([-\d.e]+)\s*\)/.exec(svgTransform);
  return m ? `translate(${m[1]}px, ${m[2]}px) scale(${m[3]})` : 'none';
}

/**
 * SAMPLES + 1 points evenly spaced by length along a path "M x0,y0 C x1,y1
 * x2,y2 x3,y3" (how diagram-geometry draws every link), as x, y pairs;
 * undefined for any other path.
 */
export function cubicSamples(d: string): Float32Array | undefined {
  const n = '(-?[\\d.]+(?:e-?\\d+)?)';
  const m = new RegExp(`^M\\s*${n}[ ,]${n}\\s*C\\s*${n}[ ,]${n}\\s+${n}[ ,]${n}\\s+${n}[ ,]${n}\\s*$`).exec(d.trim());
  if (!m) return undefined;
  const [x0, y0, x1, y1, x2, y2, x3, y3] = m.slice(1).map(Number);
  const at = (t: number): [number, number] => {
    const u = 1 - t;
    return [
      u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3,
      u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3,
    ];
  };
  // a fine polyline, then points at equal distances along it (the dots keep an even speed)
  const FINE = 200;
  const fine = Array.from({ length: FINE + 1 }, (_, i) => at(i / FINE));
  const dist = [0];
  for (let i = 1; i <= FINE; i++) dist.push(dist[i - 1] + Math.hypot(fine[i][0] - fine[i - 1][0], fine[i][1] - fine[i - 1][1]));
  const out = new Float32Array(2 * (SAMPLES + 1));
  let j = 0;
  for (let i = 0; i <= SAMPLES; i++) {
    const want = (dist[FINE] * i) / SAMPLES;
    while (j < FINE - 1 && dist[j + 1] < want) j++;
    const span = dist[j + 1] - dist[j] || 1,
      f = Math.min(1, Math.max(0, (want - dist[j]) / span));
    out[2 * i] = Math.round((fine[j][0] + (fine[j + 1][0] - fine[j][0]) * f) * 10) / 10;
    out[2 * i + 1] = Math.round((fine[j][1] + (fine[j + 1][1] - fine[j][1]) * f) * 10) / 10;
  }
  return out;
}

/** SAMPLES + 1 points evenly spaced along any path, measured by the browser. */
function measuredSamples(p: SVGPathElement): Float32Array {
  const out = new Float32Array(2 * (SAMPLES + 1));
  const len = p.getTotalLength();
  for (let i = 0; i <= SAMPLES; i++) {
    const pt = p.getPointAtLength((len * i) / SAMPLES);
    out[2 * i] = Math.round(pt.x * 10) / 10;
    out[2 * i + 1] = Math.round(pt.y * 10) / 10;
  }
  return out;
}

/** The dots of one link: the path shape and count they were made for. */
interface LinkDots {
  d: string;
  n: number;
  dots: Element[];
}

/** Starts, updates and removes the dots after each host update; removes them when the host leaves the page. */
export class RequestDots implements ReactiveController {
  #links = new Map<number, LinkDots>();
  /** @keyframes written so far, by path shape (so a moved node re-measures only its own links), and the style sheet holding them. */
  #keyframeNames = new Map<string, string>();
  #sheet?: HTMLStyleElement;
  #layer?: HTMLElement;
  #view?: HTMLElement;
  #viewport?: Element;
  #observer?: MutationObserver;
  /** The timer of an update of the dots waiting for its own task. */
  #pending: ReturnType<typeof setTimeout> | 0 = 0;
  /** The viewport transform the layer last copied. */
  #followed?: string;

  constructor(private host: DotsHost) {
    host.addController(this);
  }

  /** True while dots are shown moving. */
  get isMoving(): boolean {
    return this.#links.size > 0;
  }

  /**
   * After each host update: dots are brought up to date in a task of their own
   * (a progress update already renders the diagram and results; adding the
   * dots' elements and keyframes to that task would lengthen it), and removed
   * at once when they should stop.
   */
  hostUpdated(): void {
    if (!isAnimated(this.host.ui.getSnapshot().context, this.host.runs.getSnapshot().context)) return this.#stop();
    this.#pending ||= setTimeout(() => {
      this.#pending = 0;
      if (isAnimated(this.host.ui.getSnapshot().context, this.host.runs.getSnapshot().context)) this.#update();
    }, 0);
  }

  hostDisconnected(): void {
    this.#stop();
    this.#observer?.disconnect();
    this.#viewport = undefined;
  }

  /** Brings each link's dots up to date with its shape and traffic; leaves unchanged links' animations running. */
  #update(): void {
    const view = this.#viewLayer();
    if (!view) return;
    // nodes dragged about during a run leave shapes behind: start the sheet afresh now and then
    if (this.#keyframeNames.size > 200) {
      this.#stop();
      this.#keyframeNames.clear();
      if (this.#sheet) this.#sheet.textContent = '';
    }
    const result = runOfOpenDesign(this.host.runs.getSnapshot().context)?.result;
    const doc = this.host.shownDoc?.() ?? this.host.design.getSnapshot().context.doc;
    const seen = new Set<number>();
    for (const p of this.host.renderRoot.querySelectorAll<SVGPathElement>('g.link path.line')) {
      const index = Number(p.dataset.index);
      const n = dotsFor(linkRate(doc, index, result));
      const d = p.getAttribute('d') ?? '';
      seen.add(index);
      const had = this.#links.get(index);
      if (had && had.d === d && had.n === n) continue;
      for (const e of had?.dots ?? []) e.remove();
      this.#links.set(index, { d, n, dots: n ? this.#launch(view, this.#keyframes(d, p), n) : [] });
    }
    for (const [index, l] of this.#links)
      if (!seen.has(index)) {
        for (const e of l.dots) e.remove();
        this.#links.delete(index);
      }
  }

  /**
   * `n` dots evenly spaced along a link, each looping it once every LAP_MS by
   * a CSS animation: created with the page's next style pass, never forcing
   * one (Element.animate() resolves style at once: a style pass per dot).
   */
  #launch(view: HTMLElement, keyframes: string, n: number): Element[] {
    return Array.from({ length: n }, (_, k) => {
      const dot = view.appendChild(document.createElement('span'));
      // a negative delay starts the dot k/n of the way along, so the n dots stay evenly spaced
      dot.setAttribute('style', `${DOT_STYLE};animation:${keyframes} ${LAP_MS}ms linear ${-Math.round((k / n) * LAP_MS)}ms infinite`);
      return dot;
    });
  }

  /** The name of the @keyframes that move a dot along path `d` (written once per shape, into the layer's own style sheet). */
  #keyframes(d: string, p: SVGPathElement): string {
    let name = this.#keyframeNames.get(d);
    if (!name) {
      const pts = cubicSamples(d) ?? measuredSamples(p);
      name = `archsim-dot-${this.#keyframeNames.size}`;
      const steps = Array.from(
        { length: SAMPLES + 1 },
        (_, i) => `${+((i / SAMPLES) * 100).toFixed(3)}%{transform:translate(${pts[2 * i]}px,${pts[2 * i + 1]}px)}`,
      );
      this.#keyframeNames.set(d, name);
      if (this.#sheet) this.#sheet.textContent += `@keyframes ${name}{${steps.join('')}}\n`;
    }
    return name;
  }

  /**
   * The box the dots move in: laid over the diagram's canvas (beneath its
   * toolbar), panned and zoomed with the diagram's `g.viewport`, whose
   * transform it copies whenever d3-zoom changes it.
   */
  #viewLayer(): HTMLElement | undefined {
    const root = this.host.renderRoot;
    if (!this.#layer || this.#layer.isConnected === false) {
      const wrap = root.querySelector('.wrap');
      if (!wrap) return undefined;
      this.#layer = document.createElement('div');
      this.#layer.className = 'dots-layer';
      this.#layer.setAttribute('aria-hidden', 'true');
      this.#layer.setAttribute('style', 'position:absolute;inset:0;overflow:hidden;pointer-events:none');
      this.#sheet = this.#layer.appendChild(document.createElement('style'));
      this.#sheet.textContent = '';
      // a new layer (the diagram rendered afresh) holds no dots or keyframes yet
      this.#keyframeNames.clear();
      this.#links.clear();
      this.#view = this.#layer.appendChild(document.createElement('div'));
      this.#view.setAttribute('style', 'position:absolute;left:0;top:0;transform-origin:0 0');
      this.#followed = undefined;
      const canvas = wrap.querySelector('svg.canvas');
      if (canvas) canvas.after(this.#layer);
      else wrap.appendChild(this.#layer);
    }
    const viewport = root.querySelector('g.viewport') ?? undefined;
    if (viewport !== this.#viewport) {
      this.#viewport = viewport;
      this.#observer?.disconnect();
      if (viewport && typeof MutationObserver === 'function') {
        this.#observer ??= new MutationObserver(() => this.#followView());
        this.#observer.observe(viewport, { attributes: true, attributeFilter: ['transform'] });
      }
    }
    this.#followView();
    return this.#view;
  }

  #followView(): void {
    const t = this.#viewport?.getAttribute('transform') ?? '';
    if (t === this.#followed) return;
    this.#followed = t;
    this.#view?.style.setProperty('transform', cssTransform(t));
  }

  #stop(): void {
    clearTimeout(this.#pending);
    this.#pending = 0;
    for (const l of this.#links.values()) for (const e of l.dots) e.remove();
    this.#links.clear();
  }
}
