/**
 * The scenario's `sweep:` block: the parameter `archsim sweep FILE` varies when
 * no `--set id.param=FROM..TO` is given, its range (from, to, steps) or its
 * values, and the replications per point. Checked at load like every other
 * key, each problem at its own path (so at its line and column); the points
 * themselves come from analysis/sweep.ts, the same as the command line's.
 *
 * @example
 * sweep: { param: users.rate, from: 100/s, to: 1000/s, steps: 10, replications: 3 }
 */
import { makeSweep, MAX_SWEEP_POINTS, type Sweep } from '../analysis/sweep.js';
import type { RawProblem } from './resolve-param.js';
import { isObject } from './is-object.js';
import { didYouMean, show } from './suggest.js';
import { ValueError } from './units.js';

/** Keys of the sweep block, in the order docs and schema list them. */
export const SWEEP_KEYS = ['param', 'from', 'to', 'steps', 'values', 'replications'];

/** Most replications per sweep point (the command line's --replications bound). */
export const MAX_SWEEP_REPLICATIONS = 1000;

/** A resolved `sweep:` block: the points to run, and the replications per point when the block sets them. */
export interface ScenarioSweep extends Sweep {
  replications?: number;
  /** The range's ends as written, when the block gives a range (so --steps can re-space it). */
  from?: string;
  to?: string;
}

/** What checking the block needs: the component ids and each one's parameter names, and where to report. */
export interface SweepContext {
  /** The parameter names of component `id`, or undefined when there is no such component. */
  paramsOf(id: string): readonly string[] | undefined;
  /** Top-level settings a sweep may vary (duration, warmup, …). */
  topLevel: readonly string[];
  report(p: RawProblem): void;
}

/** A range end or a listed value as the text `--set` would take: numbers and strings as written. */
const asText = (v: unknown): string | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? String(v) : typeof v === 'string' ? v : undefined;

/** Resolves `sweep:`; undefined when absent or when a problem was reported (each with its path). */
export function resolveSweep(v: unknown, ctx: SweepContext): ScenarioSweep | undefined {
  if (v === undefined || v === null) return undefined;
  const at = (...path: (string | number)[]) => ['sweep', ...path];
  if (!isObject(v)) {
    ctx.report({ path: at(), message: `expected a sweep such as {param: users.rate, from: 100/s, to: 1000/s, steps: 10}, got ${show(v)}` });
    return undefined;
  }
  let ok = true;
  const bad = (path: (string | number)[], message: string, key = false) => {
    ok = false;
    ctx.report({ path: at(...path), message, ...(key ? { at: 'key' as const } : {}) });
  };
  for (const k of Object.keys(v))
    if (!SWEEP_KEYS.includes(k))
      bad([k], `unknown key "${k}"${didYouMean(k, SWEEP_KEYS) || ` (expected one of ${SWEEP_KEYS.join(', ')})`}`, true);
  const param = checkParam(v.param, ctx, (m) => bad(['param'], m));
  const hasRange = v.from !== undefined || v.to !== undefined;
  if (hasRange && v.values !== undefined) bad(['values'], 'give either from and to, or values, not both');
  if (!hasRange && v.values === undefined) bad([], 'expected from and to (a range) or values (a list) to sweep over');
  const count = (key: string, min: number, max: number): number | undefined => {
    const n = v[key];
    if (n === undefined) return undefined;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
      bad([key], `expected an integer from ${min} to ${max}, got ${show(n)}`);
      return undefined;
    }
    return n;
  };
  const steps = count('steps', 2, MAX_SWEEP_POINTS);
  const replications = count('replications', 1, MAX_SWEEP_REPLICATIONS);
  if (steps !== undefined && v.values !== undefined) bad(['steps'], 'steps applies to a range (from, to), not to values');
  let range: Parameters<typeof makeSweep>[1] | undefined;
  if (hasRange) {
    const from = asText(v.from),
      to = asText(v.to);
    if (from === undefined) bad(['from'], `expected a number, rate or duration where the range starts, got ${show(v.from)}`);
    if (to === undefined) bad(['to'], `expected a number, rate or duration where the range ends, got ${show(v.to)}`);
    if (from !== undefined && to !== undefined) range = { from, to, steps };
  } else if (v.values !== undefined) {
    if (!Array.isArray(v.values)) bad(['values'], `expected a list of values such as [1, 2, 4, 8], got ${show(v.values)}`);
    else {
      const values = v.values.map(asText);
      const wrong = values.indexOf(undefined);
      if (wrong >= 0) bad(['values', wrong], `expected a number or a string, got ${show(v.values[wrong])}`);
      else range = { values: values as string[] };
    }
  }
  if (!ok || param === undefined || range === undefined) return undefined;
  try {
    const ends = 'from' in range ? { from: range.from, to: range.to } : {};
    return { ...makeSweep(param, range), ...ends, ...(replications === undefined ? {} : { replications }) };
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    ctx.report({ path: at('values' in range ? 'values' : 'from'), message: e.message });
    return undefined;
  }
}

/** The swept parameter: `id.param` naming a component and one of its parameters, or a top-level setting. */
function checkParam(v: unknown, ctx: SweepContext, bad: (m: string) => void): string | undefined {
  if (typeof v !== 'string' || !v) {
    bad(`expected the parameter to sweep as id.param (e.g. users.rate), got ${show(v)}`);
    return undefined;
  }
  const keys = v.split('.');
  if (keys.length === 1) {
    if (ctx.topLevel.includes(v)) return v;
    bad(`"${v}" is not a top-level setting${didYouMean(v, ctx.topLevel)}; for a component write id.param, e.g. users.rate`);
    return undefined;
  }
  const params = ctx.paramsOf(keys[0]);
  if (params === undefined) {
    bad(`no component "${keys[0]}" in this scenario`);
    return undefined;
  }
  if (!params.includes(keys[1])) {
    bad(`component "${keys[0]}" has no parameter "${keys[1]}"${didYouMean(keys[1], params)}`);
    return undefined;
  }
  return v;
}
