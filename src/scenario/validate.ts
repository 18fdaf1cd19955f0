/**
 * Validates a raw scenario object against the top-level descriptors, linkParams and
 * each kind's parameter descriptors, collecting every problem, and resolves it
 * into the form the engine runs (units converted, defaults filled in).
 */
import type { AnyKindDef } from '../kinds/define.js';
import { kinds as defaultKinds } from '../kinds/index.js';
import { commonParams, type Param, type ResolvedObject } from '../kinds/params.js';
import { linkParams, type LinkSpec } from '../kinds/link.js';
import { resolveFields, type ParamContext, type RawProblem } from './resolve-param.js';
import { didYouMean, show } from './suggest.js';
import { timelineHook, type EventsHook, type TimelineContext, type TimelineEvent } from '../timeline/events.js';
import { isObject } from './is-object.js';
import { ownValue, reservedReason } from './plain-map.js';
import { resolveGoals, resolveHints, resolveLocked, type Goal } from './goals.js';
import { resolveSweep, type ScenarioSweep } from './sweep-block.js';

/** What validation needs of a kind; a full KindDef fits, and tests may pass less. */
export type KindSpec = Pick<AnyKindDef, 'kind' | 'label' | 'help' | 'params' | 'calls'> &
  Pick<Partial<AnyKindDef>, 'check' | 'source' | 'timeline' | 'instances' | 'stats'>;
/** A registry of kinds by name, e.g. `kinds` from components/kinds.ts. */
export type Registry = Readonly<Record<string, KindSpec>>;

/** One component of a resolved scenario. */
export interface ResolvedComponent {
  id: string;
  kind: string;
  /** Display name; the id when not given. */
  label: string;
  /** The kind's own parameters, complete with defaults. */
  params: ResolvedObject;
  position?: { x: number; y: number };
}

/**
 * A scenario ready to run: durations in ms, rates per second, distributions as DistSpec.
 * @example
 * const s: ResolvedScenario = loadScenario('duration: 10s\ncomponents: {...}');
 * s.components[0].params.workers // 8
 */
export interface ResolvedScenario {
  version: 1;
  title: string;
  description: string;
  seed: number | string;
  /** Simulated ms during which clients issue requests; absent when every client is closed with iterations. */
  duration?: number;
  warmup: number;
  drain: number;
  /** In document order. */
  components: ResolvedComponent[];
  links: LinkSpec[];
  events: TimelineEvent[];
  /** The variant applied, if any. */
  variant?: string;
  variantNames: string[];
  /** What a run should achieve (empty when the scenario sets none). */
  goals: Goal[];
  /** Markdown hints, in the order they are revealed. */
  hints: string[];
  /** Paths a student may not change: components.users, components.db.queryTime, duration, goals. */
  locked: string[];
  /** What `archsim sweep` varies when the command line names nothing (`sweep:`). */
  sweep?: ScenarioSweep;
}

/** Options of validation: the kind registry (default: every registered kind) and the events hook. */
export interface ValidateOptions {
  kinds?: Registry;
  events?: EventsHook;
  /** The scenario before a variant was applied to `raw`: a goal naming a variant is checked against that variant of it. */
  base?: unknown;
}

/** Top-level keys described as parameters (seed, components, links, variants and events have their own rules). */
export const scenarioParams: Record<string, Param> = {
  version: {
    type: 'number',
    label: 'Version',
    help: 'Scenario format version; this archsim reads version 1.',
    integer: true,
    default: 1,
    min: 1,
    max: 1,
  },
  title: { type: 'string', label: 'Title', help: 'Title shown above the diagram and in reports.', default: '' },
  description: { type: 'string', label: 'Description', help: 'Markdown shown beside the diagram.', default: '' },
  duration: {
    type: 'duration',
    label: 'Duration',
    min: 0,
    minExclusive: true,
    examples: ['10m', '30s'],
    help: 'Simulated time during which clients issue requests. Required unless every client is closed with a number of iterations.',
  },
  warmup: {
    type: 'duration',
    label: 'Warmup',
    default: 0,
    min: 0,
    examples: ['30s'],
    help: 'Requests issued before this time are simulated but not measured.',
  },
  drain: {
    type: 'duration',
    label: 'Drain',
    default: '60s',
    min: 0,
    help: 'Longest time to let in-flight requests finish after the duration ends.',
  },
};
/** Help for the top-level keys with rules of their own. */
export const topLevelHelp = {
  seed: 'Random seed: an integer or a string. Same scenario and seed give the same results; --seed overrides it.',
  components: "The components, by id: each has a kind and that kind's parameters.",
  links: 'Calls between components: {from, to, latency, p, routes, weight}.',
  variants: 'Named JSON Merge Patches (RFC 7386) over this scenario, picked with --variant NAME.',
  events: 'Scheduled events during the run.',
  goals:
    'What a run should achieve: each goal names a figure of the run result (metric: summary.latencyMs.p99) and one of below, above or between, in that figure\'s unit ("150ms", "1%", "500/s", "$100").',
  hints: 'Markdown hints for students, revealed one at a time in this order.',
  locked:
    'Paths a student may not change (components.users, components.db.queryTime, duration, goals); `archsim check --design` refuses a submission that changed them.',
  sweep:
    'What `archsim sweep FILE` varies when no --set FROM..TO is given: {param: users.rate, from: 100/s, to: 1000/s, steps: 10} or {param: app.instances, values: [1, 2, 4, 8]}, and the replications per point.',
};
/** Every top-level key, in the order the docs and schema list them. */
export const TOP_KEYS = [
  'version',
  'title',
  'description',
  'seed',
  'duration',
  'warmup',
  'drain',
  'components',
  'links',
  'variants',
  'events',
  'goals',
  'hints',
  'locked',
  'sweep',
];

/** Component ids, as a RegExp source: a letter or _, then letters, digits, _ and -. The design store and the schema use it too. */
export const ID_PATTERN = '^[A-Za-z_][\\w-]*$';
/** ID_PATTERN compiled, for checking an id. */
export const ID_RE = new RegExp(ID_PATTERN);

/**
 * Why `id` cannot name a component, or undefined when it can: the validator's
 * rule, which the design store and the inspector apply to renames too.
 * @example idProblem('__proto__') // 'invalid id: "__proto__" is a reserved name (…); choose another'
 */
export function idProblem(id: string): string | undefined {
  if (!ID_RE.test(id)) return `invalid id ${show(id)}: an id starts with a letter or _ and has only letters, digits, _ and -`;
  const reserved = reservedReason(id);
  return reserved && `invalid id: ${reserved}`;
}
/** Most components a scenario may have. */
export const MAX_COMPONENTS = 500;
/** Most links a scenario may have. */
export const MAX_LINKS = 2000;
/** Longest string seed accepted, in characters. */
export const MAX_SEED_LENGTH = 200;

/**
 * Validates `raw` and resolves it. `problems` lists everything wrong (paths as arrays);
 * `scenario` is set only when there are none.
 */
export function validateScenario(raw: unknown, opts: ValidateOptions = {}): { scenario?: ResolvedScenario; problems: RawProblem[] } {
  const registry = opts.kinds ?? defaultKinds;
  const problems: RawProblem[] = [];
  const report = (p: RawProblem) => void problems.push(p);
  if (!isObject(raw)) {
    report({ path: [], message: `expected a scenario (a mapping with ${TOP_KEYS.join(', ')}), got ${show(raw)}` });
    return { problems };
  }
  for (const k of Object.keys(raw))
    if (!TOP_KEYS.includes(k))
      report({
        path: [k],
        at: 'key',
        message: `unknown key "${k}"${didYouMean(k, TOP_KEYS) || ` (expected one of ${TOP_KEYS.join(', ')})`}`,
      });
  if (raw.version !== undefined && raw.version !== null && raw.version !== 1)
    report({ path: ['version'], message: `unsupported version ${show(raw.version)}; this archsim reads version 1` });
  const own = Object.fromEntries(
    Object.keys(scenarioParams)
      .filter((k) => k !== 'version')
      .map((k) => [k, raw[k]]),
  );
  const top = resolveFields(scenarioParams, own, [], { targets: [], report });
  const seed = resolveSeed(raw.seed, report);

  // Components and links
  const rawComps = raw.components;
  if (!isObject(rawComps)) {
    report({
      path: ['components'],
      message: `${rawComps == null ? 'required: ' : ''}expected a mapping from component id to component, got ${show(rawComps)}`,
    });
    return { problems };
  }
  const ids = Object.keys(rawComps);
  if (ids.length > MAX_COMPONENTS)
    report({ path: ['components'], message: `at most ${MAX_COMPONENTS} components are allowed, got ${ids.length}` });
  const rawLinks = raw.links ?? [];
  if (!Array.isArray(rawLinks))
    report({ path: ['links'], message: `expected a list of links such as {from: app, to: db}, got ${show(rawLinks)}` });
  else if (rawLinks.length > MAX_LINKS)
    report({ path: ['links'], message: `at most ${MAX_LINKS} links are allowed, got ${rawLinks.length}` });
  if (problems.some((p) => p.path.length === 1 && (p.path[0] === 'components' || p.path[0] === 'links'))) return { problems };
  const linkList = rawLinks as unknown[];

  const kindOf = (id: string): string | undefined => {
    const c = ownValue(rawComps, id);
    return isObject(c) && typeof c.kind === 'string' && Object.hasOwn(registry, c.kind) ? c.kind : undefined;
  };
  const rawTargets = (id: string) => linkList.flatMap((l) => (isObject(l) && l.from === id && typeof l.to === 'string' ? [l.to] : []));
  const components: ResolvedComponent[] = [];
  const cleanIds = new Set<string>();
  for (const id of ids) {
    const before = problems.length;
    const c = resolveComponent(id, rawComps[id], registry, { targets: rawTargets(id), report });
    if (c) components.push(c);
    if (c && problems.length === before) cleanIds.add(id);
  }
  const links = resolveLinks(linkList, ids, registry, kindOf, problems);

  // Cross-field checks of each kind, on components that resolved cleanly.
  for (const c of components) {
    const check = registry[c.kind].check;
    if (!check || !cleanIds.has(c.id)) continue;
    const targets = links.filter((l) => l.from === c.id).map((l) => l.to);
    for (const p of check(c.params, { id: c.id, targets, kindOf })) report({ path: ['components', c.id, ...p.path], message: p.message });
  }

  // Top-level rules that depend on the components.
  const duration = top.duration as number | undefined;
  // a source's own hooks read resolved parameters, so only sources that resolved cleanly are asked;
  // one with problems is reported already, and makes no claim about needing a duration
  const sources = components.filter((c) => registry[c.kind].source);
  const isUnclear = sources.some((c) => !cleanIds.has(c.id));
  if (duration === undefined && raw.duration == null && !isUnclear && !everySourceBounded(components, registry))
    report({
      path: ['duration'],
      message: 'required: expected a duration such as "10m" (only closed clients with `users` and `iterations` may leave it out)',
    });
  const warmup = top.warmup as number;
  if (duration !== undefined && warmup !== undefined && warmup >= duration)
    report({ path: ['warmup'], message: `the warmup (${show(raw.warmup)}) must be shorter than the duration (${show(raw.duration)})` });

  const byId = new Map(components.map((c) => [c.id, c]));
  const component = (id: string) => {
    const c = byId.get(id);
    return c && { def: registry[c.kind], params: c.params };
  };
  const events = resolveEvents(raw.events, opts.events ?? timelineHook, { ids, component }, report);
  const variantNames = checkVariants(raw.variants, report);
  const goals = resolveGoals(raw.goals, { raw, base: isObject(opts.base) ? opts.base : raw, kinds: registry, report });
  const hints = resolveHints(raw.hints, report);
  const paramsOf = (kind: string) =>
    Object.hasOwn(registry, kind) ? [...Object.keys(commonParams), ...Object.keys(registry[kind].params)] : undefined;
  const locked = resolveLocked(raw.locked, { raw, topKeys: TOP_KEYS, paramsOf, report });
  const sweep = resolveSweep(raw.sweep, {
    paramsOf: (id) => {
      const c = byId.get(id);
      return c ? paramsOf(c.kind) : undefined;
    },
    topLevel: Object.keys(scenarioParams).filter((k) => k !== 'version' && k !== 'title' && k !== 'description'),
    report,
  });

  if (problems.length) return { problems };
  return {
    problems,
    scenario: {
      version: 1,
      title: top.title as string,
      description: top.description as string,
      seed,
      ...(duration === undefined ? {} : { duration }),
      warmup,
      drain: top.drain as number,
      components,
      links,
      events,
      variantNames,
      goals,
      hints,
      locked,
      ...(sweep ? { sweep } : {}),
    },
  };
}

function resolveSeed(v: unknown, report: (p: RawProblem) => void): number | string {
  if (v === undefined || v === null) return 1;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
  if (typeof v === 'string' && v.length > 0 && v.length <= MAX_SEED_LENGTH) return v;
  report({ path: ['seed'], message: `expected an integer or a string of 1 to ${MAX_SEED_LENGTH} characters, got ${show(v)}` });
  return 1;
}

function resolveComponent(id: string, c: unknown, registry: Registry, ctx: ParamContext): ResolvedComponent | undefined {
  const path = ['components', id];
  const bad = idProblem(id);
  if (bad) ctx.report({ path, at: 'key', message: bad });
  const names = Object.keys(registry);
  if (!isObject(c)) {
    ctx.report({ path, message: `expected a component (a mapping with kind: ${names.join(' | ')}), got ${show(c)}` });
    return undefined;
  }
  if (typeof c.kind !== 'string') {
    ctx.report({
      path: [...path, 'kind'],
      message: `${c.kind == null ? 'required: ' : ''}expected one of ${names.join(', ')}${c.kind == null ? '' : `, got ${show(c.kind)}`}`,
    });
    return undefined;
  }
  const kind = registry[c.kind];
  if (!kind || !Object.hasOwn(registry, c.kind)) {
    ctx.report({ path: [...path, 'kind'], message: `unknown kind "${c.kind}"${didYouMean(c.kind, names)} (kinds: ${names.join(', ')})` });
    return undefined;
  }
  const all = resolveFields({ ...commonParams, ...kind.params }, c, path, ctx, `for ${c.kind}`);
  const { kind: _kind, label, position, ...params } = all;
  return {
    id,
    kind: c.kind,
    label: (label as string | undefined) ?? id,
    params,
    ...(position && (position as ResolvedObject).x !== undefined && (position as ResolvedObject).y !== undefined
      ? { position: position as { x: number; y: number } }
      : {}),
  };
}

function resolveLinks(
  raw: unknown[],
  ids: string[],
  registry: Registry,
  kindOf: (id: string) => string | undefined,
  problems: RawProblem[],
): LinkSpec[] {
  const report = (p: RawProblem) => void problems.push(p);
  const links: LinkSpec[] = [];
  const index = new Map<LinkSpec, number>();
  const seen = new Map<string, number>();
  raw.forEach((l, i) => {
    const path = ['links', i];
    if (!isObject(l)) return report({ path, message: `expected a link such as {from: app, to: db}, got ${show(l)}` });
    const before = problems.length;
    const spec = resolveFields(linkParams, l, path, { targets: [], report }, 'for a link') as unknown as LinkSpec;
    for (const end of ['from', 'to'] as const) {
      const v = spec[end];
      if (typeof v === 'string' && !ids.includes(v))
        report({ path: [...path, end], message: `no component "${v}"${didYouMean(v, ids) || ` (components: ${ids.join(', ')})`}` });
    }
    if (problems.length > before) return;
    const { from, to } = spec;
    if (from === to) return report({ path, message: `"${from}" links to itself; a component cannot call itself` });
    const key = `${from}\u0000${to}`;
    if (seen.has(key)) return report({ path, message: `duplicate link ${from} → ${to} (also links[${seen.get(key)}])` });
    seen.set(key, i);
    const kind = kindOf(from);
    if (kind && registry[kind].calls === 'none')
      return report({ path: [...path, 'from'], message: `"${from}" is a ${kind}, which makes no calls, so it cannot have outgoing links` });
    links.push(spec);
    index.set(spec, i);
  });
  for (const p of syncCycles(links, index, kindOf, registry)) report(p);
  return links;
}

/** Cycles of synchronous calls deadlock a blocking design: report each one found by depth-first search. */
function syncCycles(
  links: LinkSpec[],
  index: Map<LinkSpec, number>,
  kindOf: (id: string) => string | undefined,
  registry: Registry,
): RawProblem[] {
  const out = new Map<string, LinkSpec[]>();
  for (const l of links) {
    const kind = kindOf(l.from);
    if (kind && registry[kind].calls === 'sync') out.set(l.from, [...(out.get(l.from) ?? []), l]);
  }
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const problems: RawProblem[] = [];
  const visit = (id: string): void => {
    state.set(id, 'open');
    stack.push(id);
    for (const l of out.get(id) ?? []) {
      if (problems.length >= 10) break;
      if (state.get(l.to) === 'open') {
        const cycle = [...stack.slice(stack.indexOf(l.to)), l.to].join(' → ');
        problems.push({
          path: ['links', index.get(l)!],
          message: `synchronous calls form a cycle: ${cycle}; a request would wait on itself`,
        });
      } else if (!state.has(l.to)) visit(l.to);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of out.keys()) if (!state.has(id)) visit(id);
  return problems;
}

/** Every workload source stops by itself (closed clients with iterations), so no duration is needed. */
function everySourceBounded(components: ResolvedComponent[], registry: Registry): boolean {
  const sources = components.filter((c) => registry[c.kind].source);
  return sources.length > 0 && sources.every((c) => registry[c.kind].source?.isBounded(c.params));
}

function resolveEvents(v: unknown, hook: EventsHook, ctx: TimelineContext, report: (p: RawProblem) => void): TimelineEvent[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    report({ path: ['events'], message: `expected a list of events, got ${show(v)}` });
    return [];
  }
  const { events, problems } = hook.resolve(v, ctx);
  for (const p of problems) report({ path: ['events', ...p.path], message: p.message });
  return events;
}

function checkVariants(v: unknown, report: (p: RawProblem) => void): string[] {
  if (v === undefined || v === null) return [];
  if (!isObject(v)) {
    report({ path: ['variants'], message: `expected a mapping from variant name to a patch of this scenario, got ${show(v)}` });
    return [];
  }
  for (const [name, patch] of Object.entries(v)) {
    const reserved = reservedReason(name);
    if (reserved) report({ path: ['variants', name], at: 'key', message: `variant ${reserved}` });
    else if (!isObject(patch))
      report({
        path: ['variants', name],
        message: `expected a patch of this scenario (a mapping such as {components: {...}}), got ${show(patch)}`,
      });
    else if ('variants' in patch) report({ path: ['variants', name, 'variants'], at: 'key', message: 'a variant cannot define variants' });
  }
  return Object.keys(v);
}
