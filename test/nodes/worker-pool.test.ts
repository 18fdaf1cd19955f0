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

  it('release(g) hands the worker to the longest-waiting request, FIFO, and records its wait', () => {
    const { sim, owner, pool, frame } = setup(1, 1, 10);
    pool.request(frame(), 0);
    const a = frame(),
      b = frame();
    pool.request(a, 0);
    pool.request(b, 0);
    const log: [number, Frame | null][] = [];
    const h = sim.onTimer(() => log.push([sim.now, pool.release(0)]));
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
    expect(pool.release(0)).toBeNull(); // 3 busy, 1 allowed: the worker goes, the waiting request stays
    expect(pool.release(0)).toBeNull();
    expect(pool.release(0)).not.toBeNull(); // back to the limit: the worker passes on
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

  it('records the wait of measured requests only', () => {
    const { pool, owner, frame } = setup(1, 1, 10);
    const f = frame();
    f.measured = false;
    pool.request(f, 0);
    expect(owner.wait.count).toBe(0);
  });
});
