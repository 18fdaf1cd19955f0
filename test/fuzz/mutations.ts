/**
 * Mutations of a scenario as an attacker or a careless author makes them:
 * deletions, type swaps, extreme numbers, odd keys (`__proto__`, `constructor`),
 * deep nesting, control characters and strings in number slots, applied to the
 * parsed object or to its text. Mutations are data, so fast-check shrinks them.
 */
import fc from 'fast-check';

/** One change to a scenario object: `at` picks the node, modulo the nodes there are. */
export type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'set'; at: number; value: unknown }
  | { op: 'add-key'; at: number; key: string; value: unknown }
  | { op: 'swap-type'; at: number; to: 'string' | 'number' | 'list' | 'mapping' | 'boolean' }
  | { op: 'nest'; at: number; depth: number }
  | { op: 'tweak'; at: number; pick: number };

/** One change to scenario text: insert, cut or truncate at `at` (modulo the length). */
export type TextMutation =
  | { op: 'insert'; at: number; text: string }
  | { op: 'cut'; at: number; length: number }
  | { op: 'truncate'; at: number };

const ODD_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '',
  ' ',
  'a.b',
  'kind',
  'rate',
  'users',
  'workers',
  'instances',
  'duration',
  'from',
  'to',
  'events',
  'variants',
  '\u001b[2J',
  '\u202eevil',
  'x'.repeat(300),
];

const ODD_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -0,
  -1,
  1,
  0.5,
  1e-300,
  2 ** 53,
  1e15,
  1e308,
  -1e308,
  NaN,
  Infinity,
  -Infinity,
  '',
  ' ',
  '  5  ',
  '5',
  '0',
  '-5ms',
  '1e400ms',
  '0ms',
  '1e-9ms',
  'NaN',
  '\u001b]0;pwned\u0007\u001b[2J',
  '\u0000',
  '\u202e',
  '5 ms ',
  'exp(-1ms)',
  'exp(0ms)',
  'uniform(5ms, 1ms)',
  'lognormal(1ms, 0.5ms)',
  'erlang(100000, 1ms)',
  '10/s',
  '0/s',
  '1e9/s',
  '5ms',
  '1h',
  '7d',
  '__proto__',
  'constructor',
  'toString',
  {},
  [],
  [null],
  [{}],
  { kind: 'service' },
  { kind: 'client' },
  { from: 'users', to: 'users' },
  { dist: 'exp' },
  { __proto__: null },
];

/** A value nested `depth` levels deep, alternating lists and mappings. */
export const nested = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

/** Values a slot may be given: odd ones, random strings and numbers, small JSON. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...ODD_VALUES) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: 40, max: 1200 }).map(nested) },
);

/** A key to add: odd names, names the scenario format uses, random strings. */
export const oddKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD_KEYS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/** Extreme but well-formed values for a number, a duration and a rate: most cases that use them still run. */
const TWEAKS = {
  number: [0, 1, 2, 3, 7, 64, 1000, 1e6, 0.001, 0.999, 1e-9],
  duration: ['0ms', '1us', '1ms', '50ms', '1s', '10m', '1h', '30d', '1e-3ms'],
  rate: ['0/s', '1/h', '1/s', '1000/s', '1e5/s', '0.5 rps'],
};

/** One object mutation: mostly well-formed extremes (so runs are exercised), the rest hostile. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('tweak' as const), at: fc.nat(), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat() }) },
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: oddValue }),
  fc.record({ op: fc.constant('add-key' as const), at: fc.nat(), key: oddKey, value: oddValue }),
  fc.record({
    op: fc.constant('swap-type' as const),
    at: fc.nat(),
    to: fc.constantFrom('string' as const, 'number' as const, 'list' as const, 'mapping' as const, 'boolean' as const),
  }),
  fc.record({ op: fc.constant('nest' as const), at: fc.nat(), depth: fc.integer({ min: 30, max: 1500 }) }),
);

/** One text mutation; inserted text favours control characters and YAML syntax. */
export const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.constantFrom(
        '\u001b[2J',
        '\u0000',
        '\t',
        '\r\n',
        ': ',
        '- ',
        '{',
        '[',
        '&a ',
        '*a',
        '<<: *a',
        '"',
        "'",
        '#',
        '---\n',
        '\ufeff',
        '\u2028',
      ),
      fc.string({ maxLength: 8 }),
    ),
  }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);

type Container = Record<string, unknown> | unknown[];
const isContainer = (v: unknown): v is Container => typeof v === 'object' && v !== null;

/** Every (container, key) slot in `root`, breadth first; iterative, so deep values cost no stack. */
function slots(root: Container): [Container, string | number][] {
  const out: [Container, string | number][] = [];
  const queue: Container[] = [root];
  for (let i = 0; i < queue.length && out.length < 5000; i++) {
    const c = queue[i];
    for (const k of Array.isArray(c) ? c.keys() : Object.keys(c)) {
      out.push([c, k]);
      const v = (c as Record<string | number, unknown>)[k];
      if (isContainer(v) && queue.length < 5000) queue.push(v);
    }
  }
  return out;
}

/** Sets an own property, even one called `__proto__`. */
const put = (c: Container, k: string | number, value: unknown) =>
  void Object.defineProperty(c, k, { value, writable: true, enumerable: true, configurable: true });

function swapped(v: unknown, to: string): unknown {
  switch (to) {
    case 'string':
      return typeof v === 'object' ? (JSON.stringify(v) ?? '') : String(v);
    case 'number':
      return typeof v === 'string' ? Number.parseFloat(v) : Number(v);
    case 'list':
      return [v];
    case 'mapping':
      return { value: v };
    default:
      return Boolean(v);
  }
}

/** Applies `m` to `root` in place (root itself may be replaced: the new root is returned). */
export function mutate(root: unknown, m: Mutation): unknown {
  if (!isContainer(root)) return m.op === 'set' ? m.value : root;
  const all = slots(root);
  if (m.op === 'add-key') {
    const maps = [root, ...all.map(([c, k]) => (c as Record<string | number, unknown>)[k])].filter(
      (v): v is Record<string, unknown> => isContainer(v) && !Array.isArray(v),
    );
    if (maps.length) put(maps[m.at % maps.length], m.key, m.value);
    return root;
  }
  if (m.op === 'tweak') {
    const leaves = all.filter(([c, k]) => {
      const v = (c as Record<string | number, unknown>)[k];
      return typeof v === 'number' || (typeof v === 'string' && /^[\d.]/.test(v));
    });
    if (!leaves.length) return root;
    const [c, k] = leaves[m.at % leaves.length];
    const v = (c as Record<string | number, unknown>)[k];
    const family = typeof v === 'number' ? TWEAKS.number : /\/|rps/.test(v as string) ? TWEAKS.rate : TWEAKS.duration;
    put(c, k, family[m.pick % family.length]);
    return root;
  }
  if (!all.length) return root;
  const [c, k] = all[m.at % all.length];
  const old = (c as Record<string | number, unknown>)[k];
  if (m.op === 'delete') {
    if (Array.isArray(c)) c.splice(k as number, 1);
    else delete c[k as string];
  } else if (m.op === 'set') put(c, k, m.value);
  else if (m.op === 'swap-type') put(c, k, swapped(old, m.to));
  else put(c, k, nested(m.depth));
  return root;
}

/** Applies a text mutation. */
export function mutateText(text: string, m: TextMutation): string {
  const at = text.length ? m.at % text.length : 0;
  if (m.op === 'insert') return text.slice(0, at) + m.text + text.slice(at);
  if (m.op === 'cut') return text.slice(0, at) + text.slice(at + m.length);
  return text.slice(0, at);
}
