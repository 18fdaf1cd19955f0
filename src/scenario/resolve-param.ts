/**
 * Resolves one raw value against its parameter descriptor: checks type, bounds,
 * enum values, patterns and nested shapes, fills in defaults, and converts units
 * (durations → ms, rates → per second, distributions → DistSpec).
 */
import type { Param, Resolved, ResolvedObject } from '../kinds/params.js';
import type { Path } from './parse.js';
import { DIST_EXAMPLES, parseDist } from './dist-syntax.js';
import { isObject } from './is-object.js';
import { ownValue, plainMap, reservedReason } from './plain-map.js';
import { didYouMean, show } from './suggest.js';
import { DURATION_HINT, formatDuration, formatRate, parseDuration, parseRate, RATE_HINT, type ValueError } from './units.js';

/** A problem found while resolving, located by path; `at: 'key'` points at the key rather than its value. */
export interface RawProblem {
  path: Path;
  message: string;
  at?: 'key';
}

/** What resolution needs to know about the component being resolved. */
export interface ParamContext {
  /** Ids this component links to, for `ref: 'linked'` strings. */
  targets: readonly string[];
  report(p: RawProblem): void;
}

/** "≥ 1", "between 0 and 1", "> 0 and ≤ 10" for a descriptor's bounds, formatted by `fmt`. */
function bounds(d: { min?: number; max?: number; minExclusive?: boolean }, fmt: (x: number) => string): string {
  const { min, max, minExclusive } = d;
  if (min !== undefined && max !== undefined && !minExclusive) return ` between ${fmt(min)} and ${fmt(max)}`;
  const parts = [];
  if (min !== undefined) parts.push(`${minExclusive ? '>' : '≥'} ${fmt(min)}`);
  if (max !== undefined) parts.push(`≤ ${fmt(max)}`);
  return parts.length ? ` ${parts.join(' and ')}` : '';
}

/** What a descriptor expects, as a phrase: `an integer ≥ 1`, `one of lru, lfu`. */
export function expectation(d: Param): string {
  switch (d.type) {
    case 'number':
      return `${d.integer ? 'an integer' : 'a number'}${bounds(d, String)}`;
    case 'duration': {
      const b = bounds(d, formatDuration);
      return b ? `a duration${b}` : DURATION_HINT;
    }
    case 'rate': {
      const b = bounds(d, formatRate);
      return b ? `a rate${b}` : RATE_HINT;
    }
    case 'dist':
      return `a distribution such as ${DIST_EXAMPLES.slice(0, 3)
        .map((x) => JSON.stringify(x))
        .join(', ')}`;
    case 'enum':
      return `one of ${d.values.join(', ')}`;
    case 'boolean':
      return 'true or false';
    case 'string':
      return d.pattern ? `a string matching /${d.pattern}/` : 'a string';
    case 'object':
      return `a mapping with keys ${Object.keys(d.fields).join(', ')}`;
    case 'map':
      return `a mapping from ${d.keyLabel ?? 'name'} to ${expectation(d.values)}`;
    case 'list':
      return `a list of ${expectation(d.items).replace(/^an? /, '')}s`;
  }
}

function inBounds(x: number, d: { min?: number; max?: number; minExclusive?: boolean }): boolean {
  if (d.min !== undefined && (d.minExclusive ? x <= d.min : x < d.min)) return false;
  return d.max === undefined || x <= d.max;
}

/** True when a descriptor resolves to something when the value is absent. */
function hasDefault(d: Param): boolean {
  if (d.type === 'object') return !d.optional && Object.values(d.fields).some(hasDefault);
  return 'default' in d && d.default !== undefined;
}

/**
 * Resolves `v` (absent when undefined or null) against `d`, reporting problems at `path`.
 * Returns undefined when the value is absent without a default, or invalid.
 */
export function resolveParam(d: Param, v: unknown, path: Path, ctx: ParamContext): Resolved {
  if (v === undefined || v === null) {
    if (hasDefault(d))
      return d.type === 'object' ? resolveFields(d.fields, {}, path, ctx) : resolveParam(d, (d as { default: unknown }).default, path, ctx);
    if (d.required) ctx.report({ path, message: `required: expected ${expectation(d)}` });
    return undefined;
  }
  const bad = (detail = ''): undefined => {
    ctx.report({ path, message: `expected ${expectation(d)}, got ${show(v)}${detail}` });
    return undefined;
  };
  const convert = (f: (v: unknown) => number, d: { min?: number; max?: number; minExclusive?: boolean }): number | undefined => {
    try {
      const x = f(v);
      return inBounds(x, d) ? x : bad();
    } catch (e) {
      ctx.report({ path, message: (e as ValueError).message });
      return undefined;
    }
  };
  switch (d.type) {
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v) || (d.integer && !Number.isInteger(v)) || !inBounds(v, d)) return bad();
      return v;
    case 'duration':
      return convert(parseDuration, d);
    case 'rate':
      return convert(parseRate, d);
    case 'dist':
      try {
        return parseDist(v);
      } catch (e) {
        ctx.report({ path, message: (e as ValueError).message });
        return undefined;
      }
    case 'enum':
      if (typeof v !== 'string' || !d.values.includes(v)) return bad(typeof v === 'string' ? didYouMean(v, d.values) : '');
      return v;
    case 'boolean':
      return typeof v === 'boolean' ? v : bad();
    case 'string':
      if (typeof v !== 'string' || (d.pattern && !new RegExp(d.pattern).test(v))) return bad();
      if (d.ref === 'linked' && !ctx.targets.includes(v)) {
        const hint = didYouMean(v, ctx.targets);
        ctx.report({
          path,
          message: `"${v}" is not linked from this component${hint || ` (linked: ${ctx.targets.join(', ') || 'none'})`}`,
        });
        return undefined;
      }
      return v;
    case 'object':
      return isObject(v) ? resolveFields(d.fields, v, path, ctx) : bad();
    case 'map': {
      if (!isObject(v)) return bad();
      const entries = Object.entries(v);
      if (d.maxEntries !== undefined && entries.length > d.maxEntries) return bad(` (at most ${d.maxEntries} entries)`);
      const keyRe = d.keyPattern ? new RegExp(d.keyPattern) : undefined;
      const out = plainMap<Resolved>();
      for (const [k, x] of entries) {
        if (keyRe && !keyRe.test(k)) {
          ctx.report({
            path: [...path, k],
            at: 'key',
            message: `expected a ${d.keyLabel ?? 'key'} matching /${d.keyPattern}/, got ${show(k)}`,
          });
          continue;
        }
        const reserved = reservedReason(k);
        if (reserved) {
          ctx.report({ path: [...path, k], at: 'key', message: reserved });
          continue;
        }
        const r = resolveParam(d.values, x, [...path, k], ctx);
        if (r !== undefined) out[k] = r;
      }
      return out;
    }
    case 'list': {
      if (!Array.isArray(v)) return bad();
      if (d.minItems !== undefined && v.length < d.minItems) return bad(` (at least ${d.minItems} item${d.minItems > 1 ? 's' : ''})`);
      if (d.maxItems !== undefined && v.length > d.maxItems) return bad(` (at most ${d.maxItems} items)`);
      // a list has no absent items: null is refused, never resolved to nothing or to defaults
      return v.map((x, i) => {
        if (x !== undefined && x !== null) return resolveParam(d.items, x, [...path, i], ctx);
        ctx.report({ path: [...path, i], message: `expected ${expectation(d.items)}, got ${show(x)}` });
        return undefined;
      });
    }
  }
}

/**
 * Resolves an object against field descriptors: unknown keys get a did-you-mean,
 * absent fields take their defaults, and fields still absent are left out.
 * `owner` names the object in messages ("for service").
 */
export function resolveFields(
  fields: Record<string, Param>,
  v: Record<string, unknown>,
  path: Path,
  ctx: ParamContext,
  owner = '',
): ResolvedObject {
  const names = Object.keys(fields);
  for (const k of Object.keys(v))
    if (!Object.hasOwn(fields, k)) {
      const hint = didYouMean(k, names) || ` (expected ${names.length > 1 ? 'one of ' : ''}${names.join(', ')})`;
      ctx.report({ path: [...path, k], at: 'key', message: `unknown key "${k}"${owner ? ` ${owner}` : ''}${hint}` });
    }
  const out: ResolvedObject = {};
  for (const [k, d] of Object.entries(fields)) {
    const r = resolveParam(d, ownValue(v, k), [...path, k], ctx);
    if (r !== undefined) out[k] = r;
  }
  return out;
}
