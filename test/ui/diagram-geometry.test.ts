import { describe, expect, it } from 'vitest';
import { fitTransform, freeSpot, latencyText, linkPath, linkRate, positionsOf } from '../../src/ui/diagram-geometry.js';
import { NODE_H, NODE_W } from '../../src/state/layout.js';
import type { ScenarioDoc } from '../../src/state/design.js';
import type { RunResult } from '../../src/worker/api.js';

const doc = (components: ScenarioDoc['components'], links: ScenarioDoc['links'] = []): ScenarioDoc => ({
  version: 1,
  duration: '10s',
  components,
  links,
});

describe('diagram geometry', () => {
  it("positionsOf(doc) keeps the author's positions and lays out the rest left to right in call order", () => {
    const p = positionsOf(
      doc({ users: { kind: 'client' }, app: { kind: 'service' }, db: { kind: 'service', position: { x: 900, y: -40 } } }, [
        { from: 'users', to: 'app' },
        { from: 'app', to: 'db' },
      ]),
    );
    expect(Object.keys(p).sort()).toEqual(['app', 'db', 'users']);
    expect(p.db).toEqual({ x: 900, y: -40 });
    expect(p.app.x - p.users.x).toBeGreaterThanOrEqual(NODE_W);
  });

  it('latencyText(link) adds ms to a bare number and names a distribution "dist"', () => {
    expect(
      [{ latency: 5 }, { latency: '2.5' }, { latency: 'exp(3ms)' }, { latency: { dist: 'uniform', min: 1, max: 2 } }, {}].map(latencyText),
    ).toEqual(['5ms', '2.5ms', 'exp(3ms)', 'dist', '']);
  });

  it('linkPath(a, b) runs side to side when b is to the right, top to bottom when below, else loops under both', () => {
    expect(linkPath({ x: 0, y: 0 }, { x: 300, y: 0 })).toEqual({ d: 'M75,0 C149,0 149,0 223,0', mx: 149, my: -6 });
    expect(linkPath({ x: 0, y: 0 }, { x: 0, y: 200 })).toEqual({ d: 'M0,32 C0,100 0,98 0,166', mx: 24, my: 103 });
    expect(linkPath({ x: 0, y: 200 }, { x: 0, y: 0 })).toEqual({ d: 'M0,168 C0,100 0,102 0,34', mx: 24, my: 105 });
    expect(linkPath({ x: 300, y: 0 }, { x: 0, y: 0 })).toEqual({ d: 'M300,32 C300,92 0,92 0,34', mx: 150, my: 80 });
  });

  it("linkRate(doc, i, result) shares the target's arrival rate (per simulated second) among its incoming links", () => {
    const d = doc({ a: { kind: 'client' }, b: { kind: 'client' }, app: { kind: 'service' } }, [
      { from: 'a', to: 'app' },
      { from: 'b', to: 'app' },
    ]);
    const result = { simulatedMs: 10_000, components: { app: { arrivals: 1000 } } } as unknown as RunResult;
    expect(linkRate(d, 0, result)).toBe(50);
    expect(linkRate(d, 1, result)).toBe(50);
    expect(linkRate(d, 2, result)).toBe(0);
    expect(linkRate(d, 0, undefined)).toBe(0);
    expect(linkRate(d, 0, { ...result, simulatedMs: 0 })).toBe(0);
  });

  it('freeSpot(centre, taken) is the centre when free, else the nearest free row, above before below', () => {
    const row = NODE_H + 36;
    expect(freeSpot({ x: 10, y: 20 }, [])).toEqual({ x: 10, y: 20 });
    expect(freeSpot({ x: 10, y: 20 }, [{ x: 10, y: 20 }])).toEqual({ x: 10, y: 20 - row });
    expect(
      freeSpot({ x: 10, y: 20 }, [
        { x: 10, y: 20 },
        { x: 10, y: 20 - row },
      ]),
    ).toEqual({ x: 10, y: 20 + row });
    expect(
      freeSpot({ x: 10, y: 20 }, [
        { x: 10, y: 20 },
        { x: 10, y: 20 - row },
        { x: 10, y: 20 + row },
      ]),
    ).toEqual({ x: 10, y: 20 - 2 * row });
    // a node beside the centre, clear of a new node's width, is no obstacle
    expect(freeSpot({ x: 10, y: 20 }, [{ x: 10 + NODE_W + 20, y: 20 }])).toEqual({ x: 10, y: 20 });
    // nowhere free within 40 rows: the centre itself
    const column = Array.from({ length: 60 }, (_, i) => ({ x: 10, y: 20 + (i - 30) * row }));
    expect(freeSpot({ x: 10, y: 20 }, column)).toEqual({ x: 10, y: 20 });
  });

  it('fitTransform(positions, w, h) centres the nodes with margins, filling the view but never enlarging past 1×', () => {
    expect(fitTransform([], 800, 600)).toBeUndefined();
    expect(fitTransform([{ x: 0, y: 0 }], 0, 600)).toBeUndefined();
    // one node: kept at 1× (node text the size of the page's), its box centred (40 below vs 30 above leaves it 5 px high)
    expect(fitTransform([{ x: 0, y: 0 }], 800, 600)).toEqual({ k: 1, x: 400, y: 295 });
    // a wide design: its margins touch the left and right edges of the view
    const t = fitTransform(
      [
        { x: 0, y: 0 },
        { x: 1000, y: 50 },
      ],
      800,
      600,
    )!;
    expect(t.k).toBeCloseTo(800 / (1000 + NODE_W + 60), 9);
    expect(t.k * (0 - NODE_W / 2 - 30) + t.x).toBeCloseTo(0, 9);
    expect(t.k * (1000 + NODE_W / 2 + 30) + t.x).toBeCloseTo(800, 9);
  });
});
