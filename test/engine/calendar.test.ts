import { describe, it, expect } from 'vitest';
import { Calendar } from '../../src/engine/calendar.js';
import { Sim, Status, type Frame } from '../../src/engine/sim.js';

describe('Calendar', () => {
  it('pops events in (time, sequence) order, ties in scheduling order', () => {
    const c = new Calendar(2);
    const input = [5, 1, 3, 1, 2, 5, 0, 3];
    input.forEach((t, i) => c.push(t, 0, i, 0));
    const log: [number, number][] = [];
    while (c.pop()) log.push([c.topTime, c.topA]);
    expect(log).toEqual([[0, 6], [1, 1], [1, 3], [2, 4], [3, 2], [3, 7], [5, 0], [5, 5]]);
  });

  it('stays ordered through many random pushes and pops (grows past its capacity)', () => {
    const c = new Calendar(4);
    let x = 12345;
    const rand = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let i = 0; i < 50_000; i++) c.push(Math.floor(rand() * 1000), 0, i, 0);
    let last = -1, lastSeq = -1, n = 0;
    while (c.pop()) {
      expect(c.topTime >= last).toBe(true);
      if (c.topTime === last) expect(c.topA > lastSeq).toBe(true);
      last = c.topTime;
      lastSeq = c.topA;
      n++;
    }
    expect(n).toBe(50_000);
  });
});

describe('Sim', () => {
  it('sim.run() advances simulated time event by event', () => {
    const sim = new Sim();
    const log: number[] = [];
    const h = sim.onTimer((k) => {
      log.push(sim.now);
      if (k < 3) sim.timer(1, h, k + 1);
    });
    sim.timer(0, h, 0);
    sim.run(Infinity);
    expect(log).toEqual([0, 1, 2, 3]);
  });

  it('skips events for a frame released (and recycled) since they were scheduled', () => {
    const sim = new Sim();
    const fired: number[] = [];
    const h = sim.onFrame((f) => fired.push(f.id));
    const f = sim.alloc();
    f.id = 1;
    sim.after(10, h, f);
    sim.release(f);
    const g = sim.alloc(); // the same pooled object, next generation
    expect(g).toBe(f);
    g.id = 2;
    sim.after(20, h, g);
    sim.run(Infinity);
    expect(fired).toEqual([2]);
  });

  it('a call with a timeout answers the caller with Status.timeout and drops the late answer', () => {
    const sim = new Sim();
    const replies: [number, Status][] = [];
    let served = 0;
    const slow = {
      receive(f: Frame) {
        sim.after(50, hDone, f);
      },
      reply() {},
    };
    const hDone = sim.onFrame((f) => {
      served++;
      sim.respond(f, Status.ok);
    });
    const caller = { receive() {}, reply: (_f: Frame, s: Status) => replies.push([sim.now, s]) };
    const wire = { to: slow, instant: false, latency: () => 1 };
    const root = sim.alloc();
    root.at = caller;
    sim.call(root, wire, -1, 10);
    sim.run(Infinity);
    expect(replies).toEqual([[10, Status.timeout]]);
    expect(served).toBe(1); // the abandoned work still ran
    expect(sim.live).toBe(1); // only the root remains (the caller owns it)
  });
});
