import { describe, it, expect } from 'vitest';
import { parseDuration, parseRate, formatDuration, formatRate } from '../../src/scenario/index.js';

describe('parseDuration', () => {
  it.each([
    ['250ms', 250],
    ['2s', 2000],
    ['1.5s', 1500],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1d', 86_400_000],
    ['10us', 0.01],
    ['5µs', 0.005],
    ['1h30m', 5_400_000],
    ['1m 30s', 90_000],
    ['2 s', 2000],
    [250, 250],
    [0, 0],
  ])('parseDuration(%j) is %d ms', (v, ms) => expect(parseDuration(v)).toBe(ms));

  it.each([
    ['5 parsecs', 'expected a duration such as "250ms" or "2s", got "5 parsecs"'],
    ['ms', 'expected a duration such as "250ms" or "2s", got "ms"'],
    ['', 'expected a duration such as "250ms" or "2s", got ""'],
    ['-5ms', 'expected a non-negative duration such as "250ms" or "2s", got "-5ms"'],
    [-1, 'expected a non-negative duration such as "250ms" or "2s", got -1'],
    [Infinity, 'expected a duration such as "250ms" or "2s", got Infinity'],
    [NaN, 'expected a duration such as "250ms" or "2s", got NaN'],
    [true, 'expected a duration such as "250ms" or "2s", got true'],
    ['  5  ', 'got "  5  " (as text it needs a unit, such as "5ms" or "5s"; the bare number 5 means milliseconds)'],
    ['250', 'got "250" (as text it needs a unit, such as "250ms" or "250s"; the bare number 250 means milliseconds)'],
    [' 2s', 'got " 2s" (remove the blank characters around it)'],
    ['2s\n', 'got "2s\\n" (remove the blank characters around it)'],
    ['\t2s', 'got "\\t2s" (remove the blank characters around it)'],
    ['\u00a02s', 'got "\u00a02s" (remove the blank characters around it)'],
    ['2\u00a0s', 'expected a duration such as "250ms" or "2s", got "2\u00a0s"'],
  ])('rejects %j', (v, msg) => expect(() => parseDuration(v)).toThrow(msg));
});

describe('parseRate', () => {
  it.each([
    ['100/s', 100],
    ['6000/min', 100],
    ['10/ms', 10_000],
    ['360/h', 0.1],
    ['100 rps', 100],
    ['10 / s', 10],
    [5, 5],
  ])('parseRate(%j) is %d per second', (v, r) => expect(parseRate(v)).toBeCloseTo(r, 12));

  it.each([
    ['x/s', 'expected a rate such as "100/s" or "6000/min", got "x/s"'],
    ['100/parsec', 'expected a rate such as "100/s" or "6000/min", got "100/parsec"'],
    ['-1/s', 'expected a non-negative rate such as "100/s" or "6000/min", got "-1/s"'],
    [{}, 'expected a rate such as "100/s" or "6000/min", got an object'],
    ['7', 'got "7" (as text it needs a unit, such as "7/s" or "7/min"; the bare number 7 means per second)'],
    [' 7/s ', 'got " 7/s " (remove the blank characters around it)'],
  ])('rejects %j', (v, msg) => expect(() => parseRate(v)).toThrow(msg));
});

describe('formatDuration and formatRate', () => {
  it('pick the largest readable unit', () => {
    expect([0, 0.5, 999, 1500, 90_000, 3_600_000, 2 * 86_400_000].map((ms) => formatDuration(ms))).toEqual([
      '0ms',
      '500us',
      '999ms',
      '1.5s',
      '1.5m',
      '1h',
      '2d',
    ]);
    expect([100, 0.5, 0.001].map(formatRate)).toEqual(['100/s', '30/min', '3.6/h']);
    expect(formatDuration(600_054, 3)).toBe('10m'); // reports: fewer significant digits
    expect(formatDuration(47_031, 4)).toBe('47.03s');
  });
  it('round-trip through the parsers', () => {
    for (const ms of [0.25, 12, 2500, 90_000, 7_200_000]) expect(parseDuration(formatDuration(ms))).toBeCloseTo(ms, 9);
    for (const r of [0.01, 0.5, 3, 12_000]) expect(parseRate(formatRate(r))).toBeCloseTo(r, 9);
  });
});
