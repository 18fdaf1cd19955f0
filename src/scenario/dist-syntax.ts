/**
 * The distribution syntax of the scenario format: shorthand strings
 * ("exp(10ms)", "uniform(5ms, 15ms)") and object form ({dist: exponential, mean: 10ms}),
 * parsed into the engine's plain-data DistSpec. All durations resolve to ms.
 */
import type { DistName, DistSpec } from '../engine/distributions.js';
import { DURATION_HINT, parseDuration, ValueError } from './units.js';
import { didYouMean, show } from './suggest.js';
import { isObject } from './is-object.js';

/** Shorthand function names (and their aliases) → distribution. */
const NAMES: Record<string, DistName> = {
  constant: 'constant',
  exp: 'exponential',
  exponential: 'exponential',
  uniform: 'uniform',
  normal: 'normal',
  lognormal: 'lognormal',
  pareto: 'pareto',
  erlang: 'erlang',
  empirical: 'empirical',
};
/** Shorthand argument names, in order; `k` and `shape` are plain numbers, the rest durations (a bare number: ms). */
const ARGS: Record<DistName, string[]> = {
  constant: ['value'],
  exponential: ['mean'],
  uniform: ['min', 'max'],
  normal: ['mean', 'sd'],
  lognormal: ['median', 'p99'],
  pareto: ['scale', 'shape'],
  erlang: ['k', 'mean'],
  empirical: ['values', 'weights'],
};
const MAX_EMPIRICAL = 10_000;
/** Largest Erlang shape `k` accepted (also the JSON Schema's maximum). */
export const MAX_ERLANG_K = 1000;

/** Shorthand forms, for messages and the JSON Schema. */
export const DIST_EXAMPLES = [
  '5ms',
  'exp(10ms)',
  'uniform(5ms, 15ms)',
  'normal(20ms, 5ms)',
  'lognormal(20ms, 200ms)',
  'pareto(10ms, 2.5)',
  'erlang(4, 10ms)',
  'empirical(1ms:0.9, 50ms:0.1)',
];
/** Pattern of a shorthand distribution string that is not a plain duration. */
export const DIST_CALL_PATTERN = String.raw`^\s*[A-Za-z]+\s*\(.*\)\s*$`;
/** Names accepted in `{dist: NAME}` and as shorthand functions. */
export const DIST_NAMES = Object.keys(NAMES);

const hint = 'a distribution such as "5ms", "exp(10ms)" or "uniform(5ms, 15ms)"';

/**
 * Parses a distribution of durations; throws ValueError naming what is expected.
 * @example parseDist('uniform(5ms, 15ms)') // {dist: 'uniform', min: 5, max: 15}
 */
export function parseDist(v: unknown): DistSpec {
  if (typeof v === 'number') return { dist: 'constant', value: parseDuration(v) };
  if (typeof v === 'string') return parseShorthand(v);
  if (isObject(v)) return parseObject(v);
  throw new ValueError(`expected ${hint}, got ${show(v)}`);
}

function parseShorthand(text: string): DistSpec {
  const call = /^\s*([A-Za-z]+)\s*\((.*)\)\s*$/s.exec(text);
  if (!call) {
    if (/^\s*[A-Za-z]+\s*\(/.test(text)) throw new ValueError(`expected ${hint}, got ${show(text)} (missing ")")`);
    try {
      return { dist: 'constant', value: parseDuration(text) };
    } catch (e) {
      // keep the duration's own message when it says more (negative, padded, no unit)
      if ((e as Error).message !== `expected ${DURATION_HINT}, got ${show(text)}`) throw e;
      throw new ValueError(`expected ${hint}, got ${show(text)}`);
    }
  }
  const [, fn, body] = call;
  const dist = lookup(fn);
  const args = body.trim() === '' ? [] : body.split(',').map((a) => a.trim());
  if (dist === 'empirical') {
    const pairs = args.map((a) => a.split(':').map((x) => x.trim()));
    const bad = pairs.findIndex((p) => p.length !== 2 || !p[0] || !p[1]);
    if (!pairs.length || bad >= 0)
      throw new ValueError(`${fn}() takes value:weight pairs such as "empirical(1ms:0.9, 50ms:0.1)", got ${show(text)}`);
    return build(dist, { values: pairs.map((p) => numeric(p[0])), weights: pairs.map((p) => numeric(p[1])) }, fn);
  }
  const names = ARGS[dist];
  if (args.length !== names.length) {
    const n = names.length;
    throw new ValueError(`${fn}() takes ${n} argument${n > 1 ? 's' : ''} (${names.join(', ')}), got ${args.length}`);
  }
  // an argument is read as a YAML value would be: a bare number is a number (ms, for a duration)
  return build(dist, Object.fromEntries(names.map((k, i) => [k, numeric(args[i])])), fn);
}

function parseObject(o: Record<string, unknown>): DistSpec {
  if (!('dist' in o)) throw new ValueError(`expected ${hint}; an object needs "dist" (one of ${Object.keys(ARGS).join(', ')})`);
  if (typeof o.dist !== 'string') throw new ValueError(`dist: expected a distribution name, got ${show(o.dist)}`);
  const dist = lookup(o.dist);
  const allowed = ARGS[dist];
  for (const k of Object.keys(o))
    if (k !== 'dist' && !allowed.includes(k))
      throw new ValueError(`unknown key "${k}" for ${dist}${didYouMean(k, allowed)} (expected ${allowed.join(', ')})`);
  const optional = dist === 'empirical' ? ['weights'] : [];
  const missing = allowed.filter((k) => o[k] === undefined && !optional.includes(k));
  if (missing.length) throw new ValueError(`${dist} needs ${missing.map((k) => `"${k}"`).join(' and ')}`);
  return build(dist, o, dist);
}

function lookup(name: string): DistName {
  const d = NAMES[name.toLowerCase()];
  if (d) return d;
  throw new ValueError(`unknown distribution "${name}"${didYouMean(name, DIST_NAMES)} (expected one of ${DIST_NAMES.join(', ')})`);
}

/** A shorthand argument that must be a plain number: kept as text when it is not one, so the message shows it. */
function numeric(s: string): number | string {
  return s !== '' && Number.isFinite(Number(s)) ? Number(s) : s;
}

function build(dist: DistName, a: Record<string, unknown>, fn: string): DistSpec {
  const dur = (k: string) => {
    try {
      return parseDuration(a[k]);
    } catch (e) {
      throw new ValueError(`${fn}: ${k}: ${(e as Error).message}`);
    }
  };
  const fail = (msg: string): never => {
    throw new ValueError(`${fn}: ${msg}`);
  };
  switch (dist) {
    case 'constant':
      return { dist, value: dur('value') };
    case 'exponential':
      return { dist, mean: dur('mean') };
    case 'uniform': {
      const min = dur('min'),
        max = dur('max');
      if (max < min) fail(`max must be ≥ min, got min ${show(a.min)} and max ${show(a.max)}`);
      return { dist, min, max };
    }
    case 'normal':
      return { dist, mean: dur('mean'), sd: dur('sd') };
    case 'lognormal': {
      const median = dur('median'),
        p99 = dur('p99');
      if (median <= 0) fail(`median must be > 0, got ${show(a.median)}`);
      if (p99 <= median) fail(`p99 must exceed the median, got median ${show(a.median)} and p99 ${show(a.p99)}`);
      return { dist, median, p99 };
    }
    case 'pareto': {
      const scale = dur('scale'),
        shape = a.shape;
      if (scale <= 0) fail(`scale must be > 0, got ${show(a.scale)}`);
      if (typeof shape !== 'number' || !Number.isFinite(shape) || shape <= 0) fail(`shape: expected a number > 0, got ${show(shape)}`);
      return { dist, scale, shape: shape as number };
    }
    case 'erlang': {
      const k = a.k;
      if (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || k > MAX_ERLANG_K)
        fail(`k: expected an integer between 1 and ${MAX_ERLANG_K}, got ${show(k)}`);
      return { dist, k: k as number, mean: dur('mean') };
    }
    case 'empirical': {
      if (!Array.isArray(a.values) || a.values.length === 0) fail(`values: expected a non-empty list of durations, got ${show(a.values)}`);
      const raw = a.values as unknown[];
      if (raw.length > MAX_EMPIRICAL) fail(`at most ${MAX_EMPIRICAL} values, got ${raw.length}`);
      const values = raw.map((v, i) => {
        try {
          return parseDuration(v);
        } catch (e) {
          return fail(`values[${i}]: ${(e as Error).message}`);
        }
      });
      const weights = a.weights === undefined ? values.map(() => 1) : a.weights;
      if (!Array.isArray(weights) || weights.length !== values.length)
        fail(`weights: expected a list of ${values.length} numbers (one per value), got ${show(weights)}`);
      (weights as unknown[]).forEach((w, i) => {
        if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) fail(`weights[${i}]: expected a number ≥ 0, got ${show(w)}`);
      });
      if (!(weights as number[]).some((w) => w > 0)) fail('weights must not all be 0');
      return { dist, values, weights: weights as number[] };
    }
  }
}
