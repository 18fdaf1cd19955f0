/**
 * The rubric of a scenario: `goals:` (a figure of the run result against a
 * target in the figure's own unit), `hints:` (markdown revealed one at a time)
 * and `locked:` (paths a student may not change). A goal's metric path is
 * checked at load against the figures a run reports (./metric-paths.ts) and its
 * target read in the metric's unit (./targets.ts); src/check evaluates goals.
 */
import type { StatUnit } from '../kinds/define.js';
import type { Path } from './parse.js';
import type { RawProblem } from './resolve-param.js';
import { isObject } from './is-object.js';
import { type Figure, metricUnit, type NumberUnit, resultFigure, type StatsRegistry } from './metric-paths.js';
import { ownValue } from './plain-map.js';
import { didYouMean, show } from './suggest.js';
import { parseTarget } from './targets.js';
import { ValueError } from './units.js';
import { applyVariant, listVariants } from './variant-patch.js';

/**
 * One goal, resolved: the target is in the metric's base unit (ms, a ratio,
 * per second, USD or a plain number), and `unit` says how to print it.
 * @example
 * { name: 'p99 under 150 ms', metric: 'summary.latencyMs.p99', below: 150, points: 1, unit: 'ms' }
 */
export interface Goal {
  name: string;
  metric: string;
  below?: number;
  above?: number;
  between?: [number, number];
  /** Evaluate on this variant rather than the design as run. */
  variant?: string;
  /** Markdown shown when the goal fails. */
  why?: string;
  /** Weight in a grade (Gradescope's max_score); 1 by default. */
  points: number;
  /** How the metric reads (src/kinds/format-stat.ts). */
  unit: StatUnit;
}

/** Keys of one goal, in the order docs and schema list them. */
export const GOAL_KEYS = ['name', 'metric', 'below', 'above', 'between', 'variant', 'why', 'points'];
const TARGETS = ['below', 'above', 'between'];

/** What resolving goals needs: the raw scenario (with any variant applied) and the kinds' statistics. */
export interface GoalContext {
  raw: Record<string, unknown>;
  /** The scenario before any variant (a goal's own `variant` applies to it, not to `raw`); `raw` when absent. */
  base?: Record<string, unknown>;
  kinds: StatsRegistry;
  report(p: RawProblem): void;
}

/** Resolves `goals:`; every problem is reported with its path, and the goals that resolved are returned. */
export function resolveGoals(v: unknown, ctx: GoalContext): Goal[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    ctx.report({
      path: ['goals'],
      message: `expected a list of goals such as {metric: summary.latencyMs.p99, below: 150ms}, got ${show(v)}`,
    });
    return [];
  }
  const variants = listVariants(ctx.raw);
  const figures = new Map<string | undefined, Figure>();
  const figureOf = (variant?: string) => {
    if (!figures.has(variant)) {
      const doc = variant === undefined ? ctx.raw : (applyVariant(ctx.base ?? ctx.raw, variant) as Record<string, unknown>);
      figures.set(variant, resultFigure(doc, ctx.kinds));
    }
    return figures.get(variant) as Figure;
  };
  return v.flatMap((g, i): Goal[] => {
    const goal = resolveGoal(g, ['goals', i], variants, figureOf, ctx.report);
    return goal ? [goal] : [];
  });
}

function resolveGoal(
  g: unknown,
  path: Path,
  variants: string[],
  figureOf: (variant?: string) => Figure,
  report: (p: RawProblem) => void,
): Goal | undefined {
  if (!isObject(g)) {
    report({ path, message: `expected a goal such as {metric: summary.latencyMs.p99, below: 150ms}, got ${show(g)}` });
    return undefined;
  }
  let ok = true;
  const bad = (p: RawProblem) => {
    ok = false;
    report(p);
  };
  for (const k of Object.keys(g))
    if (!GOAL_KEYS.includes(k))
      bad({
        path: [...path, k],
        at: 'key',
        message: `unknown key "${k}" for a goal${didYouMean(k, GOAL_KEYS) || ` (expected one of ${GOAL_KEYS.join(', ')})`}`,
      });
  const text = (k: string): string | undefined => {
    const x = g[k];
    if (x === undefined || x === null) return undefined;
    if (typeof x === 'string' && x.length > 0) return x;
    bad({ path: [...path, k], message: `expected a non-empty string, got ${show(x)}` });
    return undefined;
  };
  const name = text('name');
  const why = text('why');
  const variant = text('variant');
  if (variant !== undefined && !variants.includes(variant)) {
    bad({
      path: [...path, 'variant'],
      message: `no variant "${variant}"${didYouMean(variant, variants) || (variants.length ? ` (variants: ${variants.join(', ')})` : '; this scenario defines no variants')}`,
    });
  }
  let points = 1;
  if (g.points !== undefined && g.points !== null) {
    if (typeof g.points === 'number' && Number.isFinite(g.points) && g.points >= 0) points = g.points;
    else bad({ path: [...path, 'points'], message: `expected a number ≥ 0, got ${show(g.points)}` });
  }
  const metric = g.metric;
  let unit: NumberUnit | undefined;
  if (typeof metric !== 'string' || !metric) {
    bad({
      path: [...path, 'metric'],
      message: `${metric == null ? 'required: ' : ''}expected a path into the run result such as summary.latencyMs.p99${metric == null ? '' : `, got ${show(metric)}`}`,
    });
  } else if (ok || variant === undefined || variants.includes(variant)) {
    const found = metricUnit(metric, figureOf(variant));
    if ('problem' in found)
      bad({ path: [...path, 'metric'], message: variant ? `${found.problem} in variant "${variant}"` : found.problem });
    else unit = found.unit;
  }
  const given = TARGETS.filter((k) => g[k] !== undefined && g[k] !== null);
  // a misspelt target ("belw") is reported as an unknown key already
  const isMisspelt = Object.keys(g).some((k) => !GOAL_KEYS.includes(k));
  if (given.length > 1 || (given.length === 0 && !isMisspelt))
    bad({
      path: given.length ? [...path, given[1]] : path,
      ...(given.length ? { at: 'key' as const } : {}),
      message: given.length
        ? `a goal has exactly one of below, above, between; this one has ${given.join(' and ')}`
        : 'a goal needs one of below, above or between (e.g. below: 150ms)',
    });
  if (!ok || unit === undefined) return undefined;
  const k = given[0];
  const target = (x: unknown, p: Path): number | undefined => {
    try {
      return parseTarget(x, unit);
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      bad({ path: p, message: e.message });
      return undefined;
    }
  };
  const out: Goal = { name: name ?? '', metric: metric as string, points, unit, ...(variant ? { variant } : {}), ...(why ? { why } : {}) };
  const written = (x: unknown) => (typeof x === 'string' ? x : String(x));
  if (k === 'between') {
    const b = g.between;
    if (!Array.isArray(b) || b.length !== 2) {
      bad({ path: [...path, 'between'], message: `expected two bounds such as [10ms, 50ms], got ${show(b)}` });
      return undefined;
    }
    const lo = target(b[0], [...path, 'between', 0]);
    const hi = target(b[1], [...path, 'between', 1]);
    if (lo === undefined || hi === undefined) return undefined;
    if (lo > hi) {
      bad({ path: [...path, 'between'], message: `the lower bound (${show(b[0])}) is above the upper bound (${show(b[1])})` });
      return undefined;
    }
    out.between = [lo, hi];
    out.name ||= `${metric} between ${written(b[0])} and ${written(b[1])}`;
  } else {
    const x = target(g[k], [...path, k]);
    if (x === undefined) return undefined;
    out[k as 'below' | 'above'] = x;
    out.name ||= `${metric} ${k} ${written(g[k])}`;
  }
  return out;
}

/** Resolves `hints:`: a list of markdown strings. */
export function resolveHints(v: unknown, report: (p: RawProblem) => void): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    report({ path: ['hints'], message: `expected a list of hints (markdown strings), got ${show(v)}` });
    return [];
  }
  v.forEach((h, i) => {
    if (typeof h !== 'string' || !h)
      report({ path: ['hints', i], message: `expected a hint (a non-empty markdown string), got ${show(h)}` });
  });
  return v.filter((h): h is string => typeof h === 'string' && h.length > 0);
}

/** What `locked:` may name: a top-level key, a component, or a component's parameter (and anything under it). */
export interface LockContext {
  raw: Record<string, unknown>;
  topKeys: readonly string[];
  /** The parameter names a component of this kind accepts (undefined for an unknown kind). */
  paramsOf(kind: string): readonly string[] | undefined;
  report(p: RawProblem): void;
}

/** Resolves `locked:`: a list of paths such as components.users, components.db.queryTime, duration, goals. */
export function resolveLocked(v: unknown, ctx: LockContext): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    ctx.report({ path: ['locked'], message: `expected a list of paths such as [components.users, duration], got ${show(v)}` });
    return [];
  }
  const comps = isObject(ctx.raw.components) ? ctx.raw.components : {};
  const ids = Object.keys(comps);
  v.forEach((p, i) => {
    const at = ['locked', i];
    if (typeof p !== 'string' || !p)
      return ctx.report({ path: at, message: `expected a path such as components.db.queryTime, got ${show(p)}` });
    const [top, id, param] = p.split('.');
    if (!ctx.topKeys.includes(top))
      return ctx.report({
        path: at,
        message: `no "${top}" in a scenario${didYouMean(top, ctx.topKeys) || ` (top-level keys: ${ctx.topKeys.join(', ')})`}`,
      });
    if (top !== 'components' || id === undefined) return;
    const c = ownValue(comps, id);
    if (!isObject(c))
      return ctx.report({ path: at, message: `no component "${id}"${didYouMean(id, ids) || ` (components: ${ids.join(', ')})`}` });
    if (param === undefined || typeof c.kind !== 'string') return;
    const names = ctx.paramsOf(c.kind);
    if (names && !names.includes(param))
      ctx.report({
        path: at,
        message: `a ${c.kind} has no parameter "${param}"${didYouMean(param, names) || ` (parameters: ${names.join(', ')})`}`,
      });
  });
  return v.filter((p): p is string => typeof p === 'string' && p.length > 0);
}
