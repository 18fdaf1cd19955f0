import { describe, expect, it } from 'vitest';
import { Sim, type Frame } from '../../src/engine/sim.js';
import { Histogram } from '../../src/engine/stats.js';
import { FULL, GRANTED, QUEUED, WorkerPool } from '../../src/nodes/parts/worker-pool.js';

/** A pool on a bare Sim, with the statistics a Node would give it. */
function setup(groups: number, workers: number, queueCapacity: number) {
  const sim = new Sim();
  const owner = { sim, busy: sim.timeAverage(), queued: sim.timeAverage(), wait: new Histogram() };
  const pool = new WorkerPool(owner, groups, workers, queueCapacity);
  const frame = (): Frame => {
    const f = sim.alloc();
    f.t0 = sim.now;
    f.measured = true;
    return f;
  };
  return { sim, owner, pool, frame };
}

describe('WorkerPool', () => {
  it('request(f, g) grants free workers, then queues up to queueCapacity, then answers FULL', () => {
    const { pool, frame } = setup(2, 2, 1);
    expect([pool.request(frame(), 0), pool.request(frame(), 0), pool.request(frame(), 0), pool.request(frame(), 0)]).toEqual([
      GRANTED,
      GRANTED,
      QUEUED,
      FULL,
    ]);
    expect(pool.request(frame(), 1)).toBe(GRANTED); // groups are apart
    expect(Array.from(pool.busyAt)).toEqual([2, 1]);
    expect(pool.waiting(0)).toBe(1);
  });

  it('release(g, f) hands the worker to the longest-waiting request, FIFO, and records its wait', () => {
    const { sim, owner, pool, frame } = setup(1, 1, 10);
    let holder: Frame | null = frame();
    pool.request(holder, 0);
    const a = frame(),
      b = frame();
    pool.request(a, 0);
    pool.request(b, 0);
    const log: [number, Frame | null][] = [];
    const h = sim.onTimer(() => {
      holder = pool.release(0, holder as Frame);
      log.push([sim.now, holder]);
    });
    sim.timer(10, h);
    sim.timer(25, h);
    sim.timer(40, h);
    sim.run(Infinity);
    expect(log).toEqual([
      [10, a],
      [25, b],
      [40, null],
    ]);
    // waits 0, 10 and 25 ms; one worker busy from 0 to 40
    expect(owner.wait.count).toBe(3);
    expect(owner.wait.sum).toBe(35);
    expect(owner.busy.mean(40)).toBe(1);
    expect(owner.queued.mean(40)).toBeCloseTo((2 * 10 + 1 * 15) / 40, 12);
  });

  it('next(g) starts waiting requests when workers is raised; release(g) frees the extra workers when it is lowered', () => {
    const { pool, frame } = setup(1, 1, 10);
    const fs = [frame(), frame(), frame()];
    for (const f of fs) pool.request(f, 0);
    pool.workers = 3;
    expect([pool.next(0), pool.next(0), pool.next(0)]).toEqual([fs[1], fs[2], null]);
    pool.request(frame(), 0);
    pool.workers = 1;
    expect(pool.release(0, fs[0])).toBeNull(); // 3 busy, 1 allowed: the worker goes, the waiting request stays
    expect(pool.release(0, fs[1])).toBeNull();
    expect(pool.release(0, fs[2])).not.toBeNull(); // back to the limit: the worker passes on
  });

  it('drop(g) frees the group and empties its queue', () => {
    const { owner, pool, frame } = setup(2, 1, 10);
    pool.request(frame(), 0);
    pool.request(frame(), 0);
    pool.request(frame(), 1);
    pool.drop(0);
    expect(Array.from(pool.busyAt)).toEqual([0, 1]);
    expect(pool.waiting(0)).toBe(0);
    expect(owner.busy.current).toBe(1);
    expect(owner.queued.current).toBe(0);
    expect(pool.request(frame(), 0)).toBe(GRANTED);
  });

  it('queueingStats() gives the mean and SCV of the gaps between arrivals at a queue and of the holding times, and the share turned away', () => {
    const { sim, pool, frame } = setup(2, 1, 1);
    // group 0: arrivals at 0, 10, 30 (gaps 10, 20) and 30 again (queue full: turned away, gap 0);
    // holds 0–25 (25) and 25–40 (15); group 1: one arrival, no gap
    const held: Frame[] = [];
    const arrive = sim.onTimer((g) => {
      const f = frame();
      if (pool.request(f, g) === GRANTED && g === 0) held.push(f);
    });
    const done = sim.onTimer(() => {
      const next = pool.release(0, held.shift() as Frame);
      if (next !== null) held.unshift(next);
    });
    for (const [t, g] of [
      [0, 0],
      [10, 0],
      [30, 0],
      [30, 0],
      [5, 1],
    ])
      sim.timer(t, arrive, g);
    sim.timer(25, done);
    sim.timer(40, done);
    sim.run(Infinity);
    const gaps = [10, 20, 0],
      gapMean = 10,
      gapVar = gaps.reduce((s, x) => s + (x - gapMean) ** 2, 0) / 3;
    expect(pool.queueingStats()).toEqual({
      servers: 1,
      queues: 2,
      queueCapacity: 1,
      blocking: 0.2,
      serviceMs: 20,
      serviceScv: 25 / 400,
      interarrivalMs: gapMean,
      interarrivalScv: +(gapVar / gapMean ** 2).toFixed(4),
    });
  });

  it('leaves out an unbounded queue capacity and the moments of fewer than two values', () => {
    const { pool, frame } = setup(1, 2, Infinity);
    pool.request(frame(), 0);
    expect(pool.queueingStats()).toEqual({ servers: 2, queues: 1, blocking: 0 });
  });

  it('records the wait of measured requests only', () => {
    const { pool, owner, frame } = setup(1, 1, 10);
    const f = frame();
    f.measured = false;
    pool.request(f, 0);
    expect(owner.wait.count).toBe(0);
  });
});
