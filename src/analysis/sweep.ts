/**
 * Sweeps: one parameter varied over a range — `users.rate=100/s..1000/s` in 10
 * steps, `app.instances=1..8`, or a list `app.policy=round-robin,least-connections`
 * — as the list of points to run (each an ordinary `--set`), and the knee of
 * the latency curve they give. Pure: the CLI and the app's main thread share it.
 *
 * @example
 * const sweep = parseSweep('users.rate=100/s..1000/s', 10);
 * sweep.points.map((p) => p.set); // ['users.rate=100/s', 'users.rate=200/s', …, 'users.rate=1000/s']
 * kneeOf(sweep.points.map((p) => p.x), p99s); // index of the knee, or undefined
 */
import { formatDuration, parseDuration, parseRate, ValueError } from '../scenario/units.js';

/** Most points one sweep may have. */
export const MAX_SWEEP_POINTS = 200;

/** Points of a rate or duration range (or a fractional one) when no step count is given. */
export const DEFAULT_SWEEP_STEPS = 10;

/** One point of a sweep: the value written, as `--set` writes it, and its place on the x axis. */
export interface SweepPoint {
  /** The value as written in the scenario: `250/s`, `3`, `least-connections`. */
  value: string;
  /** The `--set` that makes this point: `users.rate=250/s`. */
  set: string;
  /** Position on the x axis: requests per second for a rate, ms for a duration, the number itself, or the index of a listed text value. */
  x: number;
}

/** A parsed sweep: the parameter varied and the points to run, in order. */
export interface Sweep {
  /** The parameter, as `--set` names it: `users.rate`, `app.instances`. */
  param: string;
  /** Unit of `x`: `rps` (a rate, per second), `ms` (a duration), '' (a number, or a list of texts by position). */
  unit: 'rps' | 'ms' | '';
  points: SweepPoint[];
}

/** What a range end looks like, and how it reads and writes. */
interface Scale {
  unit: Sweep['unit'];
  read: (s: string) => number;
  write: (x: number) => string;
}

const num = (x: number) => String(+x.toPrecision(6));
const RATE: Scale = { unit: 'rps', read: parseRate, write: (x) => `${num(x)}/s` };
const DURATION: Scale = { unit: 'ms', read: parseDuration, write: (x) => formatDuration(x) };
const NUMBER: Scale = { unit: '', read: Number, write: num };

const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const INTEGER = /^[+-]?\d+$/;

/** The scale both ends of a range share, or a ValueError saying why they do not fit one. */
function scaleOf(from: string, to: string): Scale {
  if (NUMERIC.test(from) && NUMERIC.test(to)) return NUMBER;
  const fits = (s: Scale) => {
    try {
      s.read(from);
      s.read(to);
      return true;
    } catch {
      return false;
    }
  };
  if (fits(RATE)) return RATE;
  if (fits(DURATION)) return DURATION;
  throw new ValueError(`expected a range of two numbers, two rates ("100/s..1000/s") or two durations ("1ms..10ms"), got "${from}..${to}"`);
}

/**
 * The points of `from..to`: `steps` evenly spaced values, ends included; two
 * integer ends without `steps` give every integer between them (instances,
 * workers), other ranges DEFAULT_SWEEP_STEPS points. Integer ranges stay integer.
 */
export function rangePoints(from: string, to: string, steps?: number): { unit: Sweep['unit']; values: string[]; xs: number[] } {
  const scale = scaleOf(from.trim(), to.trim());
  const a = scale.read(from.trim()),
    b = scale.read(to.trim());
  const isIntegral = scale === NUMBER && INTEGER.test(from.trim()) && INTEGER.test(to.trim());
  if (steps !== undefined && (!Number.isInteger(steps) || steps < 2 || steps > MAX_SWEEP_POINTS))
    throw new ValueError(`expected steps to be an integer from 2 to ${MAX_SWEEP_POINTS}, got ${steps}`);
  const n = steps ?? (isIntegral ? Math.abs(b - a) + 1 : DEFAULT_SWEEP_STEPS);
  if (n > MAX_SWEEP_POINTS) throw new ValueError(`${from}..${to} has ${n} points; a sweep has at most ${MAX_SWEEP_POINTS}`);
  if (a === b) throw new ValueError(`the range ${from}..${to} is empty: its ends are equal`);
  let xs = Array.from({ length: n }, (_, i) => (i === n - 1 ? b : a + ((b - a) * i) / (n - 1)));
  if (isIntegral) xs = [...new Set(xs.map(Math.round))];
  else xs = xs.map((x) => +x.toPrecision(6));
  return { unit: scale.unit, values: xs.map(scale.write), xs };
}

/** Splits a list at commas outside brackets, so `exp(1ms),lognormal(2ms, 9ms)` is two values. */
function splitList(text: string): string[] {
  const out: string[] = [];
  let depth = 0,
    start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(text.slice(start).trim());
  return out;
}

/** A list of values as sweep points: numbers, rates and durations on their own scale when all share one, otherwise by position. */
export function listPoints(values: readonly string[]): { unit: Sweep['unit']; values: string[]; xs: number[] } {
  if (values.length < 2) throw new ValueError(`expected at least two values to sweep over, got ${values.length}`);
  if (values.length > MAX_SWEEP_POINTS) throw new ValueError(`${values.length} values; a sweep has at most ${MAX_SWEEP_POINTS}`);
  const empty = values.indexOf('');
  if (empty >= 0) throw new ValueError(`value ${empty + 1} of the list is empty`);
  for (const scale of [NUMBER, RATE, DURATION]) {
    const xs = values.map((v) => {
      try {
        const x = scale.read(v);
        return scale === NUMBER && !NUMERIC.test(v) ? NaN : x;
      } catch {
        return NaN;
      }
    });
    if (xs.every(Number.isFinite)) return { unit: scale.unit, values: [...values], xs };
  }
  return { unit: '', values: [...values], xs: values.map((_, i) => i) };
}

/** The parameter a sweep varies, `id.param` or a top-level setting, checked for shape only (the scenario checks it names something). */
function checkParam(param: string): string {
  const p = param.trim();
  if (!p || p.split('.').some((k) => k === '')) throw new ValueError(`expected the parameter as id.param, e.g. users.rate, got "${param}"`);
  return p;
}

/** A sweep from its parts: the parameter and a range (`from..to`, optional steps) or a list of values. */
export function makeSweep(param: string, range: { from: string; to: string; steps?: number } | { values: readonly string[] }): Sweep {
  const p = checkParam(param);
  const { unit, values, xs } = 'values' in range ? listPoints(range.values) : rangePoints(range.from, range.to, range.steps);
  return { param: p, unit, points: values.map((value, i) => ({ value, set: `${p}=${value}`, x: xs[i] })) };
}

/**
 * Parses the command line's `--set PARAM=FROM..TO` (with `--steps N`) or
 * `--set PARAM=A,B,C`; throws ValueError saying what is wrong.
 */
export function parseSweep(text: string, steps?: number): Sweep {
  const eq = text.indexOf('=');
  if (eq < 0) throw new ValueError(`expected PARAM=FROM..TO or PARAM=A,B,C (e.g. users.rate=100/s..1000/s), got "${text}"`);
  const param = text.slice(0, eq),
    rest = text.slice(eq + 1).trim();
  const values = splitList(rest);
  if (values.length === 1) {
    const dots = rest.indexOf('..');
    if (dots < 0) throw new ValueError(`expected a range FROM..TO or a list A,B,C after "${param}=", got "${rest}"`);
    return makeSweep(param, { from: rest.slice(0, dots), to: rest.slice(dots + 2), steps });
  }
  if (steps !== undefined) throw new ValueError(`--steps applies to a range FROM..TO, not to the list "${rest}"`);
  return makeSweep(param, { values });
}

/** Whether a `--set` is a sweep (`users.rate=100/s..1000/s`, `app.workers=1,2,4`) rather than one value. */
export function isSweepSet(text: string): boolean {
  const eq = text.indexOf('=');
  if (eq < 0) return false;
  const rest = text.slice(eq + 1).trim();
  return splitList(rest).length > 1 || /^[^([{]*\.\.[^)\]}]*$/.test(rest);
}

/** Below this distance from the chord (both axes scaled to [0, 1]) a curve is called straight: it has no knee. */
export const KNEE_MIN_DISTANCE = 0.1;

/**
 * The knee of a curve, by the Kneedle rule (Satopää et al., 2011): with x and y
 * each scaled to [0, 1], the point farthest from the straight line joining the
 * first and last points — where a load sweep's latency turns from flat to
 * steep, or a capacity sweep's stops paying back. Points without a finite y are
 * skipped; undefined for fewer than three points or a curve within
 * KNEE_MIN_DISTANCE of straight. Returns the index into `xs`.
 */
export function kneeOf(xs: readonly number[], ys: readonly (number | null | undefined)[]): number | undefined {
  const idx = xs.map((_, i) => i).filter((i) => Number.isFinite(xs[i]) && typeof ys[i] === 'number' && Number.isFinite(ys[i]));
  if (idx.length < 3) return undefined;
  const px = idx.map((i) => xs[i]),
    py = idx.map((i) => ys[i] as number);
  const scale = (v: number[]) => {
    const lo = Math.min(...v),
      hi = Math.max(...v);
    return v.map((x) => (hi > lo ? (x - lo) / (hi - lo) : 0));
  };
  const nx = scale(px),
    ny = scale(py);
  const last = idx.length - 1;
  const dx = nx[last] - nx[0],
    dy = ny[last] - ny[0];
  const length = Math.hypot(dx, dy);
  if (length === 0) return undefined;
  let best = -1,
    far = 0;
  for (let k = 1; k < last; k++) {
    const d = Math.abs(dx * (ny[k] - ny[0]) - dy * (nx[k] - nx[0])) / length;
    if (d > far) (far = d), (best = k);
  }
  return best >= 0 && far >= KNEE_MIN_DISTANCE ? idx[best] : undefined;
}
