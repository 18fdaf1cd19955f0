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
 */
import { FAILURES, instanceCount, settableByDefault, type AnyKindDef, type KindProblem } from '../kinds/define.js';
import type { Resolved, ResolvedObject } from '../kinds/params.js';
import { kinds } from '../kinds/index.js';
import { parseDuration } from '../scenario/units.js';
import { resolveParam } from '../scenario/resolve-param.js';
import { didYouMean, show } from '../scenario/suggest.js';
import { isObject } from '../scenario/is-object.js';

/** What an event can do: a failure of the target's kind (FAILURES) or `set` a parameter. */
export const actions = [...FAILURES, 'set'] as const;
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
}

const KEYS = ['at', 'action', 'target', 'instance', 'factor', 'param', 'value'];

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
      const failures: readonly string[] = comp?.def.timeline?.failures ?? [];
      if (kind && actions.includes(action) && !failures.includes(action as string))
        bad('target', `a ${kind} cannot be ${pastTense(action)} (${failureKinds(action)})`);
    }
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

const pastTense = (a: Action): string => (a === 'slow' ? 'slowed' : a === 'restore' ? 'restored' : `${a}ed`);

/** "kinds that can: service, database" for a failure action, from the registry's capabilities. */
function failureKinds(action: Action): string {
  const can = Object.values(kinds)
    .filter((d) => (d.timeline?.failures as readonly string[] | undefined)?.includes(action))
    .map((d) => d.kind);
  return `kinds that can be: ${can.join(', ') || 'none'}`;
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
    description: 'A change during the run: kill, restore, crash or slow an instance, or set a parameter.',
    required: ['at', 'action', 'target'],
    additionalProperties: false,
    properties: {
      at: { description: 'When, from the start of the run: a duration such as "60s".', type: ['string', 'number'] },
      action: {
        enum: [...actions],
        description:
          'kill: down until restored; crash: down for its restartTime; restore: back up; slow: multiply service time by factor (1 = normal); set: change param to value.',
      },
      target: { type: 'string', description: 'Id of the component.' },
      instance: { type: 'integer', minimum: 1, description: 'Which instance (1-based); every instance when absent.' },
      factor: { type: 'number', exclusiveMinimum: 0, description: 'slow: service-time multiplier.' },
      param: { type: 'string', description: `set: the parameter (${settableSummary()}).` },
      value: { description: 'set: the new value, in the parameter\'s own units ("500/s", "exp(20ms)", 8).' },
    },
  },
};
