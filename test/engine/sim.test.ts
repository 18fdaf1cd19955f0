import { describe, it, expect } from 'vitest';
import { Frame, Sim, Status, type Receiver, type Wire } from '../../src/engine/sim.js';

/** A callee that answers every call `delay` ms after it arrives. */
class Server implements Receiver {
  readonly h: number;
  received = 0;
  constructor(
    readonly sim: Sim,
    readonly delay: number,
  ) {
    this.h = sim.onFrame((f) => sim.respond(f, Status.ok));
  }
  receive(f: Frame): void {
    this.received++;
    this.sim.after(this.delay, this.h, f);
  }
  reply(): void {}
}

/** The client side: records every answer it is given. */
class Caller implements Receiver {
  readonly answers: [Status, number][] = [];
  receive(): void {}
  reply(_caller: Frame, status: Status, f: Frame): void {
    this.answers.push([status, f.id]);
  }
}

const wire = (to: Receiver, latency = 0): Wire => ({ to, instant: latency === 0, latency: () => latency });

function setup(delay: number, latency = 0) {
  const sim = new Sim();
  const server = new Server(sim, delay);
  const client = new Caller();
  const caller = new Frame(-1);
  caller.at = client;
  return { sim, server, client, caller, link: wire(server, latency) };
}

describe('Sim.deliver: answers reach only the caller frame that made the call', () => {
  it('drops an answer whose caller frame was released and reused since the call (parent generation check)', () => {
    const { sim, server, link } = setup(5, 1);
    const first = new Caller(),
      second = new Caller();
    const parent = sim.alloc();
    parent.at = first;
    const child = sim.call(parent, link);
    child.id = 9;
    sim.run(2); // the call is at the server
    expect(server.received).toBe(1);
    sim.release(parent); // its own caller gave up on it...
    const reused = sim.alloc(); // ...and the pool hands the same frame to another request
    expect(reused).toBe(parent);
    reused.at = second;
    sim.run(Infinity); // the answer comes back at 7 ms
    expect(first.answers).toEqual([]);
    expect(second.answers).toEqual([]); // without the generation check the stranger gets it
    expect(sim.live).toBe(1); // only the reused frame: the late child was released
  });
});

describe('Sim.send: a request whose first frame is the call itself', () => {
  it('answers the caller with the frame, then releases it', () => {
    const { sim, server, client, caller, link } = setup(5, 1);
    const f = sim.alloc();
    f.id = 42;
    sim.send(f, caller, link);
    expect(sim.live).toBe(1);
    sim.run(Infinity);
    expect(server.received).toBe(1);
    expect(client.answers).toEqual([[Status.ok, 42]]);
    expect(sim.now).toBe(7); // 1 ms there, 5 ms of work, 1 ms back
    expect(sim.live).toBe(0);
  });

  it('times out the caller, keeps the frame until the callee answers, and drops the late answer', () => {
    const { sim, client, caller, link } = setup(50);
    const f = sim.alloc();
    f.id = 7;
    sim.send(f, caller, link, 10);
    sim.run(20);
    expect(client.answers).toEqual([[Status.timeout, 7]]);
    expect(sim.live).toBe(1); // the server is still working on it
    sim.run(Infinity);
    expect(client.answers).toEqual([[Status.timeout, 7]]);
    expect(sim.live).toBe(0);
  });

  it('reuses released frames instead of growing the pool', () => {
    const { sim, caller, link } = setup(1);
    for (let i = 0; i < 1000; i++) {
      sim.send(sim.alloc(), caller, link);
      sim.run(Infinity);
    }
    expect(sim.frames.length).toBe(1);
  });

  it('grows the free list past its first size and hands every frame out again', () => {
    const sim = new Sim();
    const held = Array.from({ length: 3000 }, () => sim.alloc());
    expect(new Set(held.map((f) => f.idx)).size).toBe(3000);
    for (const f of held) sim.release(f);
    const again = Array.from({ length: 3000 }, () => sim.alloc());
    expect(sim.frames.length).toBe(3000);
    expect(new Set(again.map((f) => f.idx)).size).toBe(3000);
    expect(again.every((f) => f.gen === 1)).toBe(true); // each was released once: events for its old use are void
  });
});

describe('Sim: clock, generations and calls', () => {
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
