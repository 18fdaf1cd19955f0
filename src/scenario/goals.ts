/**
 * The rubric of a scenario: `goals:` (a figure of the run result against a
 * target in the figure's own unit), `hints:` (markdown revealed one at a time)
 * and `locked:` (paths a student may not change). A goal's metric path is
 * checked here, at load, against the shape of the run result (docs/output.md)
 * and the statistics the components' kinds declare; src/check evaluates goals.
 */
import type { AnyKindDef, StatDef, StatUnit } from '../kinds/define.js';
import type { Path } from './parse.js';
import type { RawProblem } from './resolve-param.js';
import { isObject } from './is-object.js';
import { ownValue } from './plain-map.js';
import { didYouMean, show } from './suggest.js';
import { parseDuration, parseRate, ValueError } from './units.js';
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

/** The units a goal's metric may have: plain numbers of one unit. */
type NumberUnit = Extract<StatUnit, 'ms' | 'ratio' | 'rps' | 'usd' | 'count'>;

/** The shape of a run result's figures: a number in a unit, a group of named figures, one figure per key, or words. */
type Figure = NumberUnit | { group: Record<string, Figure> } | { per: string; keys?: readonly string[]; each: Figure } | 'text';

const group = (entries: Record<string, Figure>): Figure => ({ group: entries });
const latency = (keys: string[]): Figure => group(Object.fromEntries(keys.map((k) => [k, 'ms'])));
const FAILURE_NAMES = ['timeout', 'rejected', 'throttled', 'error'];

/** The figures of `summary` and of each phase (docs/output.md); only the summary has cost. */
function summaryFigure(withCost: boolean): Figure {
  return group({
    requests: 'count',
    completed: 'count',
    failed: 'count',
    inFlight: 'count',
    failures: group(Object.fromEntries(FAILURE_NAMES.map((k) => [k, 'count']))),
    throughputRps: 'rps',
    errorRate: 'ratio',
    latencyMs: latency(['mean', 'p50', 'p90', 'p95', 'p99', 'p999', 'max']),
    ...(withCost ? { cost: group({ run: 'usd', perMonth: 'usd' }) } : {}),
  });
}

/** A value of a declared statistic's unit, as figures. */
function unitFigure(unit: StatUnit): Figure {
  switch (unit) {
    case 'summary-ms':
      return latency(['mean', 'p50', 'p99']);
    case 'cost':
      return group({ run: 'usd', perMonth: 'usd' });
    case 'level':
      return group({ mean: 'count', max: 'count', end: 'count', afterDrain: 'count' });
    default:
      return unit;
  }
}

const CALL_FIGURES = ['attempts', 'retries', 'timeouts', 'failures', 'shortCircuited', 'breakerOpens'];

/** A component's figures: the common statistics, then those its kind declares. */
function componentFigure(stats: Record<string, StatDef>, ids: readonly string[]): Figure {
  const common: Record<string, Figure> = {
    kind: 'text',
    arrivals: 'count',
    completed: 'count',
    failed: 'count',
    inFlight: 'count',
    utilization: 'ratio',
    queueLength: group({ mean: 'count', max: 'count' }),
    waitMs: latency(['mean', 'p50', 'p99']),
    latencyMs: latency(['mean', 'p50', 'p99']),
    calls: { per: 'callee', keys: ids, each: group(Object.fromEntries(CALL_FIGURES.map((k) => [k, 'count']))) },
  };
  const declared = Object.entries(stats).map(([k, d]): [string, Figure] => [
    k,
    d.per ? { per: d.indexed ? 'index' : d.per, each: unitFigure(d.unit) } : unitFigure(d.unit),
  ]);
  return group({ ...common, ...Object.fromEntries(declared) });
}

/** What metric paths need to know of kinds: their declared statistics. */
export type StatsRegistry = Readonly<Record<string, Partial<Pick<AnyKindDef, 'stats'>>>>;

/** The figures a run of the raw scenario `raw` reports, from its components' kinds and its clients' phase names. */
export function resultFigure(raw: Record<string, unknown>, kinds: StatsRegistry): Figure {
  const comps = isObject(raw.components) ? raw.components : {};
  const ids = Object.keys(comps);
  const components: Record<string, Figure> = {};
  const phases: Record<string, Figure> = {};
  for (const id of ids) {
    const c = ownValue(comps, id);
    if (!isObject(c)) continue;
    const kind = typeof c.kind === 'string' && Object.hasOwn(kinds, c.kind) ? kinds[c.kind] : undefined;
    components[id] = componentFigure((kind?.stats ?? {}) as Record<string, StatDef>, ids);
    if (Array.isArray(c.phases))
      for (const ph of c.phases) if (isObject(ph) && typeof ph.name === 'string') phases[ph.name] = summaryFigure(false);
  }
  return group({ summary: summaryFigure(true), phases: group(phases), components: group(components) });
}

/**
 * The unit of the number at `metric` in results shaped as `figure`, or why
 * there is none (with a did-you-mean over the names possible at the first
 * segment that does not fit).
 * @example metricUnit('summary.latencyMs.p99', figure) // { unit: 'ms' }
 */
export function metricUnit(metric: string, figure: Figure): { unit: NumberUnit } | { problem: string } {
  const segments = metric.split('.');
  let at = figure;
  let done: string[] = [];
  for (let i = 0; i < segments.length; ) {
    const here = done.join('.');
    if (typeof at === 'string') return { problem: `${here} is a single figure; there is nothing under it (metric "${metric}")` };
    if ('per' in at) {
      const key = segments[i];
      if (at.keys && !at.keys.includes(key))
        return {
          problem: `no ${at.per} "${key}" under ${here}${didYouMean(key, at.keys) || ` (${at.per}s: ${at.keys.join(', ') || 'none'})`}`,
        };
      if (at.per === 'index' && !/^\d+$/.test(key))
        return { problem: `${here} is a list: expected an index such as ${here}.0, got "${key}"` };
      at = at.each;
      done = [...done, key];
      i++;
      continue;
    }
    // a name holding dots (a phase "v1.2") spans several segments
    let j = i + 1;
    while (j <= segments.length && !Object.hasOwn(at.group, segments.slice(i, j).join('.'))) j++;
    if (j > segments.length) {
      const key = segments[i];
      const names = Object.keys(at.group);
      // suggest the whole path with the one name corrected
      const full = (k: string) => [...done, k, ...segments.slice(i + 1)].join('.');
      const hint = didYouMean(key, names).replace(/"(.*)"/, (_, k) => `"${full(k)}"`);
      const where = here ? `under ${here}` : 'in a run result';
      const list = names.length ? ` (${where}: ${names.slice(0, 12).join(', ')}${names.length > 12 ? ', …' : ''})` : ` (${where}: none)`;
      return { problem: `no figure "${key}" ${where}${hint || list}` };
    }
    const key = segments.slice(i, j).join('.');
    at = at.group[key];
    done = [...done, key];
    i = j;
  }
  if (at === 'text') return { problem: `${metric} is a word, not a number, so it cannot be a goal` };
  if (typeof at !== 'string') {
    const names = 'group' in at ? Object.keys(at.group) : [`<${at.per}>`];
    return {
      problem: `${metric} is a group of figures; name one: ${names
        .slice(0, 8)
        .map((k) => `${metric}.${k}`)
        .join(', ')}`,
    };
  }
  return { unit: at };
}

/** Keys of one goal, in the order docs and schema list them. */
export const GOAL_KEYS = ['name', 'metric', 'below', 'above', 'between', 'variant', 'why', 'points'];
const TARGETS = ['below', 'above', 'between'];

const UNIT_HINT: Record<NumberUnit, string> = {
  ms: 'a time such as "150ms" or "2s"',
  ratio: 'a share such as "1%" or 0.01',
  rps: 'a rate such as "500/s"',
  usd: 'an amount such as "$100"',
  count: 'a number',
};

/**
 * A target in the metric's unit: a time ("150ms", or a number of ms), a share
 * ("1%", or a fraction), a rate ("500/s", or a number per second), dollars
 * ("$100" or a number) or a plain number. Throws ValueError saying what was expected.
 * @example parseTarget('1%', 'ratio') // 0.01
 */
export function parseTarget(v: unknown, unit: NumberUnit): number {
  const fail = (): never => {
    throw new ValueError(`expected ${UNIT_HINT[unit]} (the metric's unit), got ${show(v)}`);
  };
  if (unit === 'ratio' && !(typeof v === 'string' && v.trim().endsWith('%'))) {
    // a share written as a fraction: 5 is surely 5 %, not 500 %
    const x = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : Number.NaN;
    if (Number.isFinite(x) && Math.abs(x) > 1)
      throw new ValueError(
        `expected a share such as "1%" or 0.01, got ${show(v)}: a plain number is a fraction (1 is 100%); write "${x}%"`,
      );
  }
  if (typeof v === 'number') return Number.isFinite(v) ? v : fail();
  if (typeof v !== 'string') return fail();
  const s = v.trim();
  const plain = (t: string) => (/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : fail());
  const inUnit = (parse: (v: unknown) => number, what: string) => {
    try {
      return parse(v);
    } catch (e) {
      throw e instanceof ValueError ? new ValueError(`${e.message} (the metric is ${what})`) : e;
    }
  };
  switch (unit) {
    case 'ms':
      return inUnit(parseDuration, 'a time');
    case 'rps':
      return inUnit(parseRate, 'a rate');
    case 'ratio':
      return s.endsWith('%') ? plain(s.slice(0, -1).trim()) / 100 : plain(s);
    case 'usd':
      return plain(s.startsWith('$') ? s.slice(1).trim() : s);
    default:
      return plain(s);
  }
}

/** What resolving goals needs: the raw scenario (with any variant applied) and the kinds' statistics. */
export interface GoalContext {
  raw: Record<string, unknown>;
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
      const doc = variant === undefined ? ctx.raw : (applyVariant(ctx.raw, variant) as Record<string, unknown>);
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
