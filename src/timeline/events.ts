/**
 * The failure and change timeline — `events:` at the top of a scenario:
 * validation and resolution against each target kind's `timeline` capability
 * (schedule.ts, beside this file, schedules resolved events on a run).
 *
 * @example
 * events:
 *   - { at: 60s, action: kill, target: app, instance: 2 }
 *   - { at: 90s, action: restore, target: app, instance: 2 }
 *   - { at: 30s, action: slow, target: db, factor: 3 }
 *   - { at: 45s, action: set, target: users, param: rate, value: 500/s }
 *   - { at: 2m, action: deploy, target: app, strategy: rolling, maxUnavailable: 1, startTime: 30s }
 *   - { at: 5m, action: resize, target: db, speed: 2, costPerHour: 0.384, downtime: 90s }
 */
import { CHANGES, FAILURES, instanceCount, settableByDefault, type AnyKindDef, type KindProblem } from '../kinds/define.js';
import type { Resolved, ResolvedObject } from '../kinds/params.js';
import { kinds } from '../kinds/index.js';
import { parseDuration } from '../scenario/units.js';
import { resolveParam } from '../scenario/resolve-param.js';
import { didYouMean, show } from '../scenario/suggest.js';
import { isObject } from '../scenario/is-object.js';

/** What an event can do: a failure of the target's kind (FAILURES), a planned change (CHANGES) or `set` a parameter. */
export const actions = [...FAILURES, ...CHANGES, 'set'] as const;
export type Action = (typeof actions)[number];

/** What resolving events needs to know of the scenario's components. */
export interface TimelineContext {
  ids: readonly string[];
  /** The kind definition and resolved parameters of a component; undefined when it has no valid kind. */
  component(id: string): { def: Pick<AnyKindDef, 'kind' | 'params' | 'timeline' | 'instances'>; params: ResolvedObject } | undefined;
}

/** One resolved event: `at` in ms, `instance` 1-based (absent: every instance). */
export interface TimelineEvent {
  at: number;
  action: Action;
  target: string;
  instance?: number;
  factor?: number;
  param?: string;
  value?: Resolved;
  /** deploy: the rollout (see DeployPlan; maxUnavailable and maxSurge for rolling only). */
  strategy?: DeployPlan['strategy'];
  maxUnavailable?: number;
  maxSurge?: number;
  startTime?: number;
  gracePeriod?: number;
  /** resize: the new machine (see ResizePlan). */
  workers?: number;
  speed?: number;
  costPerHour?: number;
  downtime?: number;
}

/**
 * A `deploy` event resolved: every instance is replaced by a new one, as a
 * Kubernetes Deployment rolls out. `rolling` replaces `maxUnavailable + maxSurge`
 * at a time: up to `maxSurge` of them by starting the new instance first (no
 * capacity lost, one more billed meanwhile), the rest by taking the old one out
 * first (it stops getting requests, finishes what it holds for up to
 * `gracePeriod`, and its slot is empty until the new one has started);
 * `recreate` takes every instance out at once.
 * @example { strategy: 'rolling', maxUnavailable: 1, maxSurge: 0, startTime: 30_000, gracePeriod: 30_000 }
 */
export interface DeployPlan {
  strategy: 'rolling' | 'recreate';
  maxUnavailable: number;
  maxSurge: number;
  /** How long a new instance takes to start and pass its readiness check, ms. */
  startTime: number;
  /** How long an instance taken out may go on with what it holds before it is stopped, ms. */
  gracePeriod: number;
}

/**
 * A `resize` event resolved: every instance stops (what it holds fails), is
 * down for `downtime`, and comes back on a bigger or smaller machine: `workers`
 * at once, service time divided by `speed`, billed at `costPerHour` (each
 * unchanged when absent).
 * @example { workers: 4, costPerHour: 0.192, downtime: 60_000 }
 */
export interface ResizePlan {
  /** Requests each instance runs at once (vCPUs, threads). */
  workers?: number;
  speed?: number;
  costPerHour?: number;
  downtime: number;
}

const DEPLOY_KEYS = ['strategy', 'maxUnavailable', 'maxSurge', 'startTime', 'gracePeriod'];
const RESIZE_KEYS = ['workers', 'speed', 'costPerHour', 'downtime'];
const KEYS = ['at', 'action', 'target', 'instance', 'factor', 'param', 'value', ...DEPLOY_KEYS, ...RESIZE_KEYS];

/**
 * Validates and resolves raw events (idempotent: resolved events resolve to themselves).
 * Problem paths are relative to `events`.
 */
export function resolveTimeline(raw: unknown[], ctx: TimelineContext): { events: TimelineEvent[]; problems: KindProblem[] } {
  const problems: KindProblem[] = [];
  const events: TimelineEvent[] = [];
  raw.forEach((e, i) => {
    const bad = (key: string | null, message: string) => void problems.push({ path: key === null ? [i] : [i, key], message });
    if (!isObject(e)) return bad(null, `expected an event such as {at: 60s, action: kill, target: app}, got ${show(e)}`);
    const before = problems.length;
    for (const k of Object.keys(e))
      if (!KEYS.includes(k)) bad(k, `unknown key "${k}" for an event${didYouMean(k, KEYS) || ` (expected one of ${KEYS.join(', ')})`}`);
    let at = 0;
    if (e.at == null) bad('at', 'required: expected a duration such as "60s"');
    else {
      try {
        at = parseDuration(e.at);
      } catch (err) {
        bad('at', (err as Error).message);
      }
    }
    const action = e.action as Action;
    if (!actions.includes(action))
      bad(
        'action',
        `${e.action == null ? 'required: ' : ''}expected one of ${actions.join(', ')}${e.action == null ? '' : `, got ${show(e.action)}${typeof e.action === 'string' ? didYouMean(e.action, actions) : ''}`}`,
      );
    const target = e.target as string;
    const comp = typeof target === 'string' && ctx.ids.includes(target) ? ctx.component(target) : undefined;
    const kind = comp?.def.kind;
    if (typeof target !== 'string' || !ctx.ids.includes(target))
      bad(
        'target',
        `${target == null ? 'required: expected a component id' : `no component ${show(target)}${typeof target === 'string' ? didYouMean(target, ctx.ids) : ''}`}`,
      );
    const ev: TimelineEvent = { at, action, target };
    if (e.instance != null) {
      const n = comp ? instanceCount(comp.def, comp.params) : Infinity;
      if (typeof e.instance !== 'number' || !Number.isInteger(e.instance) || e.instance < 1)
        bad('instance', `expected an instance number ≥ 1, got ${show(e.instance)}`);
      else if (e.instance > n)
        bad('instance', `${target} has ${n} instance${n === 1 ? '' : 's'}, so instance ${e.instance} does not exist`);
      else ev.instance = e.instance;
    }
    if (action === 'set') {
      const settable: readonly string[] = comp?.def.timeline?.settable?.(comp.params) ?? [];
      if (typeof e.param !== 'string')
        bad('param', `required for set: expected ${settable.length ? `one of ${settable.join(', ')}` : 'a parameter name'}`);
      else if (kind && !settable.includes(e.param))
        bad(
          'param',
          `a ${kind} cannot change ${show(e.param)} during a run${settable.length ? ` (settable: ${settable.join(', ')})` : ''}`,
        );
      else if (kind) {
        ev.param = e.param;
        if (e.value == null) bad('value', 'required for set');
        else
          ev.value = resolveParam(comp!.def.params[e.param], e.value, [i, 'value'], {
            targets: [],
            report: (p) => void problems.push({ path: [...p.path], message: p.message }),
          });
      }
    } else {
      for (const k of ['param', 'value'] as const) if (e[k] != null) bad(k, `only a set event takes ${k}`);
      const accepted: readonly string[] = [...(comp?.def.timeline?.failures ?? []), ...(comp?.def.timeline?.changes ?? [])];
      if (kind && actions.includes(action) && !accepted.includes(action as string))
        bad('target', `a ${kind} cannot be ${pastTense(action)} (${actionKinds(action)})`);
    }
    if (action === 'deploy') Object.assign(ev, deployPlan(e, bad));
    if (action === 'resize') Object.assign(ev, resizePlan(e, bad));
    if ((action === 'deploy' || action === 'resize') && e.instance != null)
      bad('instance', `a ${action} changes every instance; it takes no instance number`);
    for (const k of DEPLOY_KEYS) if (action !== 'deploy' && e[k] != null) bad(k, `only a deploy event takes ${k}`);
    for (const k of RESIZE_KEYS) if (action !== 'resize' && e[k] != null) bad(k, `only a resize event takes ${k}`);
    if (action === 'slow') {
      if (typeof e.factor !== 'number' || !(e.factor > 0) || !Number.isFinite(e.factor))
        bad(
          'factor',
          `${e.factor == null ? 'required for slow: ' : ''}expected a number > 0 (service time is multiplied by it)${e.factor == null ? '' : `, got ${show(e.factor)}`}`,
        );
      else ev.factor = e.factor;
    } else if (e.factor != null) bad('factor', 'only a slow event takes factor');
    if (problems.length === before) events.push(ev);
  });
  events.sort((a, b) => a.at - b.at);
  return { events, problems };
}

const pastTense = (a: Action): string => (a === 'slow' ? 'slowed' : a.endsWith('e') ? `${a}d` : `${a}ed`);

/** "kinds that can be: service, database" for a failure or change action, from the registry's capabilities. */
function actionKinds(action: Action): string {
  const can = Object.values(kinds)
    .filter((d) => [...(d.timeline?.failures ?? []), ...(d.timeline?.changes ?? [])].includes(action as never))
    .map((d) => d.kind);
  return `kinds that can be: ${can.join(', ') || 'none'}`;
}

type Bad = (key: string | null, message: string) => void;

/** A duration key of an event, or its default; reports what is wrong with it. */
function durationKey(e: Record<string, unknown>, key: string, fallback: number, bad: Bad): number {
  if (e[key] == null) return fallback;
  try {
    return parseDuration(e[key] as string | number);
  } catch (err) {
    bad(key, (err as Error).message);
    return fallback;
  }
}

/** A whole-number key of an event (≥ 0), or its default. */
function countKey(e: Record<string, unknown>, key: string, fallback: number, bad: Bad): number {
  const v = e[key];
  if (v == null) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 10_000) {
    bad(key, `expected a whole number of instances from 0 to 10000, got ${show(v)}`);
    return fallback;
  }
  return v;
}

/** Resolve a deploy event's fields (defaults: rolling, one instance at a time, 30 s to start, 30 s grace). */
function deployPlan(e: Record<string, unknown>, bad: Bad): Partial<TimelineEvent> {
  const strategy = e.strategy ?? 'rolling';
  if (strategy !== 'rolling' && strategy !== 'recreate')
    bad(
      'strategy',
      `expected rolling or recreate, got ${show(strategy)}${typeof strategy === 'string' ? didYouMean(strategy, ['rolling', 'recreate']) : ''}`,
    );
  const startTime = durationKey(e, 'startTime', 30_000, bad),
    gracePeriod = durationKey(e, 'gracePeriod', 30_000, bad);
  if (strategy === 'recreate') {
    for (const k of ['maxUnavailable', 'maxSurge'])
      if (e[k] != null) bad(k, `only a rolling deploy takes ${k} (recreate replaces every instance at once)`);
    return { strategy, startTime, gracePeriod };
  }
  const maxUnavailable = countKey(e, 'maxUnavailable', 1, bad),
    maxSurge = countKey(e, 'maxSurge', 0, bad);
  if (maxUnavailable + maxSurge < 1)
    bad('maxUnavailable', 'a rolling deploy needs maxUnavailable or maxSurge of at least 1, or it never makes progress');
  return { strategy: 'rolling', maxUnavailable, maxSurge, startTime, gracePeriod };
}

/** A resolved deploy event's plan. */
export function deployPlanOf(e: TimelineEvent): DeployPlan {
  return {
    strategy: e.strategy ?? 'rolling',
    maxUnavailable: e.maxUnavailable ?? 0,
    maxSurge: e.maxSurge ?? 0,
    startTime: e.startTime ?? 30_000,
    gracePeriod: e.gracePeriod ?? 30_000,
  };
}

/** Resolve a resize event's fields: a new speed and/or price, and the downtime of the move (default 60 s). */
function resizePlan(e: Record<string, unknown>, bad: Bad): ResizePlan {
  const plan: ResizePlan = { downtime: durationKey(e, 'downtime', 60_000, bad) };
  for (const k of ['speed', 'costPerHour'] as const) {
    const v = e[k];
    if (v == null) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || !(k === 'speed' ? v > 0 : v >= 0))
      bad(k, `expected a number ${k === 'speed' ? '> 0 (service time is divided by it)' : '≥ 0 (USD per instance-hour)'}, got ${show(v)}`);
    else plan[k] = v;
  }
  if (e.workers != null) {
    if (typeof e.workers !== 'number' || !Number.isInteger(e.workers) || e.workers < 1 || e.workers > 10_000)
      bad('workers', `expected a whole number of workers from 1 to 10000, got ${show(e.workers)}`);
    else plan.workers = e.workers;
  }
  if (e.workers == null && e.speed == null && e.costPerHour == null)
    bad(null, 'a resize needs workers, speed or costPerHour (the new machine)');
  return plan;
}

/** `kind: a, b; kind: c` — what each kind lets a set event change (for the schema's description). */
function settableSummary(): string {
  return Object.values(kinds)
    .flatMap((d) => {
      const names = settableByDefault(d);
      return names.length ? [`${d.kind}: ${names.join(', ')}`] : [];
    })
    .join('; ');
}

/** Validates and resolves `events`; problem paths are relative to `events`. */
export interface EventsHook {
  resolve(raw: unknown[], ctx: TimelineContext): { events: TimelineEvent[]; problems: KindProblem[] };
  /** JSON Schema of one event, for scenario.schema.json. */
  schema?: object;
}

/** The events hook for validateScenario / loadScenario: `{ events: timelineHook }`. */
export const timelineHook: EventsHook = {
  resolve: (raw, ctx) => resolveTimeline(raw, ctx),
  schema: {
    type: 'object',
    description:
      'A change during the run: kill, restore, crash or slow an instance, deploy a new version, resize the machines, or set a parameter.',
    required: ['at', 'action', 'target'],
    additionalProperties: false,
    properties: {
      at: { description: 'When, from the start of the run: a duration such as "60s".', type: ['string', 'number'] },
      action: {
        enum: [...actions],
        description:
          'kill: down until restored; crash: down for its restartTime; restore: back up; slow: multiply service time by factor (1 = normal); ' +
          'deploy: replace every instance (rolling or recreate); resize: move every instance to another machine size; set: change param to value.',
      },
      target: { type: 'string', description: 'Id of the component.' },
      instance: { type: 'integer', minimum: 1, description: 'Which instance (1-based); every instance when absent.' },
      factor: { type: 'number', exclusiveMinimum: 0, description: 'slow: service-time multiplier.' },
      param: { type: 'string', description: `set: the parameter (${settableSummary()}).` },
      value: { description: 'set: the new value, in the parameter\'s own units ("500/s", "exp(20ms)", 8).' },
      strategy: {
        enum: ['rolling', 'recreate'],
        description: 'deploy: rolling (default) replaces a few at a time; recreate replaces all at once.',
      },
      maxUnavailable: {
        type: 'integer',
        minimum: 0,
        description: 'deploy (rolling): instances taken out at once before their replacement starts (default 1).',
      },
      maxSurge: {
        type: 'integer',
        minimum: 0,
        description: 'deploy (rolling): extra instances started before old ones are replaced (default 0).',
      },
      startTime: { type: ['string', 'number'], description: 'deploy: time a new instance takes to start and become ready (default 30s).' },
      gracePeriod: {
        type: ['string', 'number'],
        description: 'deploy: time an instance taken out may finish what it holds (default 30s).',
      },
      workers: { type: 'integer', minimum: 1, description: 'resize: requests each instance runs at once on the new machine.' },
      speed: { type: 'number', exclusiveMinimum: 0, description: 'resize: the new speed (service time is divided by it).' },
      costPerHour: { type: 'number', minimum: 0, description: 'resize: the new price per instance-hour, USD.' },
      downtime: { type: ['string', 'number'], description: 'resize: how long every instance is down for the move (default 60s).' },
    },
  },
};
