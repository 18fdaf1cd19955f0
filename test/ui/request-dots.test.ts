import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isAnimated, RequestDots } from '../../src/ui/request-dots.js';
import { createDesignStore } from '../../src/state/design.js';
import { createUiStore } from '../../src/state/ui.js';
import { createRunsStore } from '../../src/state/runs.js';
import type { Progress, RunResult } from '../../src/worker/api.js';

/** A stand-in for an SVG element: just what the dots touch. */
class FakeElement {
  attrs: Record<string, string> = {};
  children: FakeElement[] = [];
  parent?: FakeElement;
  setAttribute(k: string, v: string) {
    this.attrs[k] = v;
  }
  get childElementCount() {
    return this.children.length;
  }
  get lastChild(): FakeElement | null {
    return this.children.at(-1) ?? null;
  }
  appendChild(c: FakeElement) {
    c.parent = this;
    this.children.push(c);
    return c;
  }
  remove() {
    this.parent!.children = this.parent!.children.filter((c) => c !== this);
  }
  replaceChildren() {
    this.children = [];
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

let frames: Map<number, FrameRequestCallback>, nextFrame: number, cancelled: number[];

beforeEach(() => {
  frames = new Map();
  nextFrame = 1;
  cancelled = [];
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => (frames.set(nextFrame, f), nextFrame++));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => (cancelled.push(id), frames.delete(id)));
  vi.stubGlobal('document', { createElementNS: () => new FakeElement() });
});
afterEach(() => vi.unstubAllGlobals());

/** A diagram host (read-only, like an embed's) with one link users → app, and its dots controller. */
function setUp() {
  const wrap = new FakeElement();
  /** The dots' own layer, once the controller has laid it over the diagram. */
  const dotsOf = () => wrap.children[0]?.children[0] ?? new FakeElement();
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
  return {
    host,
    dots,
    get layer() {
      return dotsOf();
    },
    wrap,
    start,
  };
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

  it('moves on a read-only diagram once a run has a result (read-only embeds once showed none)', () => {
    const { host, dots, start } = setUp();
    expect(host.addController).toHaveBeenCalledWith(dots);
    dots.hostUpdated();
    expect([dots.isMoving, frames.size]).toEqual([false, 0]);
    start();
    dots.hostUpdated();
    expect([dots.isMoving, frames.size]).toEqual([true, 1]);
    // further updates keep the one frame loop
    dots.hostUpdated();
    expect(frames.size).toBe(1);
  });

  it('draws per link ⌈1.6·log10(1 + rate)⌉ dots, evenly spaced along it', () => {
    const set = setUp();
    const { dots, start } = set;
    start();
    dots.hostUpdated();
    const [[id, frame]] = frames;
    frames.delete(id);
    frame(0);
    // 1000 arrivals in 10 simulated s: 100/s, so ⌈1.6 × log10(101)⌉ = 4 dots
    const layer = set.layer;
    // an <svg> of its own over the diagram, panned and zoomed with it
    expect([set.wrap.children.length, set.wrap.children[0].attrs.class, layer.attrs.transform]).toEqual([
      1,
      'dots-layer',
      'translate(5,6) scale(2)',
    ]);
    expect(layer.children.map((c) => [c.attrs.cx, c.attrs.cy, c.attrs.r])).toEqual([
      ['0', '0', '3.5'],
      ['25', '0', '3.5'],
      ['50', '0', '3.5'],
      ['75', '0', '3.5'],
    ]);
    expect(frames.size).toBe(1);
    // 350 ms later each dot is a quarter of the 1400 ms lap further on
    const [[, next]] = frames;
    next(350);
    expect(layer.children.map((c) => c.attrs.cx)).toEqual(['25', '50', '75', '0']);
  });

  it('measures a link once per shape, never per frame (getPointAtLength forces layout)', () => {
    const { dots, start } = setUp();
    start();
    dots.hostUpdated();
    path.getPointAtLength.mockClear();
    const measuredAfter = (n: number) => {
      for (let t = 0; t < n; t++) {
        const [[id, frame]] = frames;
        frames.delete(id);
        frame(t * 16);
      }
      return path.getPointAtLength.mock.calls.length;
    };
    // the first frame samples the path (49 points); the next 30 only interpolate
    expect([measuredAfter(1), measuredAfter(30)]).toEqual([49, 49]);
  });

  it('stops and clears the dots when the run ends, animation is turned off, or the host leaves the page', () => {
    for (const end of [
      (s: ReturnType<typeof setUp>) => (
        s.host.runs.trigger.finished({ id: 1, result: { ...partial, complete: true } }), s.dots.hostUpdated()
      ),
      (s: ReturnType<typeof setUp>) => (s.host.ui.trigger.toggleAnimation(), s.dots.hostUpdated()),
      (s: ReturnType<typeof setUp>) => s.dots.hostDisconnected(),
    ]) {
      const s = setUp();
      s.start();
      s.dots.hostUpdated();
      const [[id, frame]] = frames;
      frame(0);
      expect(s.layer.childElementCount).toBe(4);
      const pending = [...frames.keys()].filter((k) => k !== id);
      end(s);
      expect(s.dots.isMoving).toBe(false);
      expect(cancelled.at(-1)).toBe(pending[0]);
      expect(s.layer.childElementCount).toBe(0);
      frames.clear();
    }
  });
});
