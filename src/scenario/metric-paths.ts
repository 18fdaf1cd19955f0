/**
 * Metric paths: which figures a run of a scenario reports (docs/output.md) —
 * the summary, each phase, each route (`routes./events.latencyMs.p50`: route
 * names hold slashes and may hold dots), each component with the statistics its kind
 * declares — and the unit of the figure at a path, or why there is none with a
 * did-you-mean. Goals (./goals.ts) check their `metric:` with it at load.
 */
import type { AnyKindDef, StatDef, StatUnit } from '../kinds/define.js';
import { isObject } from './is-object.js';
import { ownValue, plainMap } from './plain-map.js';
import { didYouMean } from './suggest.js';

/** The units a goal's metric may have: plain numbers of one unit. */
export type NumberUnit = Extract<StatUnit, 'ms' | 'ratio' | 'rps' | 'usd' | 'count' | 'number'>;

/** The shape of a run result's figures: a number in a unit, a group of named figures, one figure per key, or words. */
export type Figure = NumberUnit | { group: Record<string, Figure> } | { per: string; keys?: readonly string[]; each: Figure } | 'text';

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

/** The figures of one route: a summary without cost, whose latency also has its min. */
function routeFigure(): Figure {
  const g = (summaryFigure(false) as { group: Record<string, Figure> }).group;
  return group({ ...g, latencyMs: latency(['mean', 'p50', 'p90', 'p95', 'p99', 'p999', 'max', 'min']) });
}

/**
 * The routes a client reports (Recorder.routeId): its closed `sequence` when it
 * has one, else the keys of its `routes` mix, else `/`.
 */
function clientRoutes(c: Record<string, unknown>): string[] {
  const names = (xs: unknown[]) => xs.filter((x): x is string => typeof x === 'string');
  const closed = c.users !== undefined || (Array.isArray(c.phases) && c.phases.some((ph) => isObject(ph) && ph.users !== undefined));
  if (closed && Array.isArray(c.sequence) && c.sequence.length) return names(c.sequence);
  if (isObject(c.routes) && Object.keys(c.routes).length) return Object.keys(c.routes);
  return ['/'];
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
    servers: 'count',
    queues: 'count',
    queueCapacity: 'count',
    blocking: 'ratio',
    serviceMs: 'ms',
    serviceScv: 'number',
    interarrivalMs: 'ms',
    interarrivalScv: 'number',
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
  const routes = plainMap<Figure>();
  for (const id of ids) {
    const c = ownValue(comps, id);
    if (!isObject(c)) continue;
    const kind = typeof c.kind === 'string' && Object.hasOwn(kinds, c.kind) ? kinds[c.kind] : undefined;
    components[id] = componentFigure((kind?.stats ?? {}) as Record<string, StatDef>, ids);
    if (Array.isArray(c.phases))
      for (const ph of c.phases) if (isObject(ph) && typeof ph.name === 'string') phases[ph.name] = summaryFigure(false);
    if (c.kind === 'client') for (const name of clientRoutes(c)) routes[name] = routeFigure();
  }
  return group({ summary: summaryFigure(true), phases: group(phases), routes: group(routes), components: group(components) });
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
