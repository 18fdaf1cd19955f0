/**
 * Variants as data: a variant is a named JSON Merge Patch (RFC 7386) over the
 * base scenario, applied here without validating anything (validation reads
 * variants too, so this file must not depend on it).
 */
import { ScenarioError } from './parse.js';
import { didYouMean } from './suggest.js';
import { isObject } from './is-object.js';
import { ownValue, plainMap } from './plain-map.js';

type Obj = Record<string, unknown>;

/**
 * RFC 7386 JSON Merge Patch: returns a new value; `target` is not modified.
 * Merged mappings have no prototype, so a `__proto__` key in a patch is a key
 * like any other (which validation then refuses as unknown).
 * @example mergePatch({a: 1, b: {c: 2}}, {b: {c: null, d: 3}}) // {a: 1, b: {d: 3}}
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: Obj = Object.assign(plainMap(), isObject(target) ? target : {});
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** Names of the variants a raw scenario defines, in document order. */
export function listVariants(raw: unknown): string[] {
  return isObject(raw) && isObject(raw.variants) ? Object.keys(raw.variants) : [];
}

/**
 * The raw scenario with variant `name` applied (its `variants` kept, for listing).
 * Throws ScenarioError naming the variants when there is no such one.
 * @example applyVariant(raw, '+pool')
 */
export function applyVariant(raw: unknown, name: string): unknown {
  const names = listVariants(raw);
  if (!names.includes(name)) {
    const known = names.length ? ` (variants: ${names.join(', ')})` : '; this scenario defines no variants';
    throw new ScenarioError([{ path: '', message: `unknown variant "${name}"${didYouMean(name, names)}${known}` }]);
  }
  const base = raw as Obj;
  const patch = ownValue(base.variants as Obj, name);
  if (!isObject(patch)) return raw; // reported by validation
  const { variants: _ignored, ...rest } = patch;
  return { ...(mergePatch(base, rest) as Obj), variants: base.variants };
}
