import { describe, it, expect } from 'vitest';
import { Calendar } from '../../src/engine/calendar.js';

describe('Calendar', () => {
  it('pops events in (time, sequence) order, ties in scheduling order', () => {
    const c = new Calendar(2);
    const input = [5, 1, 3, 1, 2, 5, 0, 3];
    input.forEach((t, i) => c.push(t, 0, i, 0));
    const log: [number, number][] = [];
    while (c.pop()) log.push([c.topTime, c.topA]);
    expect(log).toEqual([
      [0, 6],
      [1, 1],
      [1, 3],
      [2, 4],
      [3, 2],
      [3, 7],
      [5, 0],
      [5, 5],
    ]);
  });

  it('stays ordered through many random pushes and pops (grows past its capacity)', () => {
    const c = new Calendar(4);
    let x = 12345;
    const rand = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 50_000; i++) c.push(Math.floor(rand() * 1000), 0, i, 0);
    let last = -1,
      lastSeq = -1,
      n = 0;
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
