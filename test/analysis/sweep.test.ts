import { describe, expect, it } from 'vitest';
import { kneeOf, MAX_SWEEP_POINTS, makeSweep, parseSweep } from '../../src/analysis/sweep.js';

describe('parseSweep(text, steps)', () => {
  it('parseSweep("users.rate=100/s..1000/s", 10) gives ten evenly spaced rates, ends included', () => {
    const s = parseSweep('users.rate=100/s..1000/s', 10);
    expect(s.param).toBe('users.rate');
    expect(s.unit).toBe('rps');
    expect(s.points.map((p) => p.x)).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    expect(s.points[2]).toEqual({ value: '300/s', set: 'users.rate=300/s', x: 300 });
  });

  it('reads rates in any unit and writes them per second', () => {
    const s = parseSweep('users.rate=6000/min..1200/min', 3);
    expect(s.points.map((p) => p.value)).toEqual(['100/s', '60/s', '20/s']);
  });

  it('parseSweep("app.instances=1..8") gives every integer; with steps, integers still', () => {
    expect(parseSweep('app.instances=1..8').points.map((p) => p.value)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(parseSweep('app.instances=1..8', 4).points.map((p) => p.x)).toEqual([1, 3, 6, 8]);
  });

  it('sweeps durations and fractional numbers with DEFAULT_SWEEP_STEPS points', () => {
    const d = parseSweep('app.serviceTime=1ms..2s', 3);
    expect(d.unit).toBe('ms');
    expect(d.points.map((p) => p.value)).toEqual(['1ms', '1.0005s', '2s']);
    expect(parseSweep('cache.hitRatio=0.0..0.9').points.map((p) => p.x)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
  });

  it('takes a list of values, commas inside brackets kept', () => {
    const s = parseSweep('app.serviceTime=exp(1ms),lognormal(2ms, 9ms)');
    expect(s.points.map((p) => p.set)).toEqual(['app.serviceTime=exp(1ms)', 'app.serviceTime=lognormal(2ms, 9ms)']);
    expect(s.points.map((p) => p.x)).toEqual([0, 1]);
    expect(parseSweep('app.workers=1,2,4,8').points.map((p) => p.x)).toEqual([1, 2, 4, 8]);
    expect(parseSweep('users.rate=10/s,1/ms').points.map((p) => p.x)).toEqual([10, 1000]);
  });

  it('says what is wrong with a malformed sweep', () => {
    expect(() => parseSweep('users.rate')).toThrow('expected PARAM=FROM..TO or PARAM=A,B,C');
    expect(() => parseSweep('users.rate=100/s')).toThrow('expected a range FROM..TO or a list A,B,C after "users.rate=", got "100/s"');
    expect(() => parseSweep('users.rate=100/s..2s')).toThrow('expected a range of two numbers, two rates');
    expect(() => parseSweep('users.rate=100/s..1000/s', 1)).toThrow(`expected steps to be an integer from 2 to ${MAX_SWEEP_POINTS}, got 1`);
    expect(() => parseSweep('app.instances=1..1000')).toThrow('1..1000 has 1000 points; a sweep has at most 200');
    expect(() => parseSweep('app.instances=3..3')).toThrow('the range 3..3 is empty');
    expect(() => parseSweep('app.workers=1,2', 3)).toThrow('--steps applies to a range FROM..TO');
    expect(() => parseSweep('.rate=1..2')).toThrow('expected the parameter as id.param');
    expect(() => makeSweep('app.workers', { values: ['1', ''] })).toThrow('value 2 of the list is empty');
  });
});

describe('kneeOf(xs, ys)', () => {
  it('finds where an M/M/1 p99 turns steep: ρ from 0.1 to 0.95, knee at ρ ≈ 0.76', () => {
    const rho = Array.from({ length: 10 }, (_, i) => 0.1 + (0.85 * i) / 9);
    const p99 = rho.map((r) => Math.log(100) / (1 - r));
    expect(rho[kneeOf(rho, p99) ?? -1]).toBeCloseTo(0.7611, 3);
  });

  it('finds where more capacity stops paying back on a falling curve', () => {
    expect(kneeOf([1, 2, 3, 4, 5, 6], [300, 120, 100, 98, 97, 96])).toBe(1);
  });

  it('has no knee on a straight line, on fewer than three points, and skips missing values', () => {
    expect(kneeOf([1, 2, 3, 4], [10, 20, 30, 40])).toBeUndefined();
    expect(kneeOf([1, 2], [1, 100])).toBeUndefined();
    expect(kneeOf([1, 2, 3, 4, 5], [1, null, 1.2, 1.5, 100])).toBe(3);
  });
});
