/**
 * Property-based fuzzing of the input boundary (issue #9). Every bundled
 * scenario, mutated (see mutations.ts), as text or as an object, must either be
 * refused with a location (a line, or a path) or validate and then run — capped
 * to a short window and an event budget — to a result whose accounting holds:
 * requests = completed + failed + in flight, no NaN, no negative figure. No
 * case may throw anything else, or leave a key on Object.prototype.
 *
 * In `npm test`: 300 cases with seed 20261201 (FUZZ_RUNS and FUZZ_SEED override
 * them, e.g. `FUZZ_RUNS=10000 npx vitest run test/fuzz` for a local campaign).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { loadScenario, resolveScenario, ScenarioError, type Problem, type ResolvedScenario } from '../../src/scenario/index.js';
import { runScenario, RunTooLargeError } from '../../src/run/run.js';
import type { RunResult } from '../../src/run/result.js';
import { mutate, mutateText, mutation, textMutation, type Mutation, type TextMutation } from './mutations.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
/** Events one fuzzed run may take: enough to exercise every kind, small enough for a fast test. */
const MAX_EVENTS = 200_000;

const dir = new URL('../../scenarios/', import.meta.url).pathname;
const bundled = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ file: f, text: readFileSync(dir + f, 'utf8') }));

const protoKeys = (o: object) => Object.getOwnPropertyNames(o).sort().join(',');
const CLEAN = { object: protoKeys(Object.prototype), array: protoKeys(Array.prototype), fn: protoKeys(Function.prototype) };

/** Tallies of what the fuzzer saw, printed at the end so a campaign shows its spread. */
const seen = { refused: 0, ran: 0, tooLarge: 0, incomplete: 0, slowestMs: 0 };

/** A refusal must say where: a line (text) or a path, naming the root only when the root itself is wrong. */
function assertLocated(problems: Problem[], hasText: boolean): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) {
    const isRoot = p.path === '' && /^(expected a scenario|mappings and lists are nested|the scenario is)/.test(p.message);
    if (hasText) expect(p.line, `no line for: ${p.path}: ${p.message}`).toBeGreaterThan(0);
    else expect(p.path !== '' || isRoot, `no path for: ${p.message}`).toBe(true);
    expect(p.message.length).toBeGreaterThan(0);
  }
}

/** Every number in the result is finite and ≥ 0, and each summary's requests add up. */
function assertAccounting(r: RunResult): void {
  const stack: [unknown, string][] = [[r, 'result']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'number') {
      expect(Number.isFinite(v), `${path} is ${v}`).toBe(true);
      expect(v, `${path} is negative`).toBeGreaterThanOrEqual(0);
    } else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) stack.push([x, `${path}.${k}`]);
  }
  for (const s of [r.summary, ...r.phases]) {
    expect(s.requests, 'requests = completed + failed + inFlight').toBe(s.completed + s.failed + s.inFlight);
    expect(s.failed).toBe(Object.values(s.failures).reduce((a, b) => a + b, 0));
  }
}

/** The scenario cut to a short window, so one case stays within milliseconds. */
function short(s: ResolvedScenario): ResolvedScenario {
  return {
    ...s,
    ...(s.duration === undefined ? {} : { duration: Math.min(s.duration, 2000) }),
    warmup: Math.min(s.warmup, 500),
    drain: Math.min(s.drain, 2000),
  };
}

/** One case: validate, then (when valid) run; any other outcome fails the property. */
function check(scenario: () => ResolvedScenario, hasText: boolean): void {
  let s: ResolvedScenario;
  try {
    s = scenario();
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    seen.refused++;
    assertLocated(e.problems, hasText);
    return;
  }
  let r: RunResult;
  try {
    r = runScenario(short(s), { maxEvents: MAX_EVENTS });
  } catch (e) {
    if (!(e instanceof RunTooLargeError)) throw e;
    seen.tooLarge++;
    return;
  }
  seen.ran++;
  if (!r.complete) seen.incomplete++;
  assertAccounting(r);
}

/** Object.prototype, Array.prototype and Function.prototype hold only their own members. */
function assertPrototypesClean(): void {
  expect(protoKeys(Object.prototype)).toBe(CLEAN.object);
  expect(protoKeys(Array.prototype)).toBe(CLEAN.array);
  expect(protoKeys(Function.prototype)).toBe(CLEAN.fn);
  for (const k in {}) throw new Error(`Object.prototype has an enumerable key "${k}"`);
}

const fuzzCase = fc.record({
  scenario: fc.nat({ max: bundled.length - 1 }),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
  route: fc.constantFrom('object' as const, 'json' as const, 'yaml' as const),
  // text mutations almost always break the text: one case in four gets one
  text: fc.oneof(
    { weight: 3, arbitrary: fc.constant<TextMutation[]>([]) },
    { weight: 1, arbitrary: fc.array(textMutation, { minLength: 1, maxLength: 2 }) },
  ),
});

/** Text of a mutated object: JSON, or YAML as an author would write it. */
function toText(raw: unknown, route: 'json' | 'yaml'): string {
  if (route === 'json') return JSON.stringify(raw) ?? 'null';
  try {
    return stringify(raw, { aliasDuplicateObjects: false });
  } catch {
    return JSON.stringify(raw) ?? 'null';
  }
}

function runCase(c: { scenario: number; mutations: Mutation[]; route: 'object' | 'json' | 'yaml'; text: TextMutation[] }): void {
  const { file, text } = bundled[c.scenario];
  const t0 = performance.now();
  let raw = parse(text);
  for (const m of c.mutations) raw = mutate(raw, m);
  try {
    if (c.route === 'object') check(() => resolveScenario(raw), false);
    else {
      const mutated = c.text.reduce(mutateText, toText(raw, c.route));
      check(() => loadScenario(mutated, { file }), true);
    }
  } finally {
    seen.slowestMs = Math.max(seen.slowestMs, Math.round(performance.now() - t0));
    assertPrototypesClean();
  }
}

describe('cases the fuzzer found', () => {
  it("a null phase in a variant is refused with its place, not a TypeError from the client's hooks", () => {
    const text = readFileSync(`${dir}jmeter-closed.yaml`, 'utf8').replace(/(100-threads:[\s\S]*?phases:\s*\n\s*)- \{[^}]*\}/, '$1- null');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.trim() === '- null') + 1;
    const col = lines[line - 1].indexOf('null') + 1;
    expect(line).toBeGreaterThan(0);
    expect(() => loadScenario(text, { file: 'j.yaml' })).toThrow(
      `j.yaml:${line}:${col}: components.jmeter.phases[0]: in variant "100-threads": expected a mapping with keys name, duration, rate, rampTo, users, iterations, got null`,
    );
  });
});

describe('fuzzed scenarios (issue #9)', () => {
  it(
    `every bundled scenario, mutated ${RUNS} ways (seed ${SEED}), is refused with a location or runs with sound accounting`,
    () => {
      expect(bundled.length).toBeGreaterThanOrEqual(10);
      const t0 = performance.now();
      fc.assert(fc.property(fuzzCase, runCase), { seed: SEED, numRuns: RUNS });
      console.log(`fuzz: ${RUNS} cases, seed ${SEED}, ${((performance.now() - t0) / 1000).toFixed(1)} s:`, seen);
      // a fuzzer that only ever refuses tests nothing past validation
      expect(seen.ran).toBeGreaterThan(RUNS / 20);
    },
    60_000 + RUNS * 200,
  );

  it("runs each bundled scenario unmutated to sound accounting (the fuzzer's baseline)", () => {
    const ran = seen.ran;
    for (const { file, text } of bundled) check(() => loadScenario(text, { file }), true);
    expect(seen.ran - ran).toBeGreaterThanOrEqual(bundled.length - 2);
  });
});
