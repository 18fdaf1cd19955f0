import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cssTransform, cubicSamples, dotsFor, isAnimated, LAP_MS, RequestDots } from '../../src/ui/request-dots.js';
import { linkPath } from '../../src/ui/diagram-geometry.js';
import { createDesignStore } from '../../src/state/design.js';
import { createUiStore } from '../../src/state/ui.js';
import { createRunsStore } from '../../src/state/runs.js';
import type { Progress, RunResult } from '../../src/worker/api.js';

/** A stand-in for a DOM element: just what the dots touch, and the animations started on it. */
class FakeElement {
  attrs: Record<string, string> = {};
  children: FakeElement[] = [];
  parent?: FakeElement;
  className = '';
  textContent = '';
  style = { transform: '', setProperty: (_k: string, v: string) => void (this.style.transform = v) };
  setAttribute(k: string, v: string) {
    this.attrs[k] = v;
  }
  appendChild(c: FakeElement) {
    c.parent = this;
    this.children.push(c);
    return c;
  }
  remove() {
    this.parent!.children = this.parent!.children.filter((c) => c !== this);
  }
  querySelector() {
    return null;
  }
}

/** A link path along the x axis, 100 long. */
const path = {
  dataset: { index: '0' },
  getAttribute: () => 'M0,0 L100,0',
  getTotalLength: vi.fn(() => 100),
  getPointAtLength: vi.fn((l: number) => ({ x: l, y: 0 })),
};
const partial = { simulatedMs: 10_000, components: { app: { arrivals: 1000 } } } as unknown as RunResult;

beforeEach(() => {
  vi.stubGlobal('document', { createElement: () => new FakeElement() });
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A host update, and the task the dots update in. */
const updated = (dots: RequestDots) => {
  dots.hostUpdated();
  vi.runAllTimers();
};

/** A diagram host (read-only, like an embed's) with one link users → app, and its dots controller. */
function setUp() {
  const wrap = new FakeElement();
  const host = {
    readonly: true,
    design: createDesignStore({
      version: 1,
      duration: '10s',
      components: { users: { kind: 'client' }, app: { kind: 'service' } },
      links: [{ from: 'users', to: 'app' }],
    }),
    ui: createUiStore(),
    runs: createRunsStore(),
    renderRoot: {
      querySelector: (s: string) => (s === '.wrap' ? wrap : s === 'g.viewport' ? { getAttribute: () => 'translate(5,6) scale(2)' } : null),
      querySelectorAll: (s: string) => (s === 'g.link path.line' ? [path] : []),
    },
    addController: vi.fn(),
    removeController: vi.fn(),
    requestUpdate: vi.fn(),
    updateComplete: Promise.resolve(true),
  };
  const dots = new RequestDots(host as never);
  const start = () => {
    host.runs.trigger.started({ label: 'test' });
    host.runs.trigger.progressed({ id: 1, progress: {} as Progress, partial, atMs: 0 });
  };
  /** The dots' layer over the diagram, its style sheet of @keyframes, the box that pans and zooms with it, and the dots in it. */
  const layer = () => wrap.children[0];
  const sheet = () => layer()?.children[0];
  const view = () => layer()?.children[1];
  return { host, dots, start, wrap, layer, sheet, view, shown: () => view()?.children ?? [] };
}

describe('request dots', () => {
  it('isAnimated(ui, runs) holds only while animation is on and a run in progress has a result', () => {
    const runs = createRunsStore();
    expect(isAnimated({ isAnimating: true }, runs.getSnapshot().context)).toBe(false);
    runs.trigger.started({ label: 'x' });
    expect(isAnimated({ isAnimating: true }, runs.getSnapshot().context)).toBe(false);
    runs.trigger.progressed({ id: 1, progress: {} as Progress, partial, atMs: 0 });
    expect(isAnimated({ isAnimating: true }, runs.getSnapshot().context)).toBe(true);
    expect(isAnimated({ isAnimating: false }, runs.getSnapshot().context)).toBe(false);
    runs.trigger.finished({ id: 1, result: { ...partial, complete: true } });
    expect(isAnimated({ isAnimating: true }, runs.getSnapshot().context)).toBe(false);
  });

  it('dotsFor(rate) is ⌈1.6·log10(1 + rate)⌉, none without traffic, at most 7', () => {
    expect([0, 1, 100, 1e4, 1e9].map(dotsFor)).toEqual([0, 1, 4, 7, 7]);
  });

  it('cssTransform(svg) gives d3-zoom’s transform the units CSS needs', () => {
    expect(cssTransform('translate(5,6) scale(2)')).toBe('translate(5px, 6px) scale(2)');
    expect(cssTransform('translate(-1.5e-3 20) scale(0.5)')).toBe('translate(-1.5e-3px, 20px) scale(0.5)');
    expect(cssTransform('')).toBe('none');
  });

  it('cubicSamples(d) spaces 49 points evenly by length along a link as the diagram draws it, with no layout', () => {
    const { d } = linkPath({ x: 0, y: 0 }, { x: 400, y: 200 });
    const pts = cubicSamples(d)!;
    expect(pts.length).toBe(98);
    const ends = d.match(/-?[\d.]+/g)!.map(Number);
    // starts at the M point and ends at the curve's last point
    expect([pts[0], pts[1], pts[96], pts[97]]).toEqual([ends[0], ends[1], ends[6], ends[7]].map(Math.fround));
    const steps = Array.from({ length: 48 }, (_, i) => Math.hypot(pts[2 * i + 2] - pts[2 * i], pts[2 * i + 3] - pts[2 * i + 1]));
    // even spacing within rounding (0.1 px) and the polyline's chord error
    expect(Math.max(...steps) / Math.min(...steps)).toBeLessThan(1.05);
    expect(cubicSamples('M0,0 L100,0')).toBeUndefined();
  });

  it('moves on a read-only diagram once a run has a result (read-only embeds once showed none)', () => {
    const { host, dots, start, shown } = setUp();
    expect(host.addController).toHaveBeenCalledWith(dots);
    dots.hostUpdated();
    expect([dots.isMoving, shown().length]).toEqual([false, 0]);
    start();
    dots.hostUpdated();
    // the dots come in a task of their own, after the one that rendered the progress
    expect(shown().length).toBe(0);
    vi.runAllTimers();
    expect([dots.isMoving, shown().length]).toEqual([true, 4]);
  });

  it('animates per link ⌈1.6·log10(1 + rate)⌉ dots along it, evenly spaced, in a layer panned and zoomed with the diagram', () => {
    const { dots, start, layer, sheet, view, shown } = setUp();
    start();
    updated(dots);
    expect([layer().className, layer().attrs['aria-hidden'], view().style.transform]).toEqual([
      'dots-layer',
      'true',
      'translate(5px, 6px) scale(2)',
    ]);
    // 1000 arrivals in 10 simulated s: 100/s, so ⌈1.6 × log10(101)⌉ = 4 dots, a quarter lap apart
    expect(shown().map((d) => d.attrs.style.split(';').at(-1))).toEqual(
      [0, 350, 700, 1050].map((ms) => `animation:archsim-dot-0 ${LAP_MS}ms linear ${-ms}ms infinite`),
    );
    // one @keyframes per link shape: 49 steps from its start to its end
    const css = sheet().textContent;
    expect(css.match(/@keyframes archsim-dot-0\{/g)?.length).toBe(1);
    expect(css.match(/%\{transform:translate/g)?.length).toBe(49);
    expect(css).toContain('0%{transform:translate(0px,0px)}');
    expect(css).toContain('50%{transform:translate(50px,0px)}');
    expect(css).toContain('100%{transform:translate(100px,0px)}');
  });

  it('does no work per progress update while a link’s shape and dot count hold (no re-measuring, no restarted animations)', () => {
    const { dots, start, sheet, shown } = setUp();
    start();
    path.getPointAtLength.mockClear();
    updated(dots);
    const first = [...shown()],
      css = sheet().textContent;
    for (let i = 0; i < 30; i++) updated(dots);
    expect(path.getPointAtLength.mock.calls.length).toBe(49);
    // the very same dot elements, so their animations run on undisturbed
    expect([shown().length, shown().every((d, i) => d === first[i])]).toEqual([4, true]);
    expect(sheet().textContent).toBe(css);
  });

  it('stops and removes the dots when the run ends, animation is turned off, or the host leaves the page', () => {
    for (const end of [
      (s: ReturnType<typeof setUp>) => (
        s.host.runs.trigger.finished({ id: 1, result: { ...partial, complete: true } }), s.dots.hostUpdated()
      ),
      (s: ReturnType<typeof setUp>) => (s.host.ui.trigger.toggleAnimation(), s.dots.hostUpdated()),
      (s: ReturnType<typeof setUp>) => s.dots.hostDisconnected(),
    ]) {
      const s = setUp();
      s.start();
      updated(s.dots);
      expect(s.shown().length).toBe(4);
      end(s);
      expect([s.dots.isMoving, s.shown().length]).toEqual([false, 0]);
    }
  });
});
