/**
 * JSON Schema (draft-07) of the scenario format, generated from the same
 * descriptors the validator uses, so YAML editors can complete and check files.
 */
import { MAX_SWEEP_POINTS } from '../analysis/sweep.js';
import { MAX_SWEEP_REPLICATIONS } from './sweep-block.js';
import type { Param } from '../kinds/params.js';
import { commonParams } from '../kinds/params.js';
import { kinds as defaultKinds } from '../kinds/index.js';
import { linkParams } from '../kinds/link.js';
import { DIST_CALL_PATTERN, DIST_EXAMPLES, MAX_ERLANG_K } from './dist-syntax.js';
import { DURATION_PATTERN, RATE_PATTERN } from './units.js';
import { timelineHook, type EventsHook } from '../timeline/events.js';
import { ID_PATTERN, MAX_COMPONENTS, MAX_LINKS, MAX_SEED_LENGTH, scenarioParams, topLevelHelp, type Registry } from './validate.js';

type Schema = Record<string, unknown>;
const ref = (name: string): Schema => ({ $ref: `#/definitions/${name}` });

/** Schema of one parameter descriptor. */
function paramSchema(d: Param): Schema {
  const base: Schema = { description: d.help, ...(d.examples ? { examples: d.examples } : {}) };
  const dflt = 'default' in d && d.default !== undefined ? { default: d.default } : {};
  const range = (d: { min?: number; max?: number; minExclusive?: boolean }) => ({
    ...(d.min === undefined ? {} : d.minExclusive ? { exclusiveMinimum: d.min } : { minimum: d.min }),
    ...(d.max === undefined ? {} : { maximum: d.max }),
  });
  switch (d.type) {
    case 'number':
      return { ...base, type: d.integer ? 'integer' : 'number', ...range(d), ...dflt };
    case 'duration':
      return { ...base, allOf: [ref('duration')], ...dflt };
    case 'rate':
      return { ...base, allOf: [ref('rate')], ...dflt };
    case 'dist':
      return { ...base, allOf: [ref('dist')], ...dflt };
    case 'enum':
      return { ...base, type: 'string', enum: [...d.values], ...dflt };
    case 'boolean':
      return { ...base, type: 'boolean', ...dflt };
    case 'string':
      return { ...base, type: 'string', ...(d.pattern ? { pattern: d.pattern } : {}), ...dflt };
    case 'object':
      return { ...base, ...objectSchema(d.fields) };
    case 'map':
      return {
        ...base,
        type: 'object',
        additionalProperties: paramSchema(d.values),
        ...(d.keyPattern ? { propertyNames: { pattern: d.keyPattern } } : {}),
        ...(d.maxEntries === undefined ? {} : { maxProperties: d.maxEntries }),
      };
    case 'list':
      return {
        ...base,
        type: 'array',
        items: paramSchema(d.items),
        ...(d.minItems === undefined ? {} : { minItems: d.minItems }),
        ...(d.maxItems === undefined ? {} : { maxItems: d.maxItems }),
      };
  }
}

function objectSchema(fields: Record<string, Param>): Schema {
  const required = Object.entries(fields)
    .filter(([, d]) => d.required)
    .map(([k]) => k);
  return {
    type: 'object',
    properties: Object.fromEntries(Object.entries(fields).map(([k, d]) => [k, paramSchema(d)])),
    ...(required.length ? { required } : {}),
    additionalProperties: false,
  };
}

const durationSchema: Schema = {
  description: 'A duration: "250ms", "2s", "5m", "1h", "1d" (also "us"), or a number of milliseconds.',
  anyOf: [
    { type: 'number', minimum: 0 },
    { type: 'string', pattern: DURATION_PATTERN },
  ],
  examples: ['250ms', '2s', '5m'],
};
const rateSchema: Schema = {
  description: 'A rate: "100/s", "6000/min", "10/ms", "360/h", or a number per second.',
  anyOf: [
    { type: 'number', minimum: 0 },
    { type: 'string', pattern: RATE_PATTERN },
  ],
  examples: ['100/s', '6000/min'],
};
const d = ref('duration');
const distObject = (dist: string[], props: Record<string, Schema>, required = Object.keys(props)): Schema => ({
  type: 'object',
  properties: { dist: { enum: dist }, ...props },
  required: ['dist', ...required],
  additionalProperties: false,
});
const distSchema: Schema = {
  description:
    'A distribution of durations: a duration (constant), a shorthand such as "exp(10ms)", or an object such as {dist: exponential, mean: 10ms}.',
  examples: DIST_EXAMPLES,
  anyOf: [
    d,
    { type: 'string', pattern: DIST_CALL_PATTERN },
    distObject(['constant'], { value: d }),
    distObject(['exponential', 'exp'], { mean: d }),
    distObject(['uniform'], { min: d, max: d }),
    distObject(['normal'], { mean: d, sd: d }),
    distObject(['lognormal'], { median: d, p99: d }),
    distObject(['pareto'], { scale: d, shape: { type: 'number', exclusiveMinimum: 0 } }),
    distObject(['erlang'], { k: { type: 'integer', minimum: 1, maximum: MAX_ERLANG_K }, mean: d }),
    distObject(
      ['empirical'],
      { values: { type: 'array', items: d, minItems: 1 }, weights: { type: 'array', items: { type: 'number', minimum: 0 } } },
      ['values'],
    ),
  ],
};

const targetSchema: Schema = {
  description: 'A target in the metric\'s unit: a time ("150ms"), a share ("1%"), a rate ("500/s"), dollars ("$100") or a plain number.',
  anyOf: [{ type: 'number' }, { type: 'string', minLength: 1 }],
  examples: ['150ms', '1%', '500/s', '$100'],
};
const goalSchema: Schema = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, description: 'What the goal is called in reports; by default the metric and its target.' },
    metric: {
      type: 'string',
      minLength: 1,
      description: 'A figure of the run result (docs/output.md): summary.*, phases.<name>.*, components.<id>.<statistic>.',
      examples: [
        'summary.latencyMs.p99',
        'summary.errorRate',
        'summary.throughputRps',
        'summary.cost.perMonth',
        'components.db.utilization',
      ],
    },
    below: { allOf: [ref('target')], description: 'The goal is met when the figure is below this.' },
    above: { allOf: [ref('target')], description: 'The goal is met when the figure is above this.' },
    between: {
      description: 'The goal is met when the figure is between these two, ends included.',
      type: 'array',
      items: ref('target'),
      minItems: 2,
      maxItems: 2,
    },
    variant: { type: 'string', minLength: 1, description: 'Evaluate the goal on this variant.' },
    why: { type: 'string', minLength: 1, description: 'Markdown shown when the goal fails.' },
    points: { type: 'number', minimum: 0, default: 1, description: "The goal's weight in a grade." },
  },
  required: ['metric'],
  oneOf: [{ required: ['below'] }, { required: ['above'] }, { required: ['between'] }],
  additionalProperties: false,
};

const sweepEnd: Schema = {
  anyOf: [{ type: 'number' }, { type: 'string', minLength: 1 }],
  description: 'A number, a rate ("100/s") or a duration ("1ms"); both ends in the same form.',
};
const sweepSchema: Schema = {
  description: topLevelHelp.sweep,
  type: 'object',
  properties: {
    param: {
      type: 'string',
      minLength: 1,
      description: 'The parameter varied, as --set names it: id.param.',
      examples: ['users.rate', 'app.instances'],
    },
    from: { ...sweepEnd, description: `Where the range starts. ${sweepEnd.description}` },
    to: { ...sweepEnd, description: `Where the range ends. ${sweepEnd.description}` },
    steps: {
      type: 'integer',
      minimum: 2,
      maximum: MAX_SWEEP_POINTS,
      description: 'Points of the range, ends included (default: every integer of an integer range, else 10).',
    },
    values: {
      type: 'array',
      minItems: 2,
      maxItems: MAX_SWEEP_POINTS,
      items: { anyOf: [{ type: 'number' }, { type: 'string', minLength: 1 }] },
      description: 'The values to run, instead of a range.',
    },
    replications: {
      type: 'integer',
      minimum: 1,
      maximum: MAX_SWEEP_REPLICATIONS,
      default: 3,
      description: 'Runs per point, seeds seed..seed+N-1 at every point.',
    },
  },
  required: ['param'],
  oneOf: [{ required: ['from', 'to'] }, { required: ['values'] }],
  additionalProperties: false,
};

/**
 * The JSON Schema (draft-07) of scenario files for a registry of kinds.
 * @example JSON.stringify(scenarioSchema(), null, 2) // what public/scenario.schema.json holds
 */
export function scenarioSchema(registry: Registry = defaultKinds, events: EventsHook = timelineHook): Schema {
  const names = Object.keys(registry);
  const kindDefs = Object.fromEntries(
    names.map((k) => {
      const fields = { ...commonParams, ...registry[k].params };
      const s = objectSchema(fields);
      (s.properties as Schema).kind = { const: k, description: registry[k].help };
      return [`kind-${k}`, { title: registry[k].label, description: registry[k].help, ...s }];
    }),
  );
  const top = Object.fromEntries(Object.entries(scenarioParams).map(([k, p]) => [k, paramSchema(p)]));
  (top.version as Schema) = { ...top.version, const: 1 };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://archsim.dev/scenario.schema.json',
    title: 'archsim scenario (version 1)',
    type: 'object',
    properties: {
      version: top.version,
      title: top.title,
      description: top.description,
      seed: {
        description: topLevelHelp.seed,
        anyOf: [{ type: 'integer' }, { type: 'string', minLength: 1, maxLength: MAX_SEED_LENGTH }],
        default: 1,
      },
      duration: top.duration,
      warmup: top.warmup,
      drain: top.drain,
      components: {
        description: topLevelHelp.components,
        type: 'object',
        maxProperties: MAX_COMPONENTS,
        propertyNames: { pattern: ID_PATTERN },
        additionalProperties: ref('component'),
      },
      links: { description: topLevelHelp.links, type: 'array', maxItems: MAX_LINKS, items: ref('link') },
      variants: {
        description: topLevelHelp.variants,
        type: 'object',
        additionalProperties: { type: 'object', description: 'A JSON Merge Patch: keys merge, null deletes, lists (links) are replaced.' },
      },
      events: { description: topLevelHelp.events, type: 'array', items: events.schema ?? { type: 'object' } },
      goals: { description: topLevelHelp.goals, type: 'array', items: ref('goal') },
      hints: { description: topLevelHelp.hints, type: 'array', items: { type: 'string', minLength: 1 } },
      locked: {
        description: topLevelHelp.locked,
        type: 'array',
        items: { type: 'string', minLength: 1, examples: ['components.users', 'components.db.queryTime', 'duration', 'goals'] },
      },
      sweep: sweepSchema,
    },
    required: ['components'],
    additionalProperties: false,
    definitions: {
      duration: durationSchema,
      rate: rateSchema,
      dist: distSchema,
      link: objectSchema(linkParams),
      target: targetSchema,
      goal: goalSchema,
      component: {
        type: 'object',
        required: ['kind'],
        properties: { kind: { description: 'Which kind of component this is.', type: 'string', ...(names.length ? { enum: names } : {}) } },
        allOf: names.map((k) => ({ if: { properties: { kind: { const: k } } }, then: ref(`kind-${k}`) })),
      },
      ...kindDefs,
    },
  };
}
