/**
 * Variants and overrides. A variant is a named JSON Merge Patch (RFC 7386) over the
 * base scenario: objects merge key by key, `null` deletes, anything else (lists
 * included, so `links`) replaces. Overrides (--seed, --duration, --set) apply after.
 */
import { parse as parseYaml } from 'yaml';
import { ScenarioError, type Path, type Problem } from './parse.js';
import { didYouMean, show } from './suggest.js';
import { isObject } from './is-object.js';
import { ownValue, plainMap } from './plain-map.js';
import { scenarioParams, TOP_KEYS } from './validate.js';
import { mergePatch } from './variant-patch.js';

type Obj = Record<string, unknown>;

export { applyVariant, listVariants, mergePatch } from './variant-patch.js';

/** Command-line style overrides, applied after the variant. */
export interface Overrides {
  seed?: number | string;
  /** A duration such as "2m", or ms. */
  duration?: number | string;
  /** `id.param=value`, `id.nested.param=value` or a top-level `key=value`; value read as YAML. */
  set?: readonly string[];
}

/** Top-level keys a `--set key=value` may write: the scalar settings, in document order. */
const TOP_LEVEL = new Set(TOP_KEYS.filter((k) => k === 'seed' || Object.hasOwn(scenarioParams, k)));

/** One parsed `--set`: where it writes and what. */
interface SetOverride {
  text: string;
  path: string[];
  value: unknown;
}

/**
 * Parses `--set` strings into paths and values; throws ScenarioError naming each bad one.
 * @example parseSet(['app.workers=4'])[0] // {text: 'app.workers=4', path: ['components', 'app', 'workers'], value: 4}
 */
export function parseSet(items: readonly string[]): SetOverride[] {
  const problems: Problem[] = [];
  const out: SetOverride[] = [];
  for (const text of items) {
    const bad = (why: string) => void problems.push({ path: '', message: `--set ${text}: ${why}` });
    const eq = text.indexOf('=');
    const keys = eq < 0 ? [] : text.slice(0, eq).trim().split('.');
    if (keys.length === 0 || keys.includes('')) {
      bad('expected id.param=value, e.g. app.workers=4');
      continue;
    }
    let value: unknown;
    try {
      value = parseYaml(text.slice(eq + 1), { maxAliasCount: 0, uniqueKeys: true }) ?? null;
    } catch (e) {
      bad(`cannot read the value: ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    if (keys.length === 1 && !TOP_LEVEL.has(keys[0])) {
      bad(
        `"${keys[0]}" is not a top-level setting${didYouMean(keys[0], TOP_LEVEL) || ` (${[...TOP_LEVEL].join(', ')})`}; for a component write id.param=value`,
      );
      continue;
    }
    out.push({ text, path: keys.length === 1 ? keys : ['components', ...keys], value });
  }
  if (problems.length) throw new ScenarioError(problems);
  return out;
}

/**
 * The raw scenario with overrides applied; a `--set` into a missing component or
 * through a non-mapping throws ScenarioError naming the `--set`. `sets` is
 * `parseSet(o.set)`, for a caller that has already parsed them.
 */
export function applyOverrides(raw: unknown, o: Overrides, sets = parseSet(o.set ?? [])): unknown {
  if (!isObject(raw)) return raw;
  let out: Obj = Object.assign(plainMap(), raw);
  if (o.seed !== undefined) out.seed = o.seed;
  if (o.duration !== undefined) out.duration = o.duration;
  const problems: Problem[] = [];
  for (const s of sets) {
    if (s.path[0] === 'components') {
      const ids = isObject(out.components) ? Object.keys(out.components) : [];
      if (!ids.includes(s.path[1])) {
        problems.push({
          path: '',
          message: `--set ${s.text}: no component "${s.path[1]}"${didYouMean(s.path[1], ids) || ` (components: ${ids.join(', ')})`}`,
        });
        continue;
      }
    }
    const patch = s.path.reduceRight<unknown>((v, k) => ({ [k]: v }), s.value);
    const blocked = firstNonObject(out, s.path);
    if (blocked) {
      problems.push({ path: '', message: `--set ${s.text}: ${blocked.join('.')} is ${show(valueAt(out, blocked))}, not a mapping` });
      continue;
    }
    out = mergePatch(out, patch) as Obj;
  }
  if (problems.length) throw new ScenarioError(problems);
  return out;
}

/** The first proper prefix of `path` that holds something other than a mapping. */
function firstNonObject(root: Obj, path: string[]): string[] | undefined {
  let v: unknown = root;
  for (let i = 0; i < path.length - 1; i++) {
    v = ownValue(v as Obj, path[i]);
    if (v === undefined || v === null) return undefined;
    if (!isObject(v)) return path.slice(0, i + 1);
  }
  return undefined;
}

function valueAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (isObject(v) || Array.isArray(v) ? ownValue(v, String(k)) : undefined), root);
}
